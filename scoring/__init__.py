"""Scoring: pure functions from a transcript (+ scenario, rubric, rule pack) to a score report."""

from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"
"""The bundled rubric (`default.rubric.yaml`) and rule packs (`cn.rules.yaml`, `us.rules.yaml`)."""

# Re-exports below DATA_DIR: scoring.rubric reads it at import time.
from scoring.feedback import best_choice, choice_value, turn_feedback  # noqa: E402
from scoring.interface import Bounds, Finding, RuleMonitor  # noqa: E402
from scoring.monitors import MONITOR_KINDS, build_monitors  # noqa: E402
from scoring.mood import mood_events  # noqa: E402
from scoring.report import MoodEvent, ScoreReport, TurnFeedback, Violation  # noqa: E402
from scoring.rubric import load_bundled_pack, load_default_rubric, pack_tags, tag_points  # noqa: E402
from scoring.score import (  # noqa: E402
    decide_pass,
    normalise,
    pass_marks,
    penalty,
    raw_totals,
    run_rules,
    score,
    turn_points,
)

__all__ = [
    "DATA_DIR",
    "MONITOR_KINDS",
    "Bounds",
    "Finding",
    "MoodEvent",
    "RuleMonitor",
    "ScoreReport",
    "TurnFeedback",
    "Violation",
    "best_choice",
    "build_monitors",
    "choice_value",
    "decide_pass",
    "load_bundled_pack",
    "load_default_rubric",
    "mood_events",
    "normalise",
    "pack_tags",
    "pass_marks",
    "penalty",
    "raw_totals",
    "run_rules",
    "score",
    "tag_points",
    "turn_feedback",
    "turn_points",
]
