"""A practice result edited in the database by hand: the stored report's own figures are shown."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import replace
from pathlib import Path

from simulator.store import AttemptFilter, AttemptRecord, open_store
from simulator.store.base import consistent
from tests.unit.store.test_result_store import record

SCORES = {"empathy": 38, "clarity": 9, "control": 67, "compliance": 100}


def _finished() -> AttemptRecord:
    return record(
        status="completed",
        scores=dict(SCORES),
        passed=False,
        overall=54,
        report_json=json.dumps({"scores": SCORES, "passed": False}),
    )


def test_an_edited_summary_shows_the_report_and_is_flagged(tmp_path: Path) -> None:
    db = tmp_path / "r.db"
    store = open_store(f"sqlite:///{db}")
    store.save_attempt(_finished())
    with sqlite3.connect(db) as conn:
        conn.execute("update attempts set overall = 100, passed = 1")
    (back,) = store.list_attempts(AttemptFilter())
    assert back.mismatch is True
    assert back.passed is False and back.overall == 54 and back.scores["clarity"] == 9
    best = store.best_scores("E001")["tiny_call"]
    assert best.overall == 54 and best.passed is False
    store.close()


def test_an_untouched_record_is_not_flagged() -> None:
    saved = _finished()
    assert consistent(saved).mismatch is False
    assert consistent(replace(saved, passed=True)).mismatch is True
