"""Case file: five zones with key facts, opening straight on a scenario, reopening during the call."""

from __future__ import annotations

from simulator.tui.app import CallDojoApp
from simulator.tui.screens.call import CallScreen
from simulator.tui.screens.casefile import CaseFilePeek, CaseFileScreen
from simulator.tui.widgets.case_view import CaseFileView
from tests.tui.conftest import make_app, screen_text, settle


def current(app: CallDojoApp) -> object:
    return app.screen


async def test_scenario_id_opens_straight_on_the_case_file() -> None:
    app, _ = make_app(scenario_id="tiny_call")
    async with app.run_test(size=(100, 30)):
        await settle(app)
        assert isinstance(app.screen, CaseFileScreen)
        text = screen_text(app.screen)
        for zone in (
            "一、案件概况",
            "二、客户及联系人",
            "三、账户信息",
            "四、交易记录",
            "五、特殊标记",
        ):
            assert zone in text
        assert "A1023" in text and "2026-03-12 10:20" in text and "取得客户还款承诺" in text
        assert "对方情况：34岁,上月被裁员" in text  # the persona's profile
        assert app.screen.query_one(CaseFileView).has_focus


async def test_unknown_scenario_says_so_and_offers_no_dialling() -> None:
    for lang, expected in (
        ("en", "There is no scenario nope. Known scenarios: "),
        ("zh", "没有这个场景：nope。可用的场景："),
    ):
        app, _ = make_app(scenario_id="nope", lang=lang)
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(app)
            assert expected in screen_text(app.screen)
            shown = {b.binding.action for b in app.screen.active_bindings.values() if b.enabled}
            assert "dial" not in shown
            await pilot.press("enter")
            assert isinstance(app.screen, CaseFileScreen)


async def test_reopen_during_call_keeps_the_call() -> None:
    app, _ = make_app(scenario_id="tiny_call")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app)
        await pilot.press("enter")
        call = app.screen
        assert isinstance(call, CallScreen)
        await pilot.press("2")  # verify (seed 7 shuffles threaten first)
        turns = len(call.session.call.turns)
        await pilot.press("c")
        assert isinstance(app.screen, CaseFilePeek)
        await pilot.press("escape")
        assert current(app) is call and len(call.session.call.turns) == turns
        await pilot.press("f2")
        assert isinstance(app.screen, CaseFilePeek)
        await pilot.press("f2")
        assert current(app) is call


async def test_a_retry_reuses_the_prepared_scenario_and_its_anchors() -> None:
    app, _ = make_app(scenario_id="tiny_call")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app)
        case = app.screen
        assert isinstance(case, CaseFileScreen) and case.practice is not None
        assert "anchors" in vars(case.practice)  # the model answer was played when prepared
        await pilot.press("escape")
        app.open_case_file("tiny_call")
        await settle(app)
        assert isinstance(app.screen, CaseFileScreen) and app.screen.practice is case.practice


async def test_case_file_states_the_pass_rules() -> None:
    app, _ = make_app(scenario_id="tiny_call")
    async with app.run_test(size=(100, 30)):
        await settle(app)
        text = screen_text(app.screen)
        assert "及格线：共情 60，清晰 60，掌控 60，合规 60" in text
        assert "不通过条件：没有达成通话目标；触碰任一红线；较重违规达到 2 项" in text
        assert "红线规则：CN-3P-COLLECT，CN-3P-DISCLOSE" in text


async def test_case_file_pass_rules_in_english_follow_the_scenario() -> None:
    from simulator.spec.models.scenario import ScoringSpec
    from tests.tui.conftest import tui_library

    library = tui_library()
    scenario = library.scenarios["tiny_en"]
    scoring = ScoringSpec(pass_marks={"empathy": 70}, fail_on=["critical", "major"], max_major=1)
    library.scenarios["tiny_en"] = scenario.model_copy(update={"scoring": scoring})
    app, _ = make_app(scenario_id="tiny_en", lang="en", library=library)
    async with app.run_test(size=(100, 30)):
        await settle(app)
        text = screen_text(app.screen)
        assert "Pass marks: Empathy 70, Clarity 60, Control 60, Compliance 60" in text
        flat = " ".join(text.split())
        assert "The call fails on: the objective not achieved; any red line;" in flat
        assert "Red lines: US-3P-DISCLOSE, US-CREDIT-MISREP" in flat
        assert "any major violation" in flat
        assert "or more major" not in text
