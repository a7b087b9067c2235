"""The score report: what the debrief shows and the store keeps (JSON round-trippable)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from typing import Any, Self

REPORT_VERSION = 2


class _Flat:
    """JSON for a flat, slotted record: one key per field."""

    __slots__ = ()

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return {f.name: getattr(self, f.name) for f in fields(self)}  # type: ignore[arg-type]

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Self:
        """Read a dict written by `to_dict`."""
        return cls(**{f.name: data[f.name] for f in fields(cls)})  # type: ignore[arg-type]


@dataclass(frozen=True, slots=True)
class Violation(_Flat):
    """A rule broken at a turn."""

    rule: str
    severity: str
    turn: int
    statement_zh: str
    statement_en: str
    explanation: str
    citation: str | None = None


@dataclass(frozen=True, slots=True)
class TurnFeedback(_Flat):
    """Coaching for one trainee turn that was not the best available."""

    turn: int
    node: str
    choice: str | None
    feedback: str
    better_choice: str | None
    better_say: str | None


@dataclass(frozen=True, slots=True)
class MoodEvent(_Flat):
    """A notable mood change and its cause, e.g. patience reached 0 at turn 4 after a threat."""

    turn: int
    variable: str
    before: int
    after: int
    cause_turn: int | None
    cause_text: str
    threshold: bool


@dataclass(frozen=True, slots=True)
class ScoreReport:
    """The result of scoring one transcript."""

    scenario: str
    content_hash: str
    scores: dict[str, int]
    raw: dict[str, float]
    bounds: dict[str, tuple[float, float]]
    pass_marks: dict[str, int]
    violations: tuple[Violation, ...]
    feedback: tuple[TurnFeedback, ...]
    mood_events: tuple[MoodEvent, ...]
    passed: bool
    reasons: tuple[str, ...]
    objective_met: bool = True
    objective: str = ""
    ending_summary: str | None = None
    version: int = REPORT_VERSION

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return {
            "version": self.version,
            "scenario": self.scenario,
            "content_hash": self.content_hash,
            "scores": dict(self.scores),
            "raw": dict(self.raw),
            "bounds": {k: list(v) for k, v in self.bounds.items()},
            "pass_marks": dict(self.pass_marks),
            "violations": [v.to_dict() for v in self.violations],
            "feedback": [f.to_dict() for f in self.feedback],
            "mood_events": [m.to_dict() for m in self.mood_events],
            "passed": self.passed,
            "reasons": list(self.reasons),
            "objective_met": self.objective_met,
            "objective": self.objective,
            "ending_summary": self.ending_summary,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ScoreReport:
        """Read a dict written by `to_dict`."""
        return cls(
            scenario=data["scenario"],
            content_hash=data["content_hash"],
            scores={k: int(v) for k, v in data["scores"].items()},
            raw={k: float(v) for k, v in data["raw"].items()},
            bounds={k: (float(v[0]), float(v[1])) for k, v in data["bounds"].items()},
            pass_marks={k: int(v) for k, v in data["pass_marks"].items()},
            violations=tuple(Violation.from_dict(v) for v in data["violations"]),
            feedback=tuple(TurnFeedback.from_dict(f) for f in data["feedback"]),
            mood_events=tuple(MoodEvent.from_dict(m) for m in data["mood_events"]),
            passed=bool(data["passed"]),
            reasons=tuple(data["reasons"]),
            objective_met=bool(data.get("objective_met", True)),
            objective=str(data.get("objective", "")),
            ending_summary=data.get("ending_summary"),
            version=int(data.get("version", REPORT_VERSION)),
        )
