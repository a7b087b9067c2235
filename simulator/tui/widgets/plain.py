"""Text widgets that never read markup: content, names and database values are shown as written.

A scenario title `Pay [/b] now` or a trainee named `[/x] Eve` is text, not a Rich/Textual markup
tag that could crash a screen or restyle it. Every Static of the app is a `Plain`.
"""

from __future__ import annotations

from typing import Any

from textual.widgets import Static


class Plain(Static):
    """A Static with markup off (its `update` shows strings as written, too)."""

    def __init__(self, content: Any = "", **kwargs: Any) -> None:
        kwargs["markup"] = False
        super().__init__(content, **kwargs)
