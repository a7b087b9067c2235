"""The persona's mood as labelled ASCII bars (patience, trust, ...), hideable in practice mode."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from simulator.tui.i18n import word
from simulator.tui.widgets.gauge import ascii_bar

MOOD_MAX = 10


class MoodMeter(Static):
    """Shows one bar per mood variable; `show_mood` renders a snapshot."""

    DEFAULT_CSS = """
    MoodMeter { height: auto; padding: 0 1; }
    """

    def show_mood(self, mood: tuple[tuple[str, int], ...], lang: str) -> None:
        """Render a mood snapshot."""
        text = Text()
        for position, (name, value) in enumerate(mood):
            if position:
                text.append("  ")
            text.append(f"{word(lang, 'mood', name)} ", style="bold")
            style = "red" if value <= 2 else "green" if value >= 7 else "yellow"
            text.append(ascii_bar(value, MOOD_MAX, 10), style=style)
            text.append(f" {value}")
        self.update(text)
