"""The conversation so far: turn number and speaker in a fixed left column, the words beside them."""

from __future__ import annotations

from collections.abc import Iterable

from rich.cells import cell_len
from rich.text import Text
from textual.containers import VerticalScroll

from simulator.transcript import Turn
from simulator.tui.i18n import tr
from simulator.tui.widgets.plain import Plain
from simulator.tui.wrap import Hanging

LABEL_GAP = 1
"""Cells between the label column and the words."""


def label_width(persona_name: str, lang: str) -> int:
    """Cells of the label column: `12 ` plus the longer speaker name, a colon and a gap."""
    longest = max(cell_len(persona_name), cell_len(tr(lang, "call.you")))
    return 3 + longest + 1 + LABEL_GAP


def spoken_words(turn: Turn, lang: str) -> str:
    """What was said at a turn: the trainee's silence as a label, anything else as recorded.

    The debtor's answer to a silence is recorded with the event `silence` too, but it has words.
    """
    if turn.speaker == "agent" and turn.event == "silence":
        return tr(lang, "call.silence")
    return turn.text


def turn_text(turn: Turn, persona_name: str, lang: str, *, marker: str = "") -> Hanging:
    """A turn as `12 name: words`, the words wrapping under themselves (a hanging indent).

    Numbered as the debrief numbers turns (index + 1).
    """
    speaker = persona_name if turn.speaker == "debtor" else tr(lang, "call.you")
    words = spoken_words(turn, lang)
    style = "bold cyan" if turn.speaker == "debtor" else "bold green"
    label = Text.assemble((f"{turn.index + 1:>2} ", "dim"), (f"{speaker}:", style))
    body = Text.assemble(words, (marker, "bold red"))
    return Hanging(label, body, label_width(persona_name, lang))


class TranscriptView(VerticalScroll, can_focus=False):
    """A scrolling list of turns; `add_turns` appends, `show_turns` replaces."""

    DEFAULT_CSS = """
    TranscriptView { height: 1fr; padding: 0 1; }
    TranscriptView > Static { margin: 0 0 0 0; }
    """

    def add_turns(self, turns: Iterable[Turn], persona_name: str, lang: str) -> None:
        """Append turns and scroll to the newest."""
        widgets = [Plain(turn_text(t, persona_name, lang)) for t in turns]
        if widgets:
            self.mount_all(widgets)
            self.call_after_refresh(self.scroll_end, animate=False)

    def show_turns(self, turns: Iterable[Turn], persona_name: str, lang: str) -> None:
        """Replace everything with these turns."""
        self.remove_children()
        self.add_turns(turns, persona_name, lang)
