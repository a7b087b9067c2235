"""The second pass: references across files, conditions, and content warnings, on a loaded Library."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml
from pydantic import BaseModel

from simulator.spec.condition import ConditionError, parse_condition
from simulator.spec.diagnostics import Diagnostic, Level, did_you_mean
from simulator.spec.persona import PersonaSpec
from simulator.spec.positions import Loc, compose, follow, unit_position, value_column
from simulator.spec.rubric import RubricSpec
from simulator.spec.scenario import ChoiceSpec, DebtorLine, DebtorLineSpec, ScenarioSpec
from simulator.spec.scoring_checks import scoring_issues

if TYPE_CHECKING:
    from simulator.spec.library import Library

ENGINE_TAGS = frozenset({"dead_air"})
"""Tags the engine adds; authoring them is an error (CD309)."""
CONDITION_HINT = "e.g. `patience <= 3 and not dispute_raised`"


def check_references(library: Library) -> list[Diagnostic]:
    """Every cross-file, condition and content problem of a loaded library, positioned."""
    issues: list[Issue] = []
    for scenario in library.scenarios.values():
        issues.extend(_scenario_issues(library, scenario))
    for persona in library.personas.values():
        issues.extend(_persona_issues(library, persona))
    for pack_id, pack in library.rulepacks.items():
        issues.extend(_pack_issues(library, pack_id, pack.rules))
    return resolve(issues)


# --- findings and their positions-------------------------------------------------------------------


@dataclass(frozen=True)
class Issue:
    """A finding of the second pass, positioned later (files are composed only when needed)."""

    path: Path
    loc: Loc
    code: str
    message: str
    hint: str = ""
    level: Level = "error"
    at_key: bool = False
    offset: int = 0
    """A 1-based column inside the scalar at `loc` (condition errors); 0 points at the node."""


def resolve(issues: Sequence[Issue]) -> list[Diagnostic]:
    """Position issues: each file involved is read and composed once."""
    roots: dict[Path, yaml.Node | None] = {}
    found: list[Diagnostic] = []
    for issue in issues:
        if issue.path not in roots:
            roots[issue.path] = _compose_file(issue.path)
        located = follow(roots[issue.path], issue.loc, issue.at_key)
        if issue.offset and located.exact:
            line, col = value_column(located.node, issue.offset)
        else:
            line, col = unit_position(located.node)
        found.append(
            Diagnostic(
                issue.code, str(issue.path), line, col, issue.message, issue.hint, issue.level
            )
        )
    return found


def _compose_file(path: Path) -> yaml.Node | None:
    try:
        return compose(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        return None


# --- scenarios -----------------------------------------------------------------------------


def _scenario_issues(library: Library, scenario: ScenarioSpec) -> Iterator[Issue]:
    path = library.path_of("scenario", scenario.id)
    persona = library.personas.get(scenario.persona)
    rubric = library.rubrics.get(scenario.rubric)
    yield from _scenario_refs(library, scenario, path, persona)
    targets = set(scenario.nodes) | set(scenario.endings)
    if scenario.start not in scenario.nodes:
        hint = did_you_mean(scenario.start, scenario.nodes) or f"nodes: {', '.join(scenario.nodes)}"
        yield Issue(path, ("start",), "CD301", f"start {scenario.start!r} is not a node", hint)
    names = _scenario_names(scenario, persona)
    for node_id, node in scenario.nodes.items():
        base: Loc = ("nodes", node_id)
        yield from _line_conditions(path, (*base, "debtor"), node.debtor, names)
        for index, choice in enumerate(node.choices):
            loc = (*base, "choices", index)
            yield from _choice_issues(path, loc, choice, targets, names, rubric)
        yield from _feedback_warnings(path, base, node.choices)
    for ending_id, ending in scenario.endings.items():
        yield from _line_conditions(path, ("endings", ending_id, "debtor"), ending.debtor, names)
    yield from text_warnings(path, scenario)
    yield from scoring_issues(library, scenario, path)


def _scenario_refs(
    library: Library, scenario: ScenarioSpec, path: Path, persona: PersonaSpec | None
) -> Iterator[Issue]:
    if persona is None:
        hint = did_you_mean(scenario.persona, library.personas) or "add personas/<id>.persona.yaml"
        yield Issue(path, ("persona",), "CD300", f"unknown persona {scenario.persona!r}", hint)
    else:
        if persona.locale != scenario.locale:
            message = (
                f"persona {persona.id!r} speaks {persona.locale}, the scenario is {scenario.locale}"
            )
            yield Issue(path, ("locale",), "CD308", message, "use a persona of the same locale")
        for index, threshold in enumerate(persona.thresholds):
            if threshold.goto is not None and threshold.goto not in scenario.endings:
                message = f"persona {persona.id!r} threshold {index + 1} ({threshold.when}) goes to {threshold.goto!r}, which is not an ending here"
                yield Issue(
                    path,
                    ("endings",),
                    "CD303",
                    message,
                    f"add an ending {threshold.goto!r}",
                    at_key=True,
                )
    if scenario.rubric not in library.rubrics:
        hint = (
            did_you_mean(scenario.rubric, library.rubrics)
            or f"rubrics: {', '.join(library.rubrics) or 'none loaded'}"
        )
        yield Issue(path, ("rubric",), "CD305", f"unknown rubric {scenario.rubric!r}", hint)
    pack = library.pack_id(scenario)
    if pack not in library.rulepacks:
        hint = (
            did_you_mean(pack, library.rulepacks)
            or f"rule packs: {', '.join(library.rulepacks) or 'none loaded'}"
        )
        yield Issue(path, ("rules",), "CD305", f"unknown rule pack {pack!r}", hint)


def _choice_issues(
    path: Path,
    loc: Loc,
    choice: ChoiceSpec,
    targets: set[str],
    names: frozenset[str] | None,
    rubric: RubricSpec | None,
) -> Iterator[Issue]:
    yield from _tag_issues(path, (*loc, "tags"), choice.tags, rubric.tags if rubric else None)
    if choice.when is not None:
        yield from condition_issues(path, (*loc, "when"), choice.when, names)
    branches = (
        [(choice.next, (*loc, "next"))]
        if isinstance(choice.next, str)
        else [(branch.to, (*loc, "next", i, "to")) for i, branch in enumerate(choice.next)]
    )
    for target, target_loc in branches:
        if target not in targets:
            hint = did_you_mean(target, targets) or "name a node or an ending"
            yield Issue(path, target_loc, "CD302", f"{target!r} is not a node or an ending", hint)
    if not isinstance(choice.next, str):
        for i, branch in enumerate(choice.next):
            if branch.when is not None:
                yield from condition_issues(path, (*loc, "next", i, "when"), branch.when, names)


def _tag_issues(
    path: Path, loc: Loc, tags: list[str], vocabulary: object | None, at_key: bool = False
) -> Iterator[Issue]:
    for index, tag in enumerate(tags):
        tag_loc = (*loc, tag) if at_key else (*loc, index)
        if tag in ENGINE_TAGS:
            yield Issue(
                path,
                tag_loc,
                "CD309",
                f"tag {tag!r} is added by the engine for silence",
                "remove it; silence is not a choice",
                at_key=at_key,
            )
        elif isinstance(vocabulary, dict) and tag not in vocabulary:
            hint = did_you_mean(tag, vocabulary) or "see the rubric for the tag vocabulary"
            yield Issue(path, tag_loc, "CD304", f"unknown tag {tag!r}", hint, at_key=at_key)


def _feedback_warnings(path: Path, base: Loc, choices: list[ChoiceSpec]) -> Iterator[Issue]:
    """A choice that is not the model answer at its node should say why (CD501)."""
    if not any(c.best for c in choices):
        return
    for index, choice in enumerate(choices):
        if not choice.best and choice.feedback is None:
            message = f"choice {choice.id!r} is not the best here and has no feedback"
            hint = (
                "add `feedback:` saying why and what would be better (cite the rule or behaviour)"
            )
            yield Issue(path, (*base, "choices", index, "id"), "CD501", message, hint, "warning")


# --- conditions ----------------------------------------------------------------------------


def _scenario_names(scenario: ScenarioSpec, persona: PersonaSpec | None) -> frozenset[str] | None:
    """Names a scenario's conditions may read: persona mood, flags set anywhere, `verified`.

    None (check syntax only) when the persona is missing: its mood is unknown.
    """
    if persona is None:
        return None
    names = {"verified", *scenario_flags(scenario), *persona.mood}
    names.update(flag for t in persona.thresholds for flag in t.set)
    return frozenset(names)


def scenario_flags(scenario: ScenarioSpec) -> set[str]:
    """Every flag a scenario's nodes and choices set."""
    flags: set[str] = set()
    for node in scenario.nodes.values():
        flags.update(node.set)
        for choice in node.choices:
            flags.update(choice.set)
    return flags


