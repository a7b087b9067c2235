"""The engine: compiles a scenario and persona into a running call (the one user of transitions)."""

from simulator.engine.call import Call, ModelAnswerError, model_actions, model_answer, replay
from simulator.engine.clock import Clock, SimulatedClock
from simulator.engine.compiled import (
    CompiledScenario,
    CompileError,
    OfferedChoice,
    compile_scenario,
    content_hash,
)
from simulator.engine.machine import EngineError
from simulator.engine.state import CallState, ChoiceUnavailable

__all__ = [
    "Call",
    "CallState",
    "ChoiceUnavailable",
    "Clock",
    "CompileError",
    "CompiledScenario",
    "EngineError",
    "ModelAnswerError",
    "OfferedChoice",
    "SimulatedClock",
    "compile_scenario",
    "content_hash",
    "model_actions",
    "model_answer",
    "replay",
]
