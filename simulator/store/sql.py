"""The SQLAlchemy result store: SQLite by default (WAL, busy timeout, BEGIN IMMEDIATE), PostgreSQL by URL.

Imported lazily (SQLAlchemy costs about half a second), from a worker, never at app start-up.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Connection,
    DateTime,
    Engine,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    create_engine,
    event,
    select,
)
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError
from sqlalchemy.types import TypeDecorator

from simulator.store.base import (
    AttemptFilter,
    AttemptRecord,
    BestScore,
    StoreError,
    Trainee,
    best_of,
    consistent,
    utc,
)
from simulator.store.urls import redact

T = TypeVar("T")


class UTCDateTime(TypeDecorator[dt.datetime]):
    """Stores datetimes as naive UTC (SQLite drops offsets), reads them back tz-aware UTC."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Any) -> dt.datetime | None:
        """To naive UTC."""
        return None if value is None else utc(value).replace(tzinfo=None)

    def process_result_value(self, value: dt.datetime | None, dialect: Any) -> dt.datetime | None:
        """To aware UTC."""
        return None if value is None else value.replace(tzinfo=dt.UTC)


metadata = MetaData()
attempts = Table(
    "attempts",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("version", Integer, nullable=False),
    Column("revision", Integer, nullable=False),
    Column("trainee_id", String(64), nullable=False, index=True),
    Column("trainee_name", String(128), nullable=False),
    Column("scenario_id", String(64), nullable=False, index=True),
    Column("locale", String(8), nullable=False),
    Column("content_hash", String(64), nullable=False),
    Column("seed", Integer, nullable=False),
    Column("status", String(16), nullable=False),
    Column("started_at", UTCDateTime(), nullable=False, index=True),
    Column("updated_at", UTCDateTime(), nullable=False),
    Column("finished_at", UTCDateTime(), nullable=True),
    Column("turns", Integer, nullable=False),
    Column("outcome", String(32), nullable=True),
    Column("passed", Boolean, nullable=True),
    Column("overall", Integer, nullable=True),
    Column("scores", JSON, nullable=False),
    Column("transcript", Text, nullable=False),
    Column("report", Text, nullable=True),
)
settings = Table(
    "settings",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)


