"""Checks of what a scenario's score stands on: the model answer, the objective and the pass rules.

- CD310 a node without a model answer (`best: true`), CD311 a node with more than one;
- CD312 no ending marked `meets_objective: true`;
- CD313 pass rules looser than the rule pack's (`max_major` above the pack's);
- CD314 a `red_lines` entry that is not a rule of the scenario's pack;
- CD503 (warning) the model answer is the longest line at most decision points: a trainee who
  always picks the longest line would pass without reading.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from simulator.spec.diagnostics import did_you_mean
from simulator.spec.rulepack import RulePackSpec
from simulator.spec.scenario import ScenarioSpec

if TYPE_CHECKING:
    from simulator.spec.library import Library
    from simulator.spec.references import Issue

LONGEST_SHARE = 0.5
"""CD503 fires when the model answer is the strictly longest choice at more than this share of nodes."""
LONGEST_MIN_NODES = 3
"""... counted over nodes with at least two choices, in scenarios with at least this many of them."""


def scoring_issues(library: Library, scenario: ScenarioSpec, path: Path) -> Iterator[Issue]:
    """Every problem of the model answer, the objective and the pass rules of one scenario."""
    from simulator.spec.references import Issue

    yield from _model_answer_issues(scenario, path)
    if not any(e.meets_objective for e in scenario.endings.values()):
        yield Issue(
            path,
            ("endings",),
            "CD312",
            "no ending meets the objective: every call would fail",
            "mark the endings that achieve the objective with `meets_objective: true`",
            at_key=True,
        )
    pack = library.rulepacks.get(library.pack_id(scenario))
    if pack is not None:
        yield from _pass_rule_issues(scenario, pack, path)
    yield from _longest_clue(scenario, path)


def _model_answer_issues(scenario: ScenarioSpec, path: Path) -> Iterator[Issue]:
    """CD310/CD311: exactly one `best: true` per node."""
    from simulator.spec.references import Issue

    for node_id, node in scenario.nodes.items():
        marked = [i for i, c in enumerate(node.choices) if c.best]
        if not marked:
            yield Issue(
                path,
                ("nodes", node_id, "choices"),
                "CD310",
                f"node {node_id!r} has no model answer",
                "mark the choice a skilled agent would say here with `best: true` (scores are anchored on it)",
                at_key=True,
            )
        for index in marked[1:]:
            yield Issue(
                path,
                ("nodes", node_id, "choices", index, "best"),
                "CD311",
                f"node {node_id!r} has more than one `best: true` choice",
                "keep `best: true` on one choice: the model answer is a single line",
            )


def _pass_rule_issues(scenario: ScenarioSpec, pack: RulePackSpec, path: Path) -> Iterator[Issue]:
    """CD313/CD314: a scenario's pass rules may be stricter than its pack's, never looser."""
    from simulator.spec.references import Issue

    own = scenario.scoring.max_major
    if own is not None and own > pack.max_major:
        yield Issue(
            path,
            ("scoring", "max_major"),
            "CD313",
            f"max_major {own} is looser than the {pack.id!r} pack's {pack.max_major}",
            f"a scenario may be stricter than its pack, never looser: use at most {pack.max_major}",
        )
    rules = {r.id for r in pack.rules}
    for index, rule in enumerate(scenario.scoring.red_lines):
        if rule not in rules:
            hint = did_you_mean(rule, rules) or f"rules of {pack.id!r}: {', '.join(sorted(rules))}"
            yield Issue(
                path,
                ("scoring", "red_lines", index),
                "CD314",
                f"red line {rule!r} is not a rule of pack {pack.id!r}",
                hint,
            )


def _longest_clue(scenario: ScenarioSpec, path: Path) -> Iterator[Issue]:
    decisions = [n for n in scenario.nodes.values() if len(n.choices) >= 2]
    longest = 0
    for node in decisions:
        best = node.model_answer
        if best is None:
            continue
        others = [len(c.say) for c in node.choices if c is not best]
        if len(best.say) > max(others):
            longest += 1
    if len(decisions) >= LONGEST_MIN_NODES and longest > LONGEST_SHARE * len(decisions):
        from simulator.spec.references import Issue

        yield Issue(
            path,
            ("nodes",),
            "CD503",
            f"the model answer is the longest line at {longest} of {len(decisions)} decision points",
            "a trainee who always picks the longest line would pass: make some wrong lines longer "
            "(a long-winded or over-explaining mistake) and some model answers short",
            "warning",
            at_key=True,
        )
