"""The call: choosing by digit and by arrows, per-turn saving, mood meter, timer, leaving."""

from __future__ import annotations

import json

from textual.widgets import Static

from simulator.tui.screens.call import CallScreen
from simulator.tui.screens.debrief import DebriefScreen
from simulator.tui.screens.picker import PickerScreen
from simulator.tui.widgets.choice_list import ChoiceList
from tests.tui.conftest import make_app, settle


async def start_call(app, pilot) -> CallScreen:  # type: ignore[no-untyped-def]
    await settle(app)
    await pilot.press("enter")
    await settle(app)
    assert isinstance(app.screen, CallScreen)
    return app.screen


async def test_digits_choose_and_every_turn_is_saved() -> None:
    app, store = make_app(scenario_id="tiny_call")
    async with app.run_test(size=(100, 30)) as pilot:
        call = await start_call(app, pilot)
        [record] = store.list_attempts()
        assert record.status == "abandoned" and record.turns == 1
        assert [c.id for c in call.session.choices()] == ["threaten", "verify"]
        await pilot.press("2")
        await settle(app)
        [record] = store.list_attempts()
        assert record.status == "abandoned" and record.turns == 3 and record.seed == 7
        assert json.loads(record.transcript_json)["actions"] == ["verify"]
        assert "是我" in str(call.query_one("#debtor-line", Static).content)
        assert "王丽" in str(call.query_one("#debtor-line", Static).content)


async def test_arrows_and_enter_choose_and_the_end_opens_the_debrief() -> None:
    app, store = make_app(scenario_id="tiny_call")
    async with app.run_test(size=(100, 30)) as pilot:
        call = await start_call(app, pilot)
        await pilot.press("down", "enter")  # verify
        ids = [c.id for c in call.session.choices()]
        await pilot.press(*(["down"] * ids.index("empathize")), "enter")
        await settle(app)
        assert isinstance(app.screen, DebriefScreen)
    [record] = store.list_attempts()
    assert record.status == "completed" and record.outcome == "promise_to_pay"
    assert record.report_json is not None and record.finished_at is not None
    assert json.loads(record.transcript_json)["actions"] == ["verify", "empathize"]


async def test_mood_meter_shows_and_hides() -> None:
    app, _ = make_app(scenario_id="tiny_call")
    async with app.run_test(size=(100, 30)) as pilot:
        call = await start_call(app, pilot)
        meter = call.query_one("#mood")
        assert meter.display and "耐心 [#####-----] 5" in str(meter.render())
        await pilot.press("m")
        assert not meter.display and app.show_mood is False
        await pilot.press("m")
        assert meter.display


async def test_timer_running_out_is_a_silence() -> None:
    app, store = make_app(scenario_id="tiny_call")
    app.timer_seconds = 1
    async with app.run_test(size=(100, 30)) as pilot:
        call = await start_call(app, pilot)
        assert not call.query_one("#call-timer", Static).display  # off: not shown at all
        await pilot.press("t")
        assert call.query_one("#call-timer", Static).display
        await pilot.pause(1.3)
        await settle(app)
        assert call.session.call.transcript().actions[0] == "_silence"
        assert call.session.call.state.mood[0] == 3  # persona silence effect: patience -2
        await pilot.press("t")
        assert call.timer_left is None
    assert store.list_attempts()[0].turns >= 3


async def test_leaving_saves_abandoned_and_returns() -> None:
    app, store = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app)
        await pilot.press("enter", "enter", "enter")
        await settle(app)
        assert isinstance(app.screen, CallScreen)
        await pilot.press("2", "escape")
        await pilot.press("n")
        assert isinstance(app.screen, CallScreen)
        await pilot.press("escape", "y")
        await settle(app)
        assert isinstance(app.screen, PickerScreen)
    [record] = store.list_attempts()
    assert record.status == "abandoned" and record.turns == 3 and app.results.live_attempt is None


async def test_quitting_mid_call_saves_the_turns_played() -> None:
    app, store = make_app(scenario_id="tiny_call")
    async with app.run_test(size=(100, 30)) as pilot:
        await start_call(app, pilot)
        await pilot.press("2")
        await pilot.press("ctrl+q")
    [record] = store.list_attempts()
    assert record.status == "abandoned" and record.turns == 3
    assert json.loads(record.transcript_json)["status"] == "abandoned"


async def test_choice_list_ignores_numbers_beyond_the_offer() -> None:
    app, _ = make_app(scenario_id="tiny_call")
    async with app.run_test(size=(100, 30)) as pilot:
        call = await start_call(app, pilot)
        await pilot.press("9")
        assert len(call.session.call.turns) == 1
        assert call.query_one(ChoiceList).option_count == 2


def test_a_long_turn_wraps_under_its_words_not_under_the_speaker() -> None:
    import datetime as dt

    from rich.console import Console

    from simulator.transcript import Turn
    from simulator.tui.widgets.transcript_view import label_width, turn_text

    turn = Turn(
        index=1,
        speaker="agent",
        event="choice",
        text="本周先约定500元的诚意还款，尾号1234的卡欠款12,850.00元。",
        node="n",
        choice="c",
        tags=(),
        mood=(("patience", 5),),
        party="debtor",
        verified=True,
        flags=(),
        at=dt.datetime(2026, 3, 12, tzinfo=dt.UTC),
        seconds=0.0,
    )
    indent = label_width("王丽", "zh")
    console = Console(width=30, color_system=None, legacy_windows=False)
    with console.capture() as capture:
        console.print(turn_text(turn, "王丽", "zh"))
    lines = capture.get().splitlines()
    assert lines[0].startswith(" 2 我:") and len(lines) > 1
    assert all(line.startswith(" " * indent) and line[indent] != " " for line in lines[1:])
    for run in ("500", "1234", "12,850.00"):  # never split across lines
        assert any(run in line for line in lines), (run, lines)


async def test_call_header_keeps_the_title_and_does_not_shift_with_the_timer() -> None:
    app, _ = make_app(scenario_id="tiny_call")
    async with app.run_test(size=(80, 24)) as pilot:
        call = await start_call(app, pilot)
        top = str(call.query_one("#call-who", Static).render())
        assert "小测试" in top and "王丽" in top
        clock = str(call.query_one("#call-clock", Static).render())
        assert "已通话" in clock and ":" in clock and "通话 " not in clock.replace("已通话", "")
        call.timer_left = 10
        call._show_timer()
        ten = call.query_one("#call-timer", Static).render()
        call.timer_left = 9
        call._show_timer()
        nine = call.query_one("#call-timer", Static).render()
        assert len(str(ten)) == len(str(nine))


async def test_a_long_title_is_cut_with_dots_not_dropped() -> None:
    from tests.tui.conftest import tui_library

    library = tui_library()
    scenario = library.scenarios["tiny_call"]
    long_title = "很长很长的场景标题｜逾期第四十五天｜多次承诺未兑现｜需要约定三要素"
    library.scenarios["tiny_call"] = scenario.model_copy(update={"title": long_title})
    app, _ = make_app(scenario_id="tiny_call", library=library)
    async with app.run_test(size=(80, 24)) as pilot:
        call = await start_call(app, pilot)
        await pilot.pause()
        who = str(call.query_one("#call-who", Static).render())
        assert who.startswith("王丽 | 很长很长") and who.rstrip().endswith("..")
