from __future__ import annotations

import pytest

from simulator.spec.models.condition import ConditionError, parse_condition


@pytest.mark.parametrize(
    ("text", "env", "expected"),
    [
        ("patience <= 0", {"patience": 0}, True),
        ("patience <= 0", {"patience": 1}, False),
        ("trust >= 6 and not dispute_raised", {"trust": 7}, True),
        ("trust >= 6 and not dispute_raised", {"trust": 7, "dispute_raised": True}, False),
        ("trust > 8 or opened_up", {"trust": 1, "opened_up": True}, True),
        (
            "(patience < 3 or anger >= 8) and verified",
            {"patience": 2, "anger": 0, "verified": True},
            True,
        ),
        (
            "(patience < 3 or anger >= 8) and verified",
            {"patience": 2, "anger": 0, "verified": False},
            False,
        ),
        ("patience == 5", {"patience": 5}, True),
        ("patience != 5", {"patience": 5}, False),
        ("unknown_flag", {}, False),
        ("not not opened_up", {"opened_up": True}, True),
        ("true", {}, True),
        ("anger >= -1", {"anger": 0}, True),
    ],
)
def test_conditions_evaluate(text: str, env: dict[str, int | bool], expected: bool) -> None:
    assert parse_condition(text)(env) is expected


def test_names_are_collected() -> None:
    assert parse_condition("trust >= 6 and not dispute_raised or verified").names == {
        "trust",
        "dispute_raised",
        "verified",
    }


@pytest.mark.parametrize(
    ("text", "column"),
    [
        ("patience <= ", 13),
        ("patience <== 0", 12),
        ("trust >= 6 and", 15),
        ("(trust >= 6", 12),
        ("trust => 6", 7),
        ("__import__('os')", 12),
        ("patience <= 0 ;", 15),
        ("and trust", 1),
    ],
)
def test_errors_carry_the_column(text: str, column: int) -> None:
    with pytest.raises(ConditionError) as info:
        parse_condition(text)
    assert info.value.column == column


def test_no_eval_of_python() -> None:
    with pytest.raises(ConditionError):
        parse_condition("os.system('x')")
