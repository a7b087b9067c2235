"""Home: trainee remembered, validation, language switch."""

from __future__ import annotations

import threading

from textual.widgets import Input, Static

from simulator.store import MemoryStore
from simulator.tui.screens.home import HomeScreen
from simulator.tui.screens.picker import PickerScreen
from tests.tui.conftest import make_app, settle


async def test_remembered_trainee_is_filled_in() -> None:
    app, _ = make_app()
    async with app.run_test(size=(100, 30)):
        await settle(app)
        assert isinstance(app.screen, HomeScreen)
        assert app.screen.query_one("#name", Input).value == "张三"
        assert app.screen.query_one("#employee", Input).value == "E001"


async def test_practice_needs_name_and_number_then_remembers_them() -> None:
    app, store = make_app(trainee=None)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app)
        assert app.screen.query_one("#name", Input).has_focus
        app.screen.query_one("#menu").focus()
        await pilot.press("enter")
        assert isinstance(app.screen, HomeScreen)
        assert "姓名" in str(app.screen.query_one("#home-error", Static).render())
        app.screen.query_one("#name", Input).value = "李四"
        app.screen.query_one("#employee", Input).value = "E002"
        app.screen.query_one("#menu").focus()
        await pilot.press("enter")
        await settle(app)
        assert isinstance(app.screen, PickerScreen)
    prefs = app.preferences.load()
    assert (prefs.trainee_name, prefs.trainee_employee_id) == ("李四", "E002")


async def test_language_switch_relabels_screen_and_footer() -> None:
    app, store = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app)
        assert "催收通话训练" in str(app.screen.query_one("#title", Static).render())
        await pilot.press("f2")
        await settle(app)
        assert app.lang == "en"
        assert "call practice" in str(app.screen.query_one("#title", Static).render())
        descriptions = {ab.binding.description for ab in app.screen.active_bindings.values()}
        assert "Lang" in descriptions and "Quit" in descriptions
        assert app.screen.query_one("#name", Input).value == "张三"
    assert app.preferences.load().ui_lang == "en"


async def test_store_that_cannot_open_is_reported_and_practice_goes_on() -> None:
    from simulator.store import StoreError
    from simulator.tui.app import CallDojoApp
    from tests.tui.conftest import tui_library

    def broken() -> MemoryStore:
        raise StoreError("cannot open results database /nope/r.db: denied. What to do: fix it.")

    app = CallDojoApp(library=tui_library(), lang="en", store_opener=broken, seed=7)
    async with app.run_test(size=(100, 30)):
        await settle(app)
        assert app.results.error is not None and "/nope/r.db" in app.results.error
        assert isinstance(app.results.store, MemoryStore)


async def test_keys_typed_fast_after_enter_land_in_the_next_field() -> None:
    app, store = make_app(trainee=None)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app)
        await pilot.press(*"li", "enter", *"e002", "enter", "enter")
        await settle(app)
        assert isinstance(app.screen, PickerScreen)
    prefs = app.preferences.load()
    assert (prefs.trainee_name, prefs.trainee_employee_id) == ("li", "e002")


async def test_the_remembered_trainee_is_there_in_the_first_frame() -> None:
    """No race: the name is on Home before any worker ran (it used to wait for the store)."""
    from simulator.tui.app import CallDojoApp
    from tests.tui.conftest import TRAINEE, remembered, tui_library

    never = threading.Event()

    def slow_store() -> MemoryStore:
        never.wait(5)
        return MemoryStore()

    app = CallDojoApp(
        library=tui_library(), store_opener=slow_store, preferences=remembered(TRAINEE), seed=7
    )
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.screen.query_one("#name", Input).value == "张三"
        assert app.screen.query_one("#employee", Input).value == "E001"
        assert app.screen.query_one("#menu").has_focus  # an early Enter runs the menu
        never.set()


async def test_the_saved_language_is_used_without_lang() -> None:
    from simulator.tui.app import CallDojoApp
    from tests.tui.conftest import TRAINEE, remembered, tui_library

    for saved, explicit, expected in (("en", None, "en"), ("en", "zh", "zh"), (None, None, "zh")):
        app = CallDojoApp(
            library=tui_library(),
            lang=explicit,
            store_opener=MemoryStore,
            preferences=remembered(TRAINEE, saved),
            seed=7,
        )
        assert app.lang == expected, (saved, explicit)


def test_language_choice_order() -> None:
    from simulator.preferences import choose_lang, locale_lang

    assert choose_lang("en", "zh", "zh") == "en"
    assert choose_lang(None, "en", "zh") == "en"
    assert choose_lang(None, None, "en") == "en"
    assert choose_lang(None, None, None) == "zh"
    assert locale_lang({"LANG": "zh_CN.UTF-8"}) == "zh"
    assert locale_lang({"LANG": "en_US.UTF-8"}) == "en"
    assert locale_lang({"LANG": "C.UTF-8"}) is None
    assert locale_lang({}) is None


def test_preferences_file_round_trip_and_bad_files(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from simulator.preferences import PreferenceFile

    path = tmp_path / "cfg" / "preferences.json"
    first = PreferenceFile(path)
    assert first.load().trainee_name is None
    first.update(trainee_name="王五", trainee_employee_id="E9", ui_lang="en")
    again = PreferenceFile(path).load()
    assert (again.trainee_name, again.trainee_employee_id, again.ui_lang) == ("王五", "E9", "en")
    path.write_text("{not json", encoding="utf-8")
    assert PreferenceFile(path).load().trainee_name is None
    path.write_text('["a list"]', encoding="utf-8")
    assert PreferenceFile(path).load().ui_lang is None


async def test_practice_id_on_a_fresh_account_goes_on_to_the_case_file() -> None:
    from simulator.tui.screens.casefile import CaseFileScreen

    app, _ = make_app(trainee=None, scenario_id="tiny_call")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app)
        assert isinstance(app.screen, HomeScreen)
        await pilot.press(*"li", "enter", *"e002", "enter")
        await settle(app)
        assert isinstance(app.screen, CaseFileScreen)
        assert app.trainee is not None and app.trainee.employee_id == "e002"


async def test_question_mark_on_home_opens_the_help_not_the_name_field() -> None:
    from simulator.tui.screens.help import HelpScreen

    app, _ = make_app(trainee=None)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app)
        assert app.screen.query_one("#name", Input).has_focus
        await pilot.press("question_mark")
        await settle(app)
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await settle(app)
        assert app.screen.query_one("#name", Input).value == ""


async def test_a_name_longer_than_the_database_holds_is_refused_on_home() -> None:
    app, _ = make_app(trainee=None)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app)
        app.screen.query_one("#name", Input).value = "张" * 130
        app.screen.query_one("#employee", Input).value = "E001"
        app.screen.query_one("#menu").focus()
        await pilot.press("enter")
        await settle(app)
        assert isinstance(app.screen, HomeScreen)
        assert "最多 128" in str(app.screen.query_one("#home-error", Static).render())
        assert app.trainee is None


async def test_after_switching_language_the_keys_still_reach_the_menu() -> None:
    from simulator.tui.screens.history import HistoryScreen

    app, _ = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app)
        await pilot.press("f2")
        await settle(app)
        assert app.lang == "en" and app.screen.focused is not None
        await pilot.press("down", "enter")
        await settle(app)
        assert isinstance(app.screen, HistoryScreen)
