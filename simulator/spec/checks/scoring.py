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

from simulator.spec.checks.issues import Issue
from simulator.spec.messages import did_you_mean, phrase, said
from simulator.spec.models.scenario import ScenarioSpec

if TYPE_CHECKING:
    from simulator.spec.library import Library

LONGEST_SHARE = 0.5
"""CD503 fires when the model answer is the strictly longest choice at more than this share of nodes."""
LONGEST_MIN_NODES = 3
"""... counted over nodes with at least two choices, in scenarios with at least this many of them."""


def scoring_issues(library: Library, scenario: ScenarioSpec, path: Path) -> Iterator[Issue]:
    """Every problem of the model answer, the objective and the pass rules of one scenario."""
    for node_id, node in scenario.nodes.items():
        marked = [i for i, c in enumerate(node.choices) if c.best]
        if not marked:
            yield Issue(
                path, ("nodes", node_id, "choices"), said("CD310", node=node_id), at_key=True
            )
        for index in marked[1:]:
            yield Issue(
                path, ("nodes", node_id, "choices", index, "best"), said("CD311", node=node_id)
            )
    if not any(e.meets_objective for e in scenario.endings.values()):
        yield Issue(path, ("endings",), said("CD312"), at_key=True)
    pack = library.rulepacks.get(library.pack_id(scenario))
    if pack is None:
        return
    own = scenario.scoring.max_major
    if own is not None and own > pack.max_major:
        what = said("CD313", own=own, pack=pack.id, limit=pack.max_major)
        yield Issue(path, ("scoring", "max_major"), what)
    rules = {r.id for r in pack.rules}
    for index, rule in enumerate(scenario.scoring.red_lines):
        if rule not in rules:
            suggestion = did_you_mean(rule, rules) or phrase(
                "pack_rules", pack=pack.id, rules=", ".join(sorted(rules))
            )
            what = said("CD314", rule=rule, pack=pack.id, suggestion=suggestion)
            yield Issue(path, ("scoring", "red_lines", index), what)
    yield from _longest_clue(scenario, path)


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
        what = said("CD503", longest=longest, decisions=len(decisions))
        yield Issue(path, ("nodes",), what, at_key=True)
