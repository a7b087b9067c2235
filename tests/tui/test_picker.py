"""Scenario picker: listing, filters, best scores, opening a case file."""

from __future__ import annotations

from textual.widgets import DataTable

from simulator.tui.screens.casefile import CaseFileScreen
from simulator.tui.screens.picker import PickerScreen
from tests.tui.conftest import make_app, settle


async def open_picker(app, pilot) -> PickerScreen:  # type: ignore[no-untyped-def]
    await settle(app)
    await pilot.press("enter")
    await settle(app)
    assert isinstance(app.screen, PickerScreen)
    return app.screen


async def test_lists_every_scenario_with_filters() -> None:
    app, _ = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        picker = await open_picker(app, pilot)
        table = picker.query_one(DataTable)
        assert table.row_count == 2
        await pilot.press("o")  # locale: en-US first in sort order
        assert picker.filter.locale == "en-US" and table.row_count == 1
        await pilot.press("o")
        assert picker.filter.locale == "zh-CN" and table.row_count == 1
        await pilot.press("a")  # archetype dispute: none in zh-CN
        assert table.row_count == 0 and "x" in str(picker.query_one("#picker-empty").render())
        await pilot.press("x")
        assert table.row_count == 2
        await pilot.press("t")  # first tag alphabetically: dispute
        assert picker.filter.tag == "dispute" and table.row_count == 1


async def test_shows_best_score_per_scenario() -> None:
    app, store = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await open_picker(app, pilot)
        await pilot.press("enter", "enter")  # case file, dial
        await pilot.press("1")  # seed 7 offers threaten first: the debtor hangs up
        await settle(app)
        await pilot.press("p")
        await settle(app)
        picker = app.screen
        assert isinstance(picker, PickerScreen)
        best = store.best_scores("E001")["tiny_call"]
        assert best.passed is False
        cell = picker.query_one(DataTable).get_cell("tiny_call", "col_best")
        assert cell == f"{best.overall} 未通过"


async def test_enter_opens_case_file() -> None:
    app, _ = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await open_picker(app, pilot)
        await pilot.press("down", "enter")
        assert isinstance(app.screen, CaseFileScreen) and app.screen.scenario_id == "tiny_en"
