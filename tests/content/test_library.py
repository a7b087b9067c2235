"""The bundled library meets the bar of issue 3: sound, passable, covering every rule and persona."""

from __future__ import annotations

from collections import defaultdict

import pytest

from simulator.spec.library import Library, default_content_root
from simulator.spec.models.scenario import ScenarioSpec
from tests.content.plan import load_plan
from tests.content.pressure import pressure_path

SCENARIOS = sorted(
    p.name.removesuffix(".scenario.yaml")
    for p in (default_content_root() / "scenarios").glob("*.scenario.yaml")
)
GOOD_OUTCOMES = {
    "promise_to_pay",
    "paid",
    "message_left",
    "dispute_logged",
    "callback",
    "rescheduled",
}
BAD_OUTCOMES = {"hung_up", "escalated"}
NAMED_ARCHETYPES = ("hang_up", "hardship", "dispute", "abusive")


def test_library_loads_without_errors(bundled_library: Library) -> None:
    assert [d.format() for d in bundled_library.diagnostics] == []


def test_library_size(bundled_library: Library) -> None:
    locales = [s.locale for s in bundled_library.scenarios.values()]
    assert locales.count("zh-CN") >= 15
    assert locales.count("en-US") >= 4
    assert len(bundled_library.personas) >= 10


def test_every_persona_is_used_and_named_archetypes_twice(bundled_library: Library) -> None:
    used = {s.persona for s in bundled_library.scenarios.values()}
    assert sorted(set(bundled_library.personas) - used) == []
    per_archetype: dict[str, int] = defaultdict(int)
    for scenario in bundled_library.scenarios.values():
        per_archetype[bundled_library.personas[scenario.persona].archetype] += 1
    for archetype in NAMED_ARCHETYPES:
        assert per_archetype[archetype] >= 2, archetype


def _scenario(library: Library, scenario_id: str) -> ScenarioSpec:
    return library.scenarios[scenario_id]


@pytest.mark.parametrize("scenario_id", SCENARIOS)
def test_scenario_shape(bundled_library: Library, scenario_id: str) -> None:
    scenario = _scenario(bundled_library, scenario_id)
    zones = scenario.case_file
    assert zones.case and zones.contacts and zones.account and zones.transactions and zones.flags
    outcomes = {e.outcome for e in scenario.endings.values()}
    assert len(scenario.endings) >= 3
    assert outcomes & GOOD_OUTCOMES and outcomes & BAD_OUTCOMES
    decision_nodes = [n for n in scenario.nodes.values() if n.party != "nobody"]
    assert all(len(n.choices) >= 3 for n in decision_nodes), "every decision offers >= 3 choices"
    mood = set(bundled_library.personas[scenario.persona].mood)
    conditions = [c.when for n in scenario.nodes.values() for c in n.choices if c.when]
    conditions += [
        b.when
        for n in scenario.nodes.values()
        for c in n.choices
        if isinstance(c.next, list)
        for b in c.next
        if b.when
    ]
    assert any(any(var in cond for var in mood) for cond in conditions), (
        "needs a branch on the persona's mood"
    )
    for node_id, node in scenario.nodes.items():
        best = [c for c in node.choices if c.best]
        assert len(best) == 1, f"{node_id}: exactly one model answer (best: true)"
        for choice in node.choices:
            if not choice.best and best:
                assert choice.feedback, f"{node_id}.{choice.id}: a non-best choice needs feedback"


@pytest.mark.parametrize("scenario_id", SCENARIOS)
def test_analysis_is_sound(scenario_id: str, analysis_for, prepared_for) -> None:  # type: ignore[no-untyped-def]
    report = analysis_for(scenario_id)
    assert report.unreachable == []
    assert report.dead_ends == []
    assert report.loops_without_exit == []
    assert report.pass_possible is True
    assert report.pass_without_objective == []
    assert report.model_answer["scores"] == {
        "empathy": 100,
        "clarity": 100,
        "control": 100,
        "compliance": 100,
    }, "the model answer scores 100 on every dimension"


@pytest.mark.parametrize("scenario_id", SCENARIOS)
def test_best_path_clearly_beats_pressure(scenario_id: str, analysis_for, prepared_for) -> None:  # type: ignore[no-untyped-def]
    prepared = prepared_for(scenario_id)
    plan = load_plan(scenario_id)
    assert plan is not None
    good = next(p for p in plan.paths if p.passed)
    assert len(good.choices) >= 6, "the good path has >= 6 decision points"
    best = _mean_score(prepared, good.choices)
    pressure = _mean_score(prepared, pressure_path(prepared.compiled))
    assert best - pressure >= 25, (best, pressure)


def _mean_score(prepared, actions: list[str]) -> float:  # type: ignore[no-untyped-def]
    call = prepared.start()
    for action in actions:
        if call.ended:
            break
        call.choose(action)
    report = prepared.score(call.transcript())
    return float(sum(report.scores.values())) / 4


def test_every_cn_rule_violable_twice_and_avoidable(bundled_library: Library, analysis_for) -> None:  # type: ignore[no-untyped-def]
    where: dict[str, list[str]] = defaultdict(list)
    for scenario_id in SCENARIOS:
        if bundled_library.scenarios[scenario_id].locale != "zh-CN":
            continue
        report = analysis_for(scenario_id)
        assert report.pass_possible, scenario_id
        for rule in report.violations:
            where[rule].append(scenario_id)
    pack = bundled_library.rulepacks["cn"]
    thin = {rule.id: where[rule.id] for rule in pack.rules if len(where[rule.id]) < 2}
    assert thin == {}, f"rules violable in fewer than 2 scenarios: {thin}"
