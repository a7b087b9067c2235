"""The content library: every persona, scenario, rubric and rule pack, with cross-file checks."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from simulator.spec.diagnostics import Diagnostic, DiagnosticError
from simulator.spec.loading import load_persona, load_rubric, load_rulepack, load_scenario
from simulator.spec.persona import PersonaSpec
from simulator.spec.rubric import RubricSpec
from simulator.spec.rulepack import RulePackSpec
from simulator.spec.scenario import ScenarioSpec

DEFAULT_PACK_BY_LOCALE = {"zh-CN": "cn", "en-US": "us"}


@dataclass
class Library:
    """Loaded content, where each item came from, and every diagnostic found."""

    personas: dict[str, PersonaSpec] = field(default_factory=dict)
    scenarios: dict[str, ScenarioSpec] = field(default_factory=dict)
    rubrics: dict[str, RubricSpec] = field(default_factory=dict)
    rulepacks: dict[str, RulePackSpec] = field(default_factory=dict)
    paths: dict[tuple[str, str], Path] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def errors(self) -> list[Diagnostic]:
        """Diagnostics at error level."""
        return [d for d in self.diagnostics if d.level == "error"]

    def pack_for(self, scenario: ScenarioSpec) -> RulePackSpec:
        """The rule pack a scenario uses (its `rules:` or the default for its locale)."""
        return self.rulepacks[scenario.rules or DEFAULT_PACK_BY_LOCALE[scenario.locale]]

    def rubric_for(self, scenario: ScenarioSpec) -> RubricSpec:
        """The rubric a scenario uses."""
        return self.rubrics[scenario.rubric]

    def persona_for(self, scenario: ScenarioSpec) -> PersonaSpec:
        """The persona a scenario names."""
        return self.personas[scenario.persona]


def default_content_root() -> Path:
    """The bundled content: inside the installed package, or the checkout's top level."""
    package = Path(__file__).resolve().parent.parent
    installed = package / "content"
    if (installed / "scenarios").is_dir():
        return installed
    return package.parent


def load_library(root: Path, data_dirs: tuple[Path, ...] = ()) -> Library:
    """Load everything under `root` (personas/, scenarios/, plus rubrics and packs anywhere in it).

    `data_dirs` hold the default rubric and rule packs; files in `root` with the same id win.
    Never raises for content problems: they are collected in `Library.diagnostics`.
    """
    library = Library()
    for directory in (*data_dirs, root):
        for path in sorted(directory.rglob("*.rubric.yaml")):
            _add(library, "rubric", path)
        for path in sorted(directory.rglob("*.rules.yaml")):
            _add(library, "rules", path)
    for path in sorted((root / "personas").glob("*.persona.yaml")):
        _add(library, "persona", path)
    for path in sorted((root / "scenarios").glob("*.scenario.yaml")):
        _add(library, "scenario", path)
    return library


def _add(library: Library, kind: str, path: Path) -> None:
    try:
        if kind == "rubric":
            rubric = load_rubric(path)
            library.rubrics[rubric.id] = rubric
            library.paths[("rubric", rubric.id)] = path
        elif kind == "rules":
            pack = load_rulepack(path)
            library.rulepacks[pack.id] = pack
            library.paths[("rules", pack.id)] = path
        elif kind == "persona":
            persona = load_persona(path)
            library.personas[persona.id] = persona
            library.paths[("persona", persona.id)] = path
        else:
            scenario = load_scenario(path)
            library.scenarios[scenario.id] = scenario
            library.paths[("scenario", scenario.id)] = path
    except DiagnosticError as exc:
        library.diagnostics.extend(exc.diagnostics)
