"""The bundled rubric and rule packs say what the brief says."""

from __future__ import annotations

import re

import pytest

from scoring import DATA_DIR
from scoring.rubric import load_bundled_pack, load_default_rubric, pack_tags
from simulator.spec.models.rubric import RubricSpec

VOCABULARY = [
    "identify_self",
    "give_employee_id",
    "ask_convenience",
    "verify_identity",
    "state_purpose",
    "mini_miranda",
    "disclose_account",
    "acknowledge_feelings",
    "paraphrase",
    "open_question",
    "thank",
    "reassure",
    "specific_amount",
    "specific_date",
    "distant_date",
    "payment_channel",
    "summarize",
    "consequence_factual",
    "redirect",
    "offer_options",
    "offer_installment",
    "good_faith_payment",
    "set_deadline",
    "ask_callback_time",
    "leave_message",
    "boundary_setting",
    "acknowledge_dispute",
    "log_dispute",
    "explain_dispute_rights",
    "demand_payment",
    "pressure",
    "close_politely",
    "threaten",
    "insult",
    "sarcasm",
    "impersonate_authority",
    "false_consequence",
    "false_promise",
    "misstate_amount",
    "accuse_crime",
    "collect_from_third_party",
    "argue_with_third_party",
    "expose_privacy",
    "personal_channel",
    "extra_fee",
    "private_contact",
    "suggest_new_debt",
    "disparage_bank",
    "refuse_employee_id",
    "overshadow",
    "agent_hangs_up",
    "dead_air",
]
MISCONDUCT = VOCABULARY[VOCABULARY.index("threaten") : VOCABULARY.index("dead_air")]

CN_RULES = {
    "CN-THREAT": "critical",
    "CN-ABUSE": "critical",
    "CN-SARCASM": "major",
    "CN-IMPERSONATE": "critical",
    "CN-FALSE-CONSEQ": "critical",
    "CN-3P-DISCLOSE": "critical",
    "CN-3P-COLLECT": "critical",
    "CN-3P-ARGUE": "major",
    "CN-RPC-VERIFY": "major",
    "CN-OPEN-ID": "major",
    "CN-OPEN-30S": "major",
    "CN-ALIAS-ID": "major",
    "CN-HANGUP": "major",
    "CN-PROMISE-AUTH": "major",
    "CN-REPUTATION": "minor",
    "CN-PTP-3E": "major",
    "CN-PTP-3DAY": "minor",
    "CN-HOURS": "major",
    "CN-PRIVACY-EXPOSE": "critical",
    "CN-PAY-CHANNEL": "critical",
    "CN-NEW-DEBT": "major",
    "CN-PRIVATE-CHANNEL": "major",
    "CN-DISPUTE": "major",
    "CN-HARDSHIP-PATH": "minor",
}
US_RULES = {
    "US-MINI-MIRANDA": "critical",
    "US-3P-DISCLOSE": "critical",
    "US-MEANINGFUL-ID": "major",
    "US-PROFANE": "critical",
    "US-THREAT-VIOLENCE": "critical",
    "US-FALSE-THREAT": "critical",
    "US-IMPERSONATE": "critical",
    "US-MISREP-DEBT": "critical",
    "US-CRIME-DISGRACE": "critical",
    "US-CREDIT-MISREP": "major",
    "US-HOURS": "major",
    "US-INCONVENIENT": "major",
    "US-DISPUTE": "major",
    "US-OVERSHADOW": "major",
    "US-UNAUTH-AMOUNT": "major",
    "US-LOCATION": "critical",
}


@pytest.fixture(scope="module")
def rubric() -> RubricSpec:
    return load_default_rubric()


def test_rubric_defines_exactly_the_vocabulary(rubric: RubricSpec) -> None:
    assert len(VOCABULARY) == len(set(VOCABULARY)) == 52
    assert set(rubric.tags) == set(VOCABULARY)


