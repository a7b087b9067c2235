"""Explore a scenario's state space: node x mood x flags x rule-monitor states, memoised.

The exploration runs the engine's own pure `step` and the scorer's own rule monitors, so what it
finds is exactly what a trainee can do. Each edge carries its score vector (empathy, clarity,
control, compliance) and the rules it breaks.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass, field

from scoring.interface import Finding, RuleMonitor
from scoring.monitors import build_monitors
from scoring.score import penalty, turn_points
from simulator.engine.compiled import CompiledScenario
from simulator.engine.state import Beat, CallState, actions, initial, step
from simulator.spec.common import DIMENSIONS
from simulator.spec.rubric import RubricSpec
from simulator.spec.rulepack import RulePackSpec
from simulator.transcript import Ending, Turn

DEFAULT_MAX_STATES = 300_000
Vector = tuple[float, float, float, float]
ZERO: Vector = (0.0, 0.0, 0.0, 0.0)


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


class _Feeder:
    """Runs monitors on turns, memoising by (monitor, state, turn signature)."""

    def __init__(self, monitors: Sequence[RuleMonitor], rubric: RubricSpec, pack: RulePackSpec) -> None:
        self.monitors = tuple(monitors)
        self.rubric = rubric
        self.pack = pack
        self._cache: dict[tuple[int, Hashable, tuple[object, ...]], tuple[Hashable, tuple[Finding, ...]]] = {}
        self._points: dict[tuple[str, ...], tuple[float, float, float]] = {}

    def points(self, turn: Turn) -> tuple[float, float, float]:
        cached = self._points.get(turn.tags)
        if cached is None:
            pts = turn_points(self.rubric, turn)
            cached = (float(pts.get("empathy", 0)), float(pts.get("clarity", 0)), float(pts.get("control", 0)))
            self._points[turn.tags] = cached
        return cached

    def feed(self, states: tuple[Hashable, ...], turn: Turn) -> tuple[tuple[Hashable, ...], list[Finding]]:
        signature = (turn.speaker, turn.event, turn.tags, turn.party, turn.verified, turn.flags, turn.seconds, turn.at, turn.node)
        out: list[Hashable] = []
        found: list[Finding] = []
        for i, (monitor, mstate) in enumerate(zip(self.monitors, states, strict=True)):
            key = (i, mstate, signature)
            hit = self._cache.get(key)
            if hit is None:
                hit = monitor.feed(mstate, turn)
                self._cache[key] = hit
            out.append(hit[0])
            found.extend(hit[1])
        return tuple(out), found

    def finish(self, states: tuple[Hashable, ...], ending: Ending, last_turn: int) -> list[Finding]:
        found: list[Finding] = []
        for monitor, mstate in zip(self.monitors, states, strict=True):
            found.extend(monitor.finish(mstate, ending, last_turn))
        return found


def _turns(cs: CompiledScenario, beats: tuple[Beat, ...], first_index: int) -> list[Turn]:
    turns = []
    for offset, beat in enumerate(beats):
        snapshot = beat.state
        turns.append(
            Turn(
                index=first_index + offset,
                speaker=beat.speaker,
                event=beat.event,
                text="",
                node=beat.node,
                choice=beat.choice,
                tags=beat.tags,
                mood=(),
                party=snapshot.party,
                verified=snapshot.verified,
                flags=tuple(sorted(snapshot.flags)),
                at=snapshot.dialed_at,
                seconds=beat.seconds,
            )
        )
    return turns


def _vector(feeder: _Feeder, turns: list[Turn], findings: list[Finding]) -> Vector:
    empathy = clarity = control = 0.0
    for turn in turns:
        if turn.speaker == "agent":
            e, c, k = feeder.points(turn)
            empathy, clarity, control = empathy + e, clarity + c, control + k
    compliance = -float(sum(penalty(feeder.pack, f.severity) for f in findings))
    return (empathy, clarity, control, compliance)


def explore(
    cs: CompiledScenario,
    rubric: RubricSpec,
    pack: RulePackSpec,
    *,
    include_silence: bool = True,
    max_states: int = DEFAULT_MAX_STATES,
) -> StateGraph:
    """Explore every reachable state; raise AnalysisTooLarge past `max_states`."""
    feeder = _Feeder(build_monitors(pack), rubric, pack)
    graph = StateGraph()
    start_state, start_beats = initial(cs)
    start_turns = _turns(cs, start_beats, 0)
    mstates, findings = _feed_all(feeder, tuple(m.start() for m in feeder.monitors), start_turns)
    graph.initial_vector = _vector(feeder, start_turns, findings)
    graph.initial_findings = tuple(findings)
    index: dict[Key, int] = {}
    depth: list[int] = []
    start = Key(start_state, mstates)
    index[start] = 0
    graph.keys.append(start)
    graph.edges.append([])
    depth.append(len(start_turns))
    frontier = [0]
    while frontier:
        current = frontier.pop()
        key = graph.keys[current]
        for action in actions(cs, key.call):
            if not include_silence and action.startswith("_"):
                continue
            edge, child = _expand(cs, feeder, key, action, depth[current])
            target = index.get(child)
            if target is None:
                if len(graph.keys) >= max_states:
                    raise AnalysisTooLarge(
                        f"scenario {cs.scenario.id!r}: more than {max_states:,} reachable states "
                        "(node x mood x flags x rule states); simplify mood conditions or raise --max-states"
                    )
                target = len(graph.keys)
                index[child] = target
                graph.keys.append(child)
                graph.edges.append([])
                depth.append(depth[current] + edge[1])
                frontier.append(target)
            graph.edges[current].append(Edge(action, target, edge[0][0], edge[0][1]))
    return graph


def _feed_all(feeder: _Feeder, mstates: tuple[Hashable, ...], turns: list[Turn]) -> tuple[tuple[Hashable, ...], list[Finding]]:
    findings: list[Finding] = []
    for turn in turns:
        mstates, found = feeder.feed(mstates, turn)
        findings.extend(found)
    return mstates, findings


def _expand(
    cs: CompiledScenario, feeder: _Feeder, key: Key, action: str, turn_index: int
) -> tuple[tuple[tuple[Vector, tuple[Finding, ...]], int], Key]:
    new_state, beats = step(cs, key.call, action)
    turns = _turns(cs, beats, turn_index)
    mstates, findings = _feed_all(feeder, key.monitors, turns)
    if new_state.ended and new_state.ending is not None and new_state.ended_by is not None:
        ending = Ending(new_state.ending, cs.endings[new_state.ending].outcome, new_state.ended_by)
        findings.extend(feeder.finish(mstates, ending, turn_index + len(turns) - 1))
        mstates = ()
    vector = _vector(feeder, turns, findings)
    return ((vector, tuple(findings)), len(turns)), Key(new_state, mstates)


def score_bounds(cs: CompiledScenario, rubric: RubricSpec, pack: RulePackSpec) -> dict[str, tuple[float, float]]:
    """Worst and best reachable raw totals per dimension (what scores are normalised against)."""
    from simulator.analysis.paths import extremes

    graph = explore(cs, rubric, pack)
    result: dict[str, tuple[float, float]] = {}
    for d, name in enumerate(DIMENSIONS):
        low, _ = extremes(graph, d, maximise=False)
        high, _ = extremes(graph, d, maximise=True)
        result[name] = (low, high)
    return result
