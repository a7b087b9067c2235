"""Table tests for every rule of both packs: hand-built transcripts, violation found or not."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace

import pytest

from scoring.monitors import build_monitors, run_rules
from scoring.rubric import load_bundled_pack
from simulator.spec.models.rulepack import RulePackSpec
from simulator.transcript import Transcript
from tests.unit.scoring.scoring_calls import (
    CST,
    T0,
    agent,
    call,
    clean_cn,
    clean_us,
    debtor,
    opening,
    silence,
)

CN = load_bundled_pack("cn")
US = load_bundled_pack("us")

Case = tuple[str, str, Callable[[], Transcript], bool]


def found(pack: RulePackSpec, rule: str, transcript: Transcript) -> list[int]:
    """The turn indices at which `rule` fires."""
    return [f.turn for f in run_rules(build_monitors(pack), transcript) if f.rule == rule]


# --- tag rules: (rule, tag) as the brief defines them ------------------------------------------
CN_TAG_RULES = [
    ("CN-THREAT", "threaten"),
    ("CN-ABUSE", "insult"),
    ("CN-SARCASM", "sarcasm"),
    ("CN-IMPERSONATE", "impersonate_authority"),
    ("CN-FALSE-CONSEQ", "false_consequence"),
    ("CN-3P-COLLECT", "collect_from_third_party"),
    ("CN-3P-ARGUE", "argue_with_third_party"),
    ("CN-ALIAS-ID", "refuse_employee_id"),
    ("CN-PROMISE-AUTH", "false_promise"),
    ("CN-REPUTATION", "disparage_bank"),
    ("CN-PRIVACY-EXPOSE", "expose_privacy"),
    ("CN-PAY-CHANNEL", "personal_channel"),
    ("CN-PAY-CHANNEL", "extra_fee"),
    ("CN-NEW-DEBT", "suggest_new_debt"),
    ("CN-PRIVATE-CHANNEL", "private_contact"),
]
US_TAG_RULES = [
    ("US-PROFANE", "insult"),
    ("US-THREAT-VIOLENCE", "threaten"),
    ("US-FALSE-THREAT", "false_consequence"),
    ("US-IMPERSONATE", "impersonate_authority"),
    ("US-MISREP-DEBT", "misstate_amount"),
    ("US-CRIME-DISGRACE", "accuse_crime"),
    ("US-CREDIT-MISREP", "false_promise"),
    ("US-OVERSHADOW", "overshadow"),
    ("US-UNAUTH-AMOUNT", "extra_fee"),
    ("US-LOCATION", "collect_from_third_party"),
]


@pytest.mark.parametrize(("rule", "tag"), CN_TAG_RULES)
def test_cn_tag_rule(rule: str, tag: str) -> None:
    bad = call(*clean_cn()[:4], agent(tag), debtor())
    assert found(CN, rule, bad) == [4]
    assert found(CN, rule, call(*clean_cn())) == []


@pytest.mark.parametrize(("rule", "tag"), US_TAG_RULES)
def test_us_tag_rule(rule: str, tag: str) -> None:
    bad = call(*clean_us()[:4], agent(tag), debtor())
    assert found(US, rule, bad) == [4]
    assert found(US, rule, call(*clean_us())) == []


def test_tag_rule_fires_once_per_offending_turn() -> None:
    transcript = call(
        *opening(),
        agent("threaten", "insult"),
        debtor(),
        agent("personal_channel", "extra_fee"),
        debtor(),
        agent("threaten"),
    )
    assert found(CN, "CN-THREAT", transcript) == [3, 7]
    assert found(CN, "CN-PAY-CHANNEL", transcript) == [5]


def test_debtor_turns_carry_no_tags_that_count() -> None:
    transcript = call(*opening(), replace(debtor(), tags=("threaten",)))
    assert found(CN, "CN-THREAT", transcript) == []


# --- sequence rules ------------------------------------------------------------------------------
def _third_party_disclosure() -> Transcript:
    return call(
        debtor(party="third_party", verified=False, text="我是他爱人。"),
        agent(
            "identify_self",
            "give_employee_id",
            "disclose_account",
            party="third_party",
            verified=False,
        ),
        debtor(party="third_party", verified=False),
        outcome="message_left",
    )


def _verified_but_third_party() -> Transcript:
    return call(
        debtor(party="third_party", verified=True),
        agent("identify_self", "give_employee_id", "disclose_account", party="third_party"),
        debtor(party="third_party"),
        outcome="message_left",
    )


def _purpose_before_verification() -> Transcript:
    return call(
        debtor(party="unknown", verified=False),
        agent("identify_self", "give_employee_id", party="unknown", verified=False),
        debtor(),
        agent("state_purpose"),
        debtor(),
        outcome="refused",
    )


def _rpc_same_turn() -> Transcript:
    return call(
        debtor(party="unknown", verified=False),
        agent("identify_self", "give_employee_id", party="unknown", verified=False),
        debtor(),
        agent("verify_identity", "state_purpose"),
        debtor(),
        outcome="refused",
    )


def _disputed(*tags_then: tuple[str, ...]) -> Transcript:
    turns = [*opening(), agent("state_purpose"), debtor(flags=("dispute_raised",))]
    for tags in tags_then:
        turns += [agent(*tags, flags=("dispute_raised",)), debtor(flags=("dispute_raised",))]
    return call(*turns, outcome="dispute_logged")


def _demand_without_dispute() -> Transcript:
    return call(
        *opening(), agent("state_purpose"), debtor(), agent("demand_payment"), outcome="refused"
    )


SEQUENCE_CASES: list[Case] = [
    ("CN-3P-DISCLOSE", "to_unverified_third_party", _third_party_disclosure, True),
    ("CN-3P-DISCLOSE", "verified_flag_but_third_party", _verified_but_third_party, True),
    ("CN-3P-DISCLOSE", "to_verified_debtor", lambda: call(*clean_cn()), False),
    ("CN-RPC-VERIFY", "purpose_before_verify", _purpose_before_verification, True),
    ("CN-RPC-VERIFY", "verify_in_same_turn", _rpc_same_turn, False),
    ("CN-RPC-VERIFY", "clean", lambda: call(*clean_cn()), False),
    ("CN-DISPUTE", "demand_after_dispute", lambda: _disputed(("demand_payment",)), True),
    ("CN-DISPUTE", "pressure_after_dispute", lambda: _disputed(("pressure",)), True),
    (
        "CN-DISPUTE",
        "acknowledged_but_not_logged",
        lambda: _disputed(("acknowledge_dispute",), ("demand_payment",)),
        True,
    ),
    ("CN-DISPUTE", "log_first", lambda: _disputed(("log_dispute",), ("pressure",)), False),
    ("CN-DISPUTE", "no_dispute", _demand_without_dispute, False),
    (
        "CN-PTP-3DAY",
        "date_a_week_out",
        lambda: call(*opening(), agent("specific_date", "distant_date")),
        True,
    ),
    ("CN-PTP-3DAY", "date_in_two_days", lambda: call(*opening(), agent("specific_date")), False),
]


def _us_call(*middle: object, flags: tuple[str, ...] = ()) -> Transcript:
    turns = [
        debtor(party="unknown", verified=False),
        agent("identify_self", "verify_identity", party="unknown", verified=False),
        debtor(flags=flags),
    ]
    for tags in middle:
        assert isinstance(tags, tuple)
        turns += [agent(*tags, flags=flags), debtor(flags=flags)]
    return call(*turns, outcome="refused")


US_SEQUENCE_CASES: list[Case] = [
    ("US-MINI-MIRANDA", "disclose_first", lambda: _us_call(("disclose_account",)), True),
    ("US-MINI-MIRANDA", "demand_first", lambda: _us_call(("demand_payment",)), True),
    (
        "US-MINI-MIRANDA",
        "miranda_earlier",
        lambda: _us_call(("mini_miranda",), ("demand_payment",)),
        False,
    ),
    ("US-MINI-MIRANDA", "clean", lambda: call(*clean_us()), False),
    ("US-3P-DISCLOSE", "to_third_party", _third_party_disclosure, True),
    ("US-3P-DISCLOSE", "clean", lambda: call(*clean_us()), False),
    (
        "US-INCONVENIENT",
        "demand_when_busy",
        lambda: _us_call(("mini_miranda", "demand_payment"), flags=("inconvenient_time",)),
        True,
    ),
    (
        "US-INCONVENIENT",
        "asked_callback_first",
        lambda: _us_call(
            ("ask_callback_time",),
            ("mini_miranda", "disclose_account"),
            flags=("inconvenient_time",),
        ),
        False,
    ),
    ("US-INCONVENIENT", "not_busy", lambda: _us_call(("mini_miranda", "demand_payment")), False),
    (
        "US-DISPUTE",
        "pressure_after_dispute",
        lambda: _us_call(("mini_miranda", "pressure"), flags=("dispute_raised",)),
        True,
    ),
    (
        "US-DISPUTE",
        "log_is_not_acknowledge",
        lambda: _us_call(
            ("log_dispute",), ("mini_miranda", "demand_payment"), flags=("dispute_raised",)
        ),
        True,
    ),
    (
        "US-DISPUTE",
        "acknowledged",
        lambda: _us_call(
            ("acknowledge_dispute",), ("mini_miranda", "demand_payment"), flags=("dispute_raised",)
        ),
        False,
    ),
]


# --- required rules -------------------------------------------------------------------------------
def _no_employee_id() -> Transcript:
    return call(
        debtor(party="unknown", verified=False),
        agent("identify_self", "verify_identity", party="unknown", verified=False),
        debtor(),
        agent("state_purpose"),
        debtor(),
        agent("give_employee_id"),
        outcome="refused",
    )


def _employee_id_second_turn() -> Transcript:
    return call(
        debtor(party="unknown", verified=False),
        agent("identify_self", "ask_convenience", party="unknown", verified=False),
        debtor(party="unknown", verified=False),
        agent("give_employee_id", "verify_identity", party="unknown", verified=False),
        debtor(),
        agent("state_purpose"),
        outcome="refused",
    )


def _dialling_decision_first() -> Transcript:
    """A pre-call choice (nobody on the line yet) is not one of the opening turns."""
    return call(
        agent(party="nobody", verified=False),
        debtor(party="unknown", verified=False),
        agent("identify_self", "ask_convenience", party="unknown", verified=False),
        debtor(party="unknown", verified=False),
        agent("give_employee_id", "verify_identity", party="unknown", verified=False),
        debtor(),
        agent("state_purpose"),
        outcome="refused",
    )


def _ended_after_one_turn(outcome: str | None) -> Callable[[], Transcript]:
    return lambda: call(
        debtor(party="unknown", verified=False),
        agent("identify_self", party="unknown", verified=False),
        debtor(party="unknown", verified=False, event="ending"),
        outcome=outcome,
        ended_by="debtor",
    )


def _purpose_late() -> Transcript:
    return call(
        *opening(),
        agent("acknowledge_feelings", seconds=20.0),
        debtor(seconds=12.0),
        agent("state_purpose"),
        debtor(),
        outcome="refused",
    )


def _purpose_just_in_time() -> Transcript:
    return call(
        *opening(),  # verified at the debtor turn lasting 2 s
        agent("acknowledge_feelings", seconds=20.0),
        debtor(seconds=8.0),  # the next agent turn starts exactly 30 s after verification
        agent("state_purpose"),
        debtor(),
        outcome="refused",
    )


def _never_verified() -> Transcript:
    return call(
        debtor(party="third_party", verified=False),
        agent(
            "identify_self",
            "give_employee_id",
            "leave_message",
            party="third_party",
            verified=False,
        ),
        debtor(party="third_party", verified=False, seconds=40.0),
        agent("close_politely", party="third_party", verified=False),
        outcome="message_left",
    )


def _verified_then(outcome: str | None) -> Callable[[], Transcript]:
    return lambda: call(*opening(), agent("acknowledge_feelings"), outcome=outcome)


REQUIRED_CASES: list[Case] = [
    ("CN-OPEN-ID", "employee_id_too_late", _no_employee_id, True),
    ("CN-OPEN-ID", "employee_id_second_turn", _employee_id_second_turn, False),
    ("CN-OPEN-ID", "after_a_dialling_decision", _dialling_decision_first, False),
    ("CN-OPEN-ID", "call_ended_in_opening", _ended_after_one_turn("hung_up"), True),
    ("CN-OPEN-ID", "abandoned_in_opening", _ended_after_one_turn(None), False),
    ("CN-OPEN-ID", "clean", lambda: call(*clean_cn()), False),
    ("CN-OPEN-30S", "purpose_after_30s", _purpose_late, True),
    ("CN-OPEN-30S", "purpose_at_30s", _purpose_just_in_time, False),
    ("CN-OPEN-30S", "ended_before_purpose", _verified_then("hung_up"), True),
    ("CN-OPEN-30S", "abandoned_inside_window", _verified_then(None), False),
    ("CN-OPEN-30S", "never_verified", _never_verified, False),
    ("CN-OPEN-30S", "clean", lambda: call(*clean_cn()), False),
    ("US-MEANINGFUL-ID", "no_identity", lambda: _us_call_no_id(), True),
    ("US-MEANINGFUL-ID", "clean", lambda: call(*clean_us()), False),
]


def _us_call_no_id() -> Transcript:
    return call(
        debtor(party="unknown", verified=False),
        agent("verify_identity", party="unknown", verified=False),
        debtor(),
        agent("mini_miranda", "disclose_account"),
        outcome="refused",
    )


# --- outcome rules --------------------------------------------------------------------------------
def _cn_call(
    *tags: tuple[str, ...],
    outcome: str | None,
    ended_by: str = "mutual",
    flags: tuple[str, ...] = (),
) -> Transcript:
    turns = [*opening(), agent("state_purpose"), debtor(flags=flags)]
    for group in tags:
        turns += [agent(*group, flags=flags), debtor(flags=flags)]
    return call(*turns, outcome=outcome, ended_by=ended_by)  # type: ignore[arg-type]


OUTCOME_CASES: list[Case] = [
    (
        "CN-HANGUP",
        "agent_ended",
        lambda: _cn_call(("agent_hangs_up",), outcome="refused", ended_by="agent"),
        True,
    ),
    ("CN-HANGUP", "debtor_ended", lambda: _cn_call(outcome="hung_up", ended_by="debtor"), False),
    ("CN-HANGUP", "clean", lambda: call(*clean_cn()), False),
    (
        "CN-PTP-3E",
        "no_read_back",
        lambda: _cn_call(
            ("specific_date", "payment_channel", "specific_amount"), outcome="promise_to_pay"
        ),
        True,
    ),
    (
        "CN-PTP-3E",
        "no_channel",
        lambda: _cn_call(
            ("specific_date", "specific_amount"), ("summarize",), outcome="promise_to_pay"
        ),
        True,
    ),
    (
        "CN-PTP-3E",
        "complete_over_turns",
        lambda: _cn_call(
            ("specific_date",),
            ("specific_amount", "payment_channel"),
            ("summarize",),
            outcome="promise_to_pay",
        ),
        False,
    ),
    ("CN-PTP-3E", "not_a_promise", lambda: _cn_call(("specific_date",), outcome="refused"), False),
    ("CN-PTP-3E", "abandoned", lambda: _cn_call(("specific_date",), outcome=None), False),
    (
        "CN-HARDSHIP-PATH",
        "hardship_no_installment",
        lambda: _cn_call(
            ("acknowledge_feelings",), outcome="refused", flags=("hardship_disclosed",)
        ),
        True,
    ),
    (
        "CN-HARDSHIP-PATH",
        "hardship_installment",
        lambda: _cn_call(("offer_installment",), outcome="refused", flags=("hardship_disclosed",)),
        False,
    ),
    (
        "CN-HARDSHIP-PATH",
        "no_hardship",
        lambda: _cn_call(("acknowledge_feelings",), outcome="refused"),
        False,
    ),
    (
        "CN-HARDSHIP-PATH",
        "abandoned",
        lambda: _cn_call(outcome=None, flags=("hardship_disclosed",)),
        False,
    ),
]


# --- time rules -------------------------------------------------------------------------------------
def _at(hour: int, minute: int, flags: tuple[str, ...] = ()) -> Callable[[], Transcript]:
    start = dt.datetime(2026, 3, 12, hour, minute, tzinfo=CST)
    first = replace(clean_cn()[0], flags=flags)
    return lambda: call(first, *clean_cn()[1:], at=start)


def _consent_later() -> Transcript:
    start = dt.datetime(2026, 3, 12, 22, 30, tzinfo=CST)
    turns = clean_cn()
    turns[2] = replace(turns[2], flags=("late_call_consent",))
    return call(*turns, at=start)


TIME_CASES: list[Case] = []
for _rule in ("CN-HOURS", "US-HOURS"):
    TIME_CASES += [
        (_rule, "21:30", _at(21, 30), True),
        (_rule, "21:00", _at(21, 0), True),
        (_rule, "07:59", _at(7, 59), True),
        (_rule, "08:00", _at(8, 0), False),
        (_rule, "20:59", _at(20, 59), False),
        (_rule, "22:30_with_consent", _at(22, 30, ("late_call_consent",)), False),
        (_rule, "22:30_consent_only_later", _consent_later, True),
    ]

ALL_CASES = SEQUENCE_CASES + US_SEQUENCE_CASES + REQUIRED_CASES + OUTCOME_CASES + TIME_CASES


def _pack(rule: str) -> RulePackSpec:
    return CN if rule.startswith("CN-") else US


@pytest.mark.parametrize(
    ("rule", "name", "make", "expected"), ALL_CASES, ids=[f"{c[0]}-{c[1]}" for c in ALL_CASES]
)
def test_rule_table(rule: str, name: str, make: Callable[[], Transcript], expected: bool) -> None:
    hits = found(_pack(rule), rule, make())
    assert bool(hits) is expected, f"{rule} {name}: fired at {hits}"
    assert len(hits) <= 1 or rule.startswith(("CN-DISPUTE", "US-DISPUTE"))


def test_every_rule_has_a_found_and_a_not_found_case() -> None:
    covered: dict[str, set[bool]] = {}
    for rule, *_rest, expected in ALL_CASES:
        covered.setdefault(rule, set()).add(expected)
    for rule, _tag in CN_TAG_RULES + US_TAG_RULES:
        covered.setdefault(rule, set()).update({True, False})
    every = {r.id for r in CN.rules} | {r.id for r in US.rules}
    assert set(covered) == every
    assert all(v == {True, False} for v in covered.values()), covered


def test_clean_calls_break_nothing() -> None:
    assert run_rules(build_monitors(CN), call(*clean_cn())) == ()
    assert run_rules(build_monitors(US), call(*clean_us())) == ()


def test_where_findings_point() -> None:
    assert found(CN, "CN-OPEN-ID", _no_employee_id()) == [3]  # the last opening turn
    assert found(CN, "CN-OPEN-ID", _ended_after_one_turn("hung_up")()) == [2]  # at finish
    assert found(CN, "CN-OPEN-30S", _purpose_late()) == [5]  # first turn starting past 30 s
    assert found(CN, "CN-HOURS", _at(23, 0)()) == [0]  # the call connecting


def test_silence_counts_as_an_agent_turn_in_the_opening() -> None:
    transcript = call(
        debtor(party="unknown", verified=False),
        silence(party="unknown", verified=False),
        debtor(party="unknown", verified=False),
        agent("identify_self", party="unknown", verified=False),
        debtor(party="unknown", verified=False),
        agent("give_employee_id", party="unknown", verified=False),
        outcome="hung_up",
    )
    assert found(CN, "CN-OPEN-ID", transcript) == [3]


def test_time_uses_the_debtor_local_clock() -> None:
    # 13:30 UTC would be inside the window, but it is 21:30 at the debtor's (Beijing) end.
    late_utc = dt.datetime(2026, 3, 12, 13, 30, tzinfo=dt.UTC)
    local = late_utc.astimezone(CST)
    assert found(CN, "CN-HOURS", call(*clean_cn(), at=local)) == [0]
    assert T0.tzinfo is CST
