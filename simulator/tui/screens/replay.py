"""Replay: step through a finished call turn by turn, with the mood and the violations at each turn."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Footer, Static

from scoring.report import ScoreReport
from simulator.transcript import Transcript
from simulator.tui.i18n import chrome
from simulator.tui.screens.base import Page
from simulator.tui.widgets.mood_meter import MoodMeter
from simulator.tui.widgets.plain import Plain
from simulator.tui.widgets.transcript_view import TranscriptView


class ReplayScreen(Page[None]):
    """Shows the transcript up to the current step."""

    BINDINGS = [
        # ASCII key names: the arrow glyphs are ambiguous-width in CJK terminals
        Binding("right,n,space", "step(1)", "key.next", key_display="->"),
        Binding("left,p", "step(-1)", "key.prev", key_display="<-"),
        Binding("home", "jump(0)", "key.first"),
        Binding("end", "jump(-1)", "key.last"),
        Binding("escape", "back", "key.back"),
    ]

    def __init__(
        self, transcript: Transcript, report: ScoreReport | None, *, title: str, persona_name: str
    ) -> None:
        super().__init__()
        self.transcript = transcript
        self.report = report
        self.title_text = title
        self.persona_name = persona_name
        self.step = 1

    def compose(self) -> ComposeResult:
        """Title, transcript, mood, violations at this turn, footer."""
        yield Plain("", id="title")
        yield TranscriptView(id="transcript")
        yield MoodMeter(id="mood")
        yield Plain("", id="replay-flags")
        yield Footer()

    def on_mount(self) -> None:
        """Show the first turn."""
        self._show()

    def action_step(self, delta: int) -> None:
        """Move one turn on or back."""
        self.step = max(1, min(len(self.transcript.turns), self.step + delta))
        self._show()

    def action_jump(self, where: int) -> None:
        """Go to the first or the last turn."""
        self.step = 1 if where == 0 else len(self.transcript.turns)
        self._show()

    def _show(self) -> None:
        turns = self.transcript.turns[: self.step]
        self.query_one("#title", Static).update(
            self.tr(
                "replay.title",
                title=chrome(self.title_text),
                step=self.step,
                total=len(self.transcript.turns),
            )
        )
        self.query_one(TranscriptView).show_turns(turns, self.persona_name, self.dojo.lang)
        if turns:
            self.query_one(MoodMeter).show_mood(turns[-1].mood, self.dojo.lang)
        rules = [
            v.rule
            for v in (self.report.violations if self.report else ())
            if turns and v.turn == turns[-1].index
        ]
        self.query_one("#replay-flags", Static).update(
            self.tr("replay.flag", rules=", ".join(rules)) if rules else ""
        )

    def action_back(self) -> None:
        """Back to the debrief."""
        self.app.pop_screen()
