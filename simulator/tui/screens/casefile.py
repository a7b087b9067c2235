"""Case file: read before dialling; reopenable during the call (c or F2) without losing the call."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Footer, Static

from simulator.tui.screens.base import Page
from simulator.tui.session import Practice, PracticeSession
from simulator.tui.widgets.case_view import CaseFileView


class CaseFileScreen(Page[None]):
    """The five zones plus who the trainee is, when the call is and what it must achieve."""

    BINDINGS = [
        Binding("enter", "dial", "key.dial"),
        Binding("escape", "back", "key.back"),
    ]

    def __init__(self, scenario_id: str) -> None:
        super().__init__()
        self.scenario_id = scenario_id
        self.practice: Practice | None = None
        self.problem: str | None = None
        try:
            self.practice = self.dojo.preparer(scenario_id)
        except LookupError as exc:
            self.problem = str(exc).strip("'\"")

    def compose(self) -> ComposeResult:
        """Title, the case file (or why it cannot open), hint, footer."""
        if self.practice is None:
            yield Static(self.tr("case.cannot", detail=self.problem), id="case-problem")
        else:
            scenario = self.practice.scenario
            yield Static(self.tr("case.title", title=scenario.title), id="title")
            yield CaseFileView(scenario, self.practice.persona, self.dojo.lang)
            yield Static(self.tr("case.hint_dial"), id="case-hint")
        yield Footer()

    def on_mount(self) -> None:
        """Focus the case file so the arrows scroll it."""
        views = self.query(CaseFileView)
        if views:
            views.first().focus()

    def action_dial(self) -> None:
        """Start the call (replaces this screen with the call screen)."""
        if self.practice is None or self.dojo.trainee is None:
            return
        from simulator.tui.screens.call import CallScreen

        session = PracticeSession(
            self.practice, self.dojo.trainee, seed=self.dojo.new_seed(), now=self.dojo.now
        )
        self.app.switch_screen(CallScreen(session))

    def action_back(self) -> None:
        """Back to the picker."""
        self.app.pop_screen()


class CaseFilePeek(Page[None]):
    """The case file reopened during a call; any of Esc, Enter, c or F2 returns to the call."""

    BINDINGS = [
        Binding("escape", "close", "key.close"),
        Binding("c", "close", "key.close", show=False),
        Binding("f2", "close", "key.close", show=False),
    ]

    def __init__(self, practice: Practice) -> None:
        super().__init__()
        self.practice = practice

    def compose(self) -> ComposeResult:
        """Title, the case file, hint, footer."""
        yield Static(self.tr("case.title", title=self.practice.scenario.title), id="title")
        yield CaseFileView(self.practice.scenario, self.practice.persona, self.dojo.lang)
        yield Static(self.tr("case.hint_back"), id="case-hint")
        yield Footer()

    def on_mount(self) -> None:
        """Focus the case file so the arrows scroll it."""
        self.query_one(CaseFileView).focus()

    def action_close(self) -> None:
        """Back to the call."""
        self.dismiss(None)
