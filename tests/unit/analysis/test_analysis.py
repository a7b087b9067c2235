"""The static analysis on small hand-made scenarios whose answers are known."""

from __future__ import annotations

from typing import Any

import pytest

from scoring import DATA_DIR
from scoring.monitors import build_monitors, run_rules
from scoring.score import penalty, turn_points
from simulator.analysis import AnalysisTooLarge, analyze
from simulator.engine import Call, compile_scenario
from simulator.spec.loading.loader import load_rubric, load_rulepack
from simulator.spec.models.persona import PersonaSpec
from simulator.spec.models.scenario import ScenarioSpec
from simulator.transcript import SILENCE, Turn

RUBRIC = load_rubric(DATA_DIR / "default.rubric.yaml")
PACK = load_rulepack(DATA_DIR / "cn.rules.yaml")
OPEN = ["identify_self", "give_employee_id", "verify_identity"]


def persona(**changes: Any) -> PersonaSpec:
    data: dict[str, Any] = {
        "id": "p",
        "name": "王丽",
        "locale": "zh-CN",
        "archetype": "hardship",
        "profile": "测试用。",
        "mood": {"patience": 6, "trust": 3},
        "reactions": {"threaten": {"patience": -6}},
        "thresholds": [{"when": "patience <= 0", "goto": "hung_up"}],
        "silence": {"lines": ["喂？"], "effect": {"patience": -3}},
        "hang_up": "挂了。",
    }
    data.update(changes)
    return PersonaSpec.model_validate(data)


def choice(cid: str, tags: list[str], to: str, **extra: Any) -> dict[str, Any]:
    return {"id": cid, "say": f"说{cid}。", "tags": tags, "next": to, **extra}


def scenario(nodes: dict[str, Any], **changes: Any) -> ScenarioSpec:
    data: dict[str, Any] = {
        "id": "s",
        "title": "测试",
        "locale": "zh-CN",
        "persona": "p",
        "difficulty": 1,
        "summary": "测试。",
        "agent": {"name": "李明", "employee_id": "A1", "institution": "XX银行"},
        "call": {"at": "2026-03-12T10:00:00+08:00"},
        "case_file": {
            "case": [{"label": "a", "value": "b"}],
            "contacts": [{"name": "王丽", "relation": "本人", "phone": "1"}],
            "account": [{"label": "a", "value": "b"}],
        },
        "objective": "测试。",
        "start": "open",
        "nodes": nodes,
        "endings": {
            "done": {"outcome": "callback", "meets_objective": True},
            "hung_up": {"outcome": "hung_up"},
        },
    }
    data.update(changes)
    return ScenarioSpec.model_validate(data)


def run(nodes: dict[str, Any], p: PersonaSpec | None = None, **changes: Any):  # type: ignore[no-untyped-def]
    compiled = compile_scenario(scenario(nodes, **changes), p or persona())
    return compiled, analyze(compiled, RUBRIC, PACK)


def two_step() -> dict[str, Any]:
    return {
        "open": {
            "debtor": "喂？",
            "choices": [
                choice("verify", OPEN, "verified", best=True),
                choice("threaten", ["threaten"], "verified"),
            ],
        },
        "verified": {
            "debtor": "是我。",
            "verified": True,
            "party": "debtor",
            "choices": [
                choice("purpose", ["state_purpose", "acknowledge_feelings"], "done", best=True),
                choice("plain", ["state_purpose"], "done"),
            ],
        },
    }


def points(tags: list[str], dim: str) -> int:
    turn = Turn(0, "agent", "choice", "", "n", "c", tuple(tags), (), "debtor", True, (), None, 1.0)  # type: ignore[arg-type]
    return {str(k): v for k, v in turn_points(RUBRIC, turn).items()}[dim]


def test_structure_of_a_sound_scenario() -> None:
    _, report = run(two_step())
    assert report.unreachable == []
    assert report.dead_ends == []
    assert report.loops_without_exit == []
    assert report.endings == ["done", "hung_up"]
    # staying silent after verification lets the 30-second window for the purpose run out
    assert report.violations == ["CN-OPEN-30S", "CN-OPEN-ID", "CN-THREAT"]
    assert report.pass_possible is True
    assert report.model_answer["path"] == ["verify", "purpose"]
    assert report.model_answer["scores"] == {
        "empathy": 100,
        "clarity": 100,
        "control": 100,
        "compliance": 100,
    }
    assert report.objective_endings == ["done"]
    assert report.pass_without_objective == []


def _every_call(compiled: Any, limit: int = 12) -> list[list[str]]:
    """Every complete call (choices and silences) of a small scenario, by brute force."""
    done: list[list[str]] = []
    stack: list[list[str]] = [[]]
    while stack:
        path = stack.pop()
        call = Call(compiled)
        for action in path:
            if action == SILENCE:
                call.silence()
            else:
                call.choose(action)
        if call.ended:
            done.append(path)
            continue
        assert len(path) < limit, "a call of the small scenario must end"
        stack.extend([*path, c.id] for c in call.choices())
        stack.append([*path, SILENCE])
    return done


