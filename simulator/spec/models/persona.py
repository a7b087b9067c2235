"""The persona format: a reusable debtor with a mood model, reactions and thresholds."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, field_validator

from simulator.spec.messages import SpecValueError, phrase
from simulator.spec.models.common import Id, Locale, Spec, Tag, Text, VarName

Archetype = Literal[
    "hang_up",
    "hardship",
    "dispute",
    "abusive",
    "procrastinator",
    "deliberate_defaulter",
    "third_party",
    "complaint_threatener",
    "promise_breaker",
    "language_barrier",
    "small_business",
    "young_messaging",
]
ARCHETYPES: tuple[str, ...] = Archetype.__args__  # type: ignore[attr-defined]

MoodValue = Annotated[int, Field(ge=0, le=10)]
MoodDelta = Annotated[int, Field(ge=-10, le=10)]
Condition = Annotated[str, Field(min_length=1, max_length=300)]
"""A condition in CallDojo's small grammar, e.g. `patience <= 0 and not dispute_raised`."""


class ThresholdSpec(Spec):
    """A global transition: when the condition holds after any turn, it fires from any state."""

    when: Condition
    """The condition over mood variables and flags, e.g. `patience <= 0`. Checked after every turn."""
    goto: Id | None = None
    """The ending the call jumps to (the scenario must define an ending with this id), e.g. `hung_up`."""
    set: dict[VarName, bool] = Field(default_factory=dict)
    """Flags set when the threshold fires, e.g. `{opened_up: true}`."""
    debtor: Text | None = None
    """What the debtor says when the threshold fires (e.g. the hang-up line)."""
    once: bool = True
    """Fire at most once per call (a threshold with `goto` ends the call anyway)."""


class SilenceSpec(Spec):
    """How the persona reacts when the trainee lets the response timer run out."""

    lines: list[Text] = Field(min_length=1)
    """What the debtor says into the silence; one is picked per silence (seeded)."""
    effect: dict[VarName, MoodDelta] = Field(default_factory=dict)
    """How the silence moves the mood, e.g. `{patience: -2}`."""


class PersonaSpec(Spec):
    """A reusable debtor persona (`*.persona.yaml`)."""

    id: Id
    """Unique persona id, referenced by scenarios (`persona:`). Use the file name stem."""
    name: Text
    """The debtor's name as shown in the call screen (e.g. 王丽)."""
    locale: Locale
    """The language this persona speaks: `zh-CN` or `en-US`."""
    archetype: Archetype
    """The behaviour pattern this persona trains against (hang_up, hardship, dispute, abusive, ...)."""
    profile: Text
    """A short profile for trainers: age, situation, attitude to the debt."""
    mood: dict[VarName, MoodValue]
    """Start values of the mood variables, 0..10. `patience` and `trust` are required."""
    reactions: dict[Tag, dict[VarName, MoodDelta]] = Field(default_factory=dict)
    """How each trainee behaviour tag moves the mood, in every scenario: `{threaten: {patience: -4}}`."""
    thresholds: list[ThresholdSpec] = Field(default_factory=list)
    """Global transitions checked after every turn, in order (e.g. patience <= 0 -> hung_up)."""
    silence: SilenceSpec
    """The reaction to the trainee's silence (response timer expired)."""
    hang_up: Text
    """The line the debtor says when hanging up, if the ending has none of its own."""

    @field_validator("mood")
    @classmethod
    def _needs_core_moods(cls, mood: dict[str, int]) -> dict[str, int]:
        missing = [name for name in ("patience", "trust") if name not in mood]
        if missing:
            raise SpecValueError(
                "CD207", problem=phrase("rule.mood_core", names=", ".join(missing))
            )
        return mood
