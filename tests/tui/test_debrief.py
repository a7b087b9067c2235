"""Debrief: verdict in words, scores, violations with rule and turn, coaching, mood story, actions."""

from __future__ import annotations

import datetime as dt

from scoring.report import MoodEvent, ScoreReport
from simulator.transcript import Ending, Transcript, Turn
from simulator.tui.screens.call import CallScreen
from simulator.tui.screens.casefile import CaseFileScreen
from simulator.tui.screens.debrief import DebriefScreen
from simulator.tui.screens.replay import ReplayScreen
from simulator.tui.widgets.report_view import MoodLine, mood_story
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
        assert "[CN-THREAT] 严重 第2轮\n" in text
        assert "更好的说法：您好,我是XX银行信用卡中心的李明" in text
        assert "第2轮  【关键】耐心降到0，信任降到0，对方挂断 <- 「不还钱就等着瞧!」" in text
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
        assert f"[CN-THREAT] 严重 第2轮\n   {violation.statement_zh}" in text
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
        assert "Result: NOT PASSED" in text and "[CN-THREAT] critical, turn 2\n" in text
        assert (
            'Turn 2  [KEY] Patience fell to 0, Trust fell to 0, the debtor hung up <- "不还钱就等着瞧!"'
        ) in text


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


AT = dt.datetime(2026, 3, 12, 2, 0, tzinfo=dt.UTC)
LONG = "您好，我是XX银行信用卡中心的张敏，工号A2047。请问是王丽女士本人吗？为了保护您的信息安全。"


def _turn(index: int, speaker: str, text: str, mood: dict[str, int], event: str = "") -> Turn:
    return Turn(
        index=index,
        speaker=speaker,  # type: ignore[arg-type]
        event=event or ("choice" if speaker == "agent" else "line"),  # type: ignore[arg-type]
        text=text,
        node="n",
        choice="c" if speaker == "agent" else None,
        tags=(),
        mood=tuple(mood.items()),
        party="debtor",
        verified=True,
        flags=(),
        at=AT,
        seconds=0.0,
    )


def _transcript(turns: list[Turn], ending: Ending | None) -> Transcript:
    return Transcript(
        scenario="s",
        persona="p",
        locale="zh-CN",
        content_hash="h",
        seed=7,
        dialed_at=AT,
        turns=tuple(turns),
        ending=ending,
        status="completed",
    )


def _story(
    turns: list[Turn], events: list[MoodEvent], ending: Ending | None, lang: str = "zh"
) -> list[MoodLine]:
    transcript = _transcript(turns, ending)
    report = ScoreReport(
        scenario="s",
        content_hash="h",
        scores={},
        raw={},
        bounds={},
        pass_marks={},
        violations=(),
        feedback=(),
        mood_events=tuple(events),
        passed=False,
        reasons=(),
    )
    return mood_story(report, transcript, lang)


def _event(
    turn: int, var: str, before: int, after: int, cause: int, text: str, hit: bool = False
) -> MoodEvent:
    return MoodEvent(turn, var, before, after, cause, text, hit)


def test_mood_story_groups_changes_by_turn_and_quotes_the_cause_once_cut_short() -> None:
    turns = [
        _turn(0, "debtor", "喂？", {"patience": 5, "trust": 2}),
        _turn(1, "agent", LONG, {"patience": 4, "trust": 4}),
        _turn(2, "debtor", "是我。", {"patience": 4, "trust": 4}),
        _turn(3, "agent", "好的。", {"patience": 4, "trust": 5}),
    ]
    events = [
        _event(1, "patience", 5, 4, 1, LONG),
        _event(1, "trust", 2, 4, 1, LONG),
        _event(3, "trust", 4, 5, 3, "好的。"),
    ]
    story = _story(turns, events, None)
    assert [line.turn for line in story] == [2, 4]
    first = story[0].text
    assert first.startswith("耐心 5->4，信任 2->4 <- 「您好，我是XX银行")
    assert first.count("「") == 1 and first.endswith("...」")
    quoted = first[first.index("「") + 1 : first.index("」")]
    from rich.cells import cell_len

    assert cell_len(quoted) <= 40
    assert story[1] == MoodLine(4, "信任 4->5 <- 「好的。」", False)
    english = _story(turns, events, None, "en")
    assert english[0].text.startswith('Patience 5->4, Trust 2->4 <- "您好')