def _raw(compiled: Any, path: list[str]) -> dict[str, float]:
    call = Call(compiled)
    for action in path:
        if action == SILENCE:
            call.silence()
        else:
            call.choose(action)
    transcript = call.transcript()
    totals = dict.fromkeys(("empathy", "clarity", "control"), 0.0)
    for turn in transcript.agent_turns:
        for dim, value in turn_points(RUBRIC, turn).items():
            totals[dim] += value
    findings = run_rules(build_monitors(PACK), transcript)
    totals["compliance"] = -float(sum(penalty(PACK, f.severity) for f in findings))
    return totals


def test_bounds_are_exact_and_their_paths_play() -> None:
    compiled, report = run(two_step())
    everything = [_raw(compiled, path) for path in _every_call(compiled)]
    assert len(everything) > 4
    for dim, bound in report.bounds.items():
        values = [totals[dim] for totals in everything]
        assert bound.min == min(values), dim  # the true extremes over every call
        assert bound.max == max(values), dim
        assert _raw(compiled, bound.min_path)[dim] == bound.min, dim  # and their paths reach them
        assert _raw(compiled, bound.max_path)[dim] == bound.max, dim
    best = points(OPEN, "empathy") + points(["state_purpose", "acknowledge_feelings"], "empathy")
    assert report.bounds["empathy"].max == best
    assert report.bounds["empathy"].max_path == ["verify", "purpose"]


def test_unreachable_node_is_reported() -> None:
    nodes = two_step()
    nodes["orphan"] = {"debtor": "没人到这里。", "choices": [choice("x", [], "done")]}
    _, report = run(nodes)
    assert report.unreachable == ["orphan"]


def test_dead_end_when_every_choice_is_guarded_off() -> None:
    nodes = two_step()
    nodes["verified"]["choices"] = [
        choice("only_if_trusting", ["state_purpose"], "done", when="trust >= 9")
    ]
    _, report = run(nodes)
    assert report.dead_ends == ["verified"]
    assert report.never_offered == ["verified.only_if_trusting"]


def test_loop_without_exit() -> None:
    nodes = {
        "open": {"debtor": "喂？", "choices": [choice("again", ["thank"], "echo")]},
        "echo": {"debtor": "啊？", "choices": [choice("back", ["thank"], "open")]},
    }
    calm = persona(silence={"lines": ["喂？"], "effect": {}}, thresholds=[])
    _, report = run(nodes, calm, endings={"done": {"outcome": "callback"}})
    assert report.loops_without_exit == ["echo", "open"]
    assert report.endings == []


def test_pass_impossible_when_every_path_breaks_a_critical_rule() -> None:
    nodes = two_step()
    nodes["open"]["choices"] = [
        choice("threaten", ["threaten"], "verified", best=True),
        choice("insult", ["insult"], "verified"),
    ]
    _, report = run(nodes)
    assert report.pass_possible is False


def test_no_ending_meets_the_objective_is_noted_and_nothing_passes() -> None:
    _, report = run(
        two_step(), endings={"done": {"outcome": "callback"}, "hung_up": {"outcome": "hung_up"}}
    )
    assert report.objective_endings == []
    assert report.pass_possible is False
    assert any("meets the objective" in note.render("en") for note in report.notes)
    assert report.pass_without_objective == []


def test_a_model_answer_that_cannot_play_is_noted() -> None:
    nodes = two_step()
    nodes["verified"]["choices"][0]["when"] = "trust >= 9"
    _, report = run(nodes)
    assert report.pass_possible is False
    assert report.model_answer["reasons"] == ["unplayable"]
    assert any("not offered" in note.render("en") for note in report.notes)


def test_mood_branch_reachability() -> None:
    nodes = two_step()
    nodes["verified"]["choices"][0]["next"] = [{"when": "trust >= 9", "to": "warm"}, {"to": "done"}]
    nodes["warm"] = {"debtor": "谢谢。", "choices": [choice("close", ["close_politely"], "done")]}
    _, report = run(nodes)
    assert report.unreachable == ["warm"]  # trust starts at 3 and nothing raises it
    assert report.branches_never_taken == ["verified.purpose->warm"]
    warm = persona(reactions={"acknowledge_feelings": {"trust": 6}})
    _, report = run(nodes, warm)
    assert report.unreachable == []
    assert report.branches_never_taken == ["verified.purpose->done"]  # trust 9 now always holds


def test_too_large_stops_with_a_message() -> None:
    compiled = compile_scenario(scenario(two_step()), persona())
    with pytest.raises(AnalysisTooLarge, match="more than 3 reachable states"):
        analyze(compiled, RUBRIC, PACK, max_states=3)
