"""The contract between scoring and its callers (the CLI, the TUI and the static analysis).

Scoring is a fold over the transcript's turns. Each rule of a pack becomes a `RuleMonitor` with a
small hashable state, so the static analysis can run the very same monitors along every path of a
scenario's state graph, and the scorer runs them along one transcript.
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass
from typing import Protocol

from simulator.spec.models.common import SoftDimension
from simulator.transcript import Ending, Turn

Anchors = dict[SoftDimension, float]
"""Per soft dimension, the points of the scenario's model answer: what scores 100."""


@dataclass(frozen=True, slots=True)
class Finding:
    """A rule violation found by a monitor."""

    rule: str
    severity: str
    turn: int
    explanation: str


class RuleHit(Protocol):
    """Anything that names a broken rule and its severity (a Finding, a stored Violation)."""

    @property
    def rule(self) -> str:
        """The rule id."""

    @property
    def severity(self) -> str:
        """critical, major or minor."""


class RuleMonitor(Protocol):
    """One compiled rule; `state` values must be hashable and small (they enter analysis states)."""

    rule_id: str
    severity: str

    def start(self) -> Hashable:
        """The state before the first turn."""

    def feed(self, state: Hashable, turn: Turn) -> tuple[Hashable, tuple[Finding, ...]]:
        """Look at one turn; return the next state and any violations at this turn."""

    def finish(self, state: Hashable, ending: Ending | None, last_turn: int) -> tuple[Finding, ...]:
        """At the end of the call (ending None if abandoned); return end-of-call violations."""
