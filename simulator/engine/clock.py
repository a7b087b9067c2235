"""The simulated call clock: injected into the engine so every call is deterministic."""

from __future__ import annotations

import datetime as dt
from typing import Protocol


class Clock(Protocol):
    """What the engine needs of a clock: the time of the next utterance, moved by speaking time."""

    def reset(self, at: dt.datetime) -> None:
        """Start (or restart, when the call is re-dialled) at this moment."""

    def now(self) -> dt.datetime:
        """The simulated time now."""

    def advance(self, seconds: float) -> None:
        """Move on by this many simulated seconds."""


class SimulatedClock:
    """A clock that moves only when the engine says so (the default)."""

    def __init__(self) -> None:
        self._at = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)

    def reset(self, at: dt.datetime) -> None:
        """Start at this moment."""
        self._at = at

    def now(self) -> dt.datetime:
        """The simulated time now."""
        return self._at

    def advance(self, seconds: float) -> None:
        """Move on by this many simulated seconds."""
        self._at += dt.timedelta(seconds=seconds)
