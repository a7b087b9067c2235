"""Debrief: verdict in words, scores, violations with rule and turn, coaching, mood story, actions."""

from __future__ import annotations

from scoring.report import MoodEvent
from simulator.tui.screens.call import CallScreen
from simulator.tui.screens.casefile import CaseFileScreen
from simulator.tui.screens.debrief import DebriefScreen
from simulator.tui.screens.replay import ReplayScreen
from simulator.tui.widgets.report_view import mood_sentence
from tests.tui.conftest import make_app, screen_text, settle


async def play_threat(app, pilot) -> DebriefScreen:  # type: ignore[no-untyped-def]
    await settle(app)
    await pilot.press("enter")
    await settle(app)
    assert isinstance(app.screen, CallScreen)
    await pilot.press("1")  # threaten: patience 5 -> 0, the debtor hangs up
    await settle(app)
    assert isinstance(app.screen, DebriefScreen)
    return app.screen


async def test_failed_call_is_explained() -> None:
    app, _ = make_app(scenario_id="tiny_call")
    async with app.run_test(size=(100, 30)) as pilot:
        debrief = await play_threat(app, pilot)
        text = screen_text(debrief)
        assert "结果：未通过" in text
        assert "[CN-THREAT] 严重 第2轮" in text
        assert "更好的说法：您好,我是XX银行信用卡中心的李明" in text
        assert "耐心在第2轮降到0，起因：「不还钱就等着瞧!」" in text
        assert "对方挂断" in text and "我没法跟你说了" in text
        for dim in ("共情", "清晰", "掌控", "合规"):
            assert dim in text
        assert debrief.report is not None and not debrief.report.passed


async def test_chinese_debrief_explains_violations_in_chinese_only() -> None:
    app, _ = make_app(scenario_id="tiny_call")
    async with app.run_test(size=(100, 30)) as pilot:
        debrief = await play_threat(app, pilot)
        assert debrief.report is not None
        violation = debrief.report.violations[0]
        text = screen_text(debrief)
        assert f"[CN-THREAT] 严重 第2轮：{violation.statement_zh}" in text
        assert violation.explanation not in text
        assert "结局：对方挂断" in text and "hung_up" not in text
        for english in ("critical", "turn", "agent", "Ending", "hung up"):
            assert english not in text


async def test_english_debrief_keeps_the_scorer_explanation() -> None:
    app, _ = make_app(scenario_id="tiny_call", lang="en")
    async with app.run_test(size=(100, 30)) as pilot:
        debrief = await play_threat(app, pilot)
        assert debrief.report is not None
        violation = debrief.report.violations[0]
        text = screen_text(debrief)
        assert violation.statement_en in text and violation.explanation in text
        assert "Ending: hung up" in text


async def test_english_debrief() -> None:
    app, _ = make_app(scenario_id="tiny_call", lang="en")
    async with app.run_test(size=(100, 30)) as pilot:
        text = screen_text(await play_threat(app, pilot))
        assert "Result: NOT PASSED" in text and "[CN-THREAT] critical, turn 2" in text
        assert 'Patience fell to 0 at turn 2, because of: "不还钱就等着瞧!"' in text


async def test_replay_steps_through_turns() -> None:
    app, _ = make_app(scenario_id="tiny_call")
    async with app.run_test(size=(100, 30)) as pilot:
        debrief = await play_threat(app, pilot)
        await pilot.press("r")
        replay = app.screen
        assert isinstance(replay, ReplayScreen) and replay.step == 1
        await pilot.press("right")
        assert replay.step == 2 and "CN-THREAT" in screen_text(replay)
        await pilot.press("end")
        assert replay.step == len(debrief.transcript.turns)
        await pilot.press("home", "left")
        assert replay.step == 1
        await pilot.press("escape")
        assert app.screen is debrief


async def test_try_again_opens_the_case_file() -> None:
    app, store = make_app(scenario_id="tiny_call")
    async with app.run_test(size=(100, 30)) as pilot:
        await play_threat(app, pilot)
        await pilot.press("a")
        assert isinstance(app.screen, CaseFileScreen) and app.screen.scenario_id == "tiny_call"
        await pilot.press("enter")
        await settle(app)
    assert len(store.list_attempts()) == 2


def test_mood_sentence_rises_and_threshold() -> None:
    up = MoodEvent(
        turn=3,
        variable="trust",
        before=3,
        after=6,
        cause_turn=3,
        cause_text="理解您",
        threshold=True,
    )
    assert mood_sentence(up, "zh") == "信任在第4轮升到6，起因：「理解您」（触发了对方的反应）"
    assert mood_sentence(up, "en").startswith('Trust rose to 6 at turn 4, because of: "理解您"')