def test_the_decisive_turn_stands_out_and_says_the_hang_up() -> None:
    turns = [
        _turn(0, "debtor", "喂？", {"patience": 3, "trust": 2}),
        _turn(1, "agent", "不还钱就等着瞧！", {"patience": 0, "trust": 1}),
        _turn(2, "debtor", "（挂断）", {"patience": 0, "trust": 1}, event="threshold"),
    ]
    events = [
        _event(1, "patience", 3, 0, 1, "不还钱就等着瞧！", hit=True),
        _event(1, "trust", 2, 1, 1, "不还钱就等着瞧！", hit=True),
    ]
    story = _story(turns, events, Ending("hung_up", "hung_up", "debtor"))
    assert story == [MoodLine(2, "耐心降到0，信任 2->1，对方挂断 <- 「不还钱就等着瞧！」", True)]


def test_a_scripted_hang_up_names_the_trainee_line_that_led_to_it() -> None:
    turns = [
        _turn(0, "debtor", "喂？", {"patience": 5, "trust": 5}),
        _turn(1, "agent", "您好。", {"patience": 4, "trust": 5}),
        _turn(2, "debtor", "嗯。", {"patience": 4, "trust": 5}),
        _turn(3, "agent", "今天必须还！", {"patience": 4, "trust": 5}),
        _turn(4, "debtor", "那我挂了。", {"patience": 4, "trust": 5}, event="ending"),
    ]
    events = [_event(1, "patience", 5, 4, 1, "您好。")]
    story = _story(turns, events, Ending("hung_up", "hung_up", "debtor"))
    assert story == [
        MoodLine(2, "耐心 5->4 <- 「您好。」", False),
        MoodLine(4, "对方挂断 <- 「今天必须还！」", True),
    ]
    silent = [*turns[:3], _turn(3, "agent", "", turns[3].mood_dict, event="silence"), turns[4]]
    assert _story(silent, events, Ending("hung_up", "hung_up", "debtor"))[-1] == MoodLine(
        4, "对方挂断 <- （沉默）", True
    )
    assert _story(turns, events, Ending("ptp", "promise_to_pay", "mutual"))[-1].turn == 2


def test_no_mood_change_says_so() -> None:
    assert _story([_turn(0, "debtor", "喂？", {"patience": 5})], [], None) == []


def test_the_debtor_answer_to_a_silence_keeps_its_words() -> None:
    from rich.console import Console

    from simulator.tui.widgets.transcript_view import spoken_words, turn_text

    silent = _turn(3, "agent", "", {"patience": 4}, event="silence")
    answer = _turn(4, "debtor", "喂？说话啊，我这边还一堆事呢。", {"patience": 2}, event="silence")
    assert spoken_words(silent, "zh") == "（沉默）"
    assert spoken_words(answer, "zh") == "喂？说话啊，我这边还一堆事呢。"
    console = Console(width=80, record=True)
    console.print(turn_text(answer, "赵刚", "zh"))
    assert "喂？说话啊" in console.export_text() and "沉默" not in console.export_text()


async def test_a_silence_in_the_app_is_recorded_shown_and_debriefed_as_said() -> None:
    app, _ = make_app(scenario_id="tiny_call")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app)
        await pilot.press("enter")
        await settle(app)
        call = app.screen
        assert isinstance(call, CallScreen)
        call._after(call.session.silence())  # what the response timer does when it runs out
        await settle(app)
        text = screen_text(call)
        debtor = call.session.call.turns[-1]
        assert debtor.speaker == "debtor" and debtor.text and debtor.text in text
        assert text.count("（沉默）") == 1  # the trainee's silence only; the debtor spoke


async def test_an_agent_hang_up_is_named_as_such() -> None:
    turns = [
        _turn(0, "debtor", "喂？", {"patience": 5}),
        _turn(1, "agent", "（挂断）", {"patience": 5}),
    ]
    transcript = _transcript(turns, Ending("agent_hung_up", "hung_up", "agent"))
    from simulator.tui.widgets.report_view import ReportView

    view = ReportView(transcript, None, "zh")
    ending = next(iter(view.compose()))
    rendered = str(ending.render())
    assert "结局：您挂断了电话" in rendered and "对方挂断" not in rendered
