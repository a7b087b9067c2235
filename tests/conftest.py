"""Shared fixtures: the tiny fixture library and the bundled one."""

from __future__ import annotations

from pathlib import Path

import pytest

from scoring import DATA_DIR
from simulator.spec.library import Library, default_content_root, load_library

FIXTURES = Path(__file__).parent / "fixtures"
TINY = FIXTURES / "content"


@pytest.fixture(autouse=True)
def neutral_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    """Outputs do not depend on the developer's locale: the headless commands follow it."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")


@pytest.fixture(scope="session")
def tiny_library() -> Library:
    return load_library(TINY, data_dirs=(DATA_DIR,))


@pytest.fixture(scope="session")
def bundled_library() -> Library:
    return load_library(default_content_root(), data_dirs=(DATA_DIR,))
