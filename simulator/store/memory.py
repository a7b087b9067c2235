"""An in-memory result store for tests and for running without a database."""

from __future__ import annotations

import threading
from dataclasses import replace

from simulator.store.base import AttemptFilter, AttemptRecord, BestScore, best_of, utc


class MemoryStore:
    """Keeps records in a dict; thread-safe; same semantics as the SQL store."""

    def __init__(self) -> None:
        self._attempts: dict[str, AttemptRecord] = {}
        self._settings: dict[str, str] = {}
        self._lock = threading.Lock()
        self.saves = 0
        """How many saves were accepted (tests use it to see per-turn saving)."""

    @property
    def location(self) -> str:
        """Where the records are."""
        return "memory"

    def save_attempt(self, record: AttemptRecord) -> None:
        """Insert or update by id, unless the stored revision is newer."""
        with self._lock:
            old = self._attempts.get(record.id)
            if old is not None and old.revision > record.revision:
                return
            record = replace(
                record,
                started_at=old.started_at if old else utc(record.started_at),
                updated_at=utc(record.updated_at),
                finished_at=utc(record.finished_at) if record.finished_at else None,
            )
            self._attempts[record.id] = record
            self.saves += 1

    def get_attempt(self, attempt_id: str) -> AttemptRecord | None:
        """One attempt, or None."""
        with self._lock:
            return self._attempts.get(attempt_id)

    def list_attempts(self, where: AttemptFilter | None = None) -> list[AttemptRecord]:
        """Attempts matching the filter, newest first."""
        where = where or AttemptFilter()
        with self._lock:
            records = list(self._attempts.values())
        picked = [r for r in records if _matches(r, where)]
        picked.sort(key=lambda r: (r.started_at, r.id), reverse=True)
        return picked[: where.limit]

    def best_scores(self, trainee_id: str) -> dict[str, BestScore]:
        """Best completed attempt per scenario."""
        return best_of(self.list_attempts(AttemptFilter(trainee_id=trainee_id, limit=10**9)))

    def get_setting(self, key: str) -> str | None:
        """A remembered setting."""
        with self._lock:
            return self._settings.get(key)

    def set_setting(self, key: str, value: str) -> None:
        """Remember a setting."""
        with self._lock:
            self._settings[key] = value

    def close(self) -> None:
        """Nothing to release."""


def _matches(record: AttemptRecord, where: AttemptFilter) -> bool:
    checks = (
        where.trainee_id is None or record.trainee.employee_id == where.trainee_id,
        where.scenario_id is None or record.scenario_id == where.scenario_id,
        where.status is None or record.status == where.status,
        where.passed is None or record.passed is where.passed,
    )
    return all(checks)
