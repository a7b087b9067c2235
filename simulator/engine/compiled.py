"""A scenario and its persona compiled for running: parsed conditions, mood deltas, durations."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from pydantic import BaseModel

from simulator.spec.models.condition import Condition, parse_condition
from simulator.spec.models.persona import PersonaSpec
from simulator.spec.models.scenario import (
    DebtorLine,
    DebtorLineSpec,
    EndingSpec,
    ScenarioSpec,
)

AGENT_ENDS_TAG = "agent_hangs_up"
SILENCE_TAG = "dead_air"
MOOD_MIN, MOOD_MAX = 0, 10


class CompileError(ValueError):
    """The scenario and persona cannot be compiled together (run `calldojo validate` first)."""


@lru_cache(maxsize=65536)
def speech_seconds(text: str, locale: str) -> float:
    """Simulated speaking time: about 4.5 Chinese characters or 2.5 English words a second."""
    if not text:
        return 0.0
    if locale.startswith("zh"):
        chars = sum(1 for ch in text if not ch.isspace())
        return max(1.0, round(chars / 4.5, 1))
    return max(1.0, round(len(text.split()) / 2.5, 1))


@dataclass(frozen=True, slots=True)
class Band:
    """One mood band of a debtor line: condition (None = default) and the wordings."""

    when: Condition | None
    wordings: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class CompiledLine:
    """A debtor line: mood bands checked in order, the last one being the default."""

    bands: tuple[Band, ...]


@dataclass(frozen=True, slots=True)
class OfferedChoice:
    """A choice as offered to the trainee."""

    id: str
    say: str
    tags: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class CompiledChoice:
    """A choice ready to run."""

    id: str
    say: str
    tags: tuple[str, ...]
    guard: Condition | None
    sets: tuple[tuple[str, bool], ...]
    branches: tuple[tuple[Condition | None, str], ...]
    delta: tuple[int, ...]
    dial_at: dt.datetime | None
    agent_ends: bool
    seconds: float
    offer: OfferedChoice


@dataclass(frozen=True, slots=True)
class CompiledNode:
    """A node ready to run."""

    id: str
    line: CompiledLine | None
    party: str | None
    verified: bool | None
    sets: tuple[tuple[str, bool], ...]
    choices: tuple[CompiledChoice, ...]
    index: dict[str, CompiledChoice] = field(default_factory=dict, compare=False)
    """The choices by id (every choice, guarded or not)."""
    offers: tuple[OfferedChoice, ...] = ()
    """What is offered when no guard hides a choice."""
    guarded: bool = False
    """True when some choice has a `when` guard (the offer depends on the state)."""


@dataclass(frozen=True, slots=True)
class CompiledThreshold:
    """A persona threshold ready to run."""

    index: int
    when: Condition
    goto: str | None
    sets: tuple[tuple[str, bool], ...]
    line: str | None
    once: bool


@dataclass(frozen=True, slots=True)
class CompiledEnding:
    """An ending ready to run."""

    id: str
    outcome: str
    line: CompiledLine | None


@dataclass(frozen=True)
class CompiledScenario:
    """Everything the engine and the analysis need, derived once from the specs."""

    scenario: ScenarioSpec
    persona: PersonaSpec
    content_hash: str
    mood_names: tuple[str, ...]
    start_mood: tuple[int, ...]
    nodes: dict[str, CompiledNode]
    endings: dict[str, CompiledEnding]
    thresholds: tuple[CompiledThreshold, ...]
    silence_delta: tuple[int, ...]
    silence_line: CompiledLine
    envs: dict[tuple[tuple[int, ...], frozenset[str], bool], Mapping[str, int | bool]] = field(
        default_factory=dict, compare=False, repr=False
    )
    """Memo of condition environments by (mood, flags, verified); conditions only read them."""
    _labels: dict[
        tuple[tuple[int, ...], frozenset[str]], tuple[tuple[tuple[str, int], ...], tuple[str, ...]]
    ] = field(default_factory=dict, compare=False, repr=False)

    def labelled(
        self, mood: tuple[int, ...], flags: frozenset[str]
    ) -> tuple[tuple[tuple[str, int], ...], tuple[str, ...]]:
        """Mood as (name, value) pairs and flags sorted, as turns record them (memoised)."""
        key = (mood, flags)
        hit = self._labels.get(key)
        if hit is None:
            hit = self._labels[key] = (
                tuple(zip(self.mood_names, mood, strict=True)),
                tuple(sorted(flags)),
            )
        return hit

    @property
    def locale(self) -> str:
        """The call's locale."""
        return self.scenario.locale


