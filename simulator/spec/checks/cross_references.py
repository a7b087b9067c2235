"""The second pass: references across files, conditions, and content warnings, on a loaded Library."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from simulator.spec.checks.issues import Issue, resolve
from simulator.spec.checks.scoring import scoring_issues
from simulator.spec.checks.typography import control_errors, folded_warnings, text_warnings
from simulator.spec.diagnostics import Diagnostic
from simulator.spec.loading.yaml_positions import Loc
from simulator.spec.messages import PHRASES, did_you_mean, phrase, said
from simulator.spec.models.condition import ConditionError, parse_condition
from simulator.spec.models.persona import PersonaSpec
from simulator.spec.models.scenario import ChoiceSpec, DebtorLine, DebtorLineSpec, ScenarioSpec
from simulator.wording import Listed, Text

if TYPE_CHECKING:
    from simulator.spec.library import Library

__all__ = ["ENGINE_TAGS", "Issue", "check_references", "condition_issues", "resolve"]

ENGINE_TAGS = frozenset({"dead_air"})
"""Tags the engine adds; authoring them is an error (CD309)."""
CORE_MOODS = ("patience", "trust")
"""Mood variables every persona defines (the persona format requires them)."""
Vocabulary = Mapping[str, str]
"""Behaviour tags and the kind each belongs to (`acknowledge_feelings` -> `empathy`)."""


def check_references(library: Library) -> list[Diagnostic]:
    """Every cross-file, condition and content problem of a loaded library, positioned."""
    issues: list[Issue] = []
    for scenario in library.scenarios.values():
        issues.extend(_scenario_issues(library, scenario))
    for persona in library.personas.values():
        issues.extend(_persona_issues(library, persona))
    for pack_id, pack in library.rulepacks.items():
        issues.extend(_pack_issues(library, pack_id, pack.rules))
    for path in dict.fromkeys(library.paths.values()):
        issues.extend(folded_warnings(path))
    return resolve(issues)


# --- scenarios -----------------------------------------------------------------------------


def _scenario_issues(library: Library, scenario: ScenarioSpec) -> Iterator[Issue]:
    path = library.path_of("scenario", scenario.id)
    persona = library.personas.get(scenario.persona)
    rubric = library.rubrics.get(scenario.rubric)
    vocabulary = {tag: spec.kind for tag, spec in rubric.tags.items()} if rubric else None
    yield from _scenario_refs(library, scenario, path, persona)
    targets = set(scenario.nodes) | set(scenario.endings)
    if scenario.start not in scenario.nodes:
        suggestion = did_you_mean(scenario.start, scenario.nodes) or phrase(
            "known_nodes", ids=", ".join(scenario.nodes)
        )
        yield Issue(path, ("start",), said("CD301", start=scenario.start, suggestion=suggestion))
    names = _scenario_names(library, scenario, persona)
    for node_id, node in scenario.nodes.items():
        base: Loc = ("nodes", node_id)
        yield from _line_conditions(path, (*base, "debtor"), node.debtor, names)
        for index, choice in enumerate(node.choices):
            loc = (*base, "choices", index)
            yield from _choice_issues(path, loc, choice, targets, names, vocabulary)
        yield from _feedback_warnings(path, base, node.choices)
    for ending_id, ending in scenario.endings.items():
        yield from _line_conditions(path, ("endings", ending_id, "debtor"), ending.debtor, names)
    yield from text_warnings(path, scenario)
    yield from control_errors(path, scenario)
    yield from scoring_issues(library, scenario, path)


def _scenario_refs(
    library: Library, scenario: ScenarioSpec, path: Path, persona: PersonaSpec | None
) -> Iterator[Issue]:
    if persona is None:
        suggestion = did_you_mean(scenario.persona, library.personas) or phrase("add_persona")
        yield Issue(
            path, ("persona",), said("CD300", persona=scenario.persona, suggestion=suggestion)
        )
    else:
        if persona.locale != scenario.locale:
            what = said(
                "CD308", persona=persona.id, persona_locale=persona.locale, locale=scenario.locale
            )
            yield Issue(path, ("locale",), what)
        for index, threshold in enumerate(persona.thresholds):
            if threshold.goto is not None and threshold.goto not in scenario.endings:
                what = said(
                    "CD303",
                    persona=persona.id,
                    number=index + 1,
                    when=threshold.when,
                    goto=threshold.goto,
                )
                yield Issue(path, ("endings",), what, at_key=True)
    if scenario.rubric not in library.rubrics:
        suggestion = did_you_mean(scenario.rubric, library.rubrics) or phrase(
            "known_rubrics", ids=_ids(library.rubrics)
        )
        yield Issue(
            path, ("rubric",), said("CD305.rubric", rubric=scenario.rubric, suggestion=suggestion)
        )
    pack = library.pack_id(scenario)
    if pack not in library.rulepacks:
        suggestion = did_you_mean(pack, library.rulepacks) or phrase(
            "known_packs", ids=_ids(library.rulepacks)
        )
        yield Issue(path, ("rules",), said("CD305.pack", pack=pack, suggestion=suggestion))


def _ids(items: Mapping[str, object]) -> str | Text:
    return ", ".join(items) or phrase("none_loaded")


def _choice_issues(
    path: Path,
    loc: Loc,
    choice: ChoiceSpec,
    targets: set[str],
    names: frozenset[str],
    vocabulary: Vocabulary | None,
) -> Iterator[Issue]:
    yield from _tag_issues(path, (*loc, "tags"), choice.tags, vocabulary)
    if choice.when is not None:
        yield from condition_issues(path, (*loc, "when"), choice.when, names)
    branches = (
        [(choice.next, (*loc, "next"))]
        if isinstance(choice.next, str)
        else [(branch.to, (*loc, "next", i, "to")) for i, branch in enumerate(choice.next)]
    )
    for target, target_loc in branches:
        if target not in targets:
            suggestion = did_you_mean(target, targets) or phrase("name_target")
            yield Issue(path, target_loc, said("CD302", target=target, suggestion=suggestion))
    if not isinstance(choice.next, str):
        for i, branch in enumerate(choice.next):
            if branch.when is not None:
                yield from condition_issues(path, (*loc, "next", i, "when"), branch.when, names)


def _tag_issues(
    path: Path,
    loc: Loc,
    tags: Sequence[str],
    vocabulary: Vocabulary | None,
    at_key: bool = False,
) -> Iterator[Issue]:
    for index, tag in enumerate(tags):
        tag_loc = (*loc, tag) if at_key else (*loc, index)
        if tag in ENGINE_TAGS:
            yield Issue(path, tag_loc, said("CD309", tag=tag), at_key=at_key)
        elif vocabulary is not None and tag not in vocabulary:
            suggestion = did_you_mean(tag, vocabulary) or _kinds_hint(vocabulary)
            yield Issue(path, tag_loc, said("CD304", tag=tag, suggestion=suggestion), at_key=at_key)


def _kinds_hint(vocabulary: Vocabulary) -> Text:
    """No tag is close: the kinds of the vocabulary, to pick a tag from (the rubric's `kind`)."""
    kinds = list(dict.fromkeys(vocabulary.values()))
    if not kinds:
        return phrase("no_vocabulary")
    words = tuple(phrase(f"tagkind.{k}") if f"tagkind.{k}" in PHRASES else k for k in kinds)
    return phrase("tag_kinds", kinds=Listed(words))


def _feedback_warnings(path: Path, base: Loc, choices: list[ChoiceSpec]) -> Iterator[Issue]:
    """A choice that is not the model answer at its node should say why (CD501)."""
    if not any(c.best for c in choices):
        return
    for index, choice in enumerate(choices):
        if not choice.best and choice.feedback is None:
            yield Issue(path, (*base, "choices", index, "id"), said("CD501", choice=choice.id))


# --- conditions ----------------------------------------------------------------------------


def _scenario_names(
    library: Library, scenario: ScenarioSpec, persona: PersonaSpec | None
) -> frozenset[str]:
    """Names a scenario's conditions may read: persona mood, flags set anywhere, `verified`.

    When the persona is missing (CD300), its mood is unknown: the names of every persona of the
    library stand in for it, so a typo in a condition is still reported.
    """
    names = {"verified", *scenario_flags(scenario)}
    stand_ins = [persona] if persona is not None else list(library.personas.values())
    if persona is None:
        names.update(CORE_MOODS)
    for each in stand_ins:
        names.update(each.mood)
        names.update(flag for t in each.thresholds for flag in t.set)
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
    path: Path, loc: Loc, line: DebtorLine | None, names: frozenset[str]
) -> Iterator[Issue]:
    if isinstance(line, DebtorLineSpec):
        for index, variant in enumerate(line.variants):
            yield from condition_issues(
                path, (*loc, "variants", index, "when"), variant.when, names
            )


