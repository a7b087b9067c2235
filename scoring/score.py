"""Scoring one transcript: an anchored scale for the soft skills, a verdict for compliance.

The formula (d is a soft dimension: empathy, clarity, control; t runs over the trainee's turns):

    points[t, d]    = the rubric points of the tags of turn t (a silence carries `dead_air`)
    model[t, d]     = the rubric points of the model answer (the `best` choice) at turn t's node
    earned[d]       = sum over t of min(points[t, d], model[t, d])   (no turn earns more than the
                      model answer would have earned at that node)
    par[d]          = sum over t of model[t, d] when the call met its objective, else
                      max(anchor[d], that sum)    (anchor: the model answer's own total over the
                      whole call, so a call cut short cannot look complete; a call that reached
                      another acceptable ending, e.g. a callback the debtor asked for, is measured
                      against the model answer along its own path)
    score[d]        = round(100 * earned[d] / par[d]), clamped to 0..100 (100 when par[d] <= 0 and
                      nothing was lost)
    compliance      = 100 - sum over the violations of the pack's penalty (critical 100, major 30,
                      minor 10), at least 0
    passed          = the call ended in an ending that meets the scenario's objective, and no
                      violation of a rule that gates the objective, and no red-line rule broken (the
                      pack's, critical rules, the scenario's own), and no violation whose severity is
                      in the scenario's `fail_on`, and at most `max_major` distinct major rules
                      broken (the scenario's, never above the pack's), and score[x] >= pass_mark[x]
                      for every dimension x (default 60)

So the model answer scores 100 on every soft dimension and no path scores above it; a call of
neutral lines scores 0 and misconduct cannot go below it; a detour through a mistake adds the
detour's model points to `par`, so it stays below 100. Everything here is pure.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from scoring.feedback import turn_feedback
from scoring.interface import Anchors, Finding, RuleHit
from scoring.monitors import build_monitors, run_rules
from scoring.mood import mood_events
from scoring.report import ScoreReport, Violation
from scoring.rubric import SILENCE_TAG, tag_points
from simulator.spec.models.common import DIMENSIONS, SOFT_DIMENSIONS, SoftDimension
from simulator.spec.models.rubric import RubricSpec
from simulator.spec.models.rulepack import RulePackSpec
from simulator.spec.models.scenario import ScenarioSpec, ScoringSpec
from simulator.transcript import Transcript, Turn

DEFAULT_PASS_MARK = 60
"""The pass mark of a dimension the scenario does not set."""

OBJECTIVE = "objective"
"""The reason code of a call that did not reach an ending meeting the scenario's objective."""


def turn_points(rubric: RubricSpec, turn: Turn) -> dict[SoftDimension, int]:
    """The soft points a trainee turn earns (all zero for a debtor turn)."""
    if turn.speaker != "agent":
        return dict.fromkeys(SOFT_DIMENSIONS, 0)
    tags = turn.tags
    if turn.event == "silence" and SILENCE_TAG not in tags:
        tags = (*tags, SILENCE_TAG)
    return tag_points(rubric, tags)


def model_points(
    scenario: ScenarioSpec, rubric: RubricSpec, node_id: str
) -> dict[SoftDimension, int]:
    """The soft points of the model answer at a node (zero where the node has none)."""
    node = scenario.nodes.get(node_id)
    best = node.model_answer if node is not None else None
    if best is None:
        return dict.fromkeys(SOFT_DIMENSIONS, 0)
    return tag_points(rubric, best.tags)


@dataclass(frozen=True, slots=True)
class SoftTotals:
    """What a call earned per soft dimension and what the model answer would have earned (`par`)."""

    earned: dict[SoftDimension, float]
    par: dict[SoftDimension, float]


def soft_totals(transcript: Transcript, scenario: ScenarioSpec, rubric: RubricSpec) -> SoftTotals:
    """Earned points (each turn capped at the model answer's) and the model's points, per dimension."""
    earned: dict[SoftDimension, float] = dict.fromkeys(SOFT_DIMENSIONS, 0.0)
    par: dict[SoftDimension, float] = dict.fromkeys(SOFT_DIMENSIONS, 0.0)
    for turn in transcript.agent_turns:
        got = turn_points(rubric, turn)
        model = model_points(scenario, rubric, turn.node)
        for d in SOFT_DIMENSIONS:
            earned[d] += min(got[d], model[d])
            par[d] += model[d]
    return SoftTotals(earned, par)


def anchors(model: Transcript, scenario: ScenarioSpec, rubric: RubricSpec) -> Anchors:
    """The anchor of the scale: the soft points of the model answer's transcript."""
    return dict(soft_totals(model, scenario, rubric).par)


def soft_score(earned: float, par: float, anchor: float) -> int:
    """Earned points as 0..100 of what the model answer earns (see the module's formula).

    `anchor` is the model answer's whole-call total, or 0 for a call that met its objective.
    """
    denominator = max(anchor, par)
    if denominator <= 0:
        return 100 if earned >= denominator else 0
    return max(0, min(100, round(100.0 * earned / denominator)))


def penalty(pack: RulePackSpec, severity: str) -> int:
    """The compliance points one violation of this severity costs."""
    if severity not in ("critical", "major", "minor"):
        raise ValueError(f"unknown severity {severity!r}")
    value: int = getattr(pack.penalties, severity)
    return value


def compliance_score(pack: RulePackSpec, findings: Sequence[RuleHit]) -> int:
    """100 minus the penalties of the violations, at least 0."""
    return max(0, 100 - sum(penalty(pack, f.severity) for f in findings))


