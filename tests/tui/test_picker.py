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
        assert str(cell) == f"{best.overall} 未通过"


async def test_enter_opens_case_file() -> None:
    app, _ = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await open_picker(app, pilot)
        await pilot.press("down", "enter")
        assert isinstance(app.screen, CaseFileScreen) and app.screen.scenario_id == "tiny_en"


async def test_tags_are_words_of_the_ui_language() -> None:
    from simulator.tui.screens.picker import tags_text

    assert tags_text("zh", ("m2", "hardship", "third_party")) == "M2、困难、第三方"
    assert tags_text("en", ("m2", "hardship", "third_party")) == "M2, hardship, third party"
    assert tags_text("zh", ("brand_new",)) == "brand_new"  # unknown: its id
    app, _ = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        picker = await open_picker(app, pilot)
        table = picker.query_one(DataTable)
        cells = [str(table.get_cell(key, "col_tags")) for key in ("tiny_call", "tiny_en")]
        assert cells == ["M2、困难", "异议"]
        await pilot.press("t")
        assert "标签：异议" in str(picker.query_one("#picker-filters").render())


def test_every_bundled_scenario_tag_has_words() -> None:
    from simulator.spec.library import default_content_root, load_library
    from simulator.tui.i18n import MESSAGES

    library = load_library(default_content_root())
    tags = {tag for scenario in library.scenarios.values() for tag in scenario.tags}
    assert tags and not sorted(tag for tag in tags if f"tag.{tag}" not in MESSAGES)
