"""Home: trainee remembered, validation, language switch."""

from __future__ import annotations

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
    assert store.get_setting("trainee_name") == "李四"
    assert store.get_setting("trainee_employee_id") == "E002"


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
    assert store.get_setting("ui_lang") == "en"


async def test_store_that_cannot_open_is_reported_and_practice_goes_on() -> None:
    from simulator.store import StoreError
    from simulator.tui.app import CallDojoApp
    from tests.tui.conftest import tui_library

    def broken() -> MemoryStore:
        raise StoreError("cannot open results database /nope/r.db: denied. What to do: fix it.")

    app = CallDojoApp(library=tui_library(), lang="en", store_opener=broken, seed=7)
    async with app.run_test(size=(100, 30)):
        await settle(app)
        assert app.store_error is not None and "/nope/r.db" in app.store_error
        assert isinstance(app.store, MemoryStore)


async def test_keys_typed_fast_after_enter_land_in_the_next_field() -> None:
    app, store = make_app(trainee=None)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app)
        await pilot.press(*"li", "enter", *"e002", "enter", "enter")
        await settle(app)
        assert isinstance(app.screen, PickerScreen)
    assert store.get_setting("trainee_name") == "li"
    assert store.get_setting("trainee_employee_id") == "e002"
