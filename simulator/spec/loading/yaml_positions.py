"""YAML positions for schema errors and second-pass findings, via a `yaml.compose` node tree.

A location is a tuple of mapping keys and sequence indexes (pydantic's `loc` with union tags
removed, see `schema_errors`); `[key]` as the last segment means the key node of the previous
one. A segment that is missing falls back to the nearest ancestor.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import yaml

from simulator.spec.messages import phrase
from simulator.wording import Text

Loc = tuple[int | str, ...]
_Composer: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_PLAIN_TRAPS = {
    "tag:yaml.org,2002:bool": "trap.bool",
    "tag:yaml.org,2002:int": "trap.number",
    "tag:yaml.org,2002:float": "trap.number",
    "tag:yaml.org,2002:timestamp": "trap.date",
    "tag:yaml.org,2002:null": "trap.null",
}
"""What YAML 1.1 reads an unquoted word as, by resolved tag (the `PHRASES` key naming it)."""


@dataclass(frozen=True)
class Found:
    """Where a location led in the node tree."""

    node: yaml.Node | None
    """The deepest node reached (the value, or the key for key locations)."""
    exact: bool
    """Every segment of the location was found."""


def compose(text: str) -> yaml.Node | None:
    """The node tree of a YAML text, or None when it does not compose."""
    try:
        node: yaml.Node | None = yaml.compose(text, Loader=_Composer)
    except yaml.YAMLError:
        return None
    return node


def follow(root: yaml.Node | None, loc: Sequence[int | str], at_key: bool = False) -> Found:
    """Follow a YAML location through the node tree, stopping at the nearest ancestor."""
    node = root
    for index, segment in enumerate(loc):
        if node is None:
            break
        if segment == "[key]":
            return Found(node, True)
        last = index == len(loc) - 1
        want_key = (at_key and last) or (not last and loc[index + 1] == "[key]")
        step = _step(node, segment, want_key)
        if step is None:
            return Found(node, False)
        node = step
    return Found(node, node is not None)


def _step(node: yaml.Node, segment: int | str, want_key: bool) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if isinstance(key_node, yaml.ScalarNode) and key_node.value == str(segment):
                return key_node if want_key else value_node
        return None
    if (
        isinstance(node, yaml.SequenceNode)
        and isinstance(segment, int)
        and 0 <= segment < len(node.value)
    ):
        return node.value[segment]  # type: ignore[no-any-return]
    return None


def position(
    root: yaml.Node | None, loc: Sequence[int | str], at_key: bool = False
) -> tuple[int, int]:
    """The 1-based line and column of a location (the key node when `at_key`), or (1, 1)."""
    node = follow(root, loc, at_key).node
    if node is None:
        return 1, 1
    return node.start_mark.line + 1, node.start_mark.column + 1


def value_column(node: yaml.Node | None, offset: int) -> tuple[int, int]:
    """The position of the 1-based character `offset` inside a scalar's text (quotes skipped)."""
    if node is None:
        return 1, 1
    quote = 1 if isinstance(node, yaml.ScalarNode) and node.style in ('"', "'") else 0
    return node.start_mark.line + 1, node.start_mark.column + quote + offset


def trap_key(node: yaml.Node | None) -> str:
    """What YAML 1.1 read an unquoted scalar as (`trap.bool`, `trap.null`, ...), or empty if text."""
    if isinstance(node, yaml.ScalarNode) and not node.style:
        return _PLAIN_TRAPS.get(node.tag, "")
    return ""


def found_words(node: yaml.Node | None) -> Text:
    """What was written, in words: a YAML 1.1 trap (`a true/false value`) or the node's kind."""
    return phrase(trap_key(node) or f"kind.{node_kind(node)}")


def node_kind(node: yaml.Node | None) -> str:
    """`mapping`, `list` or `scalar`."""
    if isinstance(node, yaml.MappingNode):
        return "mapping"
    if isinstance(node, yaml.SequenceNode):
        return "list"
    return "scalar"


def is_flow_mapping(node: yaml.Node | None) -> bool:
    """True for a `{...}` mapping."""
    return isinstance(node, yaml.MappingNode) and bool(node.flow_style)


def unit_position(node: yaml.Node | None) -> tuple[int, int]:
    """The 1-based line and column where a node starts, or (1, 1)."""
    if node is None:
        return 1, 1
    return node.start_mark.line + 1, node.start_mark.column + 1
