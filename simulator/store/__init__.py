"""Practice results behind a small protocol; SQLAlchemy is imported only when a SQL store opens."""

from __future__ import annotations

from pathlib import Path

from simulator.store.base import (
    AttemptFilter,
    AttemptRecord,
    AttemptStatus,
    BestScore,
    ResultStore,
    StoreError,
    Trainee,
    overall_of,
)
from simulator.store.memory import MemoryStore
from simulator.store.urls import IN_MEMORY, redact, url_problem

__all__ = [
    "AttemptFilter",
    "AttemptRecord",
    "AttemptStatus",
    "BestScore",
    "MemoryStore",
    "ResultStore",
    "StoreError",
    "Trainee",
    "default_db_url",
    "open_store",
    "overall_of",
    "redact",
    "url_problem",
]


def default_db_url() -> str:
    """SQLite in the user's data folder: platformdirs.user_data_dir("calldojo")/results.db."""
    from platformdirs import user_data_dir

    return f"sqlite:///{Path(user_data_dir('calldojo')) / 'results.db'}"


def open_store(url: str | None) -> ResultStore:
    """Open the store at `url` (`memory:` for an in-memory store, None for the default SQLite file).

    Raises StoreError with the location and what to do when it cannot be opened.
    """
    if url == IN_MEMORY:
        return MemoryStore()
    if url is not None:
        problem = url_problem(url)
        if problem is not None:
            raise StoreError(f"cannot open the results database: {problem}.")
    from simulator.store.sql import SqlStore

    return SqlStore(url or default_db_url())
