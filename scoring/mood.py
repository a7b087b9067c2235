"""Mood changes and their causes, so the debrief can say "patience reached 0 at turn 4 after '...'"."""

from __future__ import annotations

from scoring.report import MoodEvent
from simulator.transcript import Transcript, Turn

SILENCE_TEXT = "(silence)"
"""The cause text of a silence."""


def _cause(turn: Turn | None) -> tuple[int | None, str]:
    if turn is None:
        return None, ""
    return turn.index, turn.text if turn.event != "silence" and turn.text else SILENCE_TEXT


def _ended_by_threshold(transcript: Transcript) -> int | None:
    """The last agent turn, if the call ended with a threshold turn after it (e.g. a hang-up)."""
    if transcript.ending is None:
        return None
    last_agent: int | None = None
    threshold_after = False
    for turn in transcript.turns:
        if turn.speaker == "agent":
            last_agent, threshold_after = turn.index, False
        elif turn.event == "threshold":
            threshold_after = True
    return last_agent if threshold_after else None


def mood_events(transcript: Transcript) -> tuple[MoodEvent, ...]:
    """Every mood change with the agent turn that caused it.

    `threshold` marks a change that brought a value down to 0, and every change made by the last
    agent turn when the call then ended through a persona threshold (event `threshold`).
    """
    fatal = _ended_by_threshold(transcript)
    events: list[MoodEvent] = []
    previous: dict[str, int] | None = None
    cause: Turn | None = None
    for turn in transcript.turns:
        if turn.speaker == "agent":
            cause = turn
        current = turn.mood_dict
        if previous is not None:
            cause_turn, cause_text = _cause(cause)
            for name, after in current.items():
                before = previous.get(name, after)
                if before == after:
                    continue
                hit = (after == 0 and before > 0) or (fatal is not None and cause_turn == fatal)
                events.append(
                    MoodEvent(turn.index, name, before, after, cause_turn, cause_text, hit)
                )
        previous = current
    return tuple(events)
