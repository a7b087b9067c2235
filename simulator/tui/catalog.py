"""The scenario catalogue as the picker lists it: rows and filters (no Textual here)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from simulator.spec.library import Library

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class ScenarioRow:
    """One scenario as listed."""

    id: str
    title: str
    archetype: str
    difficulty: int
    locale: str
    tags: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ScenarioFilter:
    """The picker's filters (None = any)."""

    archetype: str | None = None
    difficulty: int | None = None
    tag: str | None = None
    locale: str | None = None

    def keeps(self, row: ScenarioRow) -> bool:
        """True when the row passes every filter."""
        return (
            (self.archetype is None or row.archetype == self.archetype)
            and (self.difficulty is None or row.difficulty == self.difficulty)
            and (self.tag is None or self.tag in row.tags)
            and (self.locale is None or row.locale == self.locale)
        )


def scenario_rows(library: Library) -> list[ScenarioRow]:
    """Every playable scenario (its persona loaded), by locale, difficulty, then id."""
    rows = []
    for scenario in library.scenarios.values():
        persona = library.personas.get(scenario.persona)
        if persona is None:
            continue
        rows.append(
            ScenarioRow(
                scenario.id,
                scenario.title,
                persona.archetype,
                scenario.difficulty,
                scenario.locale,
                tuple(scenario.tags),
            )
        )
    return sorted(rows, key=lambda r: (r.locale != "zh-CN", r.difficulty, r.id))


def choices_for(rows: list[ScenarioRow], field: str) -> list[Any]:
    """The distinct values a filter can cycle through (sorted)."""
    if field == "tag":
        return sorted({tag for row in rows for tag in row.tags})
    return sorted({getattr(row, field) for row in rows})


def cycled(current: T | None, options: Sequence[T]) -> T | None:
    """The next filter value after `current`: None (any) -> first -> ... -> last -> None."""
    if current is None:
        return options[0] if options else None
    index = options.index(current) if current in options else -1
    return options[index + 1] if index + 1 < len(options) else None
