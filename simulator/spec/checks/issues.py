"""Findings of the second pass, positioned in their files only when reported."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

from simulator.spec.diagnostics import Diagnostic
from simulator.spec.loading.yaml_positions import Loc, compose, follow, unit_position, value_column
from simulator.spec.messages import Said


@dataclass(frozen=True)
class Issue:
    """A finding of the second pass, positioned later (files are composed only when needed)."""

    path: Path
    loc: Loc
    said: Said
    """Code, level, message and hint (`simulator.spec.messages.said`)."""
    at_key: bool = False
    offset: int = 0
    """A 1-based column inside the scalar at `loc` (condition errors); 0 points at the node."""

    @property
    def code(self) -> str:
        """The diagnostic code."""
        return self.said.code


def resolve(issues: Sequence[Issue]) -> list[Diagnostic]:
    """Position issues: each file involved is read and composed once."""
    roots: dict[Path, yaml.Node | None] = {}
    found: list[Diagnostic] = []
    for issue in issues:
        if issue.path not in roots:
            roots[issue.path] = _compose_file(issue.path)
        located = follow(roots[issue.path], issue.loc, issue.at_key)
        if issue.offset and located.exact:
            line, col = value_column(located.node, issue.offset)
        else:
            line, col = unit_position(located.node)
        found.append(Diagnostic(str(issue.path), line, col, issue.said))
    return found


def _compose_file(path: Path) -> yaml.Node | None:
    try:
        return compose(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        return None
