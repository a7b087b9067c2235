"""YAML positions for pydantic errors and second-pass findings, via a `yaml.compose` node tree.

A location is a tuple of mapping keys and sequence indexes (pydantic's `loc` with union tags
removed, see `schema_errors`); `[key]` as the last segment means the key node of the previous
one. A segment that is missing falls back to the nearest ancestor.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from types import UnionType
from typing import Annotated, Any, Union, get_args, get_origin

import yaml
from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from simulator.spec.common import ID_PATTERN, RULE_ID_PATTERN, VAR_PATTERN, Spec
from simulator.spec.diagnostics import Diagnostic, did_you_mean

Loc = tuple[int | str, ...]
_Composer: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_PLAIN_TRAPS = {
    "tag:yaml.org,2002:bool": "a true/false value",
    "tag:yaml.org,2002:int": "a number",
    "tag:yaml.org,2002:float": "a number",
    "tag:yaml.org,2002:timestamp": "a date",
    "tag:yaml.org,2002:null": "an empty value (null)",
}


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


def trap_kind(node: yaml.Node | None) -> str:
    """What YAML 1.1 read an unquoted scalar as (e.g. `a true/false value`), or empty if it is text."""
    if isinstance(node, yaml.ScalarNode) and not node.style:
        return _PLAIN_TRAPS.get(node.tag, "")
    return ""


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


# --- pydantic errors -------------------------------------------------------------------------


@dataclass(frozen=True)
class _Walk:
    """A pydantic `loc` split into its YAML part and its union branch."""

    yaml_loc: Loc
    union_at: int | None
    branch: str
    parents: list[Any]


def _members(annotation: Any) -> list[Any]:
    """Flatten `Annotated` and unions (dropping None) into concrete member types."""
    origin = get_origin(annotation)
    if origin is Annotated:
        return _members(get_args(annotation)[0])
    if origin in (Union, UnionType):
        return [m for arg in get_args(annotation) for m in _members(arg)]
    if annotation is type(None):
        return []
    return [annotation]


def _is_model(member: Any) -> bool:
    return isinstance(member, type) and issubclass(member, BaseModel)


def _discriminator(member: Any) -> str:
    field = member.model_fields.get("kind")
    args = get_args(field.annotation) if field is not None else ()
    return str(args[0]) if args else ""


def _branch_matches(member: Any, tag: str) -> bool:
    if _is_model(member):
        return tag in (member.__name__, _discriminator(member))
    origin = get_origin(member)
    if origin is list:
        return tag.startswith("list[")
    if origin is dict:
        return tag.startswith("dict[")
    return tag in (
        "str",
        "constrained-str",
        "int",
        "bool",
        "float",
        "date",
        "datetime",
    ) or tag.startswith(("literal[", "function-"))


def _children(member: Any, segment: int | str) -> list[Any]:
    if _is_model(member):
        field = member.model_fields.get(str(segment))
        return [field.annotation] if field is not None else []
    origin = get_origin(member)
    if origin is list and isinstance(segment, int):
        return [get_args(member)[0]]
    if origin is dict and segment != "[key]":
        return [get_args(member)[1]]
    return []


def walk_loc(model: type[BaseModel], loc: Sequence[int | str]) -> _Walk:
    """Split a pydantic loc into YAML segments and the union branch, tracking the model types."""
    types: list[Any] = [model]
    parents: list[Any] = [model]
    yaml_loc: list[int | str] = []
    union_at, branch = None, ""
    for segment in loc:
        members = [m for t in types for m in _members(t)]
        if (
            isinstance(segment, str)
            and len(members) > 1
            and any(_branch_matches(m, segment) for m in members)
        ):
            if union_at is None:
                union_at, branch = len(yaml_loc), segment
            types = [m for m in members if _branch_matches(m, segment)]
            continue
        yaml_loc.append(segment)
        parents = members
        types = [child for m in members for child in _children(m, segment)]
    return _Walk(tuple(yaml_loc), union_at, branch, parents)


def _fields(types: Sequence[Any]) -> dict[str, str]:
    """Field names and descriptions of the models among `types`."""
    found: dict[str, str] = {}
    for member in types:
        for t in _members(member):
            if _is_model(t):
                for name, info in t.model_fields.items():
                    found.setdefault(name, info.description or "")
    return found


def _branch_kind(tag: str) -> str:
    if tag.startswith("list["):
        return "list"
    if tag.startswith("dict[") or tag[:1].isupper():
        return "mapping"
    return "scalar"


def _branch_words(tag: str) -> str:
    kind = _branch_kind(tag)
    if kind == "list":
        return "a list"
    if kind == "mapping":
        model = _model_named(tag)
        fields = ", ".join(_fields([model])) if model is not None else ""
        return f"a mapping ({fields})" if fields else "a mapping"
    return "text" if "str" in tag else tag


_SPLIT_HINT = "a comma inside a {...} flow mapping splits the text: quote the line or use the full-width comma ，"
_PATTERN_WORDS = {
    ID_PATTERN: (
        "is not a valid id",
        "use lower-case letters, digits and _, starting with a letter",
    ),
    RULE_ID_PATTERN: ("is not a valid rule id", "write it like CN-THREAT or US-MINI-MIRANDA"),
    VAR_PATTERN: (
        "is not a valid name",
        "use lower-case letters, digits and _, starting with a letter",
    ),
}
_MODELS: dict[str, type[BaseModel]] = {}


def _model_named(name: str) -> type[BaseModel] | None:
    if not _MODELS:
        pending: list[type[BaseModel]] = [Spec]
        while pending:
            cls = pending.pop()
            _MODELS[cls.__name__] = cls
            pending.extend(cls.__subclasses__())
    return _MODELS.get(name)


def schema_diagnostics(
    model: type[BaseModel], exc: ValidationError, text: str, display: str
) -> list[Diagnostic]:
    """Translate a ValidationError into positioned diagnostics, one per problem (unions merged)."""
    root = compose(text) if text else None
    walks = [(err, walk_loc(model, err["loc"])) for err in exc.errors(include_url=False)]
    groups: dict[Loc, list[tuple[ErrorDetails, _Walk]]] = {}
    for err, walk in walks:
        if walk.union_at is not None:
            groups.setdefault(walk.yaml_loc[: walk.union_at], []).append((err, walk))
    found: list[Diagnostic] = []
    for err, walk in walks:
        if walk.union_at is None:
            found.append(_diagnostic(err, walk, root, display))
            continue
        key = walk.yaml_loc[: walk.union_at]
        members = groups.pop(key, None)
        if members is not None:
            found.extend(_union_diagnostics(key, members, root, display))
    return sorted(dict.fromkeys(found), key=lambda d: (d.line, d.col))


def _union_diagnostics(
    loc: Loc, members: list[tuple[ErrorDetails, _Walk]], root: yaml.Node | None, display: str
) -> list[Diagnostic]:
    """One readable diagnostic for a value matching none of a union's shapes."""
    node = follow(root, loc).node
    branches = list(dict.fromkeys(walk.branch for _, walk in members))
    kept = [(e, w) for e, w in members if _branch_kind(w.branch) == node_kind(node)]
    if len(branches) == 1 or kept:
        return [_diagnostic(e, w, root, display) for e, w in (kept or members)]
    shapes = [_branch_words(tag) for tag in branches]
    expected = ", ".join(shapes[:-1]) + f" or {shapes[-1]}"
    found = trap_kind(node) or node_kind(node)
    line, col = unit_position(node)
    message = f"{_dotted(loc)}: expected {expected}; found {found}"
    return [Diagnostic("CD204", display, line, col, message, "see the schema for this key")]


