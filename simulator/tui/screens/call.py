"""The call: transcript, the debtor's current line, mood meter, numbered choices, clock and timer.

The screen only forwards keys to the practice session and redraws; the engine decides everything.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.timer import Timer
from textual.widgets import Footer, Static

from simulator.transcript import Turn
from simulator.tui.i18n import chrome
from simulator.tui.screens.base import Page
from simulator.tui.session import PracticeSession
from simulator.tui.widgets.choice_list import ChoiceList
from simulator.tui.widgets.mood_meter import MoodMeter
from simulator.tui.widgets.plain import Plain
from simulator.tui.widgets.transcript_view import TranscriptView, label_width
from simulator.tui.wrap import Hanging, shorten


class CallScreen(Page[None]):
    """One call in progress; saved after every turn."""

    BINDINGS = [
        Binding("c", "case_file", "key.casefile"),
        Binding("f2", "case_file", "key.casefile", show=False),
        Binding("m", "toggle_mood", "key.mood"),
        Binding("t", "toggle_timer", "key.timer"),
        Binding("escape", "leave", "key.hangup"),
    ]

    def __init__(self, session: PracticeSession) -> None:
        super().__init__()
        self.session = session
        self.persona_name = session.practice.persona.name
        self.timer_left: int | None = None
        self._ticker: Timer | None = None

    def compose(self) -> ComposeResult:
        """Top bar, transcript, current line, mood, choices, footer."""
        with Horizontal(id="call-top"):
            yield Plain(self._who, id="call-who")
            yield Plain("", id="call-clock")
            yield Plain("", id="call-timer")
        yield TranscriptView(id="transcript")
        yield Plain("", id="debtor-line")
        yield MoodMeter(id="mood")
        yield Plain(self.tr("call.choices"), id="choices-hint")
        yield ChoiceList(id="choices")
        yield Footer()

    @property
    def _who(self) -> str:
        return chrome(f"{self.persona_name} | {self.session.practice.scenario.title}")

    def on_resize(self) -> None:
        """Cut the persona and title to the room left beside the clock, never dropping them."""
        who = self.query_one("#call-who", Static)
        room = who.content_region.width
        if room > 0:
            who.update(shorten(self._who, room, ".."))

    def on_mount(self) -> None:
        """Show the opening, register the live attempt, save it, focus the choices."""
        self.dojo.results.live_attempt = self.session.record
        self.query_one(TranscriptView).add_turns(
            self.session.call.turns, self.persona_name, self.dojo.lang
        )
        self.query_one("#mood").display = self.dojo.show_mood
        self._redraw()
        self.dojo.results.save(self.session.record())
        self.query_one(ChoiceList).focus()

    def on_choice_list_chosen(self, message: ChoiceList.Chosen) -> None:
        """Say the chosen line."""
        if not self.session.ended:
            self._after(self.session.choose(message.choice_id))

    def _after(self, turns: tuple[Turn, ...]) -> None:
        self.query_one(TranscriptView).add_turns(turns, self.persona_name, self.dojo.lang)
        if self.session.ended:
            self._finish()
            return
        self._redraw()
        self.dojo.results.save(self.session.record())
        if self.timer_left is not None:
            self.timer_left = self.dojo.timer_seconds
            self._show_timer()

    def _redraw(self) -> None:
        call, lang = self.session.call, self.dojo.lang
        self.query_one("#debtor-line", Static).update(
            Hanging(
                f"{self.persona_name}:",
                call.debtor_line or "",
                label_width(self.persona_name, lang) - 3,
            )
        )
        last = call.turns[-1] if call.turns else None
        if last is not None:
            self.query_one(MoodMeter).show_mood(last.mood, lang)
            elapsed = int((last.at - call.state.dialed_at).total_seconds())
            self.query_one("#call-clock", Static).update(
                self.tr("call.clock", elapsed=f"{elapsed // 60:02d}:{elapsed % 60:02d}")
            )
        self.query_one(ChoiceList).show_choices(self.session.choices())
        self._show_timer()

    def _finish(self) -> None:
        from simulator.tui.screens.debrief import DebriefScreen

        self._stop_timer()
        outcome = self.session.finish()
        self.dojo.results.live_attempt = None
        self.dojo.results.save(outcome.record)
        self.app.switch_screen(
            DebriefScreen(
                outcome.transcript,
                outcome.report,
                title=self.session.practice.scenario.title,
                persona_name=self.persona_name,
            )
        )

    def action_case_file(self) -> None:
        """Reopen the case file; the call waits (the timer pauses)."""
        from simulator.tui.screens.casefile import CaseFilePeek

        self.app.push_screen(CaseFilePeek(self.session.practice))

    def action_toggle_mood(self) -> None:
        """Show or hide the mood meter."""
        self.dojo.show_mood = not self.dojo.show_mood
        self.query_one("#mood").display = self.dojo.show_mood

    def action_toggle_timer(self) -> None:
        """Switch the response timer on (from the full time) or off."""
        if self.timer_left is None:
            self.timer_left = self.dojo.timer_seconds
            self._ticker = self.set_interval(1.0, self._tick)
        else:
            self._stop_timer()
        self._show_timer()

    def _tick(self) -> None:
        if self.timer_left is None or self.app.screen is not self:
            return
        self.timer_left -= 1
        if self.timer_left <= 0:
            self.timer_left = self.dojo.timer_seconds
            self._after(self.session.silence())
        else:
            self._show_timer()

    def _stop_timer(self) -> None:
        if self._ticker is not None:
            self._ticker.stop()
        self._ticker, self.timer_left = None, None

    def _show_timer(self) -> None:
        text = "" if self.timer_left is None else self.tr("call.timer_on", seconds=self.timer_left)
        timer = self.query_one("#call-timer", Static)
        timer.update(text)
        timer.display = bool(text)

    def action_leave(self) -> None:
        """Ask, then leave the call; the attempt is saved as abandoned."""
        from simulator.tui.screens.confirm import ConfirmDialog

        self.app.push_screen(ConfirmDialog("call.leave_q"), self._left)

    def _left(self, yes: bool | None) -> None:
        if not yes:
            return
        self._stop_timer()
        self.dojo.results.live_attempt = None
        self.dojo.results.save(self.session.record())
        self.app.pop_screen()