def test_rubric_file_names_its_schema() -> None:
    first = (DATA_DIR / "default.rubric.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../../schemas/rubric.schema.json"


def test_every_tag_is_described_in_both_languages(rubric: RubricSpec) -> None:
    for tag, spec in rubric.tags.items():
        assert re.search(r"[\u4e00-\u9fff]", spec.description.zh), tag
        assert re.search(r"[A-Za-z]{3}", spec.description.en), tag
        assert "..." not in spec.description.zh and "…" not in spec.description.zh, tag


def test_points_follow_the_brief(rubric: RubricSpec) -> None:
    def pts(tag: str) -> dict[str, int]:
        return {str(k): v for k, v in rubric.tags[tag].points.items()}

    for tag in ("acknowledge_feelings", "paraphrase", "open_question", "thank", "reassure"):
        assert pts(tag).get("empathy", 0) > 0, tag
    for tag in ("specific_amount", "specific_date", "payment_channel", "summarize"):
        assert pts(tag).get("clarity", 0) > 0, tag
    for tag in ("redirect", "offer_options", "set_deadline"):
        assert pts(tag).get("control", 0) > 0, tag
    assert pts("demand_payment") == {"control": 1, "empathy": -2}
    assert pts("pressure") == {"empathy": -3, "control": -1}
    assert pts("dead_air") == {"control": -3, "empathy": -1}
    assert pts("agent_hangs_up")["control"] == -4
    for tag in MISCONDUCT:
        assert rubric.tags[tag].kind == "misconduct", tag
        assert pts(tag)["empathy"] < 0 and pts(tag)["control"] < 0, tag
    for tag in set(VOCABULARY) - set(MISCONDUCT):
        assert rubric.tags[tag].kind != "misconduct", tag


@pytest.mark.parametrize(("pack_id", "expected"), [("cn", CN_RULES), ("us", US_RULES)])
def test_packs_hold_exactly_the_brief_rules(pack_id: str, expected: dict[str, str]) -> None:
    pack = load_bundled_pack(pack_id)
    assert {r.id: r.severity for r in pack.rules} == expected
    assert len(pack.rules) == len(expected)
    assert (pack.penalties.critical, pack.penalties.major, pack.penalties.minor) == (100, 30, 10)


CN_RED_LINES = {
    "CN-SARCASM",
    "CN-HANGUP",
    "CN-PROMISE-AUTH",
    "CN-HOURS",
    "CN-NEW-DEBT",
    "CN-PRIVATE-CHANNEL",
    "CN-DISPUTE",
}


def test_pack_pass_policies() -> None:
    cn, us = load_bundled_pack("cn"), load_bundled_pack("us")
    critical = {r.id for r in cn.rules if r.severity == "critical"}
    assert cn.red_lines() == critical | CN_RED_LINES
    assert {r.id for r in cn.rules if r.gates_objective} == {"CN-PTP-3E"}
    assert cn.max_major == 1
    assert us.red_lines() == set(US_RULES) and us.max_major == 0


@pytest.mark.parametrize("pack_id", ["cn", "us"])
def test_every_rule_tag_is_in_the_rubric(pack_id: str, rubric: RubricSpec) -> None:
    assert pack_tags(load_bundled_pack(pack_id)) <= set(rubric.tags)


@pytest.mark.parametrize("pack_id", ["cn", "us"])
def test_citations_are_marked_and_never_unverified(pack_id: str) -> None:
    for rule in load_bundled_pack(pack_id).rules:
        assert rule.citation, rule.id
        assert "unverified" not in rule.citation.lower(), rule.id
        if "指引" in rule.citation:  # the CBA guidelines: only the document, never an article
            assert re.search(r"中国银行业协会《[^》]+》[^第]*?not verified\)", rule.citation), (
                rule.id
            )


def test_hours_rules() -> None:
    for pack_id in ("cn", "us"):
        (hours,) = [r for r in load_bundled_pack(pack_id).rules if r.kind == "time"]
        assert (hours.start, hours.end, hours.consent_flag) == (
            "08:00",
            "21:00",
            "late_call_consent",
        )
    (cn_hours,) = [r for r in load_bundled_pack("cn").rules if r.id == "CN-HOURS"]
    assert "22:00" in cn_hours.statement.zh and "22:00" in cn_hours.statement.en
