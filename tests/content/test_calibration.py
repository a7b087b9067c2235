"""The scores mean what a training manager means, on the whole bundled library.

Each scenario declares which scripted trainees must pass and which must fail (`scoring.calibration`);
the library as a whole meets the bar of the scoring redesign; and on many random calls of every
scenario, a pass always means the objective was met and no red line was crossed.
"""

from __future__ import annotations

import random
from functools import cache

import pytest

from scoring.score import red_lines, soft_totals
from simulator.analysis.simulate import Calibration, calibrate
from simulator.practice import Prepared
from simulator.spec.library import default_content_root

SCENARIOS = sorted(
    p.name.removesuffix(".scenario.yaml")
    for p in (default_content_root() / "scenarios").glob("*.scenario.yaml")
)
EMPATHY_SCENARIO_TAGS = {"hardship", "dispute", "elderly", "abusive", "complaint"}
"""A scenario with one of these picker tags is about empathy: the cold trainee must fail it."""


@pytest.fixture(scope="module")
def calibration_of(prepared_for):  # type: ignore[no-untyped-def]
    @cache
    def get(scenario_id: str) -> Calibration:
        p: Prepared = prepared_for(scenario_id)
        return calibrate(p.compiled, p.rubric, p.pack)

    return get


@pytest.mark.parametrize("scenario_id", SCENARIOS)
def test_scenario_meets_its_declared_calibration(scenario_id: str, calibration_of) -> None:  # type: ignore[no-untyped-def]
    assert calibration_of(scenario_id).problems == []


@pytest.mark.parametrize("scenario_id", SCENARIOS)
def test_declared_calibration_is_at_least_the_house_bar(scenario_id: str, prepared_for) -> None:  # type: ignore[no-untyped-def]
    scenario = prepared_for(scenario_id).scenario
    declared = scenario.scoring.calibration
    assert {"ideal", "empathetic"} <= set(declared.must_pass)
    assert {"aggressive", "opening_then_aggressive", "pushy", "longest"} <= set(declared.must_fail)
    assert declared.random_pass_max <= 0.05
    if EMPATHY_SCENARIO_TAGS & set(scenario.tags):
        assert "cold" in declared.must_fail, f"{scenario_id} is about empathy: cold must fail"


def test_library_bar(calibration_of) -> None:  # type: ignore[no-untyped-def]
    passes: dict[str, list[str]] = {}
    for scenario_id in SCENARIOS:
        for result in calibration_of(scenario_id).results:
            if result.policy == "random":
                assert result.pass_rate < 0.05, scenario_id
            elif result.pass_rate >= 1.0:
                passes.setdefault(result.policy, []).append(scenario_id)
    assert len(passes.get("ideal", [])) == len(SCENARIOS)
    assert len(passes.get("empathetic", [])) == len(SCENARIOS)
    for policy in ("aggressive", "opening_then_aggressive", "pushy"):
        assert passes.get(policy, []) == [], policy
    assert len(passes.get("longest", [])) <= 2, passes.get("longest")


@pytest.mark.parametrize("scenario_id", SCENARIOS)
def test_random_calls_pass_only_with_the_objective_and_no_red_line(  # type: ignore[no-untyped-def]
    scenario_id: str, prepared_for
) -> None:
    prepared: Prepared = prepared_for(scenario_id)
    lines = red_lines(prepared.scenario, prepared.pack)
    rng = random.Random(scenario_id)
    for seed in range(60):
        call = prepared.start(seed=seed)
        while not call.ended and len(call.turns) < 200:
            offered = call.choices()
            if not offered or rng.random() < 0.05:
                call.silence()
            else:
                call.choose(rng.choice(offered).id)
        transcript = call.transcript()
        report = prepared.score(transcript)
        totals = soft_totals(transcript, prepared.scenario, prepared.rubric)
        for d, earned in totals.earned.items():
            assert earned <= totals.par[d], "no turn earns more than the model answer"
            assert report.scores[d] <= 100
        if report.passed:
            assert report.objective_met, transcript.actions
            assert not {v.rule for v in report.violations} & lines, transcript.actions


@pytest.mark.parametrize("scenario_id", ["s05_lawful_hour_business"])
def test_the_exact_random_policy_agrees_with_sampled_calls_scored_by_the_scorer(  # type: ignore[no-untyped-def]
    scenario_id: str, calibration_of, prepared_for
) -> None:
    exact = next(r for r in calibration_of(scenario_id).results if r.policy == "random")
    prepared: Prepared = prepared_for(scenario_id)
    rng = random.Random(7)
    runs, passed, empathy = 1500, 0, 0.0
    for _ in range(runs):
        call = prepared.start()
        while not call.ended:
            call.choose(rng.choice(call.choices()).id)
        report = prepared.score(call.transcript())
        passed += report.passed
        empathy += report.scores["empathy"]
    rate = passed / runs
    sigma = max((exact.pass_rate * (1 - exact.pass_rate) / runs) ** 0.5, 1 / runs)
    assert abs(rate - exact.pass_rate) <= 4 * sigma + 1e-9, (rate, exact.pass_rate)
    assert abs(empathy / runs - exact.scores["empathy"]) < 2.0
