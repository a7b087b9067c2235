"""Scoring one transcript: soft points from the rubric, compliance from the rule monitors.

The formula (d is a soft dimension: empathy, clarity, control):

    raw[d]          = sum over the trainee's turns t, over the tags g of t, of rubric.tags[g].points[d]
                      (a silence carries the tag `dead_air`)
    raw[compliance] = - sum over the violations v of penalty(v.severity)
                      (pack penalties; default critical 40, major 15, minor 5)
    score[x]        = round(100 * (raw[x] - worst[x]) / (best[x] - worst[x])), clamped to 0..100,
                      and 100 when best[x] == worst[x]; (worst, best) are the lowest and highest raw
                      totals reachable in the scenario, found by the static analysis (`Bounds`)
    passed          = score[x] >= pass_mark[x] for every dimension x (default 60)
                      and no violation whose severity is in the scenario's `fail_on` (default critical)
                      and at most `max_major` distinct major rules broken (default 1)

Everything here is pure: the same transcript, scenario, rubric, pack and bounds give the same report.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence

from scoring.feedback import turn_feedback
from scoring.interface import Bounds, Finding, RuleMonitor
from scoring.monitors import build_monitors
from scoring.mood import mood_events
from scoring.report import ScoreReport, Violation
from scoring.rubric import SILENCE_TAG, tag_points
from simulator.spec.common import DIMENSIONS, SOFT_DIMENSIONS, Dimension
from simulator.spec.rubric import RubricSpec
from simulator.spec.rulepack import RulePackSpec
from simulator.spec.scenario import ScenarioSpec, ScoringSpec
from simulator.transcript import Transcript, Turn

DEFAULT_PASS_MARK = 60
"""The pass mark of a dimension the scenario does not set."""


def turn_points(rubric: RubricSpec, turn: Turn) -> dict[str, int]:
    """The soft points a trainee turn earns (all zero for a debtor turn)."""
    if turn.speaker != "agent":
        return dict.fromkeys(SOFT_DIMENSIONS, 0)
    tags = turn.tags
    if turn.event == "silence" and SILENCE_TAG not in tags:
        tags = (*tags, SILENCE_TAG)
    points: dict[str, int] = {d: n for d, n in tag_points(rubric, tags).items()}
    return points


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


def penalty(pack: RulePackSpec, severity: str) -> int:
    """The raw compliance penalty of one violation of this severity."""
    if severity not in ("critical", "major", "minor"):
        raise ValueError(f"unknown severity {severity!r}")
    value: int = getattr(pack.penalties, severity)
    return value


def raw_totals(
    transcript: Transcript, rubric: RubricSpec, pack: RulePackSpec, findings: Sequence[Finding]
) -> dict[str, float]:
    """The raw total per dimension: summed soft points, and minus the penalties for compliance."""
    totals: dict[str, float] = dict.fromkeys(DIMENSIONS, 0.0)
    for turn in transcript.agent_turns:
        for dimension, points in turn_points(rubric, turn).items():
            totals[dimension] += points
    totals["compliance"] = -float(sum(penalty(pack, f.severity) for f in findings))
    return totals


def normalise(raw: float, bounds: tuple[float, float]) -> int:
    """Map a raw total onto 0..100 between the scenario's (worst, best); 100 if they are equal."""
    worst, best = bounds
    if best == worst:
        return 100
    value = 100.0 * (raw - worst) / (best - worst)
    return max(0, min(100, round(value)))


def pass_marks(scoring: ScoringSpec) -> dict[str, int]:
    """The pass mark of every dimension (the scenario's, else 60)."""
    return {d: scoring.pass_marks.get(d, DEFAULT_PASS_MARK) for d in DIMENSIONS}


def decide_pass(
    scores: Mapping[Dimension, int] | Mapping[str, int],
    violations: Sequence[Finding | Violation],
    scoring: ScoringSpec,
) -> tuple[bool, tuple[str, ...]]:
    """Pass or fail, with short stable reason codes: `critical:CN-THREAT`, `majors:2`, `below:empathy`."""
    reasons: list[str] = []
    for v in violations:
        code = f"{v.severity}:{v.rule}"
        if v.severity in scoring.fail_on and code not in reasons:
            reasons.append(code)
    majors = len({v.rule for v in violations if v.severity == "major"})
    if (
        scoring.max_major is not None
        and majors > scoring.max_major
        and "major" not in scoring.fail_on
    ):
        reasons.append(f"majors:{majors}")
    marks = pass_marks(scoring)
    reasons.extend(f"below:{d}" for d in DIMENSIONS if scores.get(d, 0) < marks[d])
    return not reasons, tuple(reasons)


def _violations(pack: RulePackSpec, findings: Sequence[Finding]) -> tuple[Violation, ...]:
    rules = {rule.id: rule for rule in pack.rules}
    return tuple(
        Violation(
            rule=f.rule,
            severity=f.severity,
            turn=f.turn,
            statement_zh=rules[f.rule].statement.zh,
            statement_en=rules[f.rule].statement.en,
            explanation=f.explanation,
            citation=rules[f.rule].citation,
        )
        for f in findings
    )


def score(
    transcript: Transcript,
    scenario: ScenarioSpec,
    rubric: RubricSpec,
    pack: RulePackSpec,
    bounds: Bounds | Mapping[str, tuple[float, float]],
) -> ScoreReport:
    """Score one transcript of `scenario`; `bounds` must cover all four dimensions."""
    missing = [d for d in DIMENSIONS if d not in bounds]
    if missing:
        raise ValueError(f"bounds lack {', '.join(missing)} (run the static analysis first)")
    findings = run_rules(build_monitors(pack), transcript)
    raw = raw_totals(transcript, rubric, pack, findings)
    scores: dict[str, int] = {d: normalise(raw[d], bounds[d]) for d in DIMENSIONS}
    passed, reasons = decide_pass(scores, findings, scenario.scoring)
    return ScoreReport(
        scenario=transcript.scenario,
        content_hash=transcript.content_hash,
        scores=scores,
        raw=raw,
        bounds={d: (float(bounds[d][0]), float(bounds[d][1])) for d in DIMENSIONS},
        pass_marks=pass_marks(scenario.scoring),
        violations=_violations(pack, findings),
        feedback=turn_feedback(transcript, scenario, rubric, pack),
        mood_events=mood_events(transcript),
        passed=passed,
        reasons=reasons,
    )
