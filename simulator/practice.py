"""A scenario prepared for practice: compiled call, rubric, rule pack and score anchors in one place.

This is the seam the CLI and the TUI share: neither holds a business rule of its own.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from scoring.interface import Anchors
from scoring.report import ScoreReport
from scoring.score import PassRules, anchors, pass_rules, score
from simulator.engine import (
    Call,
    CompiledScenario,
    ModelAnswerError,
    compile_scenario,
    model_answer,
)
from simulator.engine.clock import Clock
from simulator.spec.diagnostics import did_you_mean
from simulator.spec.library import Library
from simulator.spec.persona import PersonaSpec
from simulator.spec.rubric import RubricSpec
from simulator.spec.rulepack import RulePackSpec
from simulator.spec.scenario import ScenarioSpec
from simulator.transcript import Transcript


class PracticeError(LookupError):
    """A scenario that cannot be practised: unknown id, or content with errors."""


@dataclass(frozen=True)
class Prepared:
    """Everything needed to run and score calls of one scenario."""

    compiled: CompiledScenario
    rubric: RubricSpec
    pack: RulePackSpec

    @property
    def scenario(self) -> ScenarioSpec:
        """The scenario (as compiled)."""
        return self.compiled.scenario

    @property
    def persona(self) -> PersonaSpec:
        """The scenario's persona (as compiled)."""
        return self.compiled.persona

    @cached_property
    def anchors(self) -> Anchors:
        """The model answer's soft points per dimension: what scores 100 (played once, cached)."""
        return anchors(model_answer(self.compiled), self.scenario, self.rubric)

    @property
    def pass_rules(self) -> PassRules:
        """What decides pass or fail in this scenario (shown on the case file)."""
        return pass_rules(self.scenario, self.pack)

    def start(self, *, seed: int = 0, shuffle: bool = False, clock: Clock | None = None) -> Call:
        """Begin a call."""
        return Call(self.compiled, seed=seed, shuffle=shuffle, clock=clock)

    def score(self, transcript: Transcript) -> ScoreReport:
        """Score a transcript of this scenario."""
        return score(transcript, self.scenario, self.rubric, self.pack, self.anchors)


def prepare(library: Library, scenario_id: str) -> Prepared:
    """Prepare a scenario of the library, or raise PracticeError with a message a user can act on."""
    scenario = library.scenarios.get(scenario_id)
    if scenario is None:
        hint = did_you_mean(scenario_id, library.scenarios)
        known = ", ".join(sorted(library.scenarios)) or "(none)"
        raise PracticeError(
            f"unknown scenario {scenario_id!r}" + (f"; {hint}" if hint else f"; known: {known}")
        )
    _refuse_broken(library, scenario)
    try:
        persona = library.persona_for(scenario)
        rubric = library.rubric_for(scenario)
        pack = library.pack_for(scenario)
    except KeyError as exc:
        raise PracticeError(
            f"scenario {scenario_id!r} refers to missing content {exc}; run `calldojo validate`"
        ) from None
    prepared = Prepared(compile_scenario(scenario, persona), rubric, pack)
    try:
        prepared.anchors  # noqa: B018 - a scenario whose model answer cannot be played is refused
    except ModelAnswerError as exc:
        raise PracticeError(f"{exc}; run `calldojo validate`") from None
    return prepared


def _refuse_broken(library: Library, scenario: ScenarioSpec) -> None:
    """A scenario whose own file or persona file has errors is not played (scores would lie)."""
    own = (
        library.paths.get(("scenario", scenario.id)),
        library.paths.get(("persona", scenario.persona)),
    )
    files = {str(path) for path in own if path is not None}
    errors = [d for d in library.errors if d.path in files]
    if errors:
        shown = "\n  ".join(d.format() for d in errors[:5])
        more = f"\n  ... and {len(errors) - 5} more" if len(errors) > 5 else ""
        raise PracticeError(
            f"scenario {scenario.id!r} has content errors; fix them first (`calldojo validate`):\n  {shown}{more}"
        )
