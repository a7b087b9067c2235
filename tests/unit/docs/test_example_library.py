"""The worked example of the authoring guide (docs/example/) validates, is calibrated and plays as the guide says."""

from __future__ import annotations

from pathlib import Path

import pytest

import scoring
from scoring.report import ScoreReport
from simulator.analysis import analyze
from simulator.analysis.simulate import calibrate
from simulator.practice import Prepared, prepare
from simulator.spec.library import load_library

EXAMPLE = Path(__file__).resolve().parents[3] / "docs" / "example"
SCENARIO = "ex01_evening_reminder"
MODEL = ("dial_tomorrow", "open_full", "verify", "purpose", "plan", "readback")


@pytest.fixture(scope="module")
def prepared() -> Prepared:
    library = load_library(EXAMPLE, data_dirs=(scoring.DATA_DIR,))
    return prepare(library, SCENARIO)


def play(prepared: Prepared, *choices: str) -> ScoreReport:
    call = prepared.start(seed=0)
    for choice in choices:
        call.choose(choice)
    assert call.ended
    return prepared.score(call.transcript())


def test_example_library_has_no_errors_or_warnings() -> None:
    library = load_library(EXAMPLE, data_dirs=(scoring.DATA_DIR,))
    assert [d.format() for d in library.diagnostics] == []
    assert set(library.scenarios) == {SCENARIO}
    assert set(library.personas) == {"xu_fang_busy"}


def test_example_scenario_model_answer_passes_with_full_marks(prepared: Prepared) -> None:
    report = analyze(prepared.compiled, prepared.rubric, prepared.pack)
    assert report.pass_possible is True
    assert report.model_answer["path"] == list(MODEL)
    assert report.pass_without_objective == []
    assert report.objective_endings == ["ptp"]
    assert report.model_answer["scores"] == {
        "empathy": 100,
        "clarity": 100,
        "control": 100,
        "compliance": 100,
    }
    assert report.unreachable == [] and report.dead_ends == []
    assert report.never_offered == [] and report.branches_never_taken == []


def test_example_good_path_passes_as_the_guide_shows(prepared: Prepared) -> None:
    report = play(prepared, *MODEL)
    assert report.passed
    assert report.violations == ()


def test_example_is_calibrated(prepared: Prepared) -> None:
    calibration = calibrate(prepared.compiled, prepared.rubric, prepared.pack)
    assert calibration.problems == []
    by = {r.policy: r for r in calibration.results}
    for policy in ("longest", "politest", "cold", "pushy", "aggressive", "opening_then_aggressive"):
        assert by[policy].pass_rate == 0.0, policy
    assert by["ideal"].path == list(MODEL)
    assert by["random"].pass_rate <= 0.05


@pytest.mark.parametrize(
    ("choices", "passed", "reasons", "rules"),
    [
        # a detour through a tolerated major slip: passes, below 100
        (
            ("dial_tomorrow", "open_polite", "verify", "purpose", "plan", "readback"),
            True,
            (),
            ["CN-OPEN-ID"],
        ),
        # a detour through a distant date, pulled back: passes, below 100
        (
            ("dial_tomorrow", "open_full", "verify", "purpose", "month_end", "pull_in", "readback"),
            True,
            (),
            ["CN-PTP-3DAY"],
        ),
        # a perfect call placed at 21:25: a red line
        (
            ("dial_now", "open_full", "verify", "purpose", "plan", "readback"),
            False,
            ("red_line:CN-HOURS",),
            ["CN-HOURS"],
        ),
        # polite, compliant, no promise: the objective is not achieved
        (
            ("dial_tomorrow", "open_full", "verify", "purpose", "later"),
            False,
            ("objective", "below:clarity"),
            [],
        ),
        # a promise without the read-back: CN-PTP-3E gates the objective
        (
            ("dial_tomorrow", "open_full", "verify", "purpose", "plan", "no_readback"),
            False,
            ("objective", "objective:CN-PTP-3E"),
            ["CN-PTP-3E"],
        ),
        # a read-back promise two weeks away: not the objective
        (
            ("dial_tomorrow", "open_full", "verify", "purpose", "month_end", "accept_late"),
            False,
            ("objective", "below:control"),
            ["CN-PTP-3DAY", "CN-PTP-3DAY"],
        ),
        # the agent hangs up after the promise: a red line
        (
            ("dial_tomorrow", "open_full", "verify", "purpose", "plan", "hang_first"),
            False,
            ("objective", "red_line:CN-HANGUP", "below:control"),
            ["CN-HANGUP"],
        ),
    ],
)
def test_example_paths_score_as_the_guide_explains(
    prepared: Prepared,
    choices: tuple[str, ...],
    passed: bool,
    reasons: tuple[str, ...],
    rules: list[str],
) -> None:
    report = play(prepared, *choices)
    assert report.passed is passed
    assert report.reasons == reasons
    assert [v.rule for v in report.violations] == rules
    soft = [report.scores[d] for d in ("empathy", "clarity", "control")]
    assert max(soft) <= 100
    if passed:
        assert min(soft) < 100 or report.scores["compliance"] < 100
