"""TUI test fixtures: the app on the tiny library, an in-memory store, a fixed seed and clock."""

from __future__ import annotations

import datetime as dt
import itertools
import os
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from scoring import DATA_DIR
from simulator.preferences import Preferences, PreferenceStore
from simulator.spec.library import Library, load_library
from simulator.store import MemoryStore, Trainee
from simulator.tui.app import CallDojoApp

FIXTURES = Path(__file__).parent.parent / "fixtures"
TUI_CONTENT = FIXTURES / "tui_content"
SEED = 7
TRAINEE = Trainee("张三", "E001")


@pytest.fixture(autouse=True)
def stable_terminal(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Rendering must not depend on the caller's environment (colours, theme, time zone)."""
    for name in list(os.environ):
        if name == "NO_COLOR" or (
            name.startswith("TEXTUAL_") and not name.startswith("TEXTUAL_SNAPSHOT")
        ):
            monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def fixed_clock() -> Callable[[], dt.datetime]:
    """A wall clock that moves one minute per reading, from 2026-03-12 02:00 UTC."""
    ticks = itertools.count()
    start = dt.datetime(2026, 3, 12, 2, 0, tzinfo=dt.UTC)
    return lambda: start + dt.timedelta(minutes=next(ticks))


def tui_library() -> Library:
    return load_library(TUI_CONTENT, data_dirs=(DATA_DIR,))


def make_app(
    *,
    store: MemoryStore | None = None,
    lang: str = "zh",
    trainee: Trainee | None = TRAINEE,
    scenario_id: str | None = None,
    library: Library | None = None,
) -> tuple[CallDojoApp, MemoryStore]:
    """The app over the tiny content with an in-memory store (trainee remembered when given)."""
    store = store or MemoryStore()
    prefs = remembered(trainee)
    app = CallDojoApp(
        library=library or tui_library(),
        lang=lang,
        store_opener=lambda: store,
        preferences=prefs,
        scenario_id=scenario_id,
        seed=SEED,
        now=fixed_clock(),
    )
    return app, store


def remembered(trainee: Trainee | None, lang: str | None = None) -> PreferenceStore:
    """In-memory preferences remembering this trainee (and UI language)."""
    if trainee is None:
        return PreferenceStore(Preferences(ui_lang=lang))
    return PreferenceStore(Preferences(trainee.name, trainee.employee_id, lang))


async def settle(app: CallDojoApp) -> None:
    """Let store workers finish and the screen catch up."""
    from textual.pilot import Pilot

    await app.workers.wait_for_complete()
    await Pilot(app).pause()


def screen_text(screen: object) -> str:
    """The plain text of every Static on a screen, scrolled out of view or not."""
    import io

    from rich.console import Console
    from textual.widgets import Static

    out = io.StringIO()
    console = Console(file=out, width=200, color_system=None, legacy_windows=False)
    for static in screen.query(Static):  # type: ignore[attr-defined]
        console.print(static.content, markup=False)
    return out.getvalue()
