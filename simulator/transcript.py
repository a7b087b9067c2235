"""The runtime output record of a call: immutable, versioned, JSON round-trippable."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any, Literal, cast

SCHEMA_VERSION = 1
SILENCE = "_silence"
"""The action token of a silence (response timer ran out) in a choice list; no choice id can clash."""

Speaker = Literal["agent", "debtor"]
Event = Literal["choice", "silence", "line", "threshold", "ending"]
Status = Literal["in_progress", "completed", "abandoned"]
EndedBy = Literal["agent", "debtor", "mutual"]


class TranscriptError(ValueError):
    """A transcript record that cannot be read (wrong version or shape)."""


def _mood_pairs(raw: object) -> tuple[tuple[str, int], ...]:
    """Mood as ordered (name, value) pairs; JSON keeps it as a list of pairs so key order survives."""
    if isinstance(raw, dict):
        items = list(raw.items())
    elif isinstance(raw, list):
        items = [tuple(pair) for pair in raw]
    else:
        raise TypeError(f"mood must be a list of [name, value] pairs, got {type(raw).__name__}")
    return tuple((str(name), int(value)) for name, value in items)


@dataclass(frozen=True, slots=True)
class Turn:
    """One utterance (or silence) in the call, with the engine state right after it."""

    index: int
    speaker: Speaker
    event: Event
    text: str
    node: str
    choice: str | None
    tags: tuple[str, ...]
    mood: tuple[tuple[str, int], ...]
    party: str
    verified: bool
    flags: tuple[str, ...]
    at: dt.datetime
    seconds: float

    @property
    def mood_dict(self) -> dict[str, int]:
        """The mood snapshot as a dict."""
        return dict(self.mood)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return {
            "index": self.index,
            "speaker": self.speaker,
            "event": self.event,
            "text": self.text,
            "node": self.node,
            "choice": self.choice,
            "tags": list(self.tags),
            "mood": [[name, value] for name, value in self.mood],
            "party": self.party,
            "verified": self.verified,
            "flags": list(self.flags),
            "at": self.at.isoformat(),
            "seconds": self.seconds,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Turn:
        """Read a turn written by `to_dict`."""
        return cls(
            index=int(data["index"]),
            speaker=cast(Speaker, data["speaker"]),
            event=cast(Event, data["event"]),
            text=str(data["text"]),
            node=str(data["node"]),
            choice=data["choice"],
            tags=tuple(data["tags"]),
            mood=_mood_pairs(data["mood"]),
            party=str(data["party"]),
            verified=bool(data["verified"]),
            flags=tuple(data["flags"]),
            at=dt.datetime.fromisoformat(data["at"]),
            seconds=float(data["seconds"]),
        )


@dataclass(frozen=True, slots=True)
class Ending:
    """How the call ended."""

    id: str
    outcome: str
    ended_by: EndedBy

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return {"id": self.id, "outcome": self.outcome, "ended_by": self.ended_by}


@dataclass(frozen=True, slots=True)
class Transcript:
    """The record of one call: enough to replay it (content hash, seed, actions) and to score it."""

    scenario: str
    persona: str
    locale: str
    content_hash: str
    seed: int
    dialed_at: dt.datetime
    turns: tuple[Turn, ...] = ()
    actions: tuple[str, ...] = ()
    ending: Ending | None = None
    status: Status = "in_progress"
    schema_version: int = field(default=SCHEMA_VERSION)

    @property
    def agent_turns(self) -> tuple[Turn, ...]:
        """The trainee's turns (choices and silences)."""
        return tuple(t for t in self.turns if t.speaker == "agent")

    def abandoned(self) -> Transcript:
        """This transcript marked abandoned (the trainee left before the call ended)."""
        return self if self.status == "completed" else replace(self, status="abandoned")

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return {
            "schema_version": self.schema_version,
            "scenario": self.scenario,
            "persona": self.persona,
            "locale": self.locale,
            "content_hash": self.content_hash,
            "seed": self.seed,
            "dialed_at": self.dialed_at.isoformat(),
            "status": self.status,
            "actions": list(self.actions),
            "turns": [t.to_dict() for t in self.turns],
            "ending": self.ending.to_dict() if self.ending else None,
        }

    def to_json(self) -> str:
        """Serialise to JSON (UTF-8 text, CJK kept as is)."""
        return json.dumps(self.to_dict(), ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Transcript:
        """Read a transcript dict; raise TranscriptError on an unknown version or a bad shape."""
        version = data.get("schema_version")
        if version != SCHEMA_VERSION:
            raise TranscriptError(
                f"transcript schema_version {version!r} is not supported (this CallDojo reads {SCHEMA_VERSION})"
            )
        try:
            ending = data.get("ending")
            return cls(
                scenario=str(data["scenario"]),
                persona=str(data["persona"]),
                locale=str(data["locale"]),
                content_hash=str(data["content_hash"]),
                seed=int(data["seed"]),
                dialed_at=dt.datetime.fromisoformat(data["dialed_at"]),
                turns=tuple(Turn.from_dict(t) for t in data["turns"]),
                actions=tuple(str(a) for a in data["actions"]),
                ending=Ending(
                    id=str(ending["id"]),
                    outcome=str(ending["outcome"]),
                    ended_by=cast(EndedBy, ending["ended_by"]),
                )
                if ending
                else None,
                status=cast(Status, data["status"]),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise TranscriptError(f"transcript record is malformed: {exc}") from exc

    @classmethod
    def from_json(cls, text: str) -> Transcript:
        """Parse JSON written by `to_json`."""
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise TranscriptError(f"transcript is not valid JSON: {exc}") from exc
        if not isinstance(data, dict):
            raise TranscriptError("transcript JSON must be an object")
        return cls.from_dict(data)
