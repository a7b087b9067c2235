"""Start-up: Home before the library, loading states, content errors, nothing heavy before the frame."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import DataTable, Input, Static

from scoring import DATA_DIR
from simulator.spec.library import Library, load_library
from simulator.store import MemoryStore
from simulator.tui.app import CallDojoApp
from simulator.tui.screens.casefile import CaseFileScreen
from simulator.tui.screens.home import HomeScreen
from simulator.tui.screens.picker import PickerScreen
from tests.tui.conftest import (
    SEED,
    TRAINEE,
    TUI_CONTENT,
    fixed_clock,
    remembered,
    screen_text,
    settle,
)

ROOT = Path(__file__).resolve().parents[2]


def slow_app(
    release: threading.Event, *, scenario_id: str | None = None, root: Path = TUI_CONTENT
) -> CallDojoApp:
    """The app with a library loader that waits for `release` (the trainee is remembered)."""
    store = MemoryStore()

    def loader() -> Library:
        release.wait(10)
        return load_library(root, data_dirs=(DATA_DIR,))

    return CallDojoApp(
        library_loader=loader,
        store_opener=lambda: store,
        preferences=remembered(TRAINEE),
        scenario_id=scenario_id,
        seed=SEED,
        now=fixed_clock(),
    )


async def wait_until_loaded(app: CallDojoApp, pilot: Pilot[int]) -> None:
    for _ in range(200):
        await pilot.pause(0.02)
        if app.library_ready:
            break
    if app.library_problem is None:
        await settle(app)
    else:  # a failed worker would re-raise in wait_for_complete
        await pilot.pause(0.05)


async def until(pilot: Pilot[int], condition: Callable[[], bool], seconds: float = 5.0) -> None:
    """Wait (polling) for a condition instead of sleeping a fixed time: CI machines can be slow."""
    for _ in range(int(seconds / 0.02)):
        if condition():
            return
        await pilot.pause(0.02)
    raise AssertionError("condition not met in time")


async def test_home_is_interactive_before_the_library_and_the_picker_waits() -> None:
    release = threading.Event()
    app = slow_app(release)
    async with app.run_test(size=(100, 30)) as pilot:
        # Home is up and the remembered trainee filled in (the store opens after the first frame)
        await until(
            pilot,
            lambda: (
                isinstance(app.screen, HomeScreen)
                and app.screen.query_one("#name", Input).value == TRAINEE.name
            ),
        )
        assert app.library is None
        app.screen.query_one("#menu").focus()
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, PickerScreen))
        picker = app.screen
        assert isinstance(picker, PickerScreen)
        assert "正在加载内容库" in screen_text(picker)
        assert picker.query_one(DataTable).row_count == 0
        release.set()
        await wait_until_loaded(app, pilot)
        assert picker.query_one(DataTable).row_count == 2
        assert "正在加载内容库" not in screen_text(picker)


async def test_practice_scenario_waits_for_the_library_then_opens() -> None:
    release = threading.Event()
    app = slow_app(release, scenario_id="tiny_call")
    async with app.run_test(size=(100, 30)) as pilot:
        for _ in range(50):
            await pilot.pause(0.02)
            if isinstance(app.screen, CaseFileScreen):
                break
        await pilot.pause(0.05)
        case = app.screen
        assert isinstance(case, CaseFileScreen) and case.waiting
        assert "正在加载内容库" in screen_text(case)
        await pilot.press("enter")  # dialling waits too
        assert app.screen is case
        release.set()
        await wait_until_loaded(app, pilot)
        assert app.screen is case and not case.waiting
        assert "一、案件概况" in screen_text(case)


async def test_unknown_scenario_suggests_the_closest_id() -> None:
    release = threading.Event()
    release.set()
    app = slow_app(release, scenario_id="tiny_cal")
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_until_loaded(app, pilot)
        text = screen_text(app.screen)
        assert "没有这个场景：tiny_cal。您要找的是不是 tiny_call？" in text


async def test_content_errors_are_reported_on_home(tmp_path: Path) -> None:
    root = tmp_path / "content"
    shutil.copytree(TUI_CONTENT, root)
    (root / "scenarios" / "broken.scenario.yaml").write_text("id: broken\ntitle: [\n")
    (root / "personas" / "bad.persona.yaml").write_text("id: 3\n")
    release = threading.Event()
    release.set()
    app = slow_app(release, root=root)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_until_loaded(app, pilot)
        warning = str(app.screen.query_one("#home-warning", Static).render())
        assert "2 个文件有错误" in warning and "calldojo validate" in warning
        assert app.screen.query_one("#home-warning").display


async def test_a_library_that_fails_to_load_is_reported() -> None:
    def loader() -> Library:
        raise OSError("disk gone")

    app = CallDojoApp(library_loader=loader, store_opener=MemoryStore, lang="en")
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_until_loaded(app, pilot)
        warning = str(app.screen.query_one("#home-warning", Static).render())
        assert "could not be loaded: OSError: disk gone" in warning
        assert isinstance(app.screen, HomeScreen)
        app.screen.query_one("#name", Input).value = "x"


PROBE = """
import asyncio, json, sys
import simulator.tui.app as tui

HEAVY = ("pydantic", "yaml", "transitions", "sqlalchemy", "scoring.score", "scoring.monitors", "scoring.rubric", "simulator.spec")
seen = {}

def start(self):
    seen["modules"] = sorted(
        m for m in sys.modules if any(m == h or m.startswith(h + ".") for h in HEAVY)
    )
    self.exit(0)

def run(self, **_kw):
    async def go():
        async with self.run_test(size=(80, 24)) as pilot:
            await pilot.pause(0.2)
    asyncio.run(go())
    return 0

tui.CallDojoApp._start_background = start
tui.CallDojoApp.run = run
from simulator.cli import main
main(sys.argv[1:])
print(json.dumps(seen))
"""


def test_nothing_heavy_is_imported_before_the_first_frame() -> None:
    args = ["--content", str(TUI_CONTENT), "--db", "memory:", "--lang", "zh"]
    out = subprocess.run(
        [sys.executable, "-c", PROBE, *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    ).stdout
    seen = json.loads(out.strip().splitlines()[-1])
    assert seen == {"modules": []}


def test_the_light_locations_are_the_ones_the_library_uses() -> None:
    from simulator import locations
    from simulator.spec import library

    assert library.default_content_root is locations.default_content_root
    assert DATA_DIR.name == "data" and (DATA_DIR / "default.rubric.yaml").is_file()
