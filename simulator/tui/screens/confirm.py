"""A yes/no question (y / n, Enter = yes, Esc = no)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Footer

from simulator.tui.screens.base import Dialog
from simulator.tui.widgets.plain import Plain


class ConfirmDialog(Dialog[bool]):
    """Asks one question; dismisses with True or False."""

    BINDINGS = [
        Binding("y", "answer(True)", "key.yes"),
        Binding("enter", "answer(True)", "key.yes", show=False),
        Binding("n", "answer(False)", "key.no"),
        Binding("escape", "answer(False)", "key.no", show=False),
    ]

    def __init__(self, question_id: str) -> None:
        super().__init__()
        self.question_id = question_id

    def compose(self) -> ComposeResult:
        """The question and the footer."""
        with Vertical(id="dialog"):
            yield Plain(self.tr(self.question_id), id="dialog-question")
            yield Plain(
                "[y] " + self.tr("key.yes") + "    [n] " + self.tr("key.no"),
                id="dialog-keys",
                markup=False,
            )
        yield Footer()

    def action_answer(self, yes: bool) -> None:
        """Close with the answer."""
        self.dismiss(yes)
