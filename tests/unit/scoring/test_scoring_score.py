"""The score formula: points, penalties, normalisation, the pass decision, the whole report."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Hashable
from pathlib import Path

import pytest

from scoring.interface import Bounds, Finding
from scoring.monitors import build_monitors
from scoring.report import ScoreReport
from scoring.rubric import load_bundled_pack, load_default_rubric
from scoring.score import decide_pass, normalise, penalty, raw_totals, run_rules, score, turn_points
from simulator.spec.loading import load_scenario
from simulator.spec.scenario import ScoringSpec
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
RUBRIC = load_default_rubric()
TINY = Path(__file__).parents[2] / "fixtures" / "content" / "scenarios" / "tiny_call.scenario.yaml"
BOUNDS: Bounds = {
    "empathy": (-20.0, 10.0),
    "clarity": (0.0, 20.0),
    "control": (-10.0, 10.0),
    "compliance": (-80.0, 0.0),
}


def test_turn_points() -> None:
    assert turn_points(RUBRIC, agent("acknowledge_feelings", "summarize")) == {
        "empathy": 4,
        "clarity": 4,
        "control": 1,
    }
    assert turn_points(RUBRIC, silence()) == {"empathy": -1, "clarity": 0, "control": -3}
    assert turn_points(RUBRIC, debtor()) == {"empathy": 0, "clarity": 0, "control": 0}


def test_raw_totals_sum_agent_turns_and_penalties() -> None:
    transcript = call(*opening(), agent("threaten"), debtor(), silence(), outcome="hung_up")
    findings = run_rules(build_monitors(CN), transcript)
    raw = raw_totals(transcript, RUBRIC, CN, findings)
    # opening turn: clarity 2+2+1, control 1+2; threaten: empathy -8, control -6; silence: -1/-3
    assert raw == {"empathy": -9.0, "clarity": 5.0, "control": -6.0, "compliance": -55.0}
    assert {f.rule for f in findings} == {"CN-THREAT", "CN-OPEN-30S"}


def test_penalty() -> None:
    assert [penalty(CN, s) for s in ("critical", "major", "minor")] == [40, 15, 5]
    with pytest.raises(ValueError, match="severity"):
        penalty(CN, "fatal")


@pytest.mark.parametrize(
    ("raw", "bounds", "expected"),
    [
        (5.0, (0.0, 10.0), 50),
        (0.0, (0.0, 10.0), 0),
        (10.0, (0.0, 10.0), 100),
        (-3.0, (0.0, 10.0), 0),
        (14.0, (0.0, 10.0), 100),
        (-55.0, (-80.0, 0.0), 31),
        (1.0, (0.0, 3.0), 33),
        (2.0, (0.0, 3.0), 67),
        (7.0, (7.0, 7.0), 100),
    ],
)
def test_normalise(raw: float, bounds: tuple[float, float], expected: int) -> None:
    assert normalise(raw, bounds) == expected


GOOD = {"empathy": 80, "clarity": 70, "control": 60, "compliance": 100}


def _f(rule: str, severity: str) -> Finding:
    return Finding(rule, severity, 3, "")


def test_decide_pass() -> None:
    assert decide_pass(GOOD, [], ScoringSpec()) == (True, ())
    assert decide_pass(GOOD, [_f("CN-SARCASM", "major")], ScoringSpec()) == (True, ())
    failed = decide_pass(
        {**GOOD, "empathy": 59},
        [_f("CN-THREAT", "critical"), _f("CN-THREAT", "critical")],
        ScoringSpec(),
    )
    assert failed == (False, ("critical:CN-THREAT", "below:empathy"))


def test_decide_pass_respects_the_scenario() -> None:
    strict = ScoringSpec(pass_marks={"control": 70}, fail_on=["critical", "major"])
    assert decide_pass(GOOD, [_f("CN-SARCASM", "major")], strict) == (
        False,
        ("major:CN-SARCASM", "below:control"),
    )
    lenient = ScoringSpec(pass_marks={"empathy": 0}, fail_on=[])
    assert decide_pass({**GOOD, "empathy": 1}, [_f("CN-THREAT", "critical")], lenient) == (True, ())


def test_score_report() -> None:
    scenario = load_scenario(TINY)
    transcript = call(
        debtor(party="unknown", verified=False, node="opening"),
        agent(
            "identify_self",
            "give_employee_id",
            "verify_identity",
            node="opening",
            choice="verify",
            party="unknown",
            verified=False,
        ),
        debtor(node="verified"),
        agent("demand_payment", node="verified", choice="demand"),
        debtor(node="refused", event="ending"),
        outcome="refused",
    )
    report = score(transcript, scenario, RUBRIC, CN, BOUNDS)
    assert [v.rule for v in report.violations] == ["CN-OPEN-30S"]
    assert report.violations[0].statement_zh and report.violations[0].citation
    assert report.raw == {"empathy": -2.0, "clarity": 5.0, "control": 4.0, "compliance": -15.0}
    assert report.scores == {"empathy": 60, "clarity": 25, "control": 70, "compliance": 81}
    assert report.pass_marks == {"empathy": 60, "clarity": 60, "control": 60, "compliance": 60}
    assert report.passed is False and report.reasons == ("below:clarity",)
    assert [(f.choice, f.better_choice) for f in report.feedback] == [("demand", "empathize")]
    data = json.loads(json.dumps(report.to_dict(), ensure_ascii=False))
    assert ScoreReport.from_dict(data) == report


def test_score_needs_all_bounds() -> None:
    scenario = load_scenario(TINY)
    with pytest.raises(ValueError, match="compliance"):
        score(call(*clean_cn()), scenario, RUBRIC, CN, {"empathy": (0.0, 1.0)})


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
    assert state is False  # acknowledge/log never seen: the same state as at the start


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


def test_a_second_major_rule_fails_the_call() -> None:
    one = [_f("CN-SARCASM", "major"), _f("CN-SARCASM", "major")]
    assert decide_pass(GOOD, one, ScoringSpec()) == (True, ())
    two = [_f("CN-SARCASM", "major"), _f("CN-OPEN-ID", "major")]
    assert decide_pass(GOOD, two, ScoringSpec()) == (False, ("majors:2",))
    assert decide_pass(GOOD, two, ScoringSpec(max_major=None)) == (True, ())
    assert decide_pass(GOOD, one, ScoringSpec(max_major=0)) == (False, ("majors:1",))
