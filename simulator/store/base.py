"""The results store seam: attempt records, filters, and the `ResultStore` protocol.

Records carry JSON text (transcript, score report), never pickles, plus a few denormalised
columns (status, scores, passed) so history and best-score queries need not parse JSON.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Literal, Protocol

RECORD_VERSION = 1
AttemptStatus = Literal["completed", "abandoned"]
"""`completed` once the call reached an ending; `abandoned` otherwise (also while it runs, so a
crash at any moment leaves an honest record behind)."""


class StoreError(RuntimeError):
    """The store cannot be read or written; the message says which database and what to do."""


@dataclass(frozen=True, slots=True)
class Trainee:
    """Who practised: a name and an employee number (the key)."""

    name: str
    employee_id: str


@dataclass(frozen=True, slots=True)
class AttemptRecord:
    """One practice call as saved: enough to show it, score it again, and replay it."""

    id: str
    trainee: Trainee
    scenario_id: str
    locale: str
    content_hash: str
    seed: int
    status: AttemptStatus
    started_at: dt.datetime
    updated_at: dt.datetime
    transcript_json: str
    finished_at: dt.datetime | None = None
    revision: int = 0
    """Grows with every save of the attempt; a save with a lower revision never overwrites."""
    turns: int = 0
    outcome: str | None = None
    passed: bool | None = None
    scores: dict[str, int] = field(default_factory=dict)
    overall: int | None = None
    report_json: str | None = None
    version: int = RECORD_VERSION
    mismatch: bool = False
    """The stored summary columns disagreed with the stored report (edited by hand?): the figures
    shown are the report's own, and screens flag the attempt."""

    @property
    def report_dict(self) -> dict[str, object] | None:
        """The score report as a dict, if scored."""
        if self.report_json is None:
            return None
        data = json.loads(self.report_json)
        return data if isinstance(data, dict) else None


@dataclass(frozen=True, slots=True)
class AttemptFilter:
    """Which attempts to list (every field optional; results newest first)."""

    trainee_id: str | None = None
    scenario_id: str | None = None
    status: AttemptStatus | None = None
    passed: bool | None = None
    limit: int = 500


@dataclass(frozen=True, slots=True)
class BestScore:
    """A trainee's best completed attempt of one scenario."""

    scenario_id: str
    overall: int
    passed: bool
    attempts: int


def overall_of(scores: Mapping[str, int]) -> int | None:
    """One number per attempt for ranking: the rounded mean of the dimension scores."""
    if not scores:
        return None
    return round(sum(scores.values()) / len(scores))


def utc(moment: dt.datetime) -> dt.datetime:
    """The same instant in UTC (naive datetimes are taken as UTC already)."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(dt.UTC)


class ResultStore(Protocol):
    """Where practice results live. Every method may raise StoreError, never a driver error."""

    @property
    def location(self) -> str:
        """A human-readable place (file path or URL without password) for messages."""

    def save_attempt(self, record: AttemptRecord) -> None:
        """Insert or update by id; ignored if the stored revision is newer."""

    def get_attempt(self, attempt_id: str) -> AttemptRecord | None:
        """One attempt, or None."""

    def list_attempts(self, where: AttemptFilter | None = None) -> list[AttemptRecord]:
        """Attempts matching the filter, newest first."""

    def best_scores(self, trainee_id: str) -> dict[str, BestScore]:
        """The trainee's best completed attempt per scenario id."""

    def get_setting(self, key: str) -> str | None:
        """A remembered setting (e.g. the trainee's name), or None."""

    def set_setting(self, key: str, value: str) -> None:
        """Remember a setting."""

    def close(self) -> None:
        """Release connections."""


def consistent(record: AttemptRecord) -> AttemptRecord:
    """The record with its summary (scores, passed, overall) taken from its own stored report.

    The summary columns exist for fast queries; the report is what was scored. When they disagree,
    the report wins and the record says so (`mismatch`).
    """
    report = record.report_dict
    if report is None:
        return record
    raw_scores = report.get("scores")
    if not isinstance(raw_scores, dict):
        return replace(record, mismatch=True)
    scores = {str(k): int(v) for k, v in raw_scores.items() if isinstance(v, int | float)}
    passed = bool(report.get("passed"))
    overall = overall_of(scores)
    if (scores, passed, overall) == (record.scores, record.passed, record.overall):
        return record
    return replace(record, scores=scores, passed=passed, overall=overall, mismatch=True)


def best_of(records: list[AttemptRecord]) -> dict[str, BestScore]:
    """Best completed attempt per scenario (shared by the implementations that compute in Python)."""
    best: dict[str, BestScore] = {}
    counts: dict[str, int] = {}
    for record in records:
        counts[record.scenario_id] = counts.get(record.scenario_id, 0) + 1
    for record in records:
        if record.status != "completed" or record.overall is None:
            continue
        current = best.get(record.scenario_id)
        candidate = BestScore(
            record.scenario_id, record.overall, bool(record.passed), counts[record.scenario_id]
        )
        if current is None or (candidate.passed, candidate.overall) > (
            current.passed,
            current.overall,
        ):
            best[record.scenario_id] = candidate
    return best