@cache
def _parsed(text: str) -> tuple[frozenset[str], Text | None, int]:
    """Names read by a condition, or what is wrong with it and its column."""
    try:
        return parse_condition(text).names, None, 0
    except ConditionError as exc:
        return frozenset(), exc.problem, exc.column


def condition_issues(
    path: Path, loc: Loc, text: str, names: frozenset[str] | None
) -> Iterator[Issue]:
    """CD400 for a condition that does not parse, CD401 for each unknown name it reads."""
    used, problem, column = _parsed(text)
    if problem is not None:
        yield Issue(path, loc, said("CD400", condition=text, problem=problem), offset=column)
        return
    if names is None:
        return
    for name in sorted(used - names):
        column = _name_column(text, name)
        suggestion = did_you_mean(name, names) or phrase(
            "known_names", names=", ".join(sorted(names))
        )
        what = said("CD401", condition=text, name=name, suggestion=suggestion)
        yield Issue(path, loc, what, offset=column)


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


def _all_tags(library: Library) -> Vocabulary | None:
    """Every rubric's tags with their kinds, or None when no rubric is loaded."""
    tags = {t: s.kind for rubric in library.rubrics.values() for t, s in rubric.tags.items()}
    return tags or None


def _persona_issues(library: Library, persona: PersonaSpec) -> Iterator[Issue]:
    path = library.path_of("persona", persona.id)
    yield from _tag_issues(
        path, ("reactions",), list(persona.reactions), _all_tags(library), at_key=True
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
    yield from control_errors(path, persona)


def _pack_issues(library: Library, pack_id: str, rules: Sequence[object]) -> Iterator[Issue]:
    path = library.path_of("rules", pack_id)
    vocabulary = _all_tags(library)
    seen: dict[str, int] = {}
    for index, rule in enumerate(rules):
        rule_id = str(getattr(rule, "id", ""))
        if rule_id in seen:
            what = said("CD307", rule=rule_id, first=seen[rule_id] + 1)
            yield Issue(path, ("rules", index, "id"), what)
        seen.setdefault(rule_id, index)
        for tag_index, entry in enumerate(getattr(rule, "tags", [])):
            loc: Loc = ("rules", index, "tags", tag_index)
            group = entry if isinstance(entry, list) else [entry]
            inner = loc if isinstance(entry, list) else loc[:-1]
            offset = 0 if isinstance(entry, list) else tag_index
            for issue in _tag_issues(path, inner, group, vocabulary):
                yield issue if offset == 0 else _shift(issue, offset)


def _shift(issue: Issue, index: int) -> Issue:
    """Re-point a tag issue of a one-tag group at position `index` of a flat tag list."""
    return Issue(issue.path, (*issue.loc[:-1], index), issue.said)
