"""A running call: pull-based, deterministic, headless. The TUI and the CLI both drive this."""

from __future__ import annotations

import random

from simulator.engine.clock import Clock, SimulatedClock
from simulator.engine.compiled import CompiledChoice, CompiledScenario, OfferedChoice
from simulator.engine.machine import CallMachine
from simulator.engine.state import (
    Beat,
    CallState,
    ChoiceUnavailable,
    available,
    find_choice,
    initial,
    step,
)
from simulator.transcript import SILENCE, Ending, Transcript, Turn


class Call:
    """One call in progress. Ask for `choices()`, answer with `choose(id)` or `silence()`."""

    def __init__(
        self,
        compiled: CompiledScenario,
        *,
        seed: int = 0,
        shuffle: bool = False,
        clock: Clock | None = None,
    ) -> None:
        self.compiled = compiled
        self.seed = seed
        self.shuffle = shuffle
        self._rng = random.Random(seed)
        self._shuffle_rng = random.Random(seed * 7919 + 1)
        self._clock = clock or SimulatedClock()
        state, beats = initial(compiled)
        self._clock.reset(state.dialed_at)
        self._machine = CallMachine(compiled, state)
        self._state = state
        self._turns: list[Turn] = []
        self._actions: list[str] = []
        self._offer: tuple[OfferedChoice, ...] = ()
        self._available: dict[str, CompiledChoice] = {}
        self._record(beats)
        self._make_offer()

    @property
    def state(self) -> CallState:
        """The engine state now."""
        return self._state

    @property
    def ended(self) -> bool:
        """True once the call reached an ending."""
        return self._state.ended

    @property
    def turns(self) -> tuple[Turn, ...]:
        """Every turn so far."""
        return tuple(self._turns)

    @property
    def debtor_line(self) -> str | None:
        """The debtor's most recent words."""
        for turn in reversed(self._turns):
            if turn.speaker == "debtor":
                return turn.text
        return None

    def choices(self) -> tuple[OfferedChoice, ...]:
        """The choices offered now; shuffled (seeded, once per visit) when `shuffle` is on."""
        return self._offer

    def _make_offer(self) -> None:
        node = None if self._state.ended else self.compiled.nodes[self._state.node]
        if node is not None and not node.guarded:
            self._available, offer = node.index, node.offers
        else:
            choices = available(self.compiled, self._state)
            self._available = {c.id: c for c in choices}
            offer = tuple(c.offer for c in choices)
        if self.shuffle and offer:
            shuffled = list(offer)
            self._shuffle_rng.shuffle(shuffled)
            offer = tuple(shuffled)
        self._offer = offer

    def choose(self, choice_id: str) -> tuple[Turn, ...]:
        """Say the choice; return the new turns (the trainee's, then the debtor's)."""
        if self.ended:
            raise ChoiceUnavailable(choice_id, self._state.node, ())
        if choice_id == SILENCE:
            return self.silence()
        choice = self._available.get(choice_id) or find_choice(
            self.compiled, self._state, choice_id
        )
        beats = self._machine.choose(choice)
        return self._commit(choice_id, self._machine.state, beats)

    def silence(self) -> tuple[Turn, ...]:
        """The response timer ran out: the persona reacts to the silence."""
        if self.ended:
            raise ChoiceUnavailable(SILENCE, self._state.node, ())
        beats = self._machine.silence()
        return self._commit(SILENCE, self._machine.state, beats)

    def transcript(self) -> Transcript:
        """The record so far (status `completed` once ended)."""
        ending = None
        if self._state.ending is not None and self._state.ended_by is not None:
            ending = Ending(
                self._state.ending,
                self.compiled.endings[self._state.ending].outcome,
                self._state.ended_by,
            )
        return Transcript(
            scenario=self.compiled.scenario.id,
            persona=self.compiled.persona.id,
            locale=self.compiled.locale,
            content_hash=self.compiled.content_hash,
            seed=self.seed,
            dialed_at=self._state.dialed_at,
            turns=tuple(self._turns),
            actions=tuple(self._actions),
            ending=ending,
            status="completed" if ending else "in_progress",
        )

    def _commit(self, action: str, state: CallState, beats: tuple[Beat, ...]) -> tuple[Turn, ...]:
        if state.dialed_at != self._state.dialed_at:
            self._clock.reset(state.dialed_at)
        self._state = state
        self._actions.append(action)
        turns = self._record(beats)
        self._make_offer()
        return turns

    def _record(self, beats: tuple[Beat, ...]) -> tuple[Turn, ...]:
        new: list[Turn] = []
        labelled = self.compiled.labelled
        for beat in beats:
            text = beat.wordings[0] if len(beat.wordings) == 1 else self._rng.choice(beat.wordings)
            snapshot = beat.state
            mood, flags = labelled(snapshot.mood, snapshot.flags)
            turn = Turn(
                len(self._turns),
                beat.speaker,
                beat.event,
                text,
                beat.node,
                beat.choice,
                beat.tags,
                mood,
                snapshot.party,
                snapshot.verified,
                flags,
                self._clock.now(),
                beat.seconds,
            )
            self._clock.advance(beat.seconds)
            self._turns.append(turn)
            new.append(turn)
        return tuple(new)


def replay(
    compiled: CompiledScenario,
    seed: int,
    actions: tuple[str, ...] | list[str],
    *,
    shuffle: bool = False,
) -> Transcript:
    """Play the actions again from the start; the same content, seed and actions give the same transcript."""
    call = Call(compiled, seed=seed, shuffle=shuffle)
    for action in actions:
        if call.ended:
            break
        call.choose(action)
    return call.transcript()


MODEL_ANSWER_LIMIT = 200
"""Turns after which the model answer is taken to loop (content error: it never ends)."""


class ModelAnswerError(ValueError):
    """The model answer cannot be played: a node without one, or one that is not offered, or a loop."""


def model_actions(compiled: CompiledScenario) -> tuple[str, ...]:
    """The choices of the model answer: the `best` choice at every node from the start to an ending."""
    state, _ = initial(compiled)
    chosen: list[str] = []
    while not state.ended:
        if len(chosen) >= MODEL_ANSWER_LIMIT:
            raise ModelAnswerError(
                f"scenario {compiled.scenario.id!r}: the model answer does not end within "
                f"{MODEL_ANSWER_LIMIT} turns (it loops at node {state.node!r})"
            )
        node = compiled.scenario.nodes[state.node]
        best = node.model_answer
        if best is None:
            raise ModelAnswerError(
                f"scenario {compiled.scenario.id!r}: node {state.node!r} has no choice marked `best: true`"
            )
        if best.id not in {c.id for c in available(compiled, state)}:
            raise ModelAnswerError(
                f"scenario {compiled.scenario.id!r}: the model answer {best.id!r} at node "
                f"{state.node!r} is not offered when the model answer reaches it (its `when` fails)"
            )
        state, _ = step(compiled, state, best.id)
        chosen.append(best.id)
    return tuple(chosen)


def model_answer(compiled: CompiledScenario) -> Transcript:
    """The transcript of the model answer (seed 0): what scores 100."""
    return replay(compiled, 0, model_actions(compiled))
