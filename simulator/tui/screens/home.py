"""Home: who is practising (remembered), language switch, and the way to practice, history and help."""

from __future__ import annotations

from rich.text import Text
from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Footer, Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from simulator.tui.messages import LibraryLoaded
from simulator.tui.screens.base import Page
from simulator.tui.widgets.plain import Plain

MENU = ("practice", "history", "help", "language", "quit")
NAME_MAX, EMPLOYEE_MAX = 128, 64
"""What the results database holds (store.sql: trainee_name, trainee_id): longer values are refused here."""


class TraineeInput(Input):
    """A name or employee-number field that leaves `?` to the help binding (no name needs it)."""

    def check_consume_key(self, key: str, character: str | None) -> bool:
        """Every printable key but `?`."""
        return character != "?" and super().check_consume_key(key, character)


class HomeScreen(Page[None]):
    """The first screen."""

    BINDINGS = [
        # Priority: runs as the key arrives, so keys typed right after Enter land in the next field.
        Binding("enter", "next_field", "key.next_field", show=False, priority=True),
        Binding("f2", "switch_language", "key.lang"),
        Binding("ctrl+l", "switch_language", "key.lang", show=False, priority=True),
        # Priority: `?` opens the help even while a name field has the focus (as the README says).
        Binding("question_mark", "app.help", "key.help", show=False, priority=True),
    ]

    def compose(self) -> ComposeResult:
        """Title, trainee fields, menu, footer."""
        trainee = self.dojo.trainee
        yield Plain(self.tr("app.title"), id="title")
        with Vertical(id="home-body"):
            yield Plain(self.tr("home.intro"), id="home-intro")
            with Horizontal(classes="field"):
                yield Label(self.tr("home.name"), classes="field-label")
                yield TraineeInput(
                    trainee.name if trainee else "", placeholder=self.tr("home.name_ph"), id="name"
                )
            with Horizontal(classes="field"):
                yield Label(self.tr("home.employee"), classes="field-label")
                yield TraineeInput(
                    trainee.employee_id if trainee else "",
                    placeholder=self.tr("home.employee_ph"),
                    id="employee",
                )
            yield Plain("", id="home-error")
            yield OptionList(
                *(Option(Text(self.tr(f"home.{item}")), id=item) for item in MENU), id="menu"
            )
            warning = self._content_warning()
            yield Plain(warning, id="home-warning", classes="" if warning else "-hidden")
        yield Footer()

    def on_mount(self) -> None:
        """Focus the first empty field, else the menu."""
        self._focus_start()

    def _content_warning(self) -> str:
        if self.dojo.library_problem is not None:
            return self.tr("app.library_failed", detail=self.dojo.library_problem)
        files = self.dojo.content_error_files()
        return self.tr("home.content_errors", count=files) if files else ""

    def on_library_loaded(self, _message: LibraryLoaded) -> None:
        """Say when content files have errors (the app runs on without them)."""
        warning = self._content_warning()
        shown = self.query_one("#home-warning", Static)
        shown.update(warning)
        shown.set_class(not warning, "-hidden")

    def _focus_start(self) -> None:
        for field in ("#name", "#employee"):
            if not self.query_one(field, Input).value.strip():
                self.query_one(field, Input).focus()
                return
        self.query_one("#menu", OptionList).focus()

    def action_next_field(self) -> None:
        """Enter in a field moves on, on the menu runs the item, at once (keys typed next follow).

        With `calldojo practice ID` waiting for the trainee, Enter on the last field goes on to
        that scenario's case file.
        """
        if isinstance(self.focused, Input):
            last = self.focused.id == "employee"
            if last and self.dojo.start_scenario and self._take_trainee():
                self._run("practice")
                return
            self.focus_next()
            return
        menu = self.query_one("#menu", OptionList)
        if self.focused is not menu or menu.highlighted is None:
            raise SkipAction()
        self._run(menu.get_option_at_index(menu.highlighted).id)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Run the chosen menu item (a mouse click; Enter runs it at once)."""
        self._run(event.option.id)

    def _run(self, item: str | None) -> None:
        if item in ("practice", "history") and not self._take_trainee():
            return
        if item == "practice":
            from simulator.tui.screens.picker import PickerScreen

            self.app.push_screen(PickerScreen())
            self.dojo.open_start_scenario()  # `calldojo practice ID` before the trainee was known
        elif item == "history":
            from simulator.tui.screens.history import HistoryScreen

            self.app.push_screen(HistoryScreen())
        elif item == "help":
            self.dojo.action_help()
        elif item == "language":
            self.action_switch_language()
        elif item == "quit":
            self.app.exit(0)

    def _take_trainee(self) -> bool:
        from simulator.store.base import Trainee

        name = self.query_one("#name", Input).value.strip()
        employee = self.query_one("#employee", Input).value.strip()
        if not name or not employee:
            self.query_one("#home-error", Static).update(self.tr("home.need_trainee"))
            self._focus_start()
            return False
        if len(name) > NAME_MAX or len(employee) > EMPLOYEE_MAX:
            message = self.tr("home.too_long", name_max=NAME_MAX, employee_max=EMPLOYEE_MAX)
            self.query_one("#home-error", Static).update(message)
            return False
        if self.dojo.trainee != Trainee(name, employee):
            self.dojo.remember_trainee(Trainee(name, employee))
        return True

    def action_switch_language(self) -> None:
        """Switch the UI between Chinese and English (keeps what was typed)."""
        name = self.query_one("#name", Input).value.strip()
        employee = self.query_one("#employee", Input).value.strip()
        if name and employee:
            from simulator.store.base import Trainee

            self.dojo.trainee = Trainee(name, employee)
        self.dojo.lang = "en" if self.dojo.lang == "zh" else "zh"
        # The screen is recomposed in the new language: put the focus back where keys belong.
        self.call_after_refresh(lambda: self.call_after_refresh(self._focus_start))
