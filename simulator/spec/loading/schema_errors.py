"""pydantic's validation errors translated into positioned diagnostics in our own words.

Each error's `loc` is split into its YAML part and its union branch (`walk_loc`), positioned in the
node tree (`yaml_positions`) and described from the catalogue (`messages`): pydantic's English
(`Input should be a valid dictionary or instance of NodeSpec`) never reaches the trainer.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from types import UnionType
from typing import Annotated, Any, Union, get_args, get_origin

import yaml
from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from simulator.spec.diagnostics import Diagnostic
from simulator.spec.loading.yaml_positions import (
    Loc,
    compose,
    follow,
    found_words,
    is_flow_mapping,
    node_kind,
    trap_key,
    unit_position,
)
from simulator.spec.messages import Said, SpecValueError, did_you_mean, phrase, said
from simulator.spec.models.common import (
    HHMM_PATTERN,
    ID_PATTERN,
    RULE_ID_PATTERN,
    VAR_PATTERN,
    Spec,
)
from simulator.wording import Either, Text, Value

_PATTERNS = {ID_PATTERN: "CD206.id", RULE_ID_PATTERN: "CD206.rule_id", VAR_PATTERN: "CD206.name"}
_PATTERNS[HHMM_PATTERN] = "CD206.time"
_EXPECTED = {
    "string_type": "expect.text",
    "int_type": "expect.int",
    "float_type": "expect.number",
    "bool_type": "expect.bool",
    "list_type": "expect.list",
    "dict_type": "expect.mapping",
    "model_type": "expect.mapping",
    "model_attributes_type": "expect.mapping",
    "datetime_type": "expect.datetime",
    "date_type": "expect.date",
}
"""pydantic's `*_type` errors: what the key expects, in words (CD204)."""
_LIMITS = {
    "less_than_equal": "le",
    "less_than": "lt",
    "greater_than_equal": "ge",
    "greater_than": "gt",
    "too_short": "min_length",
    "too_long": "max_length",
    "string_too_short": "min_length",
    "string_too_long": "max_length",
}
"""pydantic's limit errors and the context key holding the limit (CD200)."""
_PARSING = {
    "int_parsing": "pyd.int_parsing",
    "int_from_float": "pyd.int_parsing",
    "float_parsing": "pyd.float_parsing",
    "bool_parsing": "pyd.bool_parsing",
    "datetime_parsing": "pyd.datetime",
    "datetime_from_date_parsing": "pyd.datetime",
    "date_parsing": "pyd.date",
    "date_from_datetime_parsing": "pyd.date",
    "date_from_datetime_inexact": "pyd.date",
    "union_tag_not_found": "pyd.union_tag_not_found",
}
"""pydantic's errors about a value that could not be read as its type (CD200)."""


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


def _branch_words(tag: str) -> Value:
    kind = _branch_kind(tag)
    if kind == "list":
        return phrase("shape.list")
    if kind == "mapping":
        model = _model_named(tag)
        fields = ", ".join(_fields([model])) if model is not None else ""
        return phrase("shape.mapping_of", fields=fields) if fields else phrase("shape.mapping")
    return phrase("shape.text") if "str" in tag else tag


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
    outdented = _outdented(walks, root)
    groups: dict[Loc, list[tuple[ErrorDetails, _Walk]]] = {}
    for err, walk in walks:
        if walk.union_at is not None:
            groups.setdefault(walk.yaml_loc[: walk.union_at], []).append((err, walk))
    found: list[Diagnostic] = []
    for err, walk in walks:
        if err["type"] == "missing" and walk.yaml_loc in outdented:
            continue  # the key is there, one level too high: CD209 says so at the key
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
    expected = Either(tuple(_branch_words(tag) for tag in branches))
    line, col = unit_position(node)
    what = said("CD204.union", where=_where(loc), expected=expected, found=found_words(node))
    return [Diagnostic(display, line, col, what)]


def _diagnostic(err: ErrorDetails, walk: _Walk, root: yaml.Node | None, display: str) -> Diagnostic:
    """One pydantic error as a positioned diagnostic."""
    kind, loc = err["type"], walk.yaml_loc
    if kind == "extra_forbidden":
        return _unknown_key(loc, walk, root, display)
    if kind == "missing":
        line, col = unit_position(follow(root, loc[:-1]).node)
        description = _fields(walk.parents).get(str(loc[-1]), "")
        where, key = _where(loc[:-1]), str(loc[-1])
        what = (
            said("CD201", where=where, key=key, description=description)
            if description
            else said("CD201.bare", where=where, key=key)
        )
        return Diagnostic(display, line, col, what)
    outdent = _outdent_of(walk, root) if kind in _EXPECTED else None
    if outdent is not None:
        line, col = unit_position(follow(root, loc, at_key=True).node)
        return Diagnostic(display, line, col, outdent)
    error = err.get("ctx", {}).get("error")
    if isinstance(error, SpecValueError):
        owner = str(loc[-1]) if loc else ""
        line, col = unit_position(follow(root, (*loc, *error.at)).node)
        what = said(error.key, where=_where(loc), owner=owner, **error.fields)
        return Diagnostic(display, line, col, what)
    if kind == "union_tag_invalid":
        loc = (*loc, "kind")
    found = follow(root, loc)
    line, col = unit_position(found.node)
    return Diagnostic(display, line, col, _describe(err, loc, found.node if found.exact else None))