def content_hash(
    scenario: ScenarioSpec, persona: PersonaSpec, scoring: Sequence[BaseModel] = ()
) -> str:
    """A SHA-256 over the canonical JSON of everything a score depends on.

    The scenario and its persona, and the rubric and rule pack (`scoring`) when the call is
    prepared for practice: a changed point, penalty or red line changes the hash of the attempt.
    """
    content: dict[str, object] = {
        "scenario": scenario.model_dump(mode="json"),
        "persona": persona.model_dump(mode="json"),
    }
    if scoring:
        content["scoring"] = [model.model_dump(mode="json") for model in scoring]
    payload = json.dumps(content, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def _line(spec: DebtorLine | None) -> CompiledLine | None:
    if spec is None:
        return None
    if isinstance(spec, str):
        return CompiledLine((Band(None, (spec,)),))
    if isinstance(spec, list):
        return CompiledLine((Band(None, tuple(spec)),))
    assert isinstance(spec, DebtorLineSpec)
    bands = [Band(parse_condition(v.when), _wordings(v.say)) for v in spec.variants]
    bands.append(Band(None, _wordings(spec.default)))
    return CompiledLine(tuple(bands))


def _wordings(say: str | list[str]) -> tuple[str, ...]:
    return (say,) if isinstance(say, str) else tuple(say)


def _delta(persona: PersonaSpec, names: tuple[str, ...], tags: tuple[str, ...]) -> tuple[int, ...]:
    total = dict.fromkeys(names, 0)
    for tag in tags:
        for var, amount in persona.reactions.get(tag, {}).items():
            if var in total:
                total[var] += amount
    return tuple(total[name] for name in names)


def _ending(ending_id: str, spec: EndingSpec) -> CompiledEnding:
    return CompiledEnding(ending_id, spec.outcome, _line(spec.debtor))


def compile_scenario(
    scenario: ScenarioSpec, persona: PersonaSpec, scoring: Sequence[BaseModel] = ()
) -> CompiledScenario:
    """Compile a validated scenario with its persona; raise CompileError on a broken reference."""
    if scenario.persona != persona.id:
        raise CompileError(
            f"scenario {scenario.id!r} needs persona {scenario.persona!r}, got {persona.id!r}"
        )
    names = tuple(persona.mood)
    targets = set(scenario.nodes) | set(scenario.endings)
    nodes: dict[str, CompiledNode] = {}
    silent_node = {nid for nid, n in scenario.nodes.items() if n.party == "nobody"}
    for node_id, node in scenario.nodes.items():
        choices = []
        for choice in node.choices:
            branches = (
                ((None, choice.next),)
                if isinstance(choice.next, str)
                else tuple((parse_condition(b.when) if b.when else None, b.to) for b in choice.next)
            )
            for _, target in branches:
                if target not in targets:
                    raise CompileError(
                        f"{node_id}.{choice.id}: next {target!r} is not a node or ending"
                    )
            tags = tuple(choice.tags)
            choices.append(
                CompiledChoice(
                    id=choice.id,
                    say=choice.say,
                    tags=tags,
                    guard=parse_condition(choice.when) if choice.when else None,
                    sets=tuple(choice.set.items()),
                    branches=branches,
                    delta=_delta(persona, names, tags),
                    dial_at=choice.dial_at,
                    agent_ends=AGENT_ENDS_TAG in tags,
                    seconds=0.0
                    if node_id in silent_node
                    else speech_seconds(choice.say, scenario.locale),
                    offer=OfferedChoice(choice.id, choice.say, tags),
                )
            )
        nodes[node_id] = CompiledNode(
            id=node_id,
            line=_line(node.debtor),
            party=node.party,
            verified=node.verified,
            sets=tuple(node.set.items()),
            choices=tuple(choices),
            index={c.id: c for c in choices},
            offers=tuple(c.offer for c in choices),
            guarded=any(c.guard is not None for c in choices),
        )
    if scenario.start not in nodes:
        raise CompileError(f"start {scenario.start!r} is not a node")
    thresholds = []
    for index, threshold in enumerate(persona.thresholds):
        if threshold.goto is not None and threshold.goto not in scenario.endings:
            raise CompileError(
                f"persona {persona.id!r} threshold {index} goes to {threshold.goto!r}, "
                f"which scenario {scenario.id!r} does not define as an ending"
            )
        thresholds.append(
            CompiledThreshold(
                index,
                parse_condition(threshold.when),
                threshold.goto,
                tuple(threshold.set.items()),
                threshold.debtor,
                threshold.once,
            )
        )
    silence_delta = tuple(persona.silence.effect.get(name, 0) for name in names)
    return CompiledScenario(
        scenario=scenario,
        persona=persona,
        content_hash=content_hash(scenario, persona, scoring),
        mood_names=names,
        start_mood=tuple(persona.mood[name] for name in names),
        nodes=nodes,
        endings={eid: _ending(eid, e) for eid, e in scenario.endings.items()},
        thresholds=tuple(thresholds),
        silence_delta=silence_delta,
        silence_line=CompiledLine((Band(None, tuple(persona.silence.lines)),)),
    )
