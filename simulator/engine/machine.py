"""The one door to `transitions`: builds the state machine of a call.

Nodes and endings are states, choices are triggers, `next` branches are guarded transitions and
persona thresholds are transitions from any state. Guards are callables over the compiled
conditions; no string from YAML ever reaches transitions' callback resolution.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from transitions import Machine

from simulator.engine.compiled import CompiledScenario
from simulator.engine.state import CallState, env
from simulator.spec.condition import Condition

SILENCE_TRIGGER = "__silence"

# With model_override=True transitions logs a warning for every trigger it does not bind to the
# model; that is exactly the policy we want, and the engine must not write to stderr.
logging.getLogger("transitions.core").setLevel(logging.ERROR)


def threshold_trigger(index: int) -> str:
    """The trigger name of a persona threshold."""
    return f"__threshold_{index}"


@dataclass
class CallModel:
    """The model object transitions moves: `state` is the node or ending id; `pending` the call state."""

    state: str
    pending: CallState


def _guard(
    cs: CompiledScenario, model: CallModel, condition: Condition | None
) -> Callable[[], bool]:
    if condition is None:
        return lambda: True
    return lambda: bool(condition(env(cs, model.pending)))


def build_machine(cs: CompiledScenario, model: CallModel) -> Machine:
    """Construct the Machine for one call (fresh config every time, never shared)."""
    states = [*cs.nodes, *cs.endings]
    machine = Machine(
        model=model,
        states=states,
        initial=cs.scenario.start,
        auto_transitions=False,
        model_override=True,
        ignore_invalid_triggers=False,
        send_event=False,
    )
    for node in cs.nodes.values():
        for choice in node.choices:
            for condition, target in choice.branches:
                machine.add_transition(
                    choice.id, node.id, target, conditions=[_guard(cs, model, condition)]
                )
    for threshold in cs.thresholds:
        if threshold.goto is not None:
            machine.add_transition(
                threshold_trigger(threshold.index),
                list(cs.nodes),
                threshold.goto,
                conditions=[_guard(cs, model, threshold.when)],
            )
    machine.add_transition(SILENCE_TRIGGER, list(cs.nodes), None)
    return machine
