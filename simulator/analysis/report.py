"""The analysis report of one scenario: what `calldojo analyze` prints (shape is a stable contract)."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from scoring.interface import Finding
from scoring.score import decide_pass, normalise, pass_marks
from simulator.analysis.explore import DEFAULT_MAX_STATES, StateGraph, Vector, explore
from simulator.analysis.paths import (
    Accept,
    Broken,
    SearchResult,
    extremes,
    find_path,
    walk,
    weighted_path,
)
from simulator.engine.compiled import CompiledScenario
from simulator.engine.state import after_choice, available, destination
from simulator.spec.common import DIMENSIONS
from simulator.spec.rubric import RubricSpec
from simulator.spec.rulepack import RulePackSpec


@dataclass(frozen=True)
class DimensionBounds:
    """Worst and best reachable raw totals of a dimension and a path attaining each."""

    min: float
    max: float
    min_path: list[str]
    max_path: list[str]


@dataclass
class AnalysisReport:
    """Everything the analysis found about one scenario."""

    scenario: str
    states: int
    edges: int
    unreachable: list[str]
    dead_ends: list[str]
    loops_without_exit: list[str]
    endings: list[str]
    bounds: dict[str, DimensionBounds]
    violations: list[str]
    never_offered: list[str]
    branches_never_taken: list[str]
    pass_possible: bool | None
    pass_with_critical: list[str] | None
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape of `calldojo analyze --json`."""
        return {
            "scenario": self.scenario,
            "states": self.states,
            "edges": self.edges,
            "unreachable": self.unreachable,
            "dead_ends": self.dead_ends,
            "loops_without_exit": self.loops_without_exit,
            "endings": self.endings,
            "bounds": {
                name: {"min": b.min, "max": b.max, "min_path": b.min_path, "max_path": b.max_path}
                for name, b in self.bounds.items()
            },
            "violations": self.violations,
            "never_offered": self.never_offered,
            "branches_never_taken": self.branches_never_taken,
            "pass_possible": self.pass_possible,
            "pass_with_critical": self.pass_with_critical,
            "notes": self.notes,
        }


def _structure(
    cs: CompiledScenario, graph: StateGraph
) -> tuple[list[str], list[str], list[str], list[str]]:
    """Unreachable nodes, dead-end nodes, nodes stuck in loops without exit, reachable endings."""
    reached = {key.call.node for key in graph.keys}
    unreachable = sorted(set(cs.nodes) - reached)
    dead = sorted(
        {
            key.call.node
            for i, key in enumerate(graph.keys)
            if not key.call.ended and all(e.action.startswith("_") for e in graph.edges[i])
        }
    )
    reverse: list[list[int]] = [[] for _ in graph.keys]
    for source, edges in enumerate(graph.edges):
        for edge in edges:
            reverse[edge.target].append(source)
    can_end = [graph.terminal(i) for i in range(len(graph.keys))]
    stack = [i for i, t in enumerate(can_end) if t]
    while stack:
        node = stack.pop()
        for source in reverse[node]:
            if not can_end[source]:
                can_end[source] = True
                stack.append(source)
    stuck = sorted({graph.keys[i].call.node for i, ok in enumerate(can_end) if not ok})
    endings = sorted({key.call.node for key in graph.keys if key.call.ended})
    return unreachable, dead, stuck, endings


def _unused(cs: CompiledScenario, graph: StateGraph) -> tuple[list[str], list[str]]:
    """Choices never offered in a reachable state, and `next` branches never taken (`node.choice->to`)."""
    offered: set[tuple[str, str]] = set()
    taken: set[tuple[str, str, str]] = set()
    for key in graph.keys:
        if key.call.ended:
            continue
        node = key.call.node
        for choice in available(cs, key.call):
            offered.add((node, choice.id))
            if len(choice.branches) > 1:
                taken.add(
                    (node, choice.id, destination(cs, after_choice(cs, key.call, choice), choice))
                )
    reached = {key.call.node for key in graph.keys}
    never = sorted(
        f"{n.id}.{c.id}"
        for n in cs.nodes.values()
        if n.id in reached
        for c in n.choices
        if (n.id, c.id) not in offered
    )
    branches = sorted(
        f"{n.id}.{c.id}->{to}"
        for n in cs.nodes.values()
        for c in n.choices
        if (n.id, c.id) in offered and len(c.branches) > 1
        for _, to in c.branches
        if (n.id, c.id, to) not in taken
    )
    return never, branches


