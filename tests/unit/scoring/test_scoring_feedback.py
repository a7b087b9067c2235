"""Feedback per trainee turn and the best choice at a node."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from scoring.feedback import best_choice, choice_value, turn_feedback
from scoring.rubric import load_bundled_pack, load_default_rubric
from simulator.spec.loading import load_scenario
from simulator.spec.scenario import ScenarioSpec
from tests.unit.scoring.scoring_calls import agent, call, debtor, silence

CN = load_bundled_pack("cn")
RUBRIC = load_default_rubric()
TINY = Path(__file__).parents[2] / "fixtures" / "content" / "scenarios" / "tiny_call.scenario.yaml"


def _tiny(**node_choices: list[dict[str, Any]]) -> ScenarioSpec:
    """The tiny scenario, with some nodes' choices replaced."""
    data = load_scenario(TINY).model_dump(exclude_defaults=True)
    for node, choices in node_choices.items():
        data["nodes"][node]["choices"] = choices
    return ScenarioSpec.model_validate(data)


def _best_id(
    scenario: ScenarioSpec, node: str, env: dict[str, int | bool] | None = None
) -> str | None:
    best = best_choice(scenario, node, RUBRIC, CN, env)
    return best.id if best is not None else None


def test_choice_value_counts_points_and_tag_rule_penalties() -> None:
    scenario = load_scenario(TINY)
    verify, threaten = scenario.nodes["opening"].choices
    assert choice_value(verify, RUBRIC, CN) == 2 + 1 + 2 + 2 + 1  # identify, 工号, verify
    assert choice_value(threaten, RUBRIC, CN) == -8 - 6 - 40  # points, then CN-THREAT


def test_best_choice_by_value() -> None:
    scenario = load_scenario(TINY)
    assert _best_id(scenario, "opening") == "verify"
    assert _best_id(scenario, "verified") == "empathize"
    assert best_choice(scenario, "nowhere", RUBRIC, CN) is None


def test_best_mark_wins_over_value() -> None:
    scenario = _tiny(
        verified=[
            {"id": "empathize", "say": "理解您。", "tags": ["acknowledge_feelings"], "next": "ptp"},
            {
                "id": "demand",
                "say": "请今天还款。",
                "tags": ["demand_payment"],
                "next": "refused",
                "best": True,
            },
        ]
    )
    assert _best_id(scenario, "verified") == "demand"


def test_ties_go_to_the_authored_order() -> None:
    scenario = _tiny(
        verified=[
            {"id": "thanks", "say": "谢谢您。", "tags": ["thank"], "next": "ptp"},
            {"id": "options", "say": "我们有几个方案。", "tags": ["offer_options"], "next": "ptp"},
            {
                "id": "ask",
                "say": "您看什么时候方便？",
                "tags": ["ask_callback_time"],
                "next": "ptp",
            },
        ]
    )
    # thank = 2; offer_options = 3 + 1 = 4; ask_callback_time = 1 + 2 = 3
    assert _best_id(scenario, "verified") == "options"
    tied = _tiny(
        verified=[
            {"id": "thanks", "say": "谢谢您。", "tags": ["thank"], "next": "ptp"},
            {
                "id": "small",
                "say": "您先还一部分表示诚意。",
                "tags": ["good_faith_payment"],
                "next": "ptp",
            },
        ]
    )
    assert _best_id(tied, "verified") == "thanks"


def test_guards_are_respected_when_a_state_is_given() -> None:
    scenario = _tiny(
        verified=[
            {"id": "plain", "say": "您好。", "tags": ["thank"], "next": "ptp"},
            {
                "id": "warm",
                "say": "理解您。",
                "tags": ["acknowledge_feelings"],
                "when": "trust >= 5",
                "next": "ptp",
            },
        ]
    )
    assert _best_id(scenario, "verified") == "warm"
    low = {"trust": 2, "patience": 5, "verified": True}
    assert _best_id(scenario, "verified", low) == "plain"


def test_turn_feedback() -> None:
    scenario = load_scenario(TINY)
    transcript = call(
        debtor(node="opening", party="unknown", verified=False),
        agent("threaten", node="opening", choice="threaten", party="unknown", verified=False),
        debtor(node="verified"),
        silence(node="verified"),
        debtor(node="verified", event="silence"),
        agent("acknowledge_feelings", node="verified", choice="empathize"),
        outcome="refused",
    )
    found = turn_feedback(transcript, scenario, RUBRIC, CN)
    assert [(f.turn, f.choice, f.better_choice) for f in found] == [
        (1, "threaten", "verify"),
        (3, None, "empathize"),
    ]
    assert found[0].feedback == "威胁违反业务纪律。"
    assert found[0].better_say is not None and "工号" in found[0].better_say
    assert "冷场" in found[1].feedback


def test_no_feedback_for_the_best_path() -> None:
    scenario = load_scenario(TINY)
    transcript = call(
        debtor(node="opening", party="unknown", verified=False),
        agent("identify_self", node="opening", choice="verify", party="unknown", verified=False),
        debtor(node="verified"),
        agent("acknowledge_feelings", node="verified", choice="empathize"),
    )
    assert turn_feedback(transcript, scenario, RUBRIC, CN) == ()