def _line_conditions(
    path: Path, loc: Loc, line: DebtorLine | None, names: frozenset[str] | None
) -> Iterator[Issue]:
    if isinstance(line, DebtorLineSpec):
        for index, variant in enumerate(line.variants):
            yield from condition_issues(
                path, (*loc, "variants", index, "when"), variant.when, names
            )


@cache
def _parsed(text: str) -> tuple[frozenset[str], str, int]:
    """Names read by a condition, or the parse error message and its column."""
    try:
        return parse_condition(text).names, "", 0
    except ConditionError as exc:
        return frozenset(), exc.message, exc.column


def condition_issues(
    path: Path, loc: Loc, text: str, names: frozenset[str] | None
) -> Iterator[Issue]:
    """CD400 for a condition that does not parse, CD401 for each unknown name it reads."""
    used, error, column = _parsed(text)
    if error:
        yield Issue(
            path, loc, "CD400", f"condition {text!r}: {error}", CONDITION_HINT, offset=column
        )
        return
    if names is None:
        return
    for name in sorted(used - names):
        column = _name_column(text, name)
        hint = did_you_mean(name, names) or f"known names: {', '.join(sorted(names))}"
        message = f"condition {text!r}: unknown name {name!r} (not a mood variable, a flag set anywhere, or verified)"
        yield Issue(path, loc, "CD401", message, hint, offset=column)


