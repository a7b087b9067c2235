"""The call's state and the rules of a step: the single definition of what an action does.

Each rule is one function here: `speak` (what the trainee's words do), the branch conditions and
`destination` (where a choice leads), `advance` (thresholds, then entering a node or ending) and
`silence`. The static analysis composes them in the pure `step`; the running `Call` is moved by a
`transitions.Machine` (see `machine`) whose guards are the same compiled conditions and whose
callbacks are these same functions, so both agree by construction.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, replace

from simulator.engine.compiled import (
    MOOD_MAX,
    MOOD_MIN,
    SILENCE_TAG,
    CompiledChoice,
    CompiledLine,
    CompiledScenario,
    speech_seconds,
)
from simulator.transcript import SILENCE, EndedBy, Event, Speaker

SILENCE_SECONDS = 8.0
"""Simulated dead air counted for a silence (the response timer ran out)."""


class ChoiceUnavailable(LookupError):
    """The action is not available in the current state; `valid` lists what is."""

    def __init__(self, action: str, node: str, valid: tuple[str, ...]) -> None:
        super().__init__(
            f"choice {action!r} is not available at node {node!r}; valid: {', '.join(valid) or '(none)'}"
        )
        self.action = action
        self.node = node
        self.valid = valid


@dataclass(frozen=True, slots=True)
class CallState:
    """Where the call is: node (or ending), mood, flags, who is on the line, verification."""

    node: str
    mood: tuple[int, ...]
    flags: frozenset[str]
    party: str
    verified: bool
    fired: frozenset[int]
    dialed_at: dt.datetime
    ending: str | None = None
    ended_by: EndedBy | None = None

    @property
    def ended(self) -> bool:
        """True once the call reached an ending."""
        return self.ending is not None

    def moved(
        self,
        *,
        node: str | None = None,
        mood: tuple[int, ...] | None = None,
        flags: frozenset[str] | None = None,
        party: str | None = None,
        verified: bool | None = None,
        fired: frozenset[int] | None = None,
        dialed_at: dt.datetime | None = None,
    ) -> CallState:
        """A copy with some fields changed (a fast `dataclasses.replace` for the hot path)."""
        return CallState(
            self.node if node is None else node,
            self.mood if mood is None else mood,
            self.flags if flags is None else flags,
            self.party if party is None else party,
            self.verified if verified is None else verified,
            self.fired if fired is None else fired,
            self.dialed_at if dialed_at is None else dialed_at,
            self.ending,
            self.ended_by,
        )


@dataclass(frozen=True, slots=True)
class Beat:
    """One utterance produced by a step, before wording is picked; carries the state after it."""

    speaker: Speaker
    event: Event
    wordings: tuple[str, ...]
    node: str
    choice: str | None
    tags: tuple[str, ...]
    seconds: float
    state: CallState


def env(cs: CompiledScenario, state: CallState) -> Mapping[str, int | bool]:
    """The variables a condition sees: mood values, set flags and `verified` (memoised, read-only)."""
    key = (state.mood, state.flags, state.verified)
    values = cs.envs.get(key)
    if values is None:
        built: dict[str, int | bool] = dict(zip(cs.mood_names, state.mood, strict=True))
        for flag in state.flags:
            built[flag] = True
        built["verified"] = state.verified
        values = cs.envs[key] = built
    return values


def initial(cs: CompiledScenario) -> tuple[CallState, tuple[Beat, ...]]:
    """The state as the call opens and the debtor's first words (if the start node has any)."""
    state = CallState(
        node=cs.scenario.start,
        mood=cs.start_mood,
        flags=frozenset(),
        party="unknown",
        verified=False,
        fired=frozenset(),
        dialed_at=cs.scenario.call.at,
    )
    return _enter(cs, state, cs.scenario.start, [])


def available(cs: CompiledScenario, state: CallState) -> tuple[CompiledChoice, ...]:
    """The choices offered now (guards checked), in authored order."""
    if state.ended:
        return ()
    node = cs.nodes[state.node]
    if all(c.guard is None for c in node.choices):
        return node.choices
    values = env(cs, state)
    return tuple(c for c in node.choices if c.guard is None or c.guard(values))


def actions(cs: CompiledScenario, state: CallState) -> tuple[str, ...]:
    """Every action possible now: the available choice ids, then the silence token."""
    if state.ended:
        return ()
    return (*(c.id for c in available(cs, state)), SILENCE)


def find_choice(cs: CompiledScenario, state: CallState, action: str) -> CompiledChoice:
    """The available choice with this id, or ChoiceUnavailable."""
    for choice in available(cs, state):
        if choice.id == action:
            return choice
    raise ChoiceUnavailable(action, state.node, tuple(c.id for c in available(cs, state)))


def _apply(mood: tuple[int, ...], delta: tuple[int, ...]) -> tuple[int, ...]:
    if not any(delta):
        return mood
    return tuple(min(MOOD_MAX, max(MOOD_MIN, m + d)) for m, d in zip(mood, delta, strict=True))


def _set_flags(flags: frozenset[str], sets: tuple[tuple[str, bool], ...]) -> frozenset[str]:
    if not sets:
        return flags
    on = {name for name, value in sets if value}
    off = {name for name, value in sets if not value}
    return (flags | on) - off


def after_choice(cs: CompiledScenario, state: CallState, choice: CompiledChoice) -> CallState:
    """The state right after the trainee speaks: reactions, flags and dialling time applied."""
    return state.moved(
        mood=_apply(state.mood, choice.delta),
        flags=_set_flags(state.flags, choice.sets),
        dialed_at=choice.dial_at,
    )


