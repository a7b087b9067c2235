"""Every scenario ships a play-through plan, and every plan's paths play as written."""

from __future__ import annotations

import pytest

from simulator.engine import replay
from simulator.spec.library import default_content_root
from simulator.transcript import Transcript
from tests.content.plan import PLANS, load_plan

SCENARIOS = sorted(
    p.name.removesuffix(".scenario.yaml")
    for p in (default_content_root() / "scenarios").glob("*.scenario.yaml")
)


def test_the_library_has_scenarios() -> None:
    assert len(SCENARIOS) >= 19


@pytest.mark.parametrize("scenario_id", SCENARIOS)
def test_scenario_has_a_plan(scenario_id: str) -> None:
    plan = load_plan(scenario_id)
    assert plan is not None, (
        f"{scenario_id} has no play-through plan: write {PLANS}/{scenario_id}.plan.yaml"
    )
    assert plan.scenario == scenario_id
    assert any(p.passed for p in plan.paths), "a plan needs a good (passing) path"
    assert any(not p.passed for p in plan.paths), "a plan needs at least one bad path"


def test_no_orphan_plans() -> None:
    orphans = sorted(
        p.name
        for p in PLANS.glob("*.plan.yaml")
        if p.name.removesuffix(".plan.yaml") not in SCENARIOS
    )
    assert not orphans


@pytest.mark.parametrize("scenario_id", SCENARIOS)
def test_plan_paths_play_as_written(scenario_id: str, prepared_for) -> None:  # type: ignore[no-untyped-def]
    plan = load_plan(scenario_id)
    if plan is None:
        pytest.fail(f"{scenario_id} has no plan")
    prepared = prepared_for(scenario_id)
    for path in plan.paths:
        call = prepared.start(seed=plan.seed)
        for choice in path.choices:
            assert not call.ended, f"{path.name}: call ended before {choice!r}"
            call.choose(choice)
        transcript = call.transcript()
        assert call.ended, f"{path.name}: the call did not end (at {call.state.node})"
        assert transcript.ending is not None and transcript.ending.id == path.ending, path.name
        report = prepared.score(transcript)
        assert sorted({v.rule for v in report.violations}) == sorted(path.violations), path.name
        assert report.passed is path.passed, f"{path.name}: {report.reasons} {report.scores}"
        for index, text in path.expect_lines.items():
            assert text in transcript.turns[index].text, f"{path.name}: turn {index}"
        assert Transcript.from_json(transcript.to_json()) == transcript
        assert replay(prepared.compiled, plan.seed, transcript.actions) == transcript
