"""Feedback per trainee turn and the model answer at a node."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from scoring.feedback import readable, turn_feedback
from scoring.rubric import load_default_rubric
from simulator.spec.loading.loader import load_scenario
from simulator.spec.models.scenario import ScenarioSpec
from tests.unit.scoring.scoring_calls import agent, call, debtor, silence

RUBRIC = load_default_rubric()
TINY = Path(__file__).parents[2] / "fixtures" / "content" / "scenarios" / "tiny_call.scenario.yaml"


def _tiny(**node_choices: list[dict[str, Any]]) -> ScenarioSpec:
    """The tiny scenario, with some nodes' choices replaced."""
    data = load_scenario(TINY).model_dump(exclude_defaults=True)
    for node, choices in node_choices.items():
        data["nodes"][node]["choices"] = choices
    return ScenarioSpec.model_validate(data)


def test_the_model_answer_is_the_marked_choice() -> None:
    scenario = load_scenario(TINY)
    assert scenario.nodes["opening"].model_answer is not None
    assert scenario.nodes["opening"].model_answer.id == "verify"
    moved = _tiny(
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
    best = moved.nodes["verified"].model_answer
    assert best is not None and best.id == "demand"
    unmarked = _tiny(verified=[{"id": "a", "say": "好。", "tags": [], "next": "ptp"}])
    assert unmarked.nodes["verified"].model_answer is None


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
    found = turn_feedback(transcript, scenario, RUBRIC)
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
    assert turn_feedback(transcript, scenario, RUBRIC) == ()


def test_tag_ids_in_feedback_read_as_labels() -> None:
    text = "这是施压（pressure、demand_payment），应先复述（paraphrase）。规则（CN-PTP-3E）不变。"
    assert (
        readable(text, RUBRIC, "zh")
        == "这是施压（施压、直接催还），应先复述（复述对方的话）。规则（CN-PTP-3E）不变。"
    )
    english = "That is pressure (pressure, demand_payment); keep (a note) as is."
    assert readable(english, RUBRIC, "en") == (
        "That is pressure (pressure, demands payment); keep (a note) as is."
    )


def test_every_rubric_tag_has_its_own_short_label_in_both_languages() -> None:
    zh = [spec.label.zh for spec in RUBRIC.tags.values()]
    en = [spec.label.en for spec in RUBRIC.tags.values()]
    assert len(set(zh)) == len(zh) and len(set(en)) == len(en), "two tags would read the same"
    for tag, spec in RUBRIC.tags.items():
        assert re.fullmatch(r"[\u4e00-\u9fff0-9]{2,8}", spec.label.zh), (tag, spec.label.zh)
        assert re.fullmatch(r"[a-z][A-Za-z0-9 '-]{1,31}", spec.label.en), (tag, spec.label.en)
