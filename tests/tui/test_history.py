"""History: attempts listed and filtered, the trend per dimension, reopening a debrief."""

from __future__ import annotations

from textual.widgets import DataTable

from simulator.tui.screens.debrief import DebriefScreen
from simulator.tui.screens.history import HistoryScreen
from tests.tui.conftest import make_app, screen_text, settle


async def play(app, pilot, *keys: str) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("enter")  # dial from the case file
    await settle(app)
    await pilot.press(*keys)
    await settle(app)


async def test_attempts_trend_filters_and_reopen() -> None:
    app, store = make_app(scenario_id="tiny_call")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app)
        await play(app, pilot, "1")  # threat: hang-up, fails
        await pilot.press("a")
        await play(app, pilot, "2")  # verify, then leave
        await pilot.press("escape", "y")
        await settle(app)
        app.open_case_file("tiny_call")
        await play(
            app, pilot, "2", "down", "enter"
        )  # verify, then empathize (seed 7 order) or demand
        assert isinstance(app.screen, DebriefScreen)
        await pilot.press("h")
        await settle(app)
        history = app.screen
        assert isinstance(history, HistoryScreen)
        table = history.query_one(DataTable)
        assert table.row_count == 3
        text = screen_text(history)
        assert "各项趋势" in text and "共情" in text and "最佳" in text
        await pilot.press("f")  # completed only
        await settle(app)
        assert table.row_count == 2
        await pilot.press("f")  # abandoned only
        await settle(app)
        assert table.row_count == 1
        await pilot.press("x")
        await settle(app)
        assert table.row_count == 3
        await pilot.press("enter")
        await settle(app)
        assert isinstance(app.screen, DebriefScreen)
        newest = store.list_attempts()[0]
        assert app.screen.transcript.actions == tuple(
            __import__("json").loads(newest.transcript_json)["actions"]
        )


async def test_empty_history() -> None:
    app, _ = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app)
        await pilot.press("down", "enter")
        await settle(app)
        assert isinstance(app.screen, HistoryScreen)
        assert "还没有练习记录" in screen_text(app.screen)


async def test_history_from_a_debrief_opened_from_history_goes_back_to_it() -> None:
    app, _ = make_app(scenario_id="tiny_call")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app)
        await play(app, pilot, "1")
        await pilot.press("h")
        await settle(app)
        history = app.screen
        assert isinstance(history, HistoryScreen)
        depth = len(app.screen_stack)
        await pilot.press("enter")  # reopen the attempt's debrief
        await settle(app)
        assert isinstance(app.screen, DebriefScreen)
        await pilot.press("h")
        await settle(app)
        assert app.screen_stack[-1] is history and len(app.screen_stack) == depth
        assert sum(isinstance(s, HistoryScreen) for s in app.screen_stack) == 1
        assert history.query_one(DataTable).row_count == 1


async def test_the_four_scores_and_the_verdict_fit_at_80_columns_in_both_languages() -> None:
    for lang in ("zh", "en"):
        app, _ = make_app(scenario_id="tiny_call", lang=lang)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(app)
            await play(app, pilot, "1")  # a threat: the call fails
            await pilot.press("h")
            await settle(app)
            history = app.screen
            assert isinstance(history, HistoryScreen)
            table = history.query_one(DataTable)
            assert table.row_count == 1
            assert table.virtual_size.width <= table.size.width, lang  # no sideways scrolling
            assert str(table.get_row_at(0)[2]) == ("未通过" if lang == "zh" else "fail")
            text = screen_text(history)
            assert ("从左到右由旧到新" if lang == "zh" else "Old to new") in text
