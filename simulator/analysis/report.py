"""The analysis report of one scenario: what `calldojo analyze` prints (shape is a stable contract)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from scoring.score import anchors, decide_pass, score
from simulator.analysis.explore import DEFAULT_MAX_STATES, StateGraph, explore
from simulator.analysis.paths import extremes
from simulator.engine.call import ModelAnswerError, model_actions, replay
from simulator.engine.compiled import CompiledScenario
from simulator.engine.state import after_choice, available, destination
from simulator.messages import say
from simulator.spec.models.common import DIMENSIONS
from simulator.spec.models.rubric import RubricSpec
from simulator.spec.models.rulepack import RulePackSpec
from simulator.wording import Lang, Text


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
    pass_possible: bool
    model_answer: dict[str, Any]
    objective_endings: list[str]
    pass_without_objective: list[str]
    notes: list[Text] = field(default_factory=list)

    def to_dict(self, lang: Lang = "en") -> dict[str, Any]:
        """The JSON shape of `calldojo analyze --json` (notes in `lang`)."""
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
            "model_answer": self.model_answer,
            "objective_endings": self.objective_endings,
            "pass_without_objective": self.pass_without_objective,
            "notes": [note.render(lang) for note in self.notes],
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


def _model_verdict(
    cs: CompiledScenario, rubric: RubricSpec, pack: RulePackSpec
) -> tuple[dict[str, Any], list[Text]]:
    """The model answer played and scored: its path, scores and verdict (or why it cannot play)."""
    try:
        path = list(model_actions(cs))
    except ModelAnswerError as exc:
        unplayable = {"path": [], "scores": {}, "passed": False, "reasons": ["unplayable"]}
        return unplayable, [say("note.model_unplayable", detail=str(exc))]
    transcript = replay(cs, 0, path)
    report = score(transcript, cs.scenario, rubric, pack, anchors(transcript, cs.scenario, rubric))
    notes = [] if report.passed else [say("note.model_fails", reasons=", ".join(report.reasons))]
    return {
        "path": path,
        "scores": dict(report.scores),
        "passed": report.passed,
        "reasons": list(report.reasons),
    }, notes


def _pass_without_objective(
    cs: CompiledScenario, pack: RulePackSpec, endings: list[str]
) -> list[str]:
    """Reachable endings that miss the objective yet a flawless call ending there would pass."""
    perfect: dict[str, int] = dict.fromkeys(DIMENSIONS, 100)
    return [
        e
        for e in endings
        if not cs.scenario.endings[e].meets_objective
        and decide_pass(perfect, (), cs.scenario, pack, objective=False)[0]
    ]


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
    model, notes = _model_verdict(cs, rubric, pack)
    objective_endings = sorted(e for e, spec in cs.scenario.endings.items() if spec.meets_objective)
    if not set(objective_endings) & set(endings):
        notes.append(say("note.no_objective"))

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
        pass_possible=bool(model["passed"]),
        model_answer=model,
        objective_endings=objective_endings,
        pass_without_objective=_pass_without_objective(cs, pack, endings),
        notes=notes,
    )
