"""The result store: the same behaviour from the memory, SQLite and (optionally) PostgreSQL stores."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import uuid
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from simulator.store import (
    AttemptFilter,
    AttemptRecord,
    MemoryStore,
    ResultStore,
    StoreError,
    Trainee,
    open_store,
)

PG_URL = os.environ.get("CALLDOJO_TEST_PG_URL")
T0 = dt.datetime(2026, 3, 12, 10, 20, tzinfo=dt.timezone(dt.timedelta(hours=8)))
ZHANG = Trainee("张三", "E001")


def record(**changes: object) -> AttemptRecord:
    base = AttemptRecord(
        id=str(uuid.uuid4()),
        trainee=ZHANG,
        scenario_id="tiny_call",
        locale="zh-CN",
        content_hash="ab" * 32,
        seed=7,
        status="abandoned",
        started_at=T0,
        updated_at=T0,
        transcript_json='{"turns": ["喂？哪位？"]}',
        revision=1,
        turns=1,
    )
    return replace(base, **changes)  # type: ignore[arg-type]


@pytest.fixture(params=["memory", "sqlite", "postgresql"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[ResultStore]:
    if request.param == "memory":
        result: ResultStore = MemoryStore()
    elif request.param == "sqlite":
        result = open_store(f"sqlite:///{tmp_path / 'r.db'}")
    else:
        if not PG_URL:
            if os.environ.get("CI"):
                pytest.fail(
                    "CI must run the PostgreSQL store tests: .ci/run sets CALLDOJO_TEST_PG_URL"
                )
            pytest.skip("set CALLDOJO_TEST_PG_URL to run the PostgreSQL store tests")
        result = open_store(PG_URL)
        from sqlalchemy import delete

        from simulator.store import sql

        with result._engine.begin() as conn:  # type: ignore[attr-defined]
            conn.execute(delete(sql.attempts))
            conn.execute(delete(sql.settings))
    yield result
    result.close()


def test_round_trip_keeps_cjk_and_utc(store: ResultStore) -> None:
    saved = record(
        scores={"empathy": 80, "compliance": 100}, overall=90, report_json='{"x": "违规"}'
    )
    store.save_attempt(saved)
    got = store.get_attempt(saved.id)
    assert got is not None
    assert got.transcript_json == saved.transcript_json
    assert got.report_dict == {"x": "违规"}
    assert got.scores == {"empathy": 80, "compliance": 100}
    assert got.started_at == T0 and got.started_at.utcoffset() == dt.timedelta(0)
    assert got.trainee == ZHANG


def test_upsert_by_id_ignores_older_revisions(store: ResultStore) -> None:
    first = record()
    store.save_attempt(first)
    later = replace(first, revision=3, turns=5, updated_at=T0 + dt.timedelta(minutes=1))
    store.save_attempt(later)
    store.save_attempt(replace(first, revision=2, turns=3))  # arrives late: ignored
    got = store.get_attempt(first.id)
    assert got is not None and got.turns == 5 and got.revision == 3
    assert got.started_at == T0
    assert len(store.list_attempts()) == 1


def test_list_filters_and_orders_newest_first(store: ResultStore) -> None:
    old = record(status="completed", passed=True, overall=70)
    new = record(started_at=T0 + dt.timedelta(days=1), scenario_id="other")
    other = record(trainee=Trainee("李四", "E002"))
    for item in (old, new, other):
        store.save_attempt(item)
    mine = store.list_attempts(AttemptFilter(trainee_id="E001"))
    assert [r.id for r in mine] == [new.id, old.id]
    assert [r.id for r in store.list_attempts(AttemptFilter(status="completed"))] == [old.id]
    assert [r.id for r in store.list_attempts(AttemptFilter(passed=True))] == [old.id]
    assert [r.id for r in store.list_attempts(AttemptFilter(scenario_id="other"))] == [new.id]


def test_best_scores_prefer_passing_then_higher(store: ResultStore) -> None:
    store.save_attempt(record(status="completed", passed=False, overall=95))
    store.save_attempt(record(status="completed", passed=True, overall=70))
    store.save_attempt(record(status="abandoned"))
    best = store.best_scores("E001")
    assert best["tiny_call"].overall == 70 and best["tiny_call"].passed
    assert best["tiny_call"].attempts == 3
    assert store.best_scores("nobody") == {}


def test_settings_remembered(store: ResultStore) -> None:
    assert store.get_setting("trainee_name") is None
    store.set_setting("trainee_name", "张三")
    store.set_setting("trainee_name", "王五")
    assert store.get_setting("trainee_name") == "王五"


def test_sqlite_uses_wal_and_foreign_keys(tmp_path: Path) -> None:
    path = tmp_path / "r.db"
    store = open_store(f"sqlite:///{path}")
    store.save_attempt(record())
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    store.close()


def test_locked_database_is_a_clear_error_and_keeps_data(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "r.db"
    store = open_store(f"sqlite:///{path}")
    kept = record()
    store.save_attempt(kept)
    store.close()
    import sqlalchemy

    monkeypatch.setattr(
        "simulator.store.sql.create_engine", _fast_timeout(sqlalchemy.create_engine)
    )
    store = open_store(f"sqlite:///{path}")
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(StoreError) as info:
            store.save_attempt(record())
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    message = str(info.value)
    assert str(path) in message and "locked" in message and "What to do" in message
    assert store.get_attempt(kept.id) is not None
    store.close()


def test_unwritable_location_is_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(StoreError) as info:
        open_store(f"sqlite:///{blocker / 'sub' / 'r.db'}")
    assert "What to do" in str(info.value) and "sub" in str(info.value)


def test_memory_url_gives_memory_store() -> None:
    assert isinstance(open_store("memory:"), MemoryStore)


def _fast_timeout(create: Callable[..., Any]) -> Callable[..., Any]:
    def make(url: Any, **kwargs: Any) -> Any:
        kwargs["connect_args"] = {"timeout": 0.2}
        return create(url, **kwargs)

    return make
