"""The one door to `transitions`: the state machine that runs a call.

Nodes and endings are states and choices are triggers. Each `next` branch is a transition guarded
by its compiled condition, tried in authored order over the state after the trainee's words (the
last branch has none: the spec requires it). The callbacks are the rules of `state` (`speak`,
`advance`, `silence`), the functions the analysis composes in `step`, so each rule of the call is
written once. A persona threshold that ends the call moves the machine to its ending by its own
trigger. Guards and callbacks are callables: no string from YAML reaches transitions' callback
resolution.
"""

from __future__ import annotations

import logging
from functools import partial

from transitions import Machine

from simulator.engine.compiled import CompiledChoice, CompiledScenario
from simulator.engine.state import Beat, CallState, advance, env, silence, speak
from simulator.spec.models.condition import Condition

SILENCE_TRIGGER = "__silence"
NODE_ATTRIBUTE = "_node"
"""Where transitions keeps the node on its model: no YAML id can name it (ids begin a-z)."""

# With model_override=True transitions logs a warning for every trigger it does not bind to the
# model; that is exactly the policy we want, and the engine must not write to stderr.
logging.getLogger("transitions.core").setLevel(logging.ERROR)


class EngineError(RuntimeError):
    """The machine took no transition for an available action: a CallDojo bug, never content."""


def threshold_trigger(index: int) -> str:
    """The trigger name of a persona threshold."""
    return f"__threshold_{index}"


class _Position:
    """The model transitions moves, with one attribute: the node or ending id.

    Nothing else lives on it: with `model_override=True` transitions rebinds any model attribute
    named like a trigger (a choice id), so the call state is kept by `CallMachine`.
    """

    __slots__ = (NODE_ATTRIBUTE,)


class CallMachine:
    """A call run by transitions: triggers move the node, callbacks apply the rules of `state`."""

    def __init__(self, cs: CompiledScenario, opening: CallState) -> None:
        self._cs = cs
        self.state = opening
        """The call state after the last action."""
        self.beats: tuple[Beat, ...] = ()
        """What the last action produced, in order."""
        self._spoken = (
            opening  # the state right after the trainee's words, before the call moves on
        )
        self._said: list[Beat] = []
        self._position = _Position()
        self._machine = build_machine(cs, self, self._position)

    @property
    def node(self) -> str:
        """Where the machine has the call: a node or ending id (always `state.node`)."""
        node: str = getattr(self._position, NODE_ATTRIBUTE)
        return node

    def choose(self, choice: CompiledChoice) -> tuple[Beat, ...]:
        """Say an available choice; returns the beats it produced (the agent's first)."""
        return self._trigger(choice.id)

    def silence(self) -> tuple[Beat, ...]:
        """The response timer ran out; returns the beats that produced."""
        return self._trigger(SILENCE_TRIGGER)

    def _trigger(self, trigger: str) -> tuple[Beat, ...]:
        if not self._machine.events[trigger].trigger(self._position):
            raise EngineError(f"no transition for {trigger!r} at {self.node!r}")
        return self.beats

    def speak(self, choice: CompiledChoice) -> None:
        """Prepare callback of a choice's transitions: the trainee's words, before any guard."""
        self._spoken, said = speak(self._cs, self.state, choice)
        self._said = [said]

    def holds(self, when: Condition) -> bool:
        """Guard of a `next` branch: its condition over the state after the trainee's words."""
        return bool(when(env(self._cs, self._spoken)))

    def arrive(self, choice: CompiledChoice, target: str) -> None:
        """After callback of a choice's transition to `target`: thresholds, then enter or end."""
        self._settle(*advance(self._cs, self._spoken, choice, target, self._said))

    def fall_silent(self) -> None:
        """After callback of the silence trigger: the persona reacts."""
        self._settle(*silence(self._cs, self.state))

    def _settle(self, state: CallState, beats: tuple[Beat, ...]) -> None:
        self.state, self.beats = state, beats
        if state.ended and self.node != state.node:  # a threshold ended the call
            fired = next(
                t.index
                for t in self._cs.thresholds
                if t.goto == state.node and t.index in state.fired
            )
            self._machine.events[threshold_trigger(fired)].trigger(self._position)


def build_machine(cs: CompiledScenario, run: CallMachine, model: object) -> Machine:
    """Construct the Machine that moves `model` for `run` (a fresh config each time)."""
    machine = Machine(
        model=model,
        states=[*cs.nodes, *cs.endings],
        initial=cs.scenario.start,
        auto_transitions=False,
        model_override=True,
        model_attribute=NODE_ATTRIBUTE,
        ignore_invalid_triggers=False,
        send_event=False,
    )
    for node in cs.nodes.values():
        for choice in node.choices:
            said = partial(run.speak, choice)  # before each branch's guard: they read its state
            for when, target in choice.branches:
                machine.add_transition(
                    choice.id,
                    node.id,
                    target,
                    prepare=said,
                    conditions=[] if when is None else [partial(run.holds, when)],
                    after=[partial(run.arrive, choice, target)],
                )
    for threshold in cs.thresholds:
        if threshold.goto is not None:
            machine.add_transition(
                threshold_trigger(threshold.index), list(cs.nodes), threshold.goto
            )
    machine.add_transition(SILENCE_TRIGGER, list(cs.nodes), None, after=[run.fall_silent])
    return machine
