"""Explore a scenario's state space: node x mood x flags x rule-monitor states, memoised.

The exploration runs the engine's own pure `step` and the scorer's own rule monitors, so what it
finds is exactly what a trainee can do. Each edge carries its score vector (empathy, clarity,
control, compliance) and the rules it breaks. Work that depends only on what the monitors can see
of an utterance is memoised, so a state costs a few dictionary look-ups beyond the step itself.
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass, field

from scoring.interface import Finding
from scoring.monitors import build_monitors
from scoring.score import penalty, turn_points
from simulator.engine.compiled import CompiledScenario
from simulator.engine.state import Beat, CallState, actions, initial, step
from simulator.spec.models.rubric import RubricSpec
from simulator.spec.models.rulepack import RulePackSpec
from simulator.transcript import SILENCE, Ending, Turn

DEFAULT_MAX_STATES = 300_000
Vector = tuple[float, float, float, float]
ZERO: Vector = (0.0, 0.0, 0.0, 0.0)
Signature = tuple[object, ...]


class AnalysisTooLarge(RuntimeError):
    """The state space is larger than the limit: the analysis stops instead of hanging."""


@dataclass(frozen=True, slots=True)
class Key:
    """One analysis state: the engine state and every rule monitor's state."""

    call: CallState
    monitors: tuple[Hashable, ...]


@dataclass(frozen=True, slots=True)
class Edge:
    """One action from a state: where it leads, what it scores, which rules it breaks."""

    action: str
    target: int
    vector: Vector
    findings: tuple[Finding, ...]


@dataclass
class StateGraph:
    """The explored graph: states by index (0 is the start) and their outgoing edges."""

    keys: list[Key] = field(default_factory=list)
    edges: list[list[Edge]] = field(default_factory=list)
    initial_vector: Vector = ZERO
    initial_findings: tuple[Finding, ...] = ()

    def terminal(self, index: int) -> bool:
        """True when the state is an ending."""
        return self.keys[index].call.ended


class _Judge:
    """Scores beats with the rubric and the pack's monitors, memoising everything it can."""

    def __init__(self, rubric: RubricSpec, pack: RulePackSpec) -> None:
        self.rubric = rubric
        self.pack = pack
        self.monitors = build_monitors(pack)
        self._feed: dict[
            tuple[tuple[Hashable, ...], Signature], tuple[tuple[Hashable, ...], tuple[Finding, ...]]
        ] = {}
        self._points: dict[tuple[str, ...], Vector] = {}
        self._flags: dict[frozenset[str], tuple[str, ...]] = {}
        self._finish: dict[tuple[tuple[Hashable, ...], Ending], tuple[Finding, ...]] = {}

    def start(self) -> tuple[Hashable, ...]:
        return tuple(m.start() for m in self.monitors)

    def _sorted(self, flags: frozenset[str]) -> tuple[str, ...]:
        done = self._flags.get(flags)
        if done is None:
            done = self._flags[flags] = tuple(sorted(flags))
        return done

    def _turn(self, beat: Beat, index: int) -> Turn:
        s = beat.state
        return Turn(
            index,
            beat.speaker,
            beat.event,
            "",
            beat.node,
            beat.choice,
            beat.tags,
            (),
            s.party,
            s.verified,
            self._sorted(s.flags),
            s.dialed_at,
            beat.seconds,
        )

    def points(self, beat: Beat) -> Vector:
        cached = self._points.get(beat.tags)
        if cached is None:
            pts = turn_points(self.rubric, self._turn(beat, 0))
            cached = (
                float(pts.get("empathy", 0)),
                float(pts.get("clarity", 0)),
                float(pts.get("control", 0)),
                0.0,
            )
            self._points[beat.tags] = cached
        return cached

    def feed(
        self, states: tuple[Hashable, ...], beat: Beat, index: int
    ) -> tuple[tuple[Hashable, ...], tuple[Finding, ...]]:
        """All monitors on one utterance, memoised on (monitor states, what they can see of it)."""
        s = beat.state
        key = (
            states,
            (
                beat.speaker,
                beat.event,
                beat.tags,
                s.party,
                s.verified,
                s.flags,
                beat.seconds,
                s.dialed_at,
            ),
        )
        hit = self._feed.get(key)
        if hit is None:
            turn = self._turn(beat, index)
            out: list[Hashable] = []
            found: list[Finding] = []
            for monitor, mstate in zip(self.monitors, states, strict=True):
                new, findings = monitor.feed(mstate, turn)
                out.append(new)
                found.extend(findings)
            hit = self._feed[key] = (tuple(out), tuple(found))
        return hit

    def finish(
        self, states: tuple[Hashable, ...], ending: Ending, last_turn: int
    ) -> tuple[Finding, ...]:
        key = (states, ending)
        hit = self._finish.get(key)
        if hit is None:
            found: list[Finding] = []
            for monitor, mstate in zip(self.monitors, states, strict=True):
                found.extend(monitor.finish(mstate, ending, last_turn))
            hit = self._finish[key] = tuple(found)
        return hit

    def judge(
        self, states: tuple[Hashable, ...], beats: tuple[Beat, ...], first: int
    ) -> tuple[tuple[Hashable, ...], Vector, list[Finding]]:
        """Feed the beats of one step; return the monitor states, the score vector and findings."""
        e = c = k = 0.0
        findings: list[Finding] = []
        for offset, beat in enumerate(beats):
            if beat.speaker == "agent":
                pe, pc, pk, _ = self.points(beat)
                e, c, k = e + pe, c + pc, k + pk
            states, found = self.feed(states, beat, first + offset)
            if found:
                findings.extend(found)
        return states, (e, c, k, 0.0), findings

    def with_penalties(self, vector: Vector, findings: list[Finding]) -> Vector:
        if not findings:
            return vector
        return (
            vector[0],
            vector[1],
            vector[2],
            -float(sum(penalty(self.pack, f.severity) for f in findings)),
        )


