"""Content, names and stored values that look like markup are text on every screen (never a crash)."""

from __future__ import annotations

import shutil
from pathlib import Path

from textual.widgets import DataTable, Input

from scoring import DATA_DIR
from simulator.spec.library import load_library
from simulator.store import Trainee
from simulator.tui.screens.call import CallScreen
from simulator.tui.screens.casefile import CaseFileScreen
from simulator.tui.screens.debrief import DebriefScreen
from simulator.tui.screens.history import HistoryScreen
from simulator.tui.screens.picker import PickerScreen
from simulator.tui.screens.replay import ReplayScreen
from tests.tui.conftest import TUI_CONTENT, make_app, screen_text, settle

TITLE = "Pay [/b] now [bold]"
NAME = "[/x] Eve"


def hostile_library(tmp_path: Path):  # type: ignore[no-untyped-def]
    root = tmp_path / "lib"
    shutil.copytree(TUI_CONTENT, root)
    scenario = root / "scenarios" / "tiny_call.scenario.yaml"
    text = scenario.read_text(encoding="utf-8")
    text = text.replace("title: 小测试", f'title: "{TITLE}"')
    text = text.replace("debtor: 喂?哪位?", 'debtor: "喂?[/i] 哪位? [@click=app.quit]"')
    text = text.replace("feedback: 威胁违反业务纪律。", 'feedback: "威胁违反业务纪律 [/red]。"')
    scenario.write_text(text, encoding="utf-8")
    persona = root / "personas" / "tiny_debtor.persona.yaml"
    persona.write_text(
        persona.read_text(encoding="utf-8").replace("name: 王丽", 'name: "[b]王丽"'),
        encoding="utf-8",
    )
    library = load_library(root, data_dirs=(DATA_DIR,))
    assert library.scenarios["tiny_call"].title == TITLE
    return library


async def test_every_screen_shows_markup_like_content_as_text(tmp_path: Path) -> None:
    app, _ = make_app(
        trainee=Trainee(NAME, "E[1]"), library=hostile_library(tmp_path), scenario_id=None
    )
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app)
        assert app.screen.query_one("#name", Input).value == NAME
        app.screen.query_one("#menu").focus()
        await pilot.press("enter")  # practice: the picker lists the hostile title
        await settle(app)
        assert isinstance(app.screen, PickerScreen)
        table = app.screen.query_one(DataTable)
        assert any(TITLE in str(cell) for cell in table.get_row_at(0))
        await pilot.press("enter")
        await settle(app)
        assert isinstance(app.screen, CaseFileScreen)
        assert TITLE in screen_text(app.screen)
        await pilot.press("enter")
        await settle(app)
        assert isinstance(app.screen, CallScreen)
        assert "[@click=app.quit]" in screen_text(app.screen)
        threat = next(c.id for c in app.screen.session.choices() if c.id == "threaten")
        keys = [str(i + 1) for i, c in enumerate(app.screen.session.choices()) if c.id == threat]
        await pilot.press(*keys)
        await settle(app)
        assert isinstance(app.screen, DebriefScreen)
        assert "[/red]" in screen_text(app.screen) and TITLE in screen_text(app.screen)
        await pilot.press("r")
        await settle(app)
        assert isinstance(app.screen, ReplayScreen)
        await pilot.press("escape", "h")
        await settle(app)
        assert isinstance(app.screen, HistoryScreen)
        assert NAME in screen_text(app.screen)
