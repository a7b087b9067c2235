"""Case file: read before dialling; reopenable during the call (c or F2) without losing the call."""

from __future__ import annotations

import difflib

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Footer

from simulator.tui.i18n import chrome
from simulator.tui.messages import LibraryLoaded
from simulator.tui.screens.base import Page
from simulator.tui.session import Practice, PracticeSession
from simulator.tui.widgets.case_view import CaseFileView
from simulator.tui.widgets.plain import Plain


class CaseFileScreen(Page[None]):
    """The five zones plus who the trainee is, when the call is and what it must achieve.

    Opened before the library is loaded (`calldojo practice ID`), it shows a loading line until
    `LibraryLoaded` arrives.
    """

    BINDINGS = [
        Binding("enter", "dial", "key.dial", priority=True),
        Binding("escape", "back", "key.back"),
    ]

    def __init__(self, scenario_id: str) -> None:
        super().__init__()
        self.scenario_id = scenario_id
        self.practice: Practice | None = None
        self.problem: str | None = None
        self._prepare()

    def _prepare(self) -> None:
        dojo = self.dojo
        if dojo.library_problem is not None:
            self.problem = self.tr("app.library_failed", detail=dojo.library_problem)
        elif dojo.library is not None and self.scenario_id not in dojo.library.scenarios:
            self.problem = self._unknown(sorted(dojo.library.scenarios))
        elif dojo.library is not None:
            try:
                self.practice = dojo.preparer(self.scenario_id)
            except LookupError as exc:
                self.problem = self.tr("case.cannot", detail=str(exc).strip("'\""))

    def _unknown(self, known: list[str]) -> str:
        """'No scenario x. Did you mean y?' (or the list of known ids) in the UI language."""
        text = self.tr("case.unknown", id=self.scenario_id)
        close = difflib.get_close_matches(self.scenario_id, known, n=1, cutoff=0.6)
        if close:
            return f"{text}{self.tr('case.did_you_mean', close=close[0])}"
        return f"{text}{self.tr('case.known', ids=', '.join(known) or '-')}"

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Offer Enter (dial) only when there is a scenario to dial."""
        return not (action == "dial" and self.practice is None)

    @property
    def waiting(self) -> bool:
        """True while the library is still loading."""
        return self.practice is None and self.problem is None

    def compose(self) -> ComposeResult:
        """Title, the case file (or why it cannot open, or the loading line), hint, footer."""
        if self.waiting:
            yield Plain(self.tr("app.loading"), id="case-loading")
        elif self.practice is None:
            yield Plain(self.problem or "", id="case-problem")
        else:
            scenario = self.practice.scenario
            yield Plain(self.tr("case.title", title=chrome(scenario.title)), id="title")
            yield CaseFileView(
                self.practice.scenario,
                self.practice.persona,
                self.dojo.lang,
                self.practice.pass_rules,
            )
            yield Plain(self.tr("case.hint_dial"), id="case-hint")
        yield Footer()

    def on_mount(self) -> None:
        """Focus the case file so the arrows scroll it."""
        views = self.query(CaseFileView)
        if views:
            views.first().focus()

    async def on_library_loaded(self, _message: LibraryLoaded) -> None:
        """The library arrived: prepare the scenario and show its case file."""
        if self.waiting:
            self._prepare()
            await self.recompose()
            self.refresh_bindings()
            self.on_mount()

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
        yield Plain(self.tr("case.title", title=chrome(self.practice.scenario.title)), id="title")
        yield CaseFileView(
            self.practice.scenario,
            self.practice.persona,
            self.dojo.lang,
            self.practice.pass_rules,
        )
        yield Plain(self.tr("case.hint_back"), id="case-hint")
        yield Footer()

    def on_mount(self) -> None:
        """Focus the case file so the arrows scroll it."""
        self.query_one(CaseFileView).focus()

    def action_close(self) -> None:
        """Back to the call."""
        self.dismiss(None)