def explore(
    cs: CompiledScenario,
    rubric: RubricSpec,
    pack: RulePackSpec,
    *,
    include_silence: bool = True,
    max_states: int = DEFAULT_MAX_STATES,
) -> StateGraph:
    """Explore every reachable state; raise AnalysisTooLarge past `max_states`."""
    judge = _Judge(rubric, pack)
    graph = StateGraph()
    start_state, start_beats = initial(cs)
    mstates, vector, findings = judge.judge(judge.start(), start_beats, 0)
    graph.initial_vector = judge.with_penalties(vector, findings)
    graph.initial_findings = tuple(findings)
    start = Key(start_state, mstates)
    index: dict[Key, int] = {start: 0}
    graph.keys.append(start)
    graph.edges.append([])
    depth = [len(start_beats)]
    frontier = [0]
    while frontier:
        current = frontier.pop()
        key = graph.keys[current]
        out = graph.edges[current]
        for action in actions(cs, key.call):
            if not include_silence and action == SILENCE:
                continue
            child, vector, found, spoken = _expand(cs, judge, key, action, depth[current])
            target = index.get(child)
            if target is None:
                if len(graph.keys) >= max_states:
                    raise AnalysisTooLarge(
                        f"scenario {cs.scenario.id!r}: more than {max_states:,} reachable states "
                        "(node x mood x flags x rule states); simplify the mood conditions or raise --max-states"
                    )
                target = index[child] = len(graph.keys)
                graph.keys.append(child)
                graph.edges.append([])
                depth.append(depth[current] + spoken)
                frontier.append(target)
            out.append(Edge(action, target, vector, found))
    return graph


def _expand(
    cs: CompiledScenario, judge: _Judge, key: Key, action: str, first: int
) -> tuple[Key, Vector, tuple[Finding, ...], int]:
    new_state, beats = step(cs, key.call, action)
    mstates, vector, findings = judge.judge(key.monitors, beats, first)
    if new_state.ending is not None and new_state.ended_by is not None:
        ending = Ending(new_state.ending, cs.endings[new_state.ending].outcome, new_state.ended_by)
        findings.extend(judge.finish(mstates, ending, first + len(beats) - 1))
        mstates = ()
    return (
        Key(new_state, mstates),
        judge.with_penalties(vector, findings),
        tuple(findings),
        len(beats),
    )


def score_bounds(
    cs: CompiledScenario, rubric: RubricSpec, pack: RulePackSpec
) -> dict[str, tuple[float, float]]:
    """Worst and best reachable raw totals per dimension (what scores are normalised against)."""
    from simulator.analysis.paths import extremes
    from simulator.spec.models.common import DIMENSIONS

    graph = explore(cs, rubric, pack)
    return {
        name: (extremes(graph, d, maximise=False)[0], extremes(graph, d, maximise=True)[0])
        for d, name in enumerate(DIMENSIONS)
    }
