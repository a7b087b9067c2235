"""The scenario format: one call, its case file, its nodes, choices and endings."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from pydantic import Field, field_validator, model_validator

from simulator.spec.messages import SpecValueError, phrase
from simulator.spec.models.common import (
    Dimension,
    Id,
    Locale,
    Outcome,
    Party,
    Policy,
    RuleId,
    Severity,
    Spec,
    Tag,
    Text,
    VarName,
)
from simulator.spec.models.persona import Condition

Lines = Text | list[Text]
"""One line, or a list of wordings of the same line (one is picked per call, seeded)."""


class MoodLineSpec(Spec):
    """A line that depends on the persona's mood: the first variant whose condition holds wins."""

    when: Condition
    """The condition, e.g. `patience <= 3`."""
    say: Lines
    """What the debtor says in that mood band."""


class DebtorLineSpec(Spec):
    """A debtor line with variants by mood band."""

    default: Lines
    """What the debtor says when no variant applies."""
    variants: list[MoodLineSpec] = Field(default_factory=list)
    """Mood-band variants, checked in order."""


DebtorLine = Text | list[Text] | DebtorLineSpec


class BranchSpec(Spec):
    """One branch of a conditional `next`: the first branch whose `when` holds is taken."""

    when: Condition | None = None
    """The condition (mood after this choice's reactions, flags); omit on the last, fallback branch."""
    to: Id
    """The node or ending to go to."""


class ChoiceSpec(Spec):
    """One thing the trainee can say at a node."""

    id: Id
    """The choice id, unique within its node; `play --choices` and plans name choices by it."""
    say: Text
    """The trainee's words."""
    tags: list[Tag] = Field(default_factory=list)
    """Behaviour tags from the rubric's vocabulary; they drive scoring, rules and the persona's mood."""
    when: Condition | None = None
    """Offer this choice only while the condition holds (e.g. `trust >= 5`)."""
    set: dict[VarName, bool] = Field(default_factory=dict)
    """Flags this choice sets, e.g. `{dispute_logged: true}`."""
    next: Id | list[BranchSpec]
    """Where the call goes: a node or ending id, or a list of conditional branches."""
    feedback: Text | None = None
    """Coaching shown after the call: why this choice is weak or wrong and what would be better."""
    best: bool = False
    """Mark the model answer at this node: exactly one choice per node; scores are anchored on it."""
    dial_at: dt.datetime | None = None
    """For a pre-call decision: the moment the call is (re)placed, with its UTC offset."""

    @field_validator("next")
    @classmethod
    def _last_branch_unconditional(cls, value: str | list[BranchSpec]) -> str | list[BranchSpec]:
        if isinstance(value, list):
            if not value:
                raise SpecValueError("CD207", problem=phrase("rule.next_empty"))
            if value[-1].when is not None:
                raise SpecValueError("CD207", problem=phrase("rule.fallback"))
        return value


class NodeSpec(Spec):
    """A decision point: the debtor speaks, the trainee chooses."""

    debtor: DebtorLine | None = None
    """What the debtor says on arriving here (omit for a silent pre-call node)."""
    party: Party | None = None
    """Who is on the line from here on (sets engine state), e.g. `third_party` when a relative answers."""
    verified: bool | None = None
    """Set when the identity check is complete at this point (`true`) or undone (`false`)."""
    set: dict[VarName, bool] = Field(default_factory=dict)
    """Flags set on arriving here, e.g. `{dispute_raised: true}`."""
    choices: list[ChoiceSpec] = Field(min_length=1)
    """What the trainee can say here."""

    @property
    def model_answer(self) -> ChoiceSpec | None:
        """The model answer here: the choice marked `best` (the validator requires exactly one)."""
        return next((c for c in self.choices if c.best), None)

    @model_validator(mode="after")
    def _unique_choice_ids(self) -> NodeSpec:
        seen: dict[str, int] = {}
        for index, choice in enumerate(self.choices):
            if choice.id in seen:
                at = ("choices", index, "id")
                first = seen[choice.id] + 1
                raise SpecValueError("CD208", at, choice=choice.id, first=first)
            seen[choice.id] = index
        return self


class EndingSpec(Spec):
    """A terminal state of the call."""

    outcome: Outcome
    """How the call ended: promise_to_pay, paid, refused, hung_up, escalated, callback, ..."""
    debtor: DebtorLine | None = None
    """The debtor's last words, if any."""
    summary: Text | None = None
    """A one-line summary for the debrief (what this ending means for the account)."""
    meets_objective: bool = False
    """This ending achieves the scenario's objective; a call that ends anywhere else fails."""


class Fact(Spec):
    """One labelled fact in a case-file zone."""

    label: Text
    """The label, in the scenario's locale (e.g. 逾期天数)."""
    value: Text
    """The value as shown (e.g. 45天)."""
    key: bool = False
    """Highlight this fact: the trainee needs it to choose well."""


