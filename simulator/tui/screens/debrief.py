"""Debrief: pass/fail in words, the four scores, violations, coaching, mood story; replay or retry."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Footer

from scoring.report import ScoreReport
from simulator.transcript import Transcript
from simulator.tui.i18n import chrome
from simulator.tui.screens.base import Page
from simulator.tui.widgets.plain import Plain
from simulator.tui.widgets.report_view import ReportView


class DebriefScreen(Page[None]):
    """The result of one call (just played, or reopened from history)."""

    BINDINGS = [
        Binding("r", "replay", "key.replay"),
        Binding("a", "retry", "key.retry"),
        Binding("p", "pick", "key.pick"),
        Binding("h", "history", "key.history"),
        Binding("escape", "pick", "key.back", show=False),
    ]

    def __init__(
        self, transcript: Transcript, report: ScoreReport | None, *, title: str, persona_name: str
    ) -> None:
        super().__init__()
        self.transcript = transcript
        self.report = report
        self.title_text = title
        self.persona_name = persona_name

    def compose(self) -> ComposeResult:
        """Title, report, footer."""
        yield Plain(self.tr("debrief.title", title=chrome(self.title_text)), id="title")
        yield ReportView(self.transcript, self.report, self.dojo.lang)
        yield Footer()

    def on_mount(self) -> None:
        """Focus the report so the arrows scroll it."""
        self.query_one(ReportView).focus()

    def action_replay(self) -> None:
        """Step through the transcript turn by turn."""
        from simulator.tui.screens.replay import ReplayScreen

        self.app.push_screen(
            ReplayScreen(
                self.transcript, self.report, title=self.title_text, persona_name=self.persona_name
            )
        )

    def action_retry(self) -> None:
        """The same scenario again, from its case file."""
        self.app.pop_screen()
        self.dojo.open_case_file(self.transcript.scenario)

    def action_pick(self) -> None:
        """Back to the scenario picker (or wherever this debrief was opened from)."""
        self.app.pop_screen()

    def action_history(self) -> None:
        """The trainee's history: back to it when this debrief was opened from it, else open it."""
        from simulator.tui.screens.history import HistoryScreen

        stack = self.app.screen_stack
        below = [screen for screen in stack[:-1] if isinstance(screen, HistoryScreen)]
        if not below:
            self.app.switch_screen(HistoryScreen())
            return
        for _ in range(len(stack) - 1 - stack.index(below[-1])):
            self.app.pop_screen()
