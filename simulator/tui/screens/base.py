"""The base of every screen: catalogue lookups and bindings in the current UI language."""

from __future__ import annotations

from typing import TYPE_CHECKING, Generic, TypeVar, cast

from textual.screen import ModalScreen, Screen

from simulator.tui.i18n import tr
from simulator.tui.labels import translated

if TYPE_CHECKING:
    from textual.binding import ActiveBinding

    from simulator.tui.app import CallDojoApp

R = TypeVar("R")


class _Translated:
    """What every CallDojo screen shares: bindings shown in the UI language, `dojo`, `tr`."""

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        """Textual's active bindings (what the footer draws) with descriptions in the UI language."""
        return translated(super().active_bindings, self.dojo.lang)  # type: ignore[misc]

    @property
    def dojo(self) -> CallDojoApp:
        """The app, typed."""
        return cast("CallDojoApp", self.app)  # type: ignore[attr-defined]

    def tr(self, key: str, **fields: object) -> str:
        """A catalogue message in the current UI language."""
        return tr(self.dojo.lang, key, **fields)


class Page(_Translated, Screen[R], Generic[R]):
    """A full screen with translated bindings and `self.tr`."""


class Dialog(_Translated, ModalScreen[R], Generic[R]):
    """A modal screen with translated bindings and `self.tr`."""
