"""Generated scenarios of any size for the benchmarks (a branching call graph with mood branches)."""

from __future__ import annotations

import random
from typing import Any

from simulator.spec.models.persona import PersonaSpec
from simulator.spec.models.scenario import ScenarioSpec

GOOD_TAGS = [
    ["acknowledge_feelings", "open_question"],
    ["specific_amount", "specific_date"],
    ["offer_options", "redirect"],
    ["paraphrase"],
    ["payment_channel", "summarize"],
]
WEAK_TAGS = [["demand_payment"], ["pressure"], ["thank"], ["reassure"]]


def persona_dict(mood: str = "rich") -> dict[str, Any]:
    """The persona of the generated scenarios.

    `rich`: strong reactions that saturate within a few turns, like the authored personas (tens of
    mood states per node). `light`: the one who hangs up: a single silence or push ends the call,
    so the mood settles at once and the state count follows the node count.
    """
    if mood == "light":
        return {
            "id": "bench_debtor",
            "name": "张三",
            "locale": "zh-CN",
            "archetype": "hang_up",
            "profile": "基准测试用的客户画像：没耐心，一沉默或一施压就挂断。",
            "mood": {"patience": 3, "trust": 9},
            "reactions": {"demand_payment": {"patience": -3}, "pressure": {"patience": -3}},
            "thresholds": [{"when": "patience <= 0", "goto": "hung_up", "debtor": "我挂了。"}],
            "silence": {"lines": ["喂？"], "effect": {"patience": -3}},
            "hang_up": "不说了。",
        }
    return {
        "id": "bench_debtor",
        "name": "张三",
        "locale": "zh-CN",
        "archetype": "hardship",
        "profile": "基准测试用的客户画像。",
        # Like the authored personas: strong reactions that saturate within a few turns.
        "mood": {"patience": 8, "trust": 3},
        "reactions": {
            "acknowledge_feelings": {"trust": 4},
            "offer_options": {"trust": 3},
            "demand_payment": {"patience": -4},
            "pressure": {"patience": -4, "trust": -3},
        },
        "thresholds": [
            {"when": "patience <= 0", "goto": "hung_up", "debtor": "我挂了。"},
            {"when": "trust >= 8", "set": {"opened_up": True}},
        ],
        "silence": {"lines": ["喂？"], "effect": {"patience": -4}},
        "hang_up": "不说了。",
    }


def _opening(i: int, good: list[str]) -> list[str]:
    """The model path opens like a real call: identify, verify, then state the purpose."""
    if i == 0:
        return ["identify_self", "give_employee_id", "verify_identity"]
    if i == 1:
        return ["state_purpose", *good]
    return good


def scenario_dict(nodes: int, seed: int = 1) -> dict[str, Any]:
    """A layered call graph of `nodes` decision points, 3 choices each, with mood-conditional branches."""
    rng = random.Random(seed)
    names = [f"n{i}" for i in range(nodes)]
    node_map: dict[str, Any] = {}
    for i, name in enumerate(names):

        def target(step: int, i: int = i) -> str:
            j = i + step
            return names[j] if j < nodes else "ptp"

        good = rng.choice(GOOD_TAGS)
        weak = rng.choice(WEAK_TAGS)
        node_map[name] = {
            "debtor": f"第{i}句客户的话，内容足够长以便估算通话时间。",
            "verified": True if i == 1 else None,
            "party": "debtor" if i == 1 else None,
            "choices": [
                {
                    "id": "good",
                    "say": "好的，我理解您的情况，我们一起看看。",
                    "tags": _opening(i, good),
                    "next": target(1),
                    "best": True,
                },
                {
                    "id": "weak",
                    "say": "您今天必须处理。",
                    "tags": weak,
                    "next": target(2),
                    "feedback": "太强硬了。",
                },
                {
                    "id": "branch",
                    "say": "那您看怎么办？",
                    "tags": ["open_question"],
                    "next": [{"when": "trust >= 5", "to": target(3)}, {"to": target(1)}],
                    "feedback": "可以更具体。",
                },
            ],
        }
        node_map[name] = {k: v for k, v in node_map[name].items() if v is not None}
    return {
        "id": f"bench_{nodes}",
        "title": f"基准 {nodes} 节点",
        "locale": "zh-CN",
        "persona": "bench_debtor",
        "difficulty": 3,
        "summary": "基准测试场景。",
        "agent": {"name": "李明", "employee_id": "A1023", "institution": "XX银行信用卡中心"},
        "call": {"at": "2026-03-12T10:20:00+08:00"},
        "case_file": {
            "case": [{"label": "逾期天数", "value": "45天"}],
            "contacts": [{"name": "张三", "relation": "本人", "phone": "138****0000"}],
            "account": [{"label": "欠款", "value": "12,850.00元"}],
        },
        "objective": "取得还款承诺。",
        "start": names[0],
        "nodes": node_map,
        "endings": {
            "ptp": {"outcome": "promise_to_pay", "debtor": "好的。"},
            "hung_up": {"outcome": "hung_up"},
        },
    }


def generated(nodes: int, seed: int = 1, mood: str = "rich") -> tuple[ScenarioSpec, PersonaSpec]:
    """Validated models of a generated scenario and its persona."""
    return ScenarioSpec.model_validate(scenario_dict(nodes, seed)), PersonaSpec.model_validate(
        persona_dict(mood)
    )