def speak(cs: CompiledScenario, state: CallState, choice: CompiledChoice) -> tuple[CallState, Beat]:
    """The trainee says `choice`: the state right after it (`after_choice`) and the agent's beat."""
    state = after_choice(cs, state, choice)
    beat = Beat(
        "agent", "choice", (choice.say,), state.node, choice.id, choice.tags, choice.seconds, state
    )
    return state, beat


def destination(cs: CompiledScenario, state: CallState, choice: CompiledChoice) -> str:
    """The first branch of `next` whose condition holds in `state` (the state after the choice)."""
    branches = choice.branches
    if len(branches) == 1:
        return branches[0][1]
    values = env(cs, state)
    for when, target in branches:
        if when is None or when(values):
            return target
    return branches[-1][1]


def line_wordings(cs: CompiledScenario, state: CallState, line: CompiledLine) -> tuple[str, ...]:
    """The wordings of the mood band that applies now."""
    if len(line.bands) == 1:
        return line.bands[0].wordings
    values = env(cs, state)
    for band in line.bands:
        if band.when is None or band.when(values):
            return band.wordings
    return line.bands[-1].wordings


def _debtor_beat(
    cs: CompiledScenario, state: CallState, wordings: tuple[str, ...], event: Event
) -> Beat:
    seconds = speech_seconds(wordings[0], cs.locale)
    return Beat("debtor", event, wordings, state.node, None, (), seconds, state)


def _enter(
    cs: CompiledScenario, state: CallState, target: str, beats: list[Beat]
) -> tuple[CallState, tuple[Beat, ...]]:
    node = cs.nodes[target]
    state = state.moved(
        node=target,
        party=node.party,
        verified=node.verified,
        flags=_set_flags(state.flags, node.sets),
    )
    if node.line is not None:
        beats.append(_debtor_beat(cs, state, line_wordings(cs, state, node.line), "line"))
    return state, tuple(beats)


def _end(
    cs: CompiledScenario,
    state: CallState,
    ending_id: str,
    ended_by: EndedBy,
    beats: list[Beat],
    spoken: bool,
) -> tuple[CallState, tuple[Beat, ...]]:
    ending = cs.endings[ending_id]
    state = replace(state, node=ending_id, ending=ending_id, ended_by=ended_by)
    if ending.line is not None and not spoken:
        beats.append(_debtor_beat(cs, state, line_wordings(cs, state, ending.line), "ending"))
    elif ending.outcome == "hung_up" and ended_by == "debtor" and not spoken:
        beats.append(_debtor_beat(cs, state, (cs.persona.hang_up,), "ending"))
    return state, tuple(beats)


def _thresholds(
    cs: CompiledScenario, state: CallState, beats: list[Beat]
) -> tuple[CallState, str | None, bool]:
    """Fire thresholds in order; returns the new state, a goto ending if one fired, and whether it spoke."""
    if not cs.thresholds:
        return state, None, False
    values = env(cs, state)
    for threshold in cs.thresholds:
        if threshold.once and threshold.index in state.fired:
            continue
        if not threshold.when(values):
            continue
        state = state.moved(
            fired=state.fired | {threshold.index}, flags=_set_flags(state.flags, threshold.sets)
        )
        if threshold.line:
            beats.append(_debtor_beat(cs, state, (threshold.line,), "threshold"))
        if threshold.goto is not None:
            return state, threshold.goto, threshold.line is not None
        values = env(cs, state)
    return state, None, False


def step(cs: CompiledScenario, state: CallState, action: str) -> tuple[CallState, tuple[Beat, ...]]:
    """Apply one trainee action (a choice id or the silence token) and return the new state and beats."""
    if state.ended:
        raise ChoiceUnavailable(action, state.node, ())
    if action == SILENCE:
        return silence(cs, state)
    choice = find_choice(cs, state, action)
    state, said = speak(cs, state, choice)
    return advance(cs, state, choice, destination(cs, state, choice), [said])


def advance(
    cs: CompiledScenario, state: CallState, choice: CompiledChoice, target: str, beats: list[Beat]
) -> tuple[CallState, tuple[Beat, ...]]:
    """After the trainee spoke and the destination is known: thresholds, then enter or end."""
    if target in cs.endings:
        outcome = cs.endings[target].outcome
        ended_by: EndedBy = (
            "agent" if choice.agent_ends else ("debtor" if outcome == "hung_up" else "mutual")
        )
        return _end(cs, state, target, ended_by, beats, spoken=False)
    state, goto, spoke = _thresholds(cs, state, beats)
    if goto is not None:
        return _end(cs, state, goto, "debtor", beats, spoken=spoke)
    return _enter(cs, state, target, beats)


def silence(cs: CompiledScenario, state: CallState) -> tuple[CallState, tuple[Beat, ...]]:
    """The trainee said nothing before the response timer ran out: the persona reacts."""
    state = state.moved(mood=_apply(state.mood, cs.silence_delta))
    beats = [
        Beat("agent", "silence", ("",), state.node, None, (SILENCE_TAG,), SILENCE_SECONDS, state)
    ]
    state, goto, spoke = _thresholds(cs, state, beats)
    if goto is not None:
        return _end(cs, state, goto, "debtor", beats, spoken=spoke)
    beats.append(_debtor_beat(cs, state, line_wordings(cs, state, cs.silence_line), "silence"))
    return state, tuple(beats)