def _name_column(text: str, name: str) -> int:
    for token_start in range(len(text)):
        end = token_start + len(name)
        if (
            text[token_start:end] == name
            and not _word(text, token_start - 1)
            and not _word(text, end)
        ):
            return token_start + 1
    return 1


def _word(text: str, index: int) -> bool:
    return 0 <= index < len(text) and (text[index].isalnum() or text[index] == "_")


# --- personas and rule packs ---------------------------------------------------------------


def _persona_issues(library: Library, persona: PersonaSpec) -> Iterator[Issue]:
    path = library.path_of("persona", persona.id)
    vocabulary = {tag: None for rubric in library.rubrics.values() for tag in rubric.tags}
    yield from _tag_issues(
        path, ("reactions",), list(persona.reactions), vocabulary or None, at_key=True
    )
    names = {"verified", *persona.mood, *(f for t in persona.thresholds for f in t.set)}
    for scenario in library.scenarios.values():
        if scenario.persona == persona.id:
            names.update(scenario_flags(scenario))
    for index, threshold in enumerate(persona.thresholds):
        yield from condition_issues(
            path, ("thresholds", index, "when"), threshold.when, frozenset(names)
        )
    yield from text_warnings(path, persona)


def _pack_issues(library: Library, pack_id: str, rules: Sequence[object]) -> Iterator[Issue]:
    path = library.path_of("rules", pack_id)
    vocabulary = {tag: None for rubric in library.rubrics.values() for tag in rubric.tags}
    seen: dict[str, int] = {}
    for index, rule in enumerate(rules):
        rule_id = str(getattr(rule, "id", ""))
        if rule_id in seen:
            message = f"rule id {rule_id!r} is used twice (first at rule {seen[rule_id] + 1})"
            yield Issue(path, ("rules", index, "id"), "CD307", message, "rule ids must be unique")
        seen.setdefault(rule_id, index)
        for tag_index, entry in enumerate(getattr(rule, "tags", [])):
            loc: Loc = ("rules", index, "tags", tag_index)
            group = entry if isinstance(entry, list) else [entry]
            inner = loc if isinstance(entry, list) else loc[:-1]
            offset = 0 if isinstance(entry, list) else tag_index
            for issue in _tag_issues(path, inner, group, vocabulary or None):
                yield issue if offset == 0 else _shift(issue, offset)


def _shift(issue: Issue, index: int) -> Issue:
    """Re-point a tag issue of a one-tag group at position `index` of a flat tag list."""
    return Issue(
        issue.path, (*issue.loc[:-1], index), issue.code, issue.message, issue.hint, issue.level
    )


# --- content warnings ----------------------------------------------------------------------

WIDE_OK = ""
"""Ambiguous-width characters tolerated in content: none (terminals set to "ambiguous = wide",
common in CJK locales, would draw them two cells wide and break the layout)."""
_REPLACEMENTS = {
    "…": "write 。 instead of …",
    "“": "use 「 」 for quotes",
    "”": "use 「 」 for quotes",
    "‘": "use 『 』 for inner quotes",
    "’": "use 『 』 for inner quotes, or ' in English",
    "—": "use ，or ：instead of a dash",
    "·": "use 、 instead of the middle dot",
}
_EMOJI = "\U0001f000-\U0001faff\u2600-\u27bf\ufe0f\u200d"


@cache
def _ambiguous() -> re.Pattern[str]:
    """Characters whose width differs between terminals: East Asian width A, and emoji."""
    chars = [
        chr(code)
        for code in range(0x80, 0x10000)
        if unicodedata.east_asian_width(chr(code)) == "A"
        and chr(code) not in WIDE_OK
        and not 0xE000 <= code <= 0xF8FF
        and not 0xFE00 <= code <= 0xFE0F
    ]
    return re.compile("[" + re.escape("".join(chars)) + _EMOJI + "]")


def text_warnings(path: Path, model: BaseModel) -> Iterator[Issue]:
    """CD500 for each text holding a character of ambiguous width (… “ ” — · ① ○ ★ ※, emoji)."""
    pattern = _ambiguous()
    for loc, text in _texts(model, ()):
        match = pattern.search(text)
        if match is not None:
            char = match.group()
            message = (
                f"ambiguous-width character {char!r} (U+{ord(char):04X}) may misalign in terminals"
            )
            hint = _REPLACEMENTS.get(char, "use full-width punctuation: 。 ， ； ： 「 」")
            yield Issue(path, loc, "CD500", message, hint, "warning", offset=match.start() + 1)


def _texts(value: Any, loc: Loc) -> Iterator[tuple[Loc, str]]:
    if isinstance(value, str):
        yield loc, value
    elif isinstance(value, BaseModel):
        for name, item in value.__dict__.items():
            if item is not None and not isinstance(item, (bool, int, float)):
                yield from _texts(item, (*loc, name))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _texts(item, (*loc, index))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _texts(item, (*loc, key))
