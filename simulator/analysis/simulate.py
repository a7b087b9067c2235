"""Policy simulation: scripted trainees play a scenario, so its scores can be calibrated.

Each deterministic policy walks the explored state graph, picking among the offered choices by
what a trainee of that kind would pick (the model answer, the warmest compliant line, the longest
line, ...); its path is then replayed by the engine and scored by the real scorer. The random
policy (uniform over the offered choices) is computed exactly over the state graph: a forward pass
carries every distinct partial score with its probability, and each ending's verdict comes from
the scorer's own functions. Mass below `RANDOM_EPSILON` and paths longer than `MAX_TURNS` (loops)
count as failed and are reported as `unresolved`.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from scoring.interface import Finding
from scoring.report import ScoreReport
from scoring.rubric import tag_points
from scoring.score import (
    anchors,
    decide_pass,
    model_points,
    penalty,
    score,
    soft_score,
)
from simulator.analysis.explore import Edge, StateGraph, explore
from simulator.engine.call import model_answer, replay
from simulator.engine.compiled import CompiledScenario
from simulator.messages import say
from simulator.spec.models.common import POLICIES, SOFT_DIMENSIONS, Policy
from simulator.spec.models.rubric import RubricSpec
from simulator.spec.models.rulepack import RulePackSpec
from simulator.spec.models.scenario import ChoiceSpec
from simulator.transcript import SILENCE
from simulator.wording import Lang, Text

MAX_TURNS = 60
"""A policy still talking after this many turns is in a loop: its call counts as failed."""
RANDOM_EPSILON = 1e-12
"""Probability mass below which a branch of the random policy is dropped (counted as unresolved)."""

PUSH_TAGS = frozenset({"demand_payment", "pressure"})
"""The tags a pushy trainee reaches for."""
OPENING_TAGS = frozenset({"state_purpose", "mini_miranda"})
"""Once identity is verified and one of these was said, the opening is over."""
OPENING_TURNS = 2
"""Or after this many turns on a connected call (a third party never gets verified)."""
_POLITE = re.compile(
    r"您|请|谢谢|麻烦|不好意思|抱歉|理解|please|thank|sorry|understand|appreciate", re.I
)


@dataclass(frozen=True)
class Option:
    """One offered choice as a policy sees it: the choice, its points and the rules it breaks now."""

    edge: Edge
    choice: ChoiceSpec
    points: dict[str, int]
    penalty: int

    @property
    def compliant(self) -> bool:
        """True when this choice breaks no rule at this point of the call."""
        return not self.edge.findings


@dataclass
class PolicyResult:
    """What one policy did in one scenario."""

    policy: Policy
    pass_rate: float
    scores: dict[str, float]
    path: list[str] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)
    spread: dict[str, tuple[int, int, int]] = field(default_factory=dict)
    unresolved: float = 0.0

    def to_dict(self) -> dict[str, object]:
        """The JSON shape of `calldojo simulate --json` (one policy of one scenario)."""
        return {
            "policy": self.policy,
            "pass_rate": round(self.pass_rate, 6),
            "scores": {k: round(v, 2) for k, v in self.scores.items()},
            "path": self.path,
            "reasons": self.reasons,
            "spread": {k: list(v) for k, v in self.spread.items()},
            "unresolved": round(self.unresolved, 9),
        }


class _Table:
    """Per state, the offered options; shared by every policy of one scenario."""

    def __init__(
        self, cs: CompiledScenario, graph: StateGraph, rubric: RubricSpec, pack: RulePackSpec
    ):
        self.cs, self.graph, self.rubric, self.pack = cs, graph, rubric, pack
        self._cache: dict[int, list[Option]] = {}

    def options(self, state: int) -> list[Option]:
        cached = self._cache.get(state)
        if cached is not None:
            return cached
        node = self.cs.scenario.nodes.get(self.graph.keys[state].call.node)
        out: list[Option] = []
        if node is not None:
            by_id = {c.id: c for c in node.choices}
            for edge in self.graph.edges[state]:
                if edge.action == SILENCE or edge.action not in by_id:
                    continue
                choice = by_id[edge.action]
                pts: dict[str, int] = {
                    str(k): v for k, v in tag_points(self.rubric, choice.tags).items()
                }
                cost = sum(penalty(self.pack, f.severity) for f in edge.findings)
                out.append(Option(edge, choice, pts, cost))
        self._cache[state] = out
        return out


def _soft(o: Option) -> int:
    return o.points["clarity"] + o.points["control"]


def _warmest(options: Sequence[Option]) -> Option:
    pool = [o for o in options if o.compliant] or sorted(options, key=lambda o: o.penalty)[:1]
    return max(pool, key=lambda o: (2 * o.points["empathy"] + _soft(o), o.choice.best))


def _coldest(options: Sequence[Option]) -> Option:
    pool = [o for o in options if o.compliant] or sorted(options, key=lambda o: o.penalty)[:1]
    return min(pool, key=lambda o: (max(o.points["empathy"], 0), -_soft(o), -o.points["empathy"]))


def _pushiest(options: Sequence[Option]) -> Option:
    pool = [o for o in options if o.compliant] or sorted(options, key=lambda o: o.penalty)[:1]
    return max(
        pool,
        key=lambda o: (len(PUSH_TAGS.intersection(o.choice.tags)), -o.points["empathy"], _soft(o)),
    )


def _harshest(options: Sequence[Option]) -> Option:
    return max(options, key=lambda o: (o.penalty, -o.points["empathy"], -o.points["control"]))


def _model(options: Sequence[Option]) -> Option:
    return next((o for o in options if o.choice.best), None) or _warmest(options)


Pick = Callable[[Sequence[Option], bool], Option]
"""A deterministic policy: the options offered and whether the opening is over -> the pick."""

PICKS: dict[Policy, Pick] = {
    "ideal": lambda options, _opened: _model(options),
    "empathetic": lambda options, _opened: _warmest(options),
    "cold": lambda options, _opened: _coldest(options),
    "pushy": lambda options, _opened: _pushiest(options),
    "aggressive": lambda options, _opened: _harshest(options),
    "opening_then_aggressive": lambda options, opened: (
        _harshest(options) if opened else _model(options)
    ),
    "longest": lambda options, _opened: max(options, key=lambda o: len(o.choice.say)),
    "politest": lambda options, _opened: max(
        options, key=lambda o: len(_POLITE.findall(o.choice.say))
    ),
}


class Simulation:
    """Every policy of one compiled scenario, sharing one explored graph."""

    def __init__(self, cs: CompiledScenario, rubric: RubricSpec, pack: RulePackSpec) -> None:
        self.cs, self.rubric, self.pack = cs, rubric, pack
        self.graph = explore(cs, rubric, pack)
        self.table = _Table(cs, self.graph, rubric, pack)
        self.anchor = anchors(model_answer(cs), cs.scenario, rubric)
        self._best: dict[str, Triple] = {}

    def run(self, policy: Policy) -> PolicyResult:
        """Play one policy."""
        if policy == "random":
            return self._random()
        return self._walk(policy)

    def all(self, policies: Sequence[Policy] = POLICIES) -> list[PolicyResult]:
        """Play the given policies (all of them by default)."""
        return [self.run(p) for p in policies]

    def score_path(self, path: Sequence[str]) -> ScoreReport:
        """Replay a path with the engine and score it with the scorer."""
        transcript = replay(self.cs, 0, list(path))
        return score(transcript, self.cs.scenario, self.rubric, self.pack, self.anchor)

    def _walk(self, policy: Policy) -> PolicyResult:
        pick = PICKS[policy]
        state, opened, said, spoken = 0, False, False, 0
        path: list[str] = []
        while not self.graph.terminal(state) and len(path) < MAX_TURNS:
            options = self.table.options(state)
            if not options:
                break
            chosen = pick(options, opened)
            path.append(chosen.choice.id)
            state = chosen.edge.target
            key = self.graph.keys[state].call
            said = said or bool(OPENING_TAGS.intersection(chosen.choice.tags))
            spoken += key.party != "nobody"
            if (key.verified and said) or spoken >= OPENING_TURNS:
                opened = True
        report = self.score_path(path)
        ended = self.graph.terminal(state)
        return PolicyResult(
            policy,
            1.0 if report.passed and ended else 0.0,
            {k: float(v) for k, v in report.scores.items()},
            path,
            list(report.reasons) if ended else ["unresolved"],
            unresolved=0.0 if ended else 1.0,
        )

    def _random(self) -> PolicyResult:
        """The uniform random trainee, exactly: a forward pass over (state, partial score)."""
        start_pen = sum(penalty(self.pack, f.severity) for f in self.graph.initial_findings)
        start_rules = frozenset((f.rule, f.severity) for f in self.graph.initial_findings)
        layer: dict[Partial, float] = {(0, ZERO3, ZERO3, start_pen, start_rules): 1.0}
        tally = _Tally()
        for turn in range(MAX_TURNS + 1):
            nxt: dict[Partial, float] = defaultdict(float)
            for partial, prob in layer.items():
                if self.graph.terminal(partial[0]):
                    tally.add(prob, *self._verdict(*partial))
                elif turn < MAX_TURNS:
                    for key, share in self._spread(partial, prob):
                        nxt[key] += share
            layer = nxt
            if not layer:
                break
        return tally.result()

    def _spread(self, partial: Partial, prob: float) -> list[tuple[Partial, float]]:
        """Each offered choice of a state taken with equal probability: the next partials."""
        state, earned, par, pen, broken = partial
        options = self.table.options(state)
        if not options or prob / len(options) < RANDOM_EPSILON:
            return []
        share = prob / len(options)
        b = self._model_points(self.graph.keys[state].call.node)
        out: list[tuple[Partial, float]] = []
        for o in options:
            got = (o.points["empathy"], o.points["clarity"], o.points["control"])
            key: Partial = (
                o.edge.target,
                (
                    earned[0] + min(got[0], b[0]),
                    earned[1] + min(got[1], b[1]),
                    earned[2] + min(got[2], b[2]),
                ),
                (par[0] + b[0], par[1] + b[1], par[2] + b[2]),
                pen + o.penalty,
                broken | frozenset((f.rule, f.severity) for f in o.edge.findings),
            )
            out.append((key, share))
        return out

    def _model_points(self, node: str) -> Triple:
        cached = self._best.get(node)
        if cached is None:
            pts = model_points(self.cs.scenario, self.rubric, node)
            cached = self._best[node] = (
                float(pts["empathy"]),
                float(pts["clarity"]),
                float(pts["control"]),
            )
        return cached

    def _verdict(
        self, state: int, earned: Triple, par: Triple, pen: int, broken: frozenset[tuple[str, str]]
    ) -> tuple[bool, dict[str, int]]:
        ending = self.graph.keys[state].call.ending
        spec = self.cs.scenario.endings.get(ending or "")
        met = spec is not None and spec.meets_objective
        scores: dict[str, int] = {
            d: soft_score(earned[i], par[i], 0.0 if met else float(self.anchor[d]))
            for i, d in enumerate(SOFT_DIMENSIONS)
        }
        scores["compliance"] = max(0, 100 - pen)
        found = [Finding(rule, severity, 0, "") for rule, severity in sorted(broken)]
        ok, _ = decide_pass(scores, found, self.cs.scenario, self.pack, objective=met)
        return ok, scores


Triple = tuple[float, float, float]
Partial = tuple[int, Triple, Triple, int, frozenset[tuple[str, str]]]
"""A partial call of the random policy: state, earned and par points, penalties, rules broken."""
ZERO3: Triple = (0.0, 0.0, 0.0)


class _Tally:
    """The random policy's outcome so far: pass probability and score distribution per dimension."""

    def __init__(self) -> None:
        self.passed = 0.0
        self.sums: dict[str, float] = defaultdict(float)
        self.dist: dict[str, dict[int, float]] = {
            d: defaultdict(float) for d in (*SOFT_DIMENSIONS, "compliance")
        }

    def add(self, prob: float, ok: bool, scores: dict[str, int]) -> None:
        self.passed += prob if ok else 0.0
        for d, v in scores.items():
            self.sums[d] += prob * v
            self.dist[d][v] += prob

    def result(self) -> PolicyResult:
        resolved = sum(sum(v.values()) for v in self.dist.values()) / len(self.dist)
        return PolicyResult(
            "random",
            self.passed,
            {d: self.sums[d] / resolved if resolved else 0.0 for d in self.dist},
            spread={d: _quantiles(self.dist[d]) for d in self.dist},
            unresolved=max(0.0, 1.0 - resolved),
        )


