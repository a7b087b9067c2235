"""The bundled rubric and rule packs, and what a rubric says about a set of tags."""

from __future__ import annotations

from collections.abc import Iterable

from scoring import DATA_DIR
from simulator.spec.loading.loader import load_rubric, load_rulepack
from simulator.spec.models.common import SOFT_DIMENSIONS, SoftDimension
from simulator.spec.models.rubric import RubricSpec
from simulator.spec.models.rulepack import RulePackSpec

SILENCE_TAG = "dead_air"
"""The tag the engine puts on a silence (the trainee let the response timer run out)."""


def load_default_rubric() -> RubricSpec:
    """The bundled `default.rubric.yaml` (raises DiagnosticError if it is broken)."""
    return load_rubric(DATA_DIR / "default.rubric.yaml")


def load_bundled_pack(pack_id: str) -> RulePackSpec:
    """A bundled rule pack by id (`cn`, `us`)."""
    return load_rulepack(DATA_DIR / f"{pack_id}.rules.yaml")


def tag_points(rubric: RubricSpec, tags: Iterable[str]) -> dict[SoftDimension, int]:
    """The soft points of a set of tags (tags unknown to the rubric count nothing)."""
    totals: dict[SoftDimension, int] = dict.fromkeys(SOFT_DIMENSIONS, 0)
    for tag in tags:
        spec = rubric.tags.get(tag)
        if spec is None:
            continue
        for dimension, points in spec.points.items():
            totals[dimension] += points
    return totals


def pack_tags(pack: RulePackSpec) -> frozenset[str]:
    """Every tag a rule pack mentions (in any kind of rule)."""
    found: set[str] = set()
    for rule in pack.rules:
        if rule.kind in ("tag", "sequence"):
            found.update(rule.tags)
        if rule.kind == "sequence":
            found.update(rule.require_before)
        elif rule.kind == "required":
            found.update(tag for group in rule.tags for tag in group)
        elif rule.kind == "outcome":
            found.update(tag for group in rule.require_tags for tag in group)
    return frozenset(found)
