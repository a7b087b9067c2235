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
from simulator.messages import say
from simulator.spec.diagnostics import Diagnostic, did_you_mean
from simulator.spec.library import Library
from simulator.spec.models.persona import PersonaSpec
from simulator.spec.models.rubric import RubricSpec
from simulator.spec.models.rulepack import RulePackSpec
from simulator.spec.models.scenario import ScenarioSpec
from simulator.transcript import Transcript
from simulator.wording import Lang, Text

SHOWN_ERRORS = 5
"""Content errors listed when a broken scenario is refused (the rest are counted)."""


class PracticeError(LookupError):
    """A scenario that cannot be practised: unknown id, or content with errors.

    `str()` is the English message; `render(lang)` gives it in either UI language.
    """

    def __init__(self, text: Text, diagnostics: tuple[Diagnostic, ...] = ()) -> None:
        self.text = text
        self.diagnostics = diagnostics
        """The content errors that refused the scenario, if that is why."""
        super().__init__(self.render("en"))

    def render(self, lang: Lang) -> str:
        """The message in `lang`, with the first content errors below it."""
        lines = [self.text.render(lang)]
        lines += [f"  {d.format(lang)}" for d in self.diagnostics[:SHOWN_ERRORS]]
        if len(self.diagnostics) > SHOWN_ERRORS:
            more = say("practice.more", count=len(self.diagnostics) - SHOWN_ERRORS)
            lines.append(f"  {more.render(lang)}")
        return "\n".join(lines)


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
        known = ", ".join(sorted(library.scenarios)) or say("none")
        suggestion = did_you_mean(scenario_id, library.scenarios) or say(
            "practice.known", ids=known
        )
        raise PracticeError(say("practice.unknown", scenario=scenario_id, suggestion=suggestion))
    _refuse_broken(library, scenario)
    try:
        persona = library.persona_for(scenario)
        rubric = library.rubric_for(scenario)
        pack = library.pack_for(scenario)
    except KeyError as exc:
        missing = say("practice.missing", scenario=scenario_id, missing=str(exc))
        raise PracticeError(missing) from None
    prepared = Prepared(compile_scenario(scenario, persona, (rubric, pack)), rubric, pack)
    try:
        prepared.anchors  # noqa: B018 - a scenario whose model answer cannot be played is refused
    except ModelAnswerError as exc:
        raise PracticeError(say("practice.model_answer", detail=str(exc))) from None
    return prepared


def _refuse_broken(library: Library, scenario: ScenarioSpec) -> None:
    """A scenario whose own file or persona file has errors is not played (scores would lie)."""
    own = (
        library.paths.get(("scenario", scenario.id)),
        library.paths.get(("persona", scenario.persona)),
    )
    files = {str(path) for path in own if path is not None}
    errors = tuple(d for d in library.errors if d.path in files)
    if errors:
        raise PracticeError(say("practice.broken", scenario=scenario.id), errors)
