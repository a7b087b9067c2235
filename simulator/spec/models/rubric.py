"""The rubric format: the behaviour-tag vocabulary and the points each tag gives."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from simulator.spec.models.common import Id, Localized, SoftDimension, Spec, Tag

Points = Annotated[int, Field(ge=-10, le=10)]
TagKind = Literal[
    "opening",
    "verification",
    "empathy",
    "clarity",
    "control",
    "negotiation",
    "misconduct",
    "disclosure",
    "closing",
]


class TagSpec(Spec):
    """One behaviour tag: what it means and how it scores."""

    kind: TagKind
    """Which family the tag belongs to (groups the vocabulary in the authoring guide)."""
    label: Localized
    """A short name shown to trainees in place of the id (e.g. 共情回应 / acknowledges feelings)."""
    description: Localized
    """What the behaviour is, in Chinese and English."""
    points: dict[SoftDimension, Points] = Field(default_factory=dict)
    """Points per soft dimension (empathy, clarity, control), -10..10. Compliance comes from rules."""


class RubricSpec(Spec):
    """A rubric (`*.rubric.yaml`): the tag vocabulary with points."""

    id: Id
    """Rubric id; scenarios name it in `rubric:` (default `default`)."""
    title: Localized
    """Rubric title."""
    tags: dict[Tag, TagSpec] = Field(min_length=1)
    """The behaviour-tag vocabulary."""
