"""Shared building blocks of the authored formats: ids, locales, dimensions, the base model."""

from __future__ import annotations

from typing import Annotated, Literal, get_args

from pydantic import BaseModel, ConfigDict, StringConstraints

ID_PATTERN = r"^[a-z][a-z0-9_]{0,63}$"
RULE_ID_PATTERN = r"^[A-Z]{2,3}-[A-Z0-9-]{2,40}$"
VAR_PATTERN = r"^[a-z][a-z0-9_]{0,31}$"
HHMM_PATTERN = r"^([01][0-9]|2[0-3]):[0-5][0-9]$"

Id = Annotated[str, StringConstraints(pattern=ID_PATTERN)]
"""A snake_case identifier: lower-case letters, digits and `_`, starting with a letter."""
Tag = Annotated[str, StringConstraints(pattern=ID_PATTERN)]
"""A behaviour tag: a word from the rubric's vocabulary (checked in the second pass)."""
RuleId = Annotated[str, StringConstraints(pattern=RULE_ID_PATTERN)]
"""A compliance rule id such as `CN-THREAT` or `US-MINI-MIRANDA`."""
VarName = Annotated[str, StringConstraints(pattern=VAR_PATTERN)]
"""A mood variable or flag name."""
Text = Annotated[str, StringConstraints(min_length=1, max_length=2000)]
"""A non-empty line of text."""

Locale = Literal["zh-CN", "en-US"]
Dimension = Literal["empathy", "clarity", "control", "compliance"]
SoftDimension = Literal["empathy", "clarity", "control"]
DIMENSIONS: tuple[Dimension, ...] = ("empathy", "clarity", "control", "compliance")
SOFT_DIMENSIONS: tuple[SoftDimension, ...] = ("empathy", "clarity", "control")
Severity = Literal["critical", "major", "minor"]
Policy = Literal[
    "ideal",
    "empathetic",
    "cold",
    "pushy",
    "aggressive",
    "opening_then_aggressive",
    "random",
    "longest",
    "politest",
]
"""A scripted trainee policy of the calibration (`calldojo simulate`)."""
POLICIES: tuple[Policy, ...] = get_args(Policy)
"""Every policy, in the order the simulation plays and prints them."""
Party = Literal["debtor", "debt_related", "third_party", "unknown", "nobody"]
"""Who is on the line: the debtor, a debt-related third party (e.g. a spouse), an unrelated third
party, someone not yet identified, or nobody (before the call connects)."""
Outcome = Literal[
    "promise_to_pay",
    "paid",
    "refused",
    "hung_up",
    "escalated",
    "callback",
    "dispute_logged",
    "message_left",
    "rescheduled",
]


class Spec(BaseModel):
    """Base of every authored model: frozen, unknown keys rejected, field docstrings as schema."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        use_attribute_docstrings=True,
        str_strip_whitespace=False,
    )


class Localized(Spec):
    """A text given in both UI languages."""

    zh: Text
    """The text in Chinese (zh-CN)."""
    en: Text
    """The text in English (en-US)."""

    def get(self, lang: str) -> str:
        """The text for a UI language code (`zh` or `en`)."""
        return self.zh if lang.startswith("zh") else self.en
