"""A bare Textual app (Header, a text, an OptionList, a Footer): the start-up yardstick.

With CALLDOJO_BENCH_STAMP=<file>, writes the wall time of its first painted frame there and exits.
"""

from __future__ import annotations

import os
import time

from textual.app import App, ComposeResult
from textual.widgets import Footer, Header, OptionList, Static


class BareApp(App[None]):
    """The smallest app with the same kind of first screen as CallDojo's Home."""

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("CallDojo bare baseline")
        yield OptionList("Practice", "History", "Help", "Quit")
        yield Footer()

    def on_mount(self) -> None:
        stamp = os.environ.get("CALLDOJO_BENCH_STAMP")
        if stamp:
            self.call_after_refresh(_stamp_and_exit, self, stamp)


def _stamp_and_exit(app: App[None], path: str) -> None:
    with open(path, "w", encoding="utf-8") as out:
        out.write(repr(time.time()))
    app.exit()


if __name__ == "__main__":
    BareApp().run()
