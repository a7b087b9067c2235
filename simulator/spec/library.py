"""The content library: every persona, scenario, rubric and rule pack, with cross-file checks."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from simulator.locations import default_content_root as default_content_root
from simulator.spec.checks.cross_references import check_references
from simulator.spec.checks.issues import Issue, resolve
from simulator.spec.diagnostics import Diagnostic, DiagnosticError
from simulator.spec.loading.loader import load_persona, load_rubric, load_rulepack, load_scenario
from simulator.spec.messages import phrase, said
from simulator.spec.models.persona import PersonaSpec
from simulator.spec.models.rubric import RubricSpec
from simulator.spec.models.rulepack import RulePackSpec
from simulator.spec.models.scenario import ScenarioSpec

Kind = Literal["scenario", "persona", "rubric", "rules"]
DEFAULT_PACK_BY_LOCALE = {"zh-CN": "cn", "en-US": "us"}
SUFFIXES: dict[str, Kind] = {
    ".scenario.yaml": "scenario",
    ".persona.yaml": "persona",
    ".rubric.yaml": "rubric",
    ".rules.yaml": "rules",
}


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

    def pack_id(self, scenario: ScenarioSpec) -> str:
        """The id of the rule pack a scenario uses (its `rules:` or the default for its locale)."""
        return scenario.rules or DEFAULT_PACK_BY_LOCALE[scenario.locale]

    def pack_for(self, scenario: ScenarioSpec) -> RulePackSpec:
        """The rule pack a scenario uses (its `rules:` or the default for its locale)."""
        return self.rulepacks[self.pack_id(scenario)]

    def rubric_for(self, scenario: ScenarioSpec) -> RubricSpec:
        """The rubric a scenario uses."""
        return self.rubrics[scenario.rubric]

    def persona_for(self, scenario: ScenarioSpec) -> PersonaSpec:
        """The persona a scenario names."""
        return self.personas[scenario.persona]

    def path_of(self, kind: Kind, item_id: str) -> Path:
        """The file an item was loaded from."""
        return self.paths[(kind, item_id)]


def kind_of(path: Path) -> Kind | None:
    """The content kind a file name says (`x.scenario.yaml` -> scenario), or None."""
    for suffix, kind in SUFFIXES.items():
        if path.name.endswith(suffix):
            return kind
    return None


def load_library(
    root: Path, data_dirs: tuple[Path, ...] = (), *, references: bool = True
) -> Library:
    """Load everything under `root`: personas/, scenarios/, rubrics and rule packs.

    Rubrics and rule packs are read from the top level of `root` and its rubrics/ and rules/.
    `data_dirs` hold the default rubric and rule packs (found anywhere in them); files in `root`
    with the same id win.
    With `references`, the second pass (`simulator.spec.checks.cross_references`) runs too.
    Never raises for content problems: they are collected in `Library.diagnostics`.
    """
    library = Library()
    for group in (*data_dirs, root):
        loaded: set[tuple[str, str]] = set()
        for path in _data_files(group, scan=group is not root):
            add_file(library, path, loaded)
    loaded = set()
    for sub, suffix in (("personas", ".persona.yaml"), ("scenarios", ".scenario.yaml")):
        for path in _listed(library, root / sub, suffix):
            add_file(library, path, loaded)
    if references:
        check(library)
    return library


def _listed(library: Library, folder: Path, suffix: str) -> list[Path]:
    """The files of `folder` ending in `suffix`, sorted; a folder that cannot be read is an error.

    (`Path.glob` would quietly find nothing in an unreadable folder, and the library would look
    clean and empty.)
    """
    try:
        with os.scandir(folder) as entries:
            names = sorted(e.name for e in entries if e.name.endswith(suffix))
    except FileNotFoundError:
        return []
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        library.diagnostics.append(
            Diagnostic(str(folder), 1, 1, said("CD100.unreadable", reason=reason))
        )
        return []
    return [folder / name for name in names]


def _data_files(directory: Path, scan: bool) -> list[Path]:
    """Rubrics and rule packs in a data dir (anywhere in it) or a content root (top, rubrics/, rules/)."""
    found: list[Path] = []
    for pattern in ("*.rubric.yaml", "*.rules.yaml"):
        if scan:
            found.extend(sorted(directory.rglob(pattern)))
        else:
            found.extend(sorted(directory.glob(pattern)))
            for sub in ("rubrics", "rules"):
                found.extend(sorted((directory / sub).rglob(pattern)))
    return found


def check(library: Library) -> None:
    """Run the second pass over a loaded library and add its diagnostics."""
    library.diagnostics.extend(check_references(library))


def add_file(library: Library, path: Path, loaded: set[tuple[str, str]] | None = None) -> None:
    """Load one file into the library by its suffix; a later file with the same id replaces it.

    `loaded` collects the (kind, id) pairs of one directory group: a second file with the same
    id in the same group is a CD306 error (and is not loaded).
    """
    kind = kind_of(path)
    if kind is None:
        library.diagnostics.append(Diagnostic(str(path), 1, 1, said("CD106")))
        return
    try:
        item = _LOADERS[kind](path)
    except DiagnosticError as exc:
        library.diagnostics.extend(exc.diagnostics)
        return
    key = (kind, item.id)
    if loaded is not None and key in loaded:
        first = library.paths[key]
        issue = Issue(
            path, ("id",), said("CD306", kind=phrase(f"file.{kind}"), id=item.id, first=str(first))
        )
        library.diagnostics.extend(resolve([issue]))
        return
    if loaded is not None:
        loaded.add(key)
    _store(library, kind, item)
    library.paths[key] = path
    if path.name != f"{item.id}{'.' + kind}.yaml":
        issue = Issue(path, ("id",), said("CD502", id=item.id, name=f"{item.id}.{kind}.yaml"))
        library.diagnostics.extend(resolve([issue]))


def _store(
    library: Library, kind: Kind, item: ScenarioSpec | PersonaSpec | RubricSpec | RulePackSpec
) -> None:
    if isinstance(item, ScenarioSpec):
        library.scenarios[item.id] = item
    elif isinstance(item, PersonaSpec):
        library.personas[item.id] = item
    elif isinstance(item, RubricSpec):
        library.rubrics[item.id] = item
    else:
        library.rulepacks[item.id] = item


_LOADERS: dict[Kind, Callable[[Path], ScenarioSpec | PersonaSpec | RubricSpec | RulePackSpec]] = {
    "scenario": load_scenario,
    "persona": load_persona,
    "rubric": load_rubric,
    "rules": load_rulepack,
}
