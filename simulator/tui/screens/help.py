"""Help (? or F1): the keys of the screen underneath and the keys that work everywhere."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer

from simulator.tui.i18n import MESSAGES
from simulator.tui.labels import declared_bindings
from simulator.tui.screens.base import Dialog
from simulator.tui.widgets.plain import Plain


class HelpScreen(Dialog[None]):
    """A key table; Esc, q or ? closes it."""

    BINDINGS = [
        Binding("escape", "close", "key.close"),
        Binding("q", "close", "key.close", show=False),
        Binding("question_mark", "close", "key.close", show=False),
    ]

    def __init__(self, under: Screen[object]) -> None:
        super().__init__()
        self.under = under

    def compose(self) -> ComposeResult:
        """Keys of the screen below, then global keys, then the tip."""
        with VerticalScroll(id="dialog"):
            yield Plain(self.tr("help.title"), id="help-title")
            yield Plain(self.tr("help.screen"), classes="help-section")
            keys = declared_bindings(self.under)
            if self.under.focused is not None:
                keys.update(declared_bindings(self.under.focused))
            yield Plain(self._table(keys), classes="help-keys")
            yield Plain(self.tr("help.global"), classes="help-section")
            yield Plain(self._table(declared_bindings(self.app)), classes="help-keys")
            yield Plain(self.tr("help.tip"), id="help-tip")
        yield Footer()

    def _table(self, bindings: dict[str, list[Binding]]) -> Table:
        table = Table(box=None, show_header=False, pad_edge=False, padding=(0, 3, 0, 0))
        table.add_column(style="bold")
        table.add_column()
        seen: dict[str, list[str]] = {}
        for key_bindings in bindings.values():
            for binding in key_bindings:
                if binding.description in MESSAGES:
                    seen.setdefault(self.tr(binding.description), []).append(
                        self.app.get_key_display(binding)
                    )
        for description, keys in seen.items():
            table.add_row(Text(" / ".join(keys)), Text(description))
        return table

    def action_close(self) -> None:
        """Close help."""
        self.dismiss(None)
