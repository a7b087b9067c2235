"""Rule monitors: one class per rule kind, each a fold over the turns with a small hashable state.

A rule pack names behaviour (`kind: tag`, `kind: sequence`, ...); this module owns it. The states are
kept minimal and canonical (equal situations give equal states) because the static analysis puts
them into its memo keys: a tag monitor has no state at all, a sequence monitor remembers one bool.

Common semantics: only agent turns carry tags; a tag or sequence rule fires once per offending
turn; an abandoned call (ending None) fires no outcome rules and only required windows that closed.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence
from typing import Any, cast

from scoring.interface import Finding, RuleMonitor
from simulator.spec.models.rulepack import (
    OutcomeRule,
    RequiredRule,
    RulePackSpec,
    SequenceRule,
    TagRule,
    TimeRule,
)
from simulator.transcript import Ending, Transcript, Turn

NO_FINDINGS: tuple[Finding, ...] = ()


def _met_mask(groups: tuple[frozenset[str], ...], tags: Iterable[str]) -> int:
    """Bit i is set when the tags meet group i (any one of its alternatives)."""
    present = set(tags)
    return sum(1 << i for i, group in enumerate(groups) if group & present)


def _missing(groups: tuple[frozenset[str], ...], mask: int) -> str:
    """The unmet groups, for an explanation: `summarize, specific_date`."""
    return ", ".join("/".join(sorted(g)) for i, g in enumerate(groups) if not mask & (1 << i))


class _Base:
    """Shared attributes of every monitor."""

    def __init__(self, rule_id: str, severity: str) -> None:
        self.rule_id = rule_id
        self.severity = severity

    def _finding(self, turn: int, explanation: str) -> Finding:
        return Finding(self.rule_id, self.severity, turn, explanation)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.rule_id})"


class TagMonitor(_Base):
    """`kind: tag`: every agent turn carrying one of the tags (while a listed party is on) violates."""

    def __init__(self, rule: TagRule) -> None:
        super().__init__(rule.id, rule.severity)
        self.tags = frozenset(rule.tags)
        self.parties = frozenset(rule.parties) if rule.parties is not None else None

    def start(self) -> Hashable:
        """Stateless: None."""
        return None

    def feed(self, state: Hashable, turn: Turn) -> tuple[Hashable, tuple[Finding, ...]]:
        """One finding per offending agent turn."""
        if turn.speaker != "agent" or (self.parties is not None and turn.party not in self.parties):
            return state, NO_FINDINGS
        hits = sorted(self.tags.intersection(turn.tags))
        if not hits:
            return state, NO_FINDINGS
        return state, (self._finding(turn.index, f"agent turn tagged {', '.join(hits)}"),)

    def finish(self, state: Hashable, ending: Ending | None, last_turn: int) -> tuple[Finding, ...]:
        """Nothing at the end."""
        return NO_FINDINGS


class SequenceMonitor(_Base):
    """`kind: sequence`: a guarded agent turn needs the right state and an earlier (or same) tag.

    State: whether one of `require_before` has appeared on an agent turn (always False without it).
    """

    def __init__(self, rule: SequenceRule) -> None:
        super().__init__(rule.id, rule.severity)
        self.tags = frozenset(rule.tags)
        self.before = frozenset(rule.require_before)
        self.after_flag = rule.after_flag
        gate = rule.require_state
        self.verified = gate.verified if gate is not None else None
        self.parties = frozenset(gate.parties) if gate is not None and gate.parties else None

    def start(self) -> Hashable:
        """Nothing required seen yet."""
        return False

    def feed(self, state: Hashable, turn: Turn) -> tuple[Hashable, tuple[Finding, ...]]:
        """Record required tags, then judge this turn if it carries a guarded tag."""
        if turn.speaker != "agent":
            return state, NO_FINDINGS
        seen = bool(state) or not self.before.isdisjoint(turn.tags)
        hits = sorted(self.tags.intersection(turn.tags))
        if not hits or (self.after_flag is not None and self.after_flag not in turn.flags):
            return seen, NO_FINDINGS
        problem = self._problem(seen, turn)
        if problem is None:
            return seen, NO_FINDINGS
        return seen, (self._finding(turn.index, f"{', '.join(hits)} {problem}"),)

    def _problem(self, seen: bool, turn: Turn) -> str | None:
        if self.verified is not None and turn.verified != self.verified:
            return "before the identity was verified"
        if self.parties is not None and turn.party not in self.parties:
            return f"while the {turn.party.replace('_', ' ')} is on the line"
        if self.before and not seen:
            return f"with no earlier {'/'.join(sorted(self.before))}"
        return None

    def finish(self, state: Hashable, ending: Ending | None, last_turn: int) -> tuple[Finding, ...]:
        """Nothing at the end."""
        return NO_FINDINGS


# Required-window states: (phase, progress, met mask, party reached, owed turn); unused fields are 0.
_Window = tuple[int, int, int, bool, int]
_WAITING, _OPEN, _OWED, _DONE = 0, 1, 2, 3
_DONE_STATE: _Window = (_DONE, 0, 0, False, 0)


class RequiredMonitor(_Base):
    """`kind: required`: every group must be met inside a window, else one violation.

    `opening`: progress counts agent turns; the window closes at the `turns`-th agent turn.
    `after_verification`: the window opens at the first verified turn; progress is the simulated
    time (tenths of a second) from then to the next turn's start; it closes at the first turn
    starting more than `seconds` later. With `parties`, an unmet window is owed until one of those
    parties is on the line (`_OWED` keeps the turn to cite).
    """

    def __init__(self, rule: RequiredRule) -> None:
        super().__init__(rule.id, rule.severity)
        self.groups = tuple(frozenset(g) for g in rule.tags)
        self.full = (1 << len(self.groups)) - 1
        self.window = rule.window
        self.turns = rule.turns
        self.limit = rule.seconds * 10
        self.parties = frozenset(rule.parties) if rule.parties is not None else None

    def start(self) -> Hashable:
        """Opening windows are open from the start; verification windows wait."""
        phase = _OPEN if self.window == "opening" else _WAITING
        return (phase, 0, 0, self.parties is None, 0)

    def feed(self, state: Hashable, turn: Turn) -> tuple[Hashable, tuple[Finding, ...]]:
        """Advance the window by one turn."""
        phase, progress, met, reached, owed = cast(_Window, state)
        reached = reached or (self.parties is not None and turn.party in self.parties)
        if phase == _DONE:
            return state, NO_FINDINGS
        if phase == _OWED:
            if reached:
                return _DONE_STATE, (self._unmet(owed, met),)
            return state, NO_FINDINGS
        if phase == _WAITING:
            if not turn.verified:
                return (_WAITING, 0, 0, reached, 0), NO_FINDINGS
            phase, progress, met = _OPEN, 0, 0
        if self.window == "opening":
            return self._feed_opening(progress, met, reached, turn)
        return self._feed_timed(progress, met, reached, turn)

    def _feed_opening(
        self, count: int, met: int, reached: bool, turn: Turn
    ) -> tuple[Hashable, tuple[Finding, ...]]:
        if turn.speaker != "agent" or turn.party == "nobody":
            # Debtor lines, and choices made before anyone answered (dialling decisions), are not
            # part of the opening the agent speaks.
            return (_OPEN, count, met, reached, 0), NO_FINDINGS
        count, met = count + 1, met | _met_mask(self.groups, turn.tags)
        if met == self.full:
            return _DONE_STATE, NO_FINDINGS
        if count >= self.turns:
            return self._close(turn.index, met, reached)
        return (_OPEN, count, met, reached, 0), NO_FINDINGS

    def _feed_timed(
        self, elapsed: int, met: int, reached: bool, turn: Turn
    ) -> tuple[Hashable, tuple[Finding, ...]]:
        if elapsed > self.limit:
            return self._close(turn.index, met, reached)
        if turn.speaker == "agent":
            met |= _met_mask(self.groups, turn.tags)
            if met == self.full:
                return _DONE_STATE, NO_FINDINGS
        elapsed += round(turn.seconds * 10)
        return (_OPEN, elapsed, met, reached, 0), NO_FINDINGS

    def _close(self, index: int, met: int, reached: bool) -> tuple[Hashable, tuple[Finding, ...]]:
        if reached:
            return _DONE_STATE, (self._unmet(index, met),)
        return (_OWED, 0, met, False, index), NO_FINDINGS

    def _unmet(self, index: int, met: int) -> Finding:
        where = (
            "in the opening"
            if self.window == "opening"
            else f"within {self.limit // 10} s of verification"
        )
        return self._finding(index, f"missing {_missing(self.groups, met)} {where}")

    def finish(self, state: Hashable, ending: Ending | None, last_turn: int) -> tuple[Finding, ...]:
        """A window still open when the call ended counts as closed unmet (not if abandoned)."""
        phase, progress, met, reached, _ = cast(_Window, state)
        if ending is None or phase != _OPEN or not reached:
            return NO_FINDINGS
        if self.window == "opening" and progress == 0:
            return NO_FINDINGS  # the agent never spoke: nothing to judge
        return (self._unmet(last_turn, met),)


class OutcomeMonitor(_Base):
    """`kind: outcome`: checked at the end of a completed call.

    State: (met mask of `require_tags` groups, whether `if_flag` was seen); unused parts stay 0/False.
    """

    def __init__(self, rule: OutcomeRule) -> None:
        super().__init__(rule.id, rule.severity)
        self.outcomes = frozenset(rule.outcomes)
        self.groups = tuple(frozenset(g) for g in rule.require_tags)
        self.full = (1 << len(self.groups)) - 1
        self.forbid_agent_end = rule.forbid_agent_end
        self.if_flag = rule.if_flag

    def start(self) -> Hashable:
        """Nothing met, flag not seen."""
        return (0, False)

    def feed(self, state: Hashable, turn: Turn) -> tuple[Hashable, tuple[Finding, ...]]:
        """Collect the groups met by agent turns and whether the flag was set."""
        met, flagged = cast(tuple[int, bool], state)
        if turn.speaker == "agent" and met != self.full:
            met |= _met_mask(self.groups, turn.tags)
        if self.if_flag is not None and not flagged:
            flagged = self.if_flag in turn.flags
        return (met, flagged), NO_FINDINGS

    def finish(self, state: Hashable, ending: Ending | None, last_turn: int) -> tuple[Finding, ...]:
        """Agent hang-up and missing required behaviours, for a completed call only."""
        if ending is None:
            return NO_FINDINGS
        met, flagged = cast(tuple[int, bool], state)
        found: list[Finding] = []
        if self.forbid_agent_end and ending.ended_by == "agent":
            found.append(self._finding(last_turn, "the agent ended the call"))
        applies = not self.outcomes or ending.outcome in self.outcomes
        if applies and (self.if_flag is None or flagged) and met != self.full:
            reason = f"call ended {ending.outcome} without {_missing(self.groups, met)}"
            found.append(self._finding(last_turn, reason))
        return tuple(found)


class TimeMonitor(_Base):
    """`kind: time`: the first debtor turn (the call connecting) must fall inside [start, end).

    The local wall-clock time is `turn.at.time()` (transcript times carry the debtor's UTC offset).
    The consent flag counts if it is set at that turn. State: whether that turn was checked.
    """

    def __init__(self, rule: TimeRule) -> None:
        super().__init__(rule.id, rule.severity)
        self.start_hm = rule.start
        self.end_hm = rule.end
        self.consent_flag = rule.consent_flag

    def start(self) -> Hashable:
        """Not connected yet."""
        return False

    def feed(self, state: Hashable, turn: Turn) -> tuple[Hashable, tuple[Finding, ...]]:
        """Check the first debtor turn."""
        if state or turn.speaker != "debtor":
            return state, NO_FINDINGS
        if self.consent_flag is not None and self.consent_flag in turn.flags:
            return True, NO_FINDINGS
        local = turn.at.strftime("%H:%M")
        if self.allowed(local):
            return True, NO_FINDINGS
        why = f"call connected at {local} local, outside {self.start_hm}-{self.end_hm}"
        return True, (self._finding(turn.index, why),)

    def allowed(self, hhmm: str) -> bool:
        """Whether a local HH:MM is inside the window (a window may wrap past midnight)."""
        if self.start_hm <= self.end_hm:
            return self.start_hm <= hhmm < self.end_hm
        return hhmm >= self.start_hm or hhmm < self.end_hm

    def finish(self, state: Hashable, ending: Ending | None, last_turn: int) -> tuple[Finding, ...]:
        """Nothing at the end."""
        return NO_FINDINGS


MONITOR_KINDS: dict[str, Callable[[Any], RuleMonitor]] = {
    "tag": TagMonitor,
    "sequence": SequenceMonitor,
    "required": RequiredMonitor,
    "outcome": OutcomeMonitor,
    "time": TimeMonitor,
}
"""Rule kind (the YAML `kind:`) -> monitor class."""


def build_monitors(pack: RulePackSpec) -> tuple[RuleMonitor, ...]:
    """One monitor per rule of the pack, in pack order."""
    return tuple(MONITOR_KINDS[rule.kind](rule) for rule in pack.rules)


def run_rules(monitors: Sequence[RuleMonitor], transcript: Transcript) -> tuple[Finding, ...]:
    """Fold every monitor over the turns, then finish them; findings in turn order, then pack order."""
    states: list[Hashable] = [m.start() for m in monitors]
    found: list[Finding] = []
    for turn in transcript.turns:
        for i, monitor in enumerate(monitors):
            states[i], hits = monitor.feed(states[i], turn)
            found.extend(hits)
    last = transcript.turns[-1].index if transcript.turns else 0
    for monitor, state in zip(monitors, states, strict=True):
        found.extend(monitor.finish(state, transcript.ending, last))
    return tuple(found)