class SqlStore:
    """A `ResultStore` over SQLAlchemy Core."""

    def __init__(self, url: str) -> None:
        try:
            self._url = make_url(url)
        except (ArgumentError, ValueError):
            raise StoreError(
                f"cannot open results database {redact(url)}: the URL cannot be read. What to do: "
                "use sqlite:////path/to/results.db or postgresql+psycopg://user@host:5432/dbname."
            ) from None
        self._path = self._sqlite_path()
        self.location = self._path or self._url.render_as_string(hide_password=True)
        try:
            if self._path and self._path != ":memory:":
                Path(self._path).parent.mkdir(parents=True, exist_ok=True)
            self._engine = self._make_engine()
            metadata.create_all(self._engine)
        except (SQLAlchemyError, OSError) as exc:
            raise self._explain(exc, "open") from None

    def _sqlite_path(self) -> str | None:
        if self._url.get_backend_name() != "sqlite":
            return None
        return self._url.database or ":memory:"

    def _make_engine(self) -> Engine:
        if self._path is None:
            return create_engine(self._url, pool_pre_ping=True)
        engine = create_engine(self._url, connect_args={"timeout": 30})

        @event.listens_for(engine, "connect")
        def _pragmas(dbapi_conn: Any, _record: Any) -> None:
            dbapi_conn.isolation_level = None  # let SQLAlchemy's "begin" hook emit BEGIN
            cursor = dbapi_conn.cursor()
            if self._path != ":memory:":
                cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.close()

        @event.listens_for(engine, "begin")
        def _begin(conn: Connection) -> None:
            # A read-then-write transaction under a deferred BEGIN fails at once in WAL mode.
            conn.exec_driver_sql("BEGIN IMMEDIATE")

        return engine

    @contextmanager
    def _tx(self, action: str) -> Iterator[Connection]:
        try:
            with self._engine.begin() as conn:
                yield conn
        except SQLAlchemyError as exc:
            raise self._explain(exc, action) from None

    def _read(self, action: str, fn: Callable[[Connection], T]) -> T:
        with self._tx(action) as conn:
            return fn(conn)

    def _explain(self, exc: BaseException, action: str) -> StoreError:
        detail = str(getattr(exc, "orig", None) or exc).splitlines()[0]
        where = self.location
        if "locked" in detail or "busy" in detail:
            todo = "another program holds the database for over 30 s; close other CallDojo windows and try again"
        elif "not a database" in detail or "malformed" in detail:
            todo = (
                "the file is not a CallDojo results database (damaged, or another kind of file); "
                "move it aside and start again, or pass --db with another file"
            )
        elif "too long" in detail:
            todo = "a value is longer than the database allows (a name over 128 characters, an employee number over 64)"
        elif "readonly" in detail or "unable to open" in detail or isinstance(exc, OSError):
            todo = "the file or its folder is not writable; fix the permissions or pass --db with another location"
        else:
            todo = "check the database URL (--db) and that the server is reachable"
        return StoreError(
            f"cannot {action} results database {where}: {detail}. What to do: {todo}."
        )

    def save_attempt(self, record: AttemptRecord) -> None:
        """Insert or update by id, unless the stored revision is newer (idempotent, order-safe)."""
        row = _row(record)
        with self._tx("save to") as conn:
            stored = conn.execute(
                select(attempts.c.revision).where(attempts.c.id == record.id)
            ).scalar_one_or_none()
            if stored is None:
                conn.execute(attempts.insert().values(**row))
            elif stored <= record.revision:
                row.pop("started_at")
                conn.execute(attempts.update().where(attempts.c.id == record.id).values(**row))

    def get_attempt(self, attempt_id: str) -> AttemptRecord | None:
        """One attempt, or None."""
        query = select(attempts).where(attempts.c.id == attempt_id)
        row = self._read("read", lambda c: c.execute(query).mappings().first())
        return None if row is None else _record(dict(row))

    def list_attempts(self, where: AttemptFilter | None = None) -> list[AttemptRecord]:
        """Attempts matching the filter, newest first."""
        where = where or AttemptFilter()
        query = select(attempts).order_by(attempts.c.started_at.desc(), attempts.c.id.desc())
        if where.trainee_id is not None:
            query = query.where(attempts.c.trainee_id == where.trainee_id)
        if where.scenario_id is not None:
            query = query.where(attempts.c.scenario_id == where.scenario_id)
        if where.status is not None:
            query = query.where(attempts.c.status == where.status)
        if where.passed is not None:
            query = query.where(attempts.c.passed.is_(where.passed))
        query = query.limit(where.limit)
        rows = self._read("read", lambda c: list(c.execute(query).mappings()))
        return [_record(dict(r)) for r in rows]

    def best_scores(self, trainee_id: str) -> dict[str, BestScore]:
        """Best completed attempt per scenario."""
        return best_of(self.list_attempts(AttemptFilter(trainee_id=trainee_id, limit=10**9)))

    def get_setting(self, key: str) -> str | None:
        """A remembered setting."""
        query = select(settings.c.value).where(settings.c.key == key)
        return self._read("read", lambda c: c.execute(query).scalar_one_or_none())

    def set_setting(self, key: str, value: str) -> None:
        """Remember a setting."""
        with self._tx("save to") as conn:
            exists = conn.execute(select(settings.c.key).where(settings.c.key == key)).first()
            if exists is None:
                conn.execute(settings.insert().values(key=key, value=value))
            else:
                conn.execute(settings.update().where(settings.c.key == key).values(value=value))

    def close(self) -> None:
        """Release pooled connections."""
        self._engine.dispose()


def _row(record: AttemptRecord) -> dict[str, Any]:
    return {
        "id": record.id,
        "version": record.version,
        "revision": record.revision,
        "trainee_id": record.trainee.employee_id,
        "trainee_name": record.trainee.name,
        "scenario_id": record.scenario_id,
        "locale": record.locale,
        "content_hash": record.content_hash,
        "seed": record.seed,
        "status": record.status,
        "started_at": record.started_at,
        "updated_at": record.updated_at,
        "finished_at": record.finished_at,
        "turns": record.turns,
        "outcome": record.outcome,
        "passed": record.passed,
        "overall": record.overall,
        "scores": dict(record.scores),
        "transcript": record.transcript_json,
        "report": record.report_json,
    }


def _record(row: dict[str, Any]) -> AttemptRecord:
    scores = row["scores"]
    if isinstance(scores, str):
        scores = json.loads(scores)
    return consistent(_stored(row, scores))


def _stored(row: dict[str, Any], scores: dict[str, Any]) -> AttemptRecord:
    return AttemptRecord(
        id=row["id"],
        trainee=Trainee(row["trainee_name"], row["trainee_id"]),
        scenario_id=row["scenario_id"],
        locale=row["locale"],
        content_hash=row["content_hash"],
        seed=row["seed"],
        status=row["status"],
        started_at=row["started_at"],
        updated_at=row["updated_at"],
        transcript_json=row["transcript"],
        finished_at=row["finished_at"],
        revision=row["revision"],
        turns=row["turns"],
        outcome=row["outcome"],
        passed=row["passed"],
        scores={str(k): int(v) for k, v in scores.items()},
        overall=row["overall"],
        report_json=row["report"],
        version=row["version"],
    )
