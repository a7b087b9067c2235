"""Key bindings whose descriptions are catalogue ids, shown in the current UI language."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from textual.binding import Binding, BindingsMap

from simulator.tui.i18n import MESSAGES, tr

if TYPE_CHECKING:
    from textual.dom import DOMNode


def relabel(node: DOMNode, lang: str) -> None:
    """Give `node` its class bindings with descriptions translated into `lang`."""
    merged = type(node)._merged_bindings
    if merged is None:
        return
    keys: dict[str, list[Binding]] = {}
    for key, bindings in merged.key_to_bindings.items():
        keys[key] = [_translated(b, lang) for b in bindings]
    node._bindings = BindingsMap.from_keys(keys)


def _translated(binding: Binding, lang: str) -> Binding:
    if binding.description in MESSAGES:
        return replace(binding, description=tr(lang, binding.description))
    return binding
