"""Help: lists the keys of the screen underneath and the global keys; the footer shows the main ones."""

from __future__ import annotations

from simulator.tui.screens.call import CallScreen
from simulator.tui.screens.help import HelpScreen
from tests.tui.conftest import make_app, screen_text, settle


async def test_help_on_the_call_screen_lists_its_keys() -> None:
    app, _ = make_app(scenario_id="tiny_call")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app)
        await pilot.press("enter")
        assert isinstance(app.screen, CallScreen)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = screen_text(app.screen)
        for expected in ("案件", "情绪表", "计时", "离开通话", "选择", "1 / 2", "退出", "F1"):
            assert expected in text, expected
        await pilot.press("escape")
        assert isinstance(app.screen, CallScreen)


async def test_f1_opens_help_on_home_even_in_a_field() -> None:
    app, _ = make_app(trainee=None, lang="en")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app)
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        assert "Lang" in screen_text(app.screen)
