"""A practice attempt in progress: the running call plus the record the store keeps (no Textual here).

The record is saved after every turn with status `abandoned` until the call ends, so quitting,
Ctrl+C, a closed window or a crash at any moment leaves the turns played on record.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from simulator.store.base import AttemptRecord, Trainee, overall_of
from simulator.transcript import Transcript, Turn

if TYPE_CHECKING:
    from scoring.report import ScoreReport
    from scoring.score import PassRules
    from simulator.engine import Call, OfferedChoice
    from simulator.spec.models.persona import PersonaSpec
    from simulator.spec.models.scenario import ScenarioSpec


class Practice(Protocol):
    """What the TUI needs of a prepared scenario (simulator.practice.Prepared provides it)."""

    @property
    def scenario(self) -> ScenarioSpec:
        """The scenario."""

    @property
    def persona(self) -> PersonaSpec:
        """Its persona."""

    @property
    def anchors(self) -> Mapping[str, float]:
        """The model answer's points per soft dimension (what scores 100)."""

    @property
    def pass_rules(self) -> PassRules:
        """What decides pass or fail in this scenario."""

    def start(self, *, seed: int = 0, shuffle: bool = False) -> Call:
        """Begin a call."""

    def score(self, transcript: Transcript) -> ScoreReport:
        """Score a transcript."""


Preparer = Callable[[str], Practice]
"""Prepares a scenario by id; raises simulator.practice.PracticeError (a LookupError)."""


def utc_now() -> dt.datetime:
    """The wall clock in UTC (the default for attempt timestamps)."""
    return dt.datetime.now(dt.UTC)


@dataclass
class Outcome:
    """A finished call: its transcript, score report and the record saved."""

    transcript: Transcript
    report: ScoreReport | None
    record: AttemptRecord


class PracticeSession:
    """Drives one call for one trainee and produces the attempt record after each step."""

    def __init__(
        self,
        practice: Practice,
        trainee: Trainee,
        *,
        seed: int,
        now: Callable[[], dt.datetime] = utc_now,
        attempt_id: str | None = None,
    ) -> None:
        self.practice = practice
        self.trainee = trainee
        self.seed = seed
        self.id = attempt_id or str(uuid.uuid4())
        self._now = now
        self.started_at = now()
        self.revision = 0
        self.call = practice.start(seed=seed, shuffle=True)
        self.report: ScoreReport | None = None

    @property
    def ended(self) -> bool:
        """True once the call reached an ending."""
        return self.call.ended

    def choices(self) -> tuple[OfferedChoice, ...]:
        """The choices offered now."""
        return self.call.choices()

    def choose(self, choice_id: str) -> tuple[Turn, ...]:
        """Say a choice; returns the new turns."""
        return self.call.choose(choice_id)

    def silence(self) -> tuple[Turn, ...]:
        """The response timer ran out."""
        return self.call.silence()

    def transcript(self) -> Transcript:
        """The transcript so far; `abandoned` unless the call ended."""
        transcript = self.call.transcript()
        return transcript if self.call.ended else transcript.abandoned()

    def finish(self) -> Outcome:
        """Score the ended call and build its final record."""
        transcript = self.transcript()
        self.report = self.practice.score(transcript)
        return Outcome(transcript, self.report, self.record())

    def record(self) -> AttemptRecord:
        """The attempt as it stands (each call bumps the revision, so later saves win)."""
        self.revision += 1
        transcript = self.transcript()
        now = self._now()
        report = self.report
        scores = dict(report.scores) if report else {}
        return AttemptRecord(
            id=self.id,
            trainee=self.trainee,
            scenario_id=transcript.scenario,
            locale=transcript.locale,
            content_hash=transcript.content_hash,
            seed=self.seed,
            status="completed" if transcript.status == "completed" else "abandoned",
            started_at=self.started_at,
            updated_at=now,
            transcript_json=transcript.to_json(),
            finished_at=now if transcript.status == "completed" else None,
            revision=self.revision,
            turns=len(transcript.turns),
            outcome=transcript.ending.outcome if transcript.ending else None,
            passed=report.passed if report else None,
            scores=scores,
            overall=overall_of(scores),
            report_json=_report_json(report),
        )


def _report_json(report: ScoreReport | None) -> str | None:
    if report is None:
        return None
    import json

    return json.dumps(report.to_dict(), ensure_ascii=False, sort_keys=True)
