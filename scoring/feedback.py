"""Coaching per trainee turn: the authored feedback of a weak choice and the better choice."""

from __future__ import annotations

from collections.abc import Mapping

from scoring.report import TurnFeedback
from scoring.rubric import tag_points
from simulator.spec.condition import parse_condition
from simulator.spec.rubric import RubricSpec
from simulator.spec.rulepack import RulePackSpec
from simulator.spec.scenario import ChoiceSpec, ScenarioSpec
from simulator.transcript import Transcript, Turn

Env = Mapping[str, int | bool]

_SILENCE_FEEDBACK = {
    "zh": "冷场会消耗客户的耐心，也让通话失去主导，应及时回应。",
    "en": "Dead air wears down the debtor's patience and hands over control of the call; answer promptly.",
}
_NOT_BEST = {
    "zh": "这不是此处的最佳选择。",
    "en": "This was not the best choice here.",
}


def choice_value(choice: ChoiceSpec, rubric: RubricSpec, pack: RulePackSpec) -> int:
    """A choice's worth: its soft points minus the penalties of the tag rules its tags break."""
    value = sum(tag_points(rubric, choice.tags).values())
    tags = set(choice.tags)
    for rule in pack.rules:
        if rule.kind == "tag" and tags.intersection(rule.tags):
            value -= getattr(pack.penalties, rule.severity)
    return value


def best_choice(
    scenario: ScenarioSpec,
    node_id: str,
    rubric: RubricSpec,
    pack: RulePackSpec,
    env: Env | None = None,
) -> ChoiceSpec | None:
    """The model answer at a node: the choice marked `best`, else the highest `choice_value`.

    Ties go to the earlier choice. With `env` (mood, flags, `verified`), only choices whose `when`
    holds are considered. None if the node is unknown or nothing is offered.
    """
    node = scenario.nodes.get(node_id)
    if node is None:
        return None
    offered = [
        c for c in node.choices if env is None or c.when is None or parse_condition(c.when)(env)
    ]
    if not offered:
        return None
    marked = [c for c in offered if c.best]
    if marked:
        return marked[0]
    return max(offered, key=lambda c: choice_value(c, rubric, pack))


def _env_before(transcript: Transcript, turn: Turn) -> Env | None:
    """What conditions saw when the trainee chose: the state of the previous turn."""
    if turn.index == 0:
        return None
    before = transcript.turns[turn.index - 1]
    values: dict[str, int | bool] = dict(before.mood)
    values.update(dict.fromkeys(before.flags, True))
    values["verified"] = before.verified
    return values


def _lang(scenario: ScenarioSpec) -> str:
    return "zh" if scenario.locale.startswith("zh") else "en"


def _one(
    transcript: Transcript,
    turn: Turn,
    scenario: ScenarioSpec,
    rubric: RubricSpec,
    pack: RulePackSpec,
) -> TurnFeedback | None:
    best = best_choice(scenario, turn.node, rubric, pack, _env_before(transcript, turn))
    lang = _lang(scenario)
    if turn.event == "silence":
        text = _SILENCE_FEEDBACK[lang]
    elif turn.event == "choice" and turn.choice is not None:
        if best is None or best.id == turn.choice:
            return None
        chosen = next((c for c in scenario.nodes[turn.node].choices if c.id == turn.choice), None)
        text = chosen.feedback if chosen is not None and chosen.feedback else _NOT_BEST[lang]
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
    transcript: Transcript, scenario: ScenarioSpec, rubric: RubricSpec, pack: RulePackSpec
) -> tuple[TurnFeedback, ...]:
    """Feedback for every trainee turn that was not the best choice, and for every silence."""
    found = (
        _one(transcript, turn, scenario, rubric, pack)
        for turn in transcript.agent_turns
        if turn.node in scenario.nodes
    )
    return tuple(f for f in found if f is not None)