def _needed(bounds: dict[str, DimensionBounds], marks: dict[str, int]) -> Vector:
    """The smallest raw total per dimension that can still normalise to its pass mark (rounding included)."""
    needed = []
    for name in DIMENSIONS:
        b = bounds[name]
        span = b.max - b.min
        needed.append(b.min + span * (marks[name] - 0.5) / 100 if span > 0 else -math.inf)
    return (needed[0], needed[1], needed[2], needed[3])


def _passing_path(
    graph: StateGraph,
    bounds: dict[str, DimensionBounds],
    passes: Accept,
    needed: Vector,
    failing: frozenset[str],
) -> SearchResult:
    """A passing call: first the cheap candidates (per-dimension bests, weighted sums), then a search."""
    spans = [max(1.0, b.max - b.min) for b in bounds.values()]
    candidates = [b.max_path for b in bounds.values()]
    for emphasis in range(5):
        weights = tuple((3.0 if d == emphasis else 1.0) / spans[d] for d in range(4))
        path = weighted_path(graph, weights, failing)  # type: ignore[arg-type]
        if path is not None:
            candidates.append(path)
    for path in candidates:
        if path and passes(*walk(graph, path)):
            return SearchResult(path, True)
    return find_path(graph, passes, needed, forbid=failing)


def analyze(
    cs: CompiledScenario,
    rubric: RubricSpec,
    pack: RulePackSpec,
    *,
    max_states: int = DEFAULT_MAX_STATES,
) -> AnalysisReport:
    """Run the full analysis of a compiled scenario."""
    graph = explore(cs, rubric, pack, max_states=max_states)
    unreachable, dead, stuck, endings = _structure(cs, graph)
    never_offered, branches_never_taken = _unused(cs, graph)
    bounds: dict[str, DimensionBounds] = {}
    for d, name in enumerate(DIMENSIONS):
        low, low_path = extremes(graph, d, maximise=False)
        high, high_path = extremes(graph, d, maximise=True)
        bounds[name] = DimensionBounds(low, high, low_path, high_path)
    violations = sorted(
        {f.rule for edges in graph.edges for e in edges for f in e.findings}
        | {f.rule for f in graph.initial_findings}
    )
    marks = pass_marks(cs.scenario.scoring)
    raw_bounds = {name: (b.min, b.max) for name, b in bounds.items()}
    scoring_spec = cs.scenario.scoring

    def passes(acc: Vector, broken: Broken) -> bool:
        scores = {name: normalise(acc[d], raw_bounds[name]) for d, name in enumerate(DIMENSIONS)}
        findings = [Finding(rule, severity, 0, "") for rule, severity in broken]
        return decide_pass(scores, findings, scoring_spec)[0]

    needed = _needed(bounds, marks)
    failing = frozenset(scoring_spec.fail_on)
    notes: list[str] = []
    found = _passing_path(graph, bounds, passes, needed, failing)
    pass_possible: bool | None = (
        True if found.path is not None else (False if found.exhausted else None)
    )
    if pass_possible is None:
        notes.append("pass_possible undetermined: the path search budget ran out")
    if "critical" in failing:
        # The scorer fails every call with a critical violation, so no such path can pass.
        critical_pass = None
    else:
        critical_pass = find_path(
            graph, passes, needed, forbid=failing - {"critical"}, require_severity="critical"
        ).path

    return AnalysisReport(
        scenario=cs.scenario.id,
        states=len(graph.keys),
        edges=sum(len(e) for e in graph.edges),
        unreachable=unreachable,
        dead_ends=dead,
        loops_without_exit=stuck,
        endings=endings,
        bounds=bounds,
        violations=violations,
        never_offered=never_offered,
        branches_never_taken=branches_never_taken,
        pass_possible=pass_possible,
        pass_with_critical=critical_pass,
        notes=notes,
    )
