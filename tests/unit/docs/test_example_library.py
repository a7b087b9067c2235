"""The worked example of the authoring guide (docs/example/) validates and can be passed."""

from __future__ import annotations

from pathlib import Path

import scoring
from simulator.analysis import analyze
from simulator.practice import prepare
from simulator.spec.library import load_library

EXAMPLE = Path(__file__).resolve().parents[3] / "docs" / "example"
SCENARIO = "ex01_evening_reminder"


def test_example_library_has_no_errors() -> None:
    library = load_library(EXAMPLE, data_dirs=(scoring.DATA_DIR,))
    assert [d.format() for d in library.diagnostics] == []
    assert set(library.scenarios) == {SCENARIO}
    assert set(library.personas) == {"xu_fang_busy"}


def test_example_scenario_model_answer_passes_with_full_marks() -> None:
    library = load_library(EXAMPLE, data_dirs=(scoring.DATA_DIR,))
    prepared = prepare(library, SCENARIO)
    report = analyze(prepared.compiled, prepared.rubric, prepared.pack)
    assert report.pass_possible is True
    assert report.pass_without_objective == []
    assert report.model_answer["scores"] == {
        "empathy": 100,
        "clarity": 100,
        "control": 100,
        "compliance": 100,
    }
    assert report.unreachable == [] and report.dead_ends == []


def test_example_good_path_passes_as_the_guide_shows() -> None:
    library = load_library(EXAMPLE, data_dirs=(scoring.DATA_DIR,))
    prepared = prepare(library, SCENARIO)
    call = prepared.start(seed=0)
    for choice in ("dial_tomorrow", "open_full", "verify", "purpose", "plan", "readback"):
        call.choose(choice)
    assert call.ended
    report = prepared.score(call.transcript())
    assert report.passed
    assert report.violations == ()
