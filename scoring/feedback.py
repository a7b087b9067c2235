"""Coaching per trainee turn: the authored feedback of a weak choice and the better choice."""

from __future__ import annotations

import re

from scoring.report import TurnFeedback
from simulator.spec.models.rubric import RubricSpec
from simulator.spec.models.scenario import ScenarioSpec
from simulator.transcript import Transcript, Turn

_TAG_GROUP = re.compile(r"([（(])([a-z][a-z0-9_]*(?:\s*[、,，]\s*[a-z][a-z0-9_]*)*)([）)])")
_SEPARATOR = re.compile(r"\s*[、,，]\s*")

_SILENCE_FEEDBACK = {
    "zh": "冷场会消耗客户的耐心，也让通话失去主导，应及时回应。",
    "en": "Dead air wears down the debtor's patience and hands over control of the call; answer promptly.",
}
_NOT_BEST = {
    "zh": "这不是此处的最佳选择。",
    "en": "This was not the best choice here.",
}


def readable(text: str, rubric: RubricSpec, lang: str) -> str:
    """Authored text with tag ids in brackets, `（pressure、demand_payment）`, as the tags' labels."""

    def swap(match: re.Match[str]) -> str:
        ids = _SEPARATOR.split(match.group(2))
        if not all(i in rubric.tags for i in ids):
            return match.group(0)
        sep = "、" if lang == "zh" else ", "
        words = sep.join(rubric.tags[i].label.get(lang) for i in ids)
        return f"{match.group(1)}{words}{match.group(3)}"

    return _TAG_GROUP.sub(swap, text)


def _lang(scenario: ScenarioSpec) -> str:
    return "zh" if scenario.locale.startswith("zh") else "en"


def _one(turn: Turn, scenario: ScenarioSpec, rubric: RubricSpec) -> TurnFeedback | None:
    node = scenario.nodes[turn.node]
    best = node.model_answer
    lang = _lang(scenario)
    if turn.event == "silence":
        text = _SILENCE_FEEDBACK[lang]
    elif turn.event == "choice" and turn.choice is not None:
        if best is None or best.id == turn.choice:
            return None
        chosen = next((c for c in node.choices if c.id == turn.choice), None)
        text = chosen.feedback if chosen is not None and chosen.feedback else _NOT_BEST[lang]
        text = readable(text, rubric, lang)
    else:
        return None
    return TurnFeedback(
        turn=turn.index,
        node=turn.node,
        choice=turn.choice,
        feedback=text,
        better_choice=best.id if best else None,
        better_say=best.say if best else None,
    )


def turn_feedback(
    transcript: Transcript, scenario: ScenarioSpec, rubric: RubricSpec
) -> tuple[TurnFeedback, ...]:
    """Feedback for every trainee turn that was not the model answer, and for every silence."""
    found = (
        _one(turn, scenario, rubric)
        for turn in transcript.agent_turns
        if turn.node in scenario.nodes
    )
    return tuple(f for f in found if f is not None)
