"""Key bindings whose descriptions are catalogue ids, shown in the current UI language.

Screens and the app declare `BINDINGS` with catalogue ids as descriptions (`key.quit`). What the
footer draws comes from a screen's public `active_bindings`, which every CallDojo screen returns
with the descriptions translated (`screens.base`); key dispatch never reads a description.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from textual.binding import Binding, BindingsMap

from simulator.tui.i18n import MESSAGES, tr

if TYPE_CHECKING:
    from collections.abc import Mapping

    from textual.binding import ActiveBinding
    from textual.dom import DOMNode


def translated(active: Mapping[str, ActiveBinding], lang: str) -> dict[str, ActiveBinding]:
    """Active bindings with catalogue-id descriptions translated into `lang`."""
    return {
        key: ab._replace(binding=translated_binding(ab.binding, lang)) for key, ab in active.items()
    }


def translated_binding(binding: Binding, lang: str) -> Binding:
    """The binding with its description in `lang` when that is a catalogue id."""
    if binding.description in MESSAGES:
        return replace(binding, description=tr(lang, binding.description))
    return binding


def declared_bindings(node: DOMNode) -> dict[str, list[Binding]]:
    """The bindings the `BINDINGS` of the node's class and its bases declare, by key.

    A subclass's bindings for a key replace its bases', as in Textual; descriptions are still
    catalogue ids (only CallDojo's own classes use those, so Textual's widgets add nothing shown).
    """
    keys: dict[str, list[Binding]] = {}
    for cls in reversed(type(node).__mro__):
        keys.update(BindingsMap(vars(cls).get("BINDINGS", [])).key_to_bindings)
    return keys
