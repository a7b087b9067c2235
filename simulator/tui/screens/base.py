"""The base of every screen: catalogue lookups and bindings in the current UI language."""

from __future__ import annotations

from typing import TYPE_CHECKING, Generic, TypeVar, cast

from textual.screen import ModalScreen, Screen

from simulator.tui.i18n import tr
from simulator.tui.labels import relabel

if TYPE_CHECKING:
    from simulator.tui.app import CallDojoApp

R = TypeVar("R")


class _Translated:
    """What every CallDojo screen shares: bindings relabelled in the UI language, `dojo`, `tr`."""

    def __init__(self) -> None:
        super().__init__()
        relabel(self, self.dojo.lang)  # type: ignore[arg-type]

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
