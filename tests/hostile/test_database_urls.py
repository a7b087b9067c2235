"""Hostile database URLs: a one-line message, never a traceback, never the password."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from simulator.store import StoreError, open_store, redact, url_problem

ROOT = Path(__file__).resolve().parents[2]
SECRET = "s3cretPW"


@pytest.mark.parametrize(
    "url",
    [
        f"postgresql+psycopg://u:{SECRET}@host:badport/db",
        "not-a-url",
        "sqlite://",
        f"mysql://u:{SECRET}@host/db",
        f"postgresql+psycopg://u:{SECRET}@host:99999999999999999999/db",
    ],
)
def test_a_bad_url_is_one_line_without_the_password(url: str) -> None:
    problem = url_problem(url)
    with pytest.raises(StoreError) as caught:
        open_store(url)
    message = str(caught.value)
    assert SECRET not in message and "\n" not in message
    if problem is not None:
        assert SECRET not in problem


def test_redact_hides_only_the_password() -> None:
    assert redact(f"postgresql+psycopg://ann:{SECRET}@db.bank:5432/calldojo") == (
        "postgresql+psycopg://ann:***@db.bank:5432/calldojo"
    )
    assert redact("sqlite:////tmp/r.db") == "sqlite:////tmp/r.db"


@pytest.mark.parametrize(
    "url", [f"postgresql+psycopg://u:{SECRET}@host:badport/db", "not-a-url", "sqlite://"]
)
def test_the_app_refuses_a_bad_url_before_starting(url: str, tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "simulator", "--db", url],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
        env={"CALLDOJO_CONFIG_DIR": str(tmp_path), "PATH": "/usr/bin:/bin"},
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 2
    assert SECRET not in result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().count("\n") == 0 and "--db" in result.stderr


def test_a_file_that_is_not_a_database_gets_a_hint_that_fits(tmp_path: Path) -> None:
    garbage = tmp_path / "g.db"
    garbage.write_bytes(bytes(range(256)) * 256)
    with pytest.raises(StoreError) as caught:
        open_store(f"sqlite:///{garbage}")
    assert "not a CallDojo results database" in str(caught.value)
    assert "check the database URL" not in str(caught.value)