def _diagnostic(err: ErrorDetails, walk: _Walk, root: yaml.Node | None, display: str) -> Diagnostic:
    """One pydantic error as a positioned diagnostic."""
    kind, loc = err["type"], walk.yaml_loc
    if kind == "extra_forbidden":
        return _unknown_key(loc, walk, root, display)
    if kind == "missing":
        line, col = unit_position(follow(root, loc[:-1]).node)
        description = _fields(walk.parents).get(str(loc[-1]), "")
        return Diagnostic(
            "CD201",
            display,
            line,
            col,
            f"{_dotted(loc[:-1]) or 'top level'}: missing required key {loc[-1]!r}",
            description,
        )
    if kind == "union_tag_invalid":
        loc = (*loc, "kind")
    found = follow(root, loc)
    line, col = unit_position(found.node)
    code, message, hint = _describe(err, loc, found.node if found.exact else None)
    return Diagnostic(code, display, line, col, message, hint)


def _describe(err: ErrorDetails, loc: Loc, node: yaml.Node | None) -> tuple[str, str, str]:
    """Code, message and hint for a value error."""
    kind, ctx, where = err["type"], err.get("ctx", {}), _dotted(loc)
    trap = trap_kind(node)
    if kind == "string_type" and trap and isinstance(node, yaml.ScalarNode):
        value = node.value
        return (
            "CD203",
            f"{where}: unquoted {value} was read as {trap} (YAML 1.1), not as text",
            f'quote it: "{value}"',
        )
    if kind in ("literal_error", "enum", "union_tag_invalid"):
        expected = re.findall(r"'([^']*)'", str(ctx.get("expected", ctx.get("expected_tags", ""))))
        value = str(ctx.get("tag", err["input"]))
        hint = did_you_mean(value, expected) or f"one of: {', '.join(expected)}"
        return "CD205", f"{where}: {value!r} is not allowed", hint
    if kind == "string_pattern_mismatch":
        words, hint = _PATTERN_WORDS.get(
            str(ctx.get("pattern")), ("does not match the expected pattern", "")
        )
        return "CD206", f"{where}: {err['input']!r} {words}", hint
    if kind in ("value_error", "assertion_error"):
        return "CD207", f"{where}: {err['msg'].removeprefix('Value error, ')}", ""
    if kind.endswith("_type"):
        return "CD204", f"{where}: {err['msg']}; found {trap or node_kind(node)}", ""
    return "CD200", f"{where}: {err['msg']}", ""


def _unknown_key(loc: Loc, walk: _Walk, root: yaml.Node | None, display: str) -> Diagnostic:
    """An extra_forbidden error: point at the key, suggest the field meant or the split comma."""
    key, parent = str(loc[-1]), follow(root, loc[:-1]).node
    line, col = unit_position(follow(root, loc, at_key=True).node)
    fields = _fields(walk.parents)
    value = follow(root, loc).node
    split = not key.isascii() or " " in key.strip()
    split = split or (is_flow_mapping(parent) and trap_kind(value) == "an empty value (null)")
    if split:
        hint = _SPLIT_HINT
    else:
        hint = did_you_mean(key, fields) or f"allowed keys: {', '.join(fields)}"
    where = _dotted(loc[:-1]) or "top level"
    return Diagnostic("CD202", display, line, col, f"{where}: unknown key {key!r}", hint)


def _dotted(loc: Sequence[int | str]) -> str:
    return ".".join(str(part) for part in loc if part != "[key]")
