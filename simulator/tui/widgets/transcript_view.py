"""The conversation so far, one line per turn, speaker names first."""

from __future__ import annotations

from collections.abc import Iterable

from rich.text import Text
from textual.containers import VerticalScroll
from textual.widgets import Static

from simulator.transcript import Turn
from simulator.tui.i18n import tr


def turn_text(turn: Turn, persona_name: str, lang: str, *, marker: str = "") -> Text:
    """A turn as `name: words`, numbered as the debrief numbers it (index + 1)."""
    speaker = persona_name if turn.speaker == "debtor" else tr(lang, "call.you")
    words = tr(lang, "call.silence") if turn.event == "silence" else turn.text
    style = "bold cyan" if turn.speaker == "debtor" else "bold green"
    return Text.assemble(
        (f"{turn.index + 1:>2} ", "dim"), (f"{speaker}: ", style), words, (marker, "bold red")
    )


class TranscriptView(VerticalScroll, can_focus=False):
    """A scrolling list of turns; `add_turns` appends, `show_turns` replaces."""

    DEFAULT_CSS = """
    TranscriptView { height: 1fr; padding: 0 1; }
    TranscriptView > Static { margin: 0 0 0 0; }
    """

    def add_turns(self, turns: Iterable[Turn], persona_name: str, lang: str) -> None:
        """Append turns and scroll to the newest."""
        widgets = [Static(turn_text(t, persona_name, lang)) for t in turns]
        if widgets:
            self.mount_all(widgets)
            self.call_after_refresh(self.scroll_end, animate=False)

    def show_turns(self, turns: Iterable[Turn], persona_name: str, lang: str) -> None:
        """Replace everything with these turns."""
        self.remove_children()
        self.add_turns(turns, persona_name, lang)
