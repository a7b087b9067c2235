"""Diagnostics: every problem in authored content, with a stable code, a place and a hint."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

Level = Literal["error", "warning"]


@dataclass(frozen=True)
class Diagnostic:
    """One problem found in a content file."""

    code: str
    path: str
    line: int
    col: int
    message: str
    hint: str = ""
    level: Level = "error"

    def format(self) -> str:
        """`path:line:col: CODE message (hint)`, the shape `calldojo validate` prints."""
        hint = f" ({self.hint})" if self.hint else ""
        return f"{self.path}:{self.line}:{self.col}: {self.code} {self.message}{hint}"

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready dict."""
        return {
            "code": self.code,
            "path": self.path,
            "line": self.line,
            "col": self.col,
            "message": self.message,
            "hint": self.hint,
            "level": self.level,
        }


def did_you_mean(word: str, candidates: Iterable[str]) -> str:
    """A `did you mean 'x'?` hint for the closest candidate, or an empty string."""
    close = difflib.get_close_matches(word, list(candidates), n=1, cutoff=0.6)
    return f"did you mean {close[0]!r}?" if close else ""


class DiagnosticError(Exception):
    """Raised by loaders when a file cannot be used; carries the diagnostics."""

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        super().__init__("; ".join(d.format() for d in diagnostics))
        self.diagnostics = diagnostics