class Contact(Spec):
    """A phone-book entry in the case file."""

    name: Text
    """Who: the cardholder or a contact."""
    relation: Text
    """Relation to the cardholder (本人, 配偶, 同事, ...)."""
    phone: Text
    """The number, masked as in the collection system."""
    note: Text | None = None
    """Reachability and history, e.g. 可联, 拒接3次."""


class Transaction(Spec):
    """A transaction since the account went overdue (or a notable earlier one)."""

    date: dt.date
    """The date, YYYY-MM-DD."""
    description: Text
    """What it was."""
    amount: float
    """The amount; negative for a payment or refund."""


class CaseFileSpec(Spec):
    """The five zones of the collection system's case view (人物画像 before dialling)."""

    case: list[Fact] = Field(min_length=1)
    """Zone 1, case: age, gender, days in collection, broken promises (食言次数), bucket."""
    contacts: list[Contact] = Field(min_length=1)
    """Zone 2, customer and contacts: the phone book and who may be called."""
    account: list[Fact] = Field(min_length=1)
    """Zone 3, account: balance, minimum due, cards held, debit card for repayment."""
    transactions: list[Transaction] = Field(default_factory=list)
    """Zone 4, transactions since the account entered collection."""
    flags: list[Fact] = Field(default_factory=list)
    """Zone 5, flags: sensitive, VIP, complaint history, disputes, instalment requests."""


class AgentSpec(Spec):
    """Who the trainee plays in this call."""

    name: Text
    """The agent's name or registered alias."""
    employee_id: Text
    """The employee number (工号) the agent must give truthfully."""
    institution: Text
    """The full institution name the agent represents."""


class CallSpec(Spec):
    """When and how the call is placed."""

    at: dt.datetime
    """The simulated moment the trainee is about to dial, with its UTC offset (debtor's local time)."""


class CalibrationSpec(Spec):
    """Which scripted trainee policies must pass and which must fail (`calldojo simulate`)."""

    must_pass: list[Policy] = Field(default_factory=lambda: list[Policy](["ideal", "empathetic"]))
    """Policies that must pass this scenario (default: ideal, empathetic)."""
    must_fail: list[Policy] = Field(
        default_factory=lambda: list[Policy](
            ["aggressive", "opening_then_aggressive", "pushy", "longest"]
        )
    )
    """Policies that must fail it (default: aggressive, opening_then_aggressive, pushy, longest)."""
    random_pass_max: Annotated[float, Field(ge=0, le=1)] = 0.05
    """The largest pass probability allowed for the random policy (default 0.05)."""


class ScoringSpec(Spec):
    """Per-scenario pass rules: they may be stricter than the rule pack's, never looser."""

    pass_marks: dict[Dimension, Annotated[int, Field(ge=0, le=100)]] = Field(default_factory=dict)
    """Pass mark per dimension, 0..100 (default 60 for each)."""
    fail_on: list[Severity] = Field(default_factory=lambda: list[Severity](["critical"]))
    """Severities that fail the call whatever the scores; critical always does (default: critical)."""
    red_lines: list[RuleId] = Field(default_factory=list)
    """Rules that fail this call on top of the pack's red lines."""
    max_major: Annotated[int, Field(ge=0, le=20)] | None = None
    """More distinct major rules broken than this fail the call; at most the pack's (default: the pack's)."""
    calibration: CalibrationSpec = Field(default_factory=CalibrationSpec)
    """The trainee policies that must pass and fail this scenario (checked by `calldojo simulate`)."""


class ScenarioSpec(Spec):
    """One practice call (`*.scenario.yaml`)."""

    id: Id
    """Unique scenario id; use the file name stem."""
    title: Text
    """Title shown in the scenario picker."""
    locale: Locale
    """The language of the call content: `zh-CN` or `en-US`."""
    persona: Id
    """The persona id of the debtor in this call."""
    difficulty: Annotated[int, Field(ge=1, le=5)]
    """1 (first week) to 5 (certification level)."""
    tags: list[Id] = Field(default_factory=list)
    """Free labels for filtering in the picker (e.g. m2, hardship, third_party)."""
    summary: Text
    """Two or three sentences: the situation and what the trainee must achieve."""
    rules: Id | None = None
    """The compliance rule pack (`cn` or `us`); default by locale."""
    rubric: Id = "default"
    """The rubric defining tags and points."""
    agent: AgentSpec
    """Who the trainee plays."""
    call: CallSpec
    """When the call is placed."""
    case_file: CaseFileSpec
    """The case file the trainee reads before dialling."""
    objective: Text
    """What a good call achieves, shown on the case file (e.g. a promise of at least ¥2,000 within 3 days)."""
    scoring: ScoringSpec = Field(default_factory=ScoringSpec)
    """Pass marks and failing severities."""
    start: Id
    """The first node."""
    nodes: dict[Id, NodeSpec] = Field(min_length=1)
    """Decision points by id."""
    endings: dict[Id, EndingSpec] = Field(min_length=1)
    """Terminal states by id."""

    @field_validator("call")
    @classmethod
    def _aware(cls, call: CallSpec) -> CallSpec:
        if call.at.tzinfo is None:
            raise SpecValueError("CD207", problem=phrase("rule.utc_offset"))
        return call