def pass_marks(scoring: ScoringSpec) -> dict[str, int]:
    """The pass mark of every dimension (the scenario's, else 60)."""
    return {d: scoring.pass_marks.get(d, DEFAULT_PASS_MARK) for d in DIMENSIONS}


def red_lines(scenario: ScenarioSpec, pack: RulePackSpec) -> frozenset[str]:
    """The rules that fail this call on their own: the pack's red lines and the scenario's."""
    return pack.red_lines() | frozenset(scenario.scoring.red_lines)


def max_major(scenario: ScenarioSpec, pack: RulePackSpec) -> int:
    """How many distinct major rules a passing call may break: the scenario's, never above the pack's."""
    own = scenario.scoring.max_major
    return pack.max_major if own is None else min(own, pack.max_major)


@dataclass(frozen=True, slots=True)
class PassRules:
    """Everything that decides pass or fail in one scenario, for the case file and the exam rules."""

    pass_marks: dict[str, int]
    red_lines: tuple[str, ...]
    fail_on: tuple[str, ...]
    max_major: int
    objective_endings: tuple[str, ...]


def pass_rules(scenario: ScenarioSpec, pack: RulePackSpec) -> PassRules:
    """The pass rules of a scenario under its pack (the one definition the UI shows)."""
    return PassRules(
        pass_marks=pass_marks(scenario.scoring),
        red_lines=tuple(sorted(red_lines(scenario, pack))),
        fail_on=tuple(s for s in ("critical", "major", "minor") if s in scenario.scoring.fail_on),
        max_major=max_major(scenario, pack),
        objective_endings=tuple(e for e, spec in scenario.endings.items() if spec.meets_objective),
    )


def objective_met(scenario: ScenarioSpec, transcript: Transcript) -> bool:
    """True when the call reached an ending that meets the scenario's objective."""
    ending = transcript.ending
    if ending is None:
        return False
    spec = scenario.endings.get(ending.id)
    return spec is not None and spec.meets_objective


def decide_pass(
    scores: Mapping[str, int],
    violations: Sequence[RuleHit],
    scenario: ScenarioSpec,
    pack: RulePackSpec,
    *,
    objective: bool,
) -> tuple[bool, tuple[str, ...]]:
    """Pass or fail, with stable reason codes, the objective first.

    Codes: `objective` (no ending meeting the objective), `objective:CN-PTP-3E` (a rule that gates
    the objective broken), `red_line:CN-THREAT`, `major:CN-OPEN-ID` (a severity in `fail_on`),
    `majors:2`, `below:empathy`.
    """
    gates = {r.id for r in pack.rules if r.gates_objective}
    lines = red_lines(scenario, pack)
    reasons: list[str] = [] if objective else [OBJECTIVE]

    def add(code: str) -> None:
        if code not in reasons:
            reasons.append(code)

    for v in violations:
        if v.rule in gates:
            add(f"{OBJECTIVE}:{v.rule}")
    for v in violations:
        if v.rule in lines:
            add(f"red_line:{v.rule}")
    for v in violations:
        if v.severity in scenario.scoring.fail_on and v.rule not in lines and v.rule not in gates:
            add(f"{v.severity}:{v.rule}")
    majors = len({v.rule for v in violations if v.severity == "major"})
    if majors > max_major(scenario, pack) and "major" not in scenario.scoring.fail_on:
        add(f"majors:{majors}")
    marks = pass_marks(scenario.scoring)
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
    anchor: Anchors | Mapping[str, float],
) -> ScoreReport:
    """Score one transcript of `scenario`; `anchor` is the model answer's points (see `anchors`)."""
    missing = [d for d in SOFT_DIMENSIONS if d not in anchor]
    if missing:
        raise ValueError(f"anchors lack {', '.join(missing)} (play the model answer first)")
    findings = run_rules(build_monitors(pack), transcript)
    soft = soft_totals(transcript, scenario, rubric)
    met = objective_met(scenario, transcript)
    floor = {d: 0.0 if met else float(anchor[d]) for d in SOFT_DIMENSIONS}
    scores: dict[str, int] = {
        d: soft_score(soft.earned[d], soft.par[d], floor[d]) for d in SOFT_DIMENSIONS
    }
    scores["compliance"] = compliance_score(pack, findings)
    passed, reasons = decide_pass(scores, findings, scenario, pack, objective=met)
    raw: dict[str, float] = {d: soft.earned[d] for d in SOFT_DIMENSIONS}
    raw["compliance"] = float(scores["compliance"])
    scale: dict[str, tuple[float, float]] = {
        d: (0.0, max(floor[d], soft.par[d])) for d in SOFT_DIMENSIONS
    }
    scale["compliance"] = (0.0, 100.0)
    return ScoreReport(
        scenario=transcript.scenario,
        content_hash=transcript.content_hash,
        scores=scores,
        raw=raw,
        bounds=scale,
        pass_marks=pass_marks(scenario.scoring),
        violations=_violations(pack, findings),
        feedback=turn_feedback(transcript, scenario, rubric),
        mood_events=mood_events(transcript),
        passed=passed,
        reasons=reasons,
        objective_met=met,
        objective=scenario.objective,
        ending_summary=_summary(scenario, transcript),
    )


def _summary(scenario: ScenarioSpec, transcript: Transcript) -> str | None:
    """The authored one-line summary of the ending the call reached, if any."""
    ending = transcript.ending
    spec = scenario.endings.get(ending.id) if ending is not None else None
    return spec.summary if spec is not None else None
