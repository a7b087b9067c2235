"""The trainee's numbered choices: pick with a digit, or arrows and Enter; text wraps beside the number."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from simulator.engine import OfferedChoice
from simulator.tui.wrap import Hanging

NUMBER_WIDTH = 3
"""`1. ` before each choice; wrapped lines start under the text, not under the number."""


class ChoiceList(OptionList):
    """An option list of choices; posts `ChoiceList.Chosen` with the choice id."""

    DEFAULT_CSS = """
    ChoiceList { height: auto; max-height: 12; }
    """
    BINDINGS = [Binding(str(n), f"pick({n})", "key.choose", show=False) for n in range(1, 10)]

    class Chosen(Message):
        """The trainee chose a reply."""

        def __init__(self, choice_id: str) -> None:
            super().__init__()
            self.choice_id = choice_id

    def show_choices(self, choices: tuple[OfferedChoice, ...]) -> None:
        """Replace the options with these choices, numbered from 1."""
        self.clear_options()
        self.add_options(
            Option(Hanging(Text(f"{n}.", style="bold"), choice.say, NUMBER_WIDTH), id=choice.id)
            for n, choice in enumerate(choices, start=1)
        )
        if choices:
            self.highlighted = 0

    def action_pick(self, number: int) -> None:
        """Choose option `number` (1-based) if it exists."""
        if 0 < number <= self.option_count:
            self._post_chosen(number - 1)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Enter on a highlighted option chooses it."""
        event.stop()
        self._post_chosen(event.option_index)

    def _post_chosen(self, index: int) -> None:
        option_id = self.get_option_at_index(index).id
        if option_id is not None:
            self.post_message(self.Chosen(option_id))
