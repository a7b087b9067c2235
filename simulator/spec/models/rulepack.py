"""The rule-pack format: compliance rules as data, each of a kind implemented in `scoring`."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from simulator.spec.models.common import (
    HHMM_PATTERN,
    Id,
    Localized,
    Outcome,
    Party,
    RuleId,
    Severity,
    Spec,
    Tag,
    Text,
    VarName,
)

HHMM = Annotated[str, Field(pattern=HHMM_PATTERN)]


class RuleBase(Spec):
    """Fields shared by every rule kind."""

    id: RuleId
    """Stable rule id, e.g. `CN-THREAT`; violations cite it."""
    severity: Severity
    """critical (fails the call on its own), major or minor."""
    statement: Localized
    """The rule in plain words, in Chinese and English."""
    citation: Text | None = None
    """The source, only where the compliance catalogue verifies it (law and article, or internal policy)."""
    red_line: bool = False
    """Breaking this rule fails the call in every scenario of the pack (every critical rule is one)."""
    gates_objective: bool = False
    """A violation means the call's objective was not achieved (e.g. a promise without its three elements)."""


class TagRule(RuleBase):
    """Violated by every agent turn carrying one of the tags."""

    kind: Literal["tag"]
    """Rule kind."""
    tags: list[Tag] = Field(min_length=1)
    """Any of these tags on an agent turn is a violation."""
    parties: list[Party] | None = None
    """Only while one of these parties is on the line (default: always)."""


class StateGate(Spec):
    """The engine state a sequence rule requires."""

    verified: bool | None = None
    """Identity must be verified (true)."""
    parties: list[Party] | None = None
    """The party on the line must be one of these."""


class SequenceRule(RuleBase):
    """A tagged agent turn needs the right state, or an earlier tag, or is a violation."""

    kind: Literal["sequence"]
    """Rule kind."""
    tags: list[Tag] = Field(min_length=1)
    """The agent behaviour this rule guards (e.g. disclose_account)."""
    require_state: StateGate | None = None
    """The state needed at that turn (e.g. verified debtor on the line)."""
    require_before: list[Tag] = Field(default_factory=list)
    """Tags one of which must appear on an earlier (or the same) agent turn."""
    after_flag: VarName | None = None
    """Only once this flag is set (e.g. dispute_raised)."""


class RequiredRule(RuleBase):
    """Behaviours that must appear within a window of the call."""

    kind: Literal["required"]
    """Rule kind."""
    tags: list[list[Tag]] = Field(min_length=1)
    """Each entry is a group of alternatives; every group must be met, e.g. [[identify_self], [give_employee_id]]."""
    window: Literal["opening", "after_verification"]
    """opening: within the first agent turns; after_verification: within `seconds` of identity verification."""
    turns: Annotated[int, Field(ge=1, le=10)] = 2
    """For `opening`: how many agent turns count as the opening."""
    seconds: Annotated[int, Field(ge=1, le=600)] = 30
    """For `after_verification`: simulated seconds after verification."""
    parties: list[Party] | None = None
    """Only when the call reaches one of these parties (default: debtor)."""


class OutcomeRule(RuleBase):
    """Checks the end of the call."""

    kind: Literal["outcome"]
    """Rule kind."""
    outcomes: list[Outcome] = Field(default_factory=list)
    """For these outcomes (empty: any outcome), every group in `require_tags` must appear in the call."""
    require_tags: list[list[Tag]] = Field(default_factory=list)
    """Groups of alternative tags, e.g. [[specific_date], [payment_channel], [specific_amount], [summarize]]."""
    forbid_agent_end: bool = False
    """Violated when the agent ends the call (a choice tagged agent_hangs_up leads to the ending)."""
    if_flag: VarName | None = None
    """Only when this flag was set during the call (e.g. hardship_disclosed)."""


class TimeRule(RuleBase):
    """The call must be placed inside the allowed local-time window."""

    kind: Literal["time"]
    """Rule kind."""
    start: HHMM
    """Earliest allowed local time, HH:MM."""
    end: HHMM
    """Latest allowed local time, HH:MM (exclusive)."""
    consent_flag: VarName | None = None
    """A flag meaning the debtor agreed to calls outside the window."""


RuleSpec = Annotated[
    TagRule | SequenceRule | RequiredRule | OutcomeRule | TimeRule,
    Field(discriminator="kind"),
]


class PenaltySpec(Spec):
    """Compliance points lost per violation, by severity (compliance = 100 minus the penalties, at least 0)."""

    critical: Annotated[int, Field(ge=0, le=100)] = 100
    """Penalty of a critical violation (100: compliance drops to 0)."""
    major: Annotated[int, Field(ge=0, le=100)] = 30
    """Penalty of a major violation."""
    minor: Annotated[int, Field(ge=0, le=100)] = 10
    """Penalty of a minor violation."""


class RulePackSpec(Spec):
    """A compliance rule pack (`*.rules.yaml`)."""

    id: Id
    """Pack id (`cn`, `us`); scenarios pick it with `rules:`."""
    title: Localized
    """Pack title."""
    locale: Text
    """The locale this pack is the default for (zh-CN, en-US)."""
    penalties: PenaltySpec = Field(default_factory=PenaltySpec)
    """Compliance points lost per violation, by severity."""
    max_major: Annotated[int, Field(ge=0, le=20)] = 1
    """More distinct major rules broken than this fail the call (red lines fail it on their own)."""

    def red_lines(self) -> frozenset[str]:
        """The ids of the rules that fail a call anywhere: every critical rule and every `red_line`."""
        return frozenset(r.id for r in self.rules if r.red_line or r.severity == "critical")

    rules: list[RuleSpec] = Field(min_length=1)
    """The rules."""