def _describe(err: ErrorDetails, loc: Loc, node: yaml.Node | None) -> Said:
    """What a value error says."""
    kind, ctx, where = err["type"], err.get("ctx", {}), _where(loc)
    trap = trap_key(node)
    if kind == "string_type" and trap and isinstance(node, yaml.ScalarNode):
        return said("CD203", where=where, value=node.value, trap=phrase(trap))
    if kind in ("literal_error", "enum", "union_tag_invalid"):
        expected = _quoted_words(str(ctx.get("expected", ctx.get("expected_tags", ""))))
        value = str(ctx.get("tag", err["input"]))
        suggestion = did_you_mean(value, expected) or phrase("one_of", options=", ".join(expected))
        return said("CD205", where=where, value=value, suggestion=suggestion)
    if kind == "string_pattern_mismatch":
        return said(_PATTERNS.get(str(ctx.get("pattern")), "CD206"), where=where, value=_shown(err))
    if kind in ("value_error", "assertion_error"):
        return said("CD207", where=where, problem=err["msg"].removeprefix("Value error, "))
    if kind in _EXPECTED:
        return said("CD204", where=where, expected=phrase(_EXPECTED[kind]), found=found_words(node))
    if kind == "recursion_loop":
        return said("CD115.deep")
    return said("CD200", where=where, problem=_problem(err))


def _problem(err: ErrorDetails) -> Text:
    """A limit or parsing error in our words; any other type is named, never quoted in English."""
    kind, ctx = err["type"], err.get("ctx", {})
    if kind in _LIMITS:
        limit = ctx.get(_LIMITS[kind], "")
        return phrase(f"pyd.{kind}", value=_shown(err), limit=str(limit))
    if kind in _PARSING:
        return phrase(
            _PARSING[kind], value=_shown(err), discriminator=str(ctx.get("discriminator", ""))
        )
    return phrase("pyd.other", type=kind, detail=err["msg"])


def _shown(err: ErrorDetails) -> str:
    """The offending input as written, cut short (it is quoted in the message)."""
    value = err["input"]
    text = value if isinstance(value, str) else repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _quoted_words(text: str) -> list[str]:
    """The words inside single quotes of pydantic's `expected` context (`'a', 'b' or 'c'`)."""
    return text.split("'")[1::2]


def _outdented(walks: list[tuple[ErrorDetails, _Walk]], root: yaml.Node | None) -> set[Loc]:
    """Locations of `missing` errors explained by the same key written one level too high."""
    explained: set[Loc] = set()
    for err, walk in walks:
        if err["type"] in _EXPECTED and _outdent_of(walk, root) is not None:
            previous = _previous_key(follow(root, walk.yaml_loc[:-1]).node, str(walk.yaml_loc[-1]))
            if previous is not None:
                explained.add((*walk.yaml_loc[:-1], previous, walk.yaml_loc[-1]))
    return explained


def _outdent_of(walk: _Walk, root: yaml.Node | None) -> Said | None:
    """CD209 when a key of an entry (a node's `choices`) sits among the entry ids (`nodes:`)."""
    loc = walk.yaml_loc
    if not loc or not isinstance(loc[-1], str):
        return None
    key = loc[-1]
    for parent in walk.parents:
        args = get_args(parent) if get_origin(parent) is dict else ()
        value = _members(args[1]) if args else []
        model = value[0] if len(value) == 1 and _is_model(value[0]) else None
        if model is None or key not in model.model_fields:
            continue
        name = f"entry.{model.__name__}"
        entry = phrase(name if name in _ENTRY_WORDS else "entry.other")
        previous = _previous_key(follow(root, loc[:-1]).node, key)
        where = _where(loc[:-1])
        if previous is None:
            return said("CD209.first", where=where, key=key, entry=entry)
        return said("CD209", where=where, key=key, entry=entry, previous=previous)
    return None


_ENTRY_WORDS = {"entry.NodeSpec", "entry.EndingSpec", "entry.TagSpec"}


def _previous_key(mapping: yaml.Node | None, key: str) -> str | None:
    """The key written just before `key` in a mapping node (the entry it was meant to be under)."""
    if not isinstance(mapping, yaml.MappingNode):
        return None
    previous: str | None = None
    for key_node, _ in mapping.value:
        if isinstance(key_node, yaml.ScalarNode):
            if key_node.value == key:
                return previous
            previous = key_node.value
    return None


def _unknown_key(loc: Loc, walk: _Walk, root: yaml.Node | None, display: str) -> Diagnostic:
    """An extra_forbidden error: point at the key, suggest the field meant or the split comma."""
    key, parent = str(loc[-1]), follow(root, loc[:-1]).node
    line, col = unit_position(follow(root, loc, at_key=True).node)
    fields = _fields(walk.parents)
    value = follow(root, loc).node
    split = not key.isascii() or " " in key.strip()
    split = split or (is_flow_mapping(parent) and trap_key(value) == "trap.null")
    suggestion: Text
    if split:
        suggestion = phrase("split_comma")
    else:
        suggestion = did_you_mean(key, fields) or phrase("allowed_keys", keys=", ".join(fields))
    what = said("CD202", where=_where(loc[:-1]), key=key, suggestion=suggestion)
    return Diagnostic(display, line, col, what)


def _where(loc: Sequence[int | str]) -> Value:
    """A location as `nodes.opening.choices.1`, or the words for the top level."""
    return ".".join(str(part) for part in loc if part != "[key]") or phrase("top_level")
