"""Mood events: every change, its cause, and the change that ended the call."""

from __future__ import annotations

from scoring.mood import SILENCE_TEXT, mood_events
from tests.unit.scoring.scoring_calls import agent, call, debtor, silence


def _m(patience: int, trust: int) -> dict[str, int]:
    return {"patience": patience, "trust": trust}


def test_changes_with_causes_and_the_fatal_threshold() -> None:
    transcript = call(
        debtor(mood=_m(5, 3)),
        agent("acknowledge_feelings", text="理解您。", mood=_m(5, 4)),
        debtor(mood=_m(5, 4)),
        silence(mood=_m(3, 4)),
        debtor(mood=_m(3, 4), event="silence"),
        agent("threaten", text="你给我等着。", mood=_m(0, 1)),
        debtor(mood=_m(0, 1), event="threshold", text="我挂了。"),
        outcome="hung_up",
        ended_by="debtor",
    )
    events = [
        (e.turn, e.variable, e.before, e.after, e.cause_turn, e.cause_text, e.threshold)
        for e in mood_events(transcript)
    ]
    assert events == [
        (1, "trust", 3, 4, 1, "理解您。", False),
        (3, "patience", 5, 3, 3, SILENCE_TEXT, False),
        (5, "patience", 3, 0, 5, "你给我等着。", True),
        (5, "trust", 4, 1, 5, "你给我等着。", True),
    ]


def test_reaching_zero_is_marked_without_an_ending() -> None:
    transcript = call(
        debtor(mood=_m(2, 5)),
        agent("pressure", text="今天必须还。", mood=_m(0, 5)),
        debtor(mood=_m(0, 5)),
        agent("thank", text="谢谢。", mood=_m(1, 5)),
        outcome=None,
    )
    events = mood_events(transcript)
    assert [(e.turn, e.after, e.threshold) for e in events] == [(1, 0, True), (3, 1, False)]


def test_threshold_that_does_not_end_the_call_marks_nothing_extra() -> None:
    transcript = call(
        debtor(mood=_m(5, 7)),
        agent("reassure", text="我们一起想办法。", mood=_m(5, 8)),
        debtor(mood=_m(5, 8), event="threshold", text="好吧，我跟你说实话。"),
        agent("open_question", text="您遇到什么困难了？", mood=_m(5, 9)),
        debtor(mood=_m(5, 9)),
        outcome="promise_to_pay",
    )
    assert [e.threshold for e in mood_events(transcript)] == [False, False]


def test_no_mood_no_events() -> None:
    assert mood_events(call(debtor(), agent("thank"), debtor())) == ()
