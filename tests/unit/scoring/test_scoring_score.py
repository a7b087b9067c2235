"""The score formula: points capped at the model answer, the anchored scale, the pass decision."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Hashable
from pathlib import Path

import pytest

from scoring.interface import Anchors, Finding
from scoring.monitors import build_monitors, run_rules
from scoring.report import ScoreReport
from scoring.rubric import load_bundled_pack, load_default_rubric
from scoring.score import (
    compliance_score,
    decide_pass,
    max_major,
    penalty,
    red_lines,
    score,
    soft_score,
    soft_totals,
    turn_points,
)
from simulator.spec.loading.loader import load_scenario
from simulator.spec.models.scenario import ScenarioSpec
from tests.unit.scoring.scoring_calls import (
    agent,
    call,
    clean_cn,
    clean_us,
    debtor,
    opening,
    silence,
)

CN = load_bundled_pack("cn")
US = load_bundled_pack("us")
RUBRIC = load_default_rubric()
TINY = Path(__file__).parents[2] / "fixtures" / "content" / "scenarios" / "tiny_call.scenario.yaml"
SCENARIO = load_scenario(TINY)
# The tiny scenario's model answer: verify (clarity 2+2+1, control 1+2) then empathize (empathy 4).
ANCHOR: Anchors = {"empathy": 4.0, "clarity": 5.0, "control": 3.0}
VERIFY = ("identify_self", "give_employee_id", "verify_identity")


def _scenario(**scoring: object) -> ScenarioSpec:
    data = SCENARIO.model_dump(exclude_defaults=True)
    data["scoring"] = scoring
    return ScenarioSpec.model_validate(data)


def _opening_turns() -> list:  # type: ignore[type-arg]
    return [
        debtor(party="unknown", verified=False, node="opening"),
        agent(*VERIFY, node="opening", choice="verify", party="unknown", verified=False),
        debtor(node="verified"),
    ]


def test_turn_points() -> None:
    assert turn_points(RUBRIC, agent("acknowledge_feelings", "summarize")) == {
        "empathy": 4,
        "clarity": 4,
        "control": 1,
    }
    assert turn_points(RUBRIC, silence()) == {"empathy": -1, "clarity": 0, "control": -3}
    assert turn_points(RUBRIC, debtor()) == {"empathy": 0, "clarity": 0, "control": 0}


def test_a_turn_earns_at_most_the_model_answer_at_its_node() -> None:
    # At `verified` the model answer earns empathy 4; a richer line still earns only 4 there.
    richer = agent("acknowledge_feelings", "reassure", "thank", node="verified", choice="x")
    totals = soft_totals(call(*_opening_turns(), richer, ending="ptp"), SCENARIO, RUBRIC)
    assert totals.earned == {"empathy": 4.0, "clarity": 5.0, "control": 3.0}
    assert totals.par == {"empathy": 4.0, "clarity": 5.0, "control": 3.0}


def test_the_model_answer_scores_100_on_the_soft_dimensions() -> None:
    model = call(
        *_opening_turns(),
        agent("acknowledge_feelings", node="verified", choice="empathize"),
        debtor(node="ptp", event="ending"),
        ending="ptp",
    )
    report = score(model, SCENARIO, RUBRIC, CN, ANCHOR)
    assert report.scores == {"empathy": 100, "clarity": 100, "control": 100, "compliance": 40}
    # The tiny model states no purpose and its promise has no date, channel or amount:
    assert [v.rule for v in report.violations] == ["CN-OPEN-30S", "CN-PTP-3E"]
    assert report.objective_met  # it reached the objective ending, but not with a real promise
    assert report.reasons == ("objective:CN-PTP-3E", "majors:2", "below:compliance")


@pytest.mark.parametrize(
    ("earned", "par", "anchor", "expected"),
    [
        (10.0, 10.0, 10.0, 100),  # the model answer
        (0.0, 10.0, 10.0, 0),  # neutral lines: zero, not the middle of the scale
        (-30.0, 10.0, 10.0, 0),  # misconduct does not go below a neutral call
        (5.0, 10.0, 10.0, 50),
        (5.0, 5.0, 10.0, 50),  # a short call: measured against the whole model answer
        (9.0, 12.0, 10.0, 75),  # a detour: its own model points count, so it stays below 100
        (0.0, 0.0, 0.0, 100),  # nothing to earn and nothing lost
        (-1.0, 0.0, 0.0, 0),
    ],
)
def test_soft_score(earned: float, par: float, anchor: float, expected: int) -> None:
    assert soft_score(earned, par, anchor) == expected


def test_a_detour_through_a_mistake_stays_below_the_model_answer() -> None:
    detour = call(
        *_opening_turns(),
        agent("demand_payment", node="verified", choice="demand"),
        debtor(node="verified"),
        agent("acknowledge_feelings", node="verified", choice="empathize"),
        debtor(node="ptp", event="ending"),
        ending="ptp",
    )
    report = score(detour, SCENARIO, RUBRIC, CN, ANCHOR)
    # empathy: earned 0 + min(-2, 4) + 4 = 2 of par 8; control min(1, 0) = 0 adds nothing
    assert report.scores["empathy"] == 25 and report.scores["control"] == 100
    assert report.scores["clarity"] == 100


def test_penalty_and_compliance() -> None:
    assert [penalty(CN, s) for s in ("critical", "major", "minor")] == [100, 30, 10]
    with pytest.raises(ValueError, match="severity"):
        penalty(CN, "fatal")
    assert compliance_score(CN, []) == 100
    assert compliance_score(CN, [Finding("CN-OPEN-ID", "major", 1, "")]) == 70
    assert compliance_score(CN, [Finding("CN-THREAT", "critical", 1, "")]) == 0


GOOD = {"empathy": 80, "clarity": 70, "control": 60, "compliance": 100}


def _f(rule: str, severity: str) -> Finding:
    return Finding(rule, severity, 3, "")


def test_decide_pass_leads_with_the_objective() -> None:
    assert decide_pass(GOOD, [], SCENARIO, CN, objective=True) == (True, ())
    assert decide_pass(GOOD, [], SCENARIO, CN, objective=False) == (False, ("objective",))
    failed = decide_pass(
        {**GOOD, "empathy": 59},
        [_f("CN-THREAT", "critical"), _f("CN-THREAT", "critical")],
        SCENARIO,
        CN,
        objective=False,
    )
    assert failed == (False, ("objective", "red_line:CN-THREAT", "below:empathy"))


@pytest.mark.parametrize("rule", sorted(CN.red_lines()))
def test_every_cn_red_line_fails_alone(rule: str) -> None:
    severity = next(r.severity for r in CN.rules if r.id == rule)
    passed, reasons = decide_pass(GOOD, [_f(rule, severity)], SCENARIO, CN, objective=True)
    assert not passed and reasons == (f"red_line:{rule}",)


def test_the_red_lines_the_pack_declares() -> None:
    assert {
        "CN-3P-DISCLOSE",
        "CN-THREAT",
        "CN-IMPERSONATE",
        "CN-HOURS",
        "CN-NEW-DEBT",
        "CN-HANGUP",
        "CN-PROMISE-AUTH",
        "CN-SARCASM",
        "CN-ABUSE",
    } <= CN.red_lines()
    assert US.red_lines() == {r.id for r in US.rules}


def test_a_broken_objective_rule_is_an_objective_reason() -> None:
    passed, reasons = decide_pass(GOOD, [_f("CN-PTP-3E", "major")], SCENARIO, CN, objective=True)
    assert (passed, reasons) == (False, ("objective:CN-PTP-3E",))


def test_majors_and_the_scenario_may_only_be_stricter() -> None:
    one = [_f("CN-OPEN-ID", "major"), _f("CN-OPEN-ID", "major")]
    assert decide_pass(GOOD, one, SCENARIO, CN, objective=True) == (True, ())
    two = [_f("CN-OPEN-ID", "major"), _f("CN-OPEN-30S", "major")]
    assert decide_pass(GOOD, two, SCENARIO, CN, objective=True) == (False, ("majors:2",))
    stricter = _scenario(max_major=0)
    assert decide_pass(GOOD, one, stricter, CN, objective=True) == (False, ("majors:1",))
    looser = _scenario(max_major=5)
    assert max_major(looser, CN) == CN.max_major  # never looser than the pack
    assert decide_pass(GOOD, two, looser, CN, objective=True)[0] is False
    strict = _scenario(fail_on=["critical", "major"], red_lines=["CN-REPUTATION"])
    assert "CN-REPUTATION" in red_lines(strict, CN)
    assert decide_pass(GOOD, [_f("CN-OPEN-ID", "major")], strict, CN, objective=True) == (
        False,
        ("major:CN-OPEN-ID",),
    )
    assert decide_pass(GOOD, [_f("CN-REPUTATION", "minor")], strict, CN, objective=True) == (
        False,
        ("red_line:CN-REPUTATION",),
    )


def test_score_report() -> None:
    transcript = call(
        *_opening_turns(),
        agent("demand_payment", node="verified", choice="demand"),
        debtor(node="refused", event="ending"),
        outcome="refused",
        ending="refused",
    )
    report = score(transcript, SCENARIO, RUBRIC, CN, ANCHOR)
    assert [v.rule for v in report.violations] == ["CN-OPEN-30S"]
    assert report.violations[0].statement_zh and report.violations[0].citation
    assert report.raw == {"empathy": -2.0, "clarity": 5.0, "control": 3.0, "compliance": 70.0}
    assert report.scores == {"empathy": 0, "clarity": 100, "control": 100, "compliance": 70}
    assert report.pass_marks == {"empathy": 60, "clarity": 60, "control": 60, "compliance": 60}
    assert report.passed is False and report.reasons == ("objective", "below:empathy")
    assert report.objective_met is False
    assert [(f.choice, f.better_choice) for f in report.feedback] == [("demand", "empathize")]
    data = json.loads(json.dumps(report.to_dict(), ensure_ascii=False))
    assert ScoreReport.from_dict(data) == report


def test_score_needs_all_anchors() -> None:
    with pytest.raises(ValueError, match="control"):
        score(call(*clean_cn()), SCENARIO, RUBRIC, CN, {"empathy": 1.0, "clarity": 1.0})


def test_an_abandoned_call_never_meets_the_objective() -> None:
    report = score(call(*opening(), outcome=None), SCENARIO, RUBRIC, CN, ANCHOR)
    assert report.reasons[0] == "objective" and not report.passed


@pytest.mark.parametrize("pack_id", ["cn", "us"])
def test_monitor_states_are_small_and_hashable(pack_id: str) -> None:
    pack = load_bundled_pack(pack_id)
    transcripts = [call(*clean_cn()), call(*clean_us()), call(*opening(), silence(), outcome=None)]
    for monitor in build_monitors(pack):
        states: list[Hashable] = [monitor.start()]
        for transcript in transcripts:
            state = monitor.start()
            for turn in transcript.turns:
                state, _ = monitor.feed(state, turn)
                states.append(state)
        for state in states:
            hash(state)
            assert state is None or isinstance(state, (bool, tuple)), (monitor, state)
            assert len(repr(state)) < 40, (monitor, state)


def test_tag_and_sequence_states_stay_canonical() -> None:
    monitors = {m.rule_id: m for m in build_monitors(CN)}
    threat, dispute = monitors["CN-THREAT"], monitors["CN-DISPUTE"]
    transcript = call(*clean_cn())
    state = dispute.start()
    for turn in transcript.turns:
        assert threat.feed(None, turn)[0] is None
        state, _ = dispute.feed(state, turn)
    assert state is False  # log_dispute never seen: the same state as at the start


def test_rules_fold_over_a_transcript() -> None:
    assert run_rules(build_monitors(CN), call(*clean_cn())) == ()


def test_scoring_imports_no_engine_ui_or_database() -> None:
    code = (
        "import sys, scoring, scoring.score, scoring.monitors, scoring.feedback, scoring.mood;"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('transitions', 'textual', 'sqlalchemy', 'rich')"
        " or m.startswith(('simulator.engine', 'simulator.analysis'))];"
        "print(bad); sys.exit(1 if bad else 0)"
    )
    root = Path(__file__).parents[3]
    result = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_call_that_met_its_objective_early_is_measured_along_its_own_path() -> None:
    # One model turn, then an ending: an acceptable early ending keeps its points, a hang-up does not.
    early = [*_opening_turns()]
    met = score(call(*early, ending="ptp"), SCENARIO, RUBRIC, CN, ANCHOR)
    missed = score(call(*early, outcome="hung_up", ending="hung_up"), SCENARIO, RUBRIC, CN, ANCHOR)
    assert met.scores["empathy"] == 100  # nothing to earn on this path, nothing lost
    assert missed.scores["empathy"] == 0  # measured against the whole model answer
    assert met.scores["clarity"] == missed.scores["clarity"] == 100