def _quantiles(weights: dict[int, float]) -> tuple[int, int, int]:
    """The 10th, 50th and 90th percentile of a discrete distribution."""
    total = sum(weights.values())
    if total <= 0:
        return (0, 0, 0)
    out: list[int] = []
    for q in (0.1, 0.5, 0.9):
        acc = 0.0
        for value in sorted(weights):
            acc += weights[value]
            if acc >= q * total - 1e-12:
                out.append(value)
                break
    return (out[0], out[1], out[2])


@dataclass
class Calibration:
    """A scenario's declared calibration checked against the simulation."""

    scenario: str
    results: list[PolicyResult]
    problems: list[Text]

    def to_dict(self, lang: Lang = "en") -> dict[str, object]:
        """The JSON shape of one scenario in `calldojo simulate --json` (problems in `lang`)."""
        return {
            "scenario": self.scenario,
            "policies": [r.to_dict() for r in self.results],
            "calibrated": not self.problems,
            "problems": [p.render(lang) for p in self.problems],
        }


def calibrate(
    cs: CompiledScenario,
    rubric: RubricSpec,
    pack: RulePackSpec,
    policies: Sequence[Policy] = POLICIES,
) -> Calibration:
    """Simulate the policies and check the scenario's declared calibration."""
    sim = Simulation(cs, rubric, pack)
    results = sim.all(policies)
    by = {r.policy: r for r in results}
    spec = cs.scenario.scoring.calibration
    problems: list[Text] = []
    for p in spec.must_pass:
        if p in by and by[p].pass_rate < 1.0:
            problems.append(
                say("calibration.must_pass", policy=p, reasons=", ".join(by[p].reasons))
            )
    for p in spec.must_fail:
        if p in by and by[p].pass_rate > 0.0:
            problems.append(say("calibration.must_fail", policy=p, path=",".join(by[p].path)))
    if "random" in by and by["random"].pass_rate > spec.random_pass_max:
        limit = f"{spec.random_pass_max:.0%}"
        problems.append(
            say("calibration.random", rate=f"{by['random'].pass_rate:.1%}", limit=limit)
        )
    return Calibration(cs.scenario.id, results, problems)
