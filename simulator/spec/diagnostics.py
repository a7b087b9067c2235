"""Diagnostics: every problem in authored content, with a stable code, a place and a hint.

What a diagnostic says comes from the catalogue (`simulator.spec.messages`) and is rendered in the
language asked for: `format("zh")`, `to_dict("zh")`. `message` and `hint` are the English texts.
"""

from __future__ import annotations

from dataclasses import dataclass

from simulator.spec.messages import Level, Said, did_you_mean
from simulator.wording import Lang

__all__ = ["Diagnostic", "DiagnosticError", "Level", "did_you_mean"]


@dataclass(frozen=True)
class Diagnostic:
    """One problem found in a content file."""

    path: str
    line: int
    col: int
    said: Said
    """Code, level, message and hint (both languages)."""

    @property
    def code(self) -> str:
        """The stable code, e.g. `CD202`."""
        return self.said.code

    @property
    def level(self) -> Level:
        """`error` or `warning` (the code's level)."""
        return self.said.level

    @property
    def message(self) -> str:
        """The message in English."""
        return self.said.message("en")

    @property
    def hint(self) -> str:
        """The hint in English (empty when there is none)."""
        return self.said.hint("en")

    def format(self, lang: Lang = "en") -> str:
        """`path:line:col: CODE message (hint)`, the shape `calldojo validate` prints."""
        hint = self.said.hint(lang)
        tail = f" ({hint})" if hint else ""
        return f"{self.path}:{self.line}:{self.col}: {self.code} {self.said.message(lang)}{tail}"

    def to_dict(self, lang: Lang = "en") -> dict[str, object]:
        """A JSON-ready dict, its message and hint in `lang`."""
        return {
            "code": self.code,
            "path": self.path,
            "line": self.line,
            "col": self.col,
            "message": self.said.message(lang),
            "hint": self.said.hint(lang),
            "level": self.level,
            "lang": lang,
        }


class DiagnosticError(Exception):
    """Raised by loaders when a file cannot be used; carries the diagnostics."""

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        super().__init__("; ".join(d.format() for d in diagnostics))
        self.diagnostics = diagnostics
