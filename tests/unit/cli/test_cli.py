"""The headless CLI contract: shapes and exit codes other tools and tests depend on."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from scoring.rubric import load_bundled_pack
from simulator.cli import main

TINY = str(Path(__file__).parents[2] / "fixtures" / "content")


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_play_json_shape(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys,
        "--content",
        TINY,
        "play",
        "tiny_call",
        "--choices",
        "verify,empathize",
        "--seed",
        "3",
        "--json",
    )
    assert code == 0
    data = json.loads(out)
    assert set(data) == {
        "scenario",
        "content_hash",
        "seed",
        "turns",
        "ending",
        "scores",
        "violations",
        "passed",
        "reasons",
    }
    assert [t["turn"] for t in data["turns"]] == list(range(1, len(data["turns"]) + 1))
    assert data["scenario"] == "tiny_call" and data["seed"] == 3 and len(data["content_hash"]) == 64
    assert set(data["turns"][0]) >= {"speaker", "text", "node", "choice", "tags", "mood"}
    assert data["ending"] == {"id": "ptp", "outcome": "promise_to_pay"}
    assert set(data["scores"]) == {"empathy", "clarity", "control", "compliance"}
    # no purpose stated after verification, and a promise without date, channel, amount or read-back:
    # two major rules, so the call fails although the soft scores are high
    assert data["violations"] == [
        {"rule": "CN-OPEN-30S", "severity": "major", "turn": 5},
        {"rule": "CN-PTP-3E", "severity": "major", "turn": 5},
    ]
    assert data["scores"]["empathy"] == 100
    assert data["passed"] is False
    assert data["reasons"] == ["objective:CN-PTP-3E", "majors:2", "below:compliance"]
    # numbered as the app's debrief numbers turns: turn 4 is the trainee's second line
    assert (
        data["turns"][3] | {"turn": 4} == data["turns"][3]
        and data["turns"][3]["choice"] == "empathize"
    )


def test_options_work_after_the_command(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys, "play", "tiny_call", "--choices", "threaten", "--json", "--content", TINY
    )
    assert code == 0
    assert json.loads(out)["violations"][0]["rule"] == "CN-THREAT"


def test_unavailable_choice_lists_valid_ids(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(
        capsys, "--content", TINY, "play", "tiny_call", "--choices", "verify,nonsense"
    )
    assert code == 1
    assert "'nonsense'" in err and "empathize, demand" in err


def test_unknown_scenario_suggests(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "--content", TINY, "play", "tiny_cal", "--choices", "verify")
    assert code == 1
    assert "did you mean 'tiny_call'" in err


def test_analyze_json_keys(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--content", TINY, "analyze", "tiny_call", "--json")
    assert code == 0
    data = json.loads(out)
    assert {
        "unreachable",
        "dead_ends",
        "endings",
        "bounds",
        "violations",
        "pass_possible",
        "model_answer",
        "objective_endings",
        "pass_without_objective",
    } <= set(data)
    assert data["model_answer"]["path"] == ["verify", "empathize"]
    assert set(data["bounds"]["empathy"]) == {"min", "max", "min_path", "max_path"}


def test_analyze_paths_are_playable(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "--content", TINY, "analyze", "tiny_call", "--json")
    path = json.loads(out)["bounds"]["control"]["min_path"]
    code, out, _ = run(
        capsys, "--content", TINY, "play", "tiny_call", "--choices", ",".join(path), "--json"
    )
    assert code == 0 and json.loads(out)["ending"] is not None


def test_simulate_prints_each_policy_and_exits_1_when_miscalibrated(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(capsys, "--content", TINY, "simulate", "--json")
    data = json.loads(out)
    assert [c["scenario"] for c in data] == ["tiny_call"]
    policies = {p["policy"]: p for p in data[0]["policies"]}
    assert set(policies) == {
        "ideal",
        "empathetic",
        "cold",
        "pushy",
        "aggressive",
        "opening_then_aggressive",
        "random",
        "longest",
        "politest",
    }
    assert policies["ideal"]["path"] == ["verify", "empathize"]
    assert 0.0 <= policies["random"]["pass_rate"] <= 1.0
    # the tiny fixture's model promise lacks the three elements: nothing passes, so it is miscalibrated
    assert code == (0 if data[0]["calibrated"] else 1)
    assert data[0]["calibrated"] is False


def test_simulate_table_and_unknown_policy(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--content", TINY, "simulate", "tiny_call", "--policy", "ideal")
    assert "tiny_call" in out and "ideal" in out and "calibrated" in out
    code, _, err = run(capsys, "--content", TINY, "simulate", "--policy", "sloppy")
    assert code == 2 and "unknown policy sloppy" in err


def test_list_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "list", "--json")
    rows = json.loads(out)
    assert code == 0 and len(rows) >= 19
    assert set(rows[0]) == {"id", "title", "locale", "persona", "archetype", "difficulty", "tags"}


def test_validate_exit_codes(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert run(capsys, "validate")[0] == 0
    bad = tmp_path / "scenarios"
    bad.mkdir()
    (bad / "broken.scenario.yaml").write_text("id: broken\ntitle: [unclosed\n", encoding="utf-8")
    code, out, _ = run(capsys, "validate", str(bad / "broken.scenario.yaml"))
    assert code == 1
    assert "broken.scenario.yaml:" in out and "CD110" in out
    code, out, _ = run(capsys, "validate", "--json", str(bad / "broken.scenario.yaml"))
    assert code == 1 and json.loads(out)[0]["code"] == "CD110"
    assert run(capsys, "validate", str(tmp_path / "missing.yaml"))[0] == 2


def test_schema_prints_json_schema(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "schema", "scenario")
    assert code == 0 and json.loads(out)["title"] == "ScenarioSpec"


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["play"])
    assert info.value.code == 2


def test_not_a_library(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "--content", str(tmp_path), "list")
    assert code == 2 and "not a content library" in err


def test_coverage_lists_exactly_the_rules_the_analysis_finds(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(capsys, "--content", TINY, "coverage", "--json")
    data = json.loads(out)
    assert code == 0
    listed = {rule for rule, ids in data["cn"].items() if ids == ["tiny_call"]}
    assert {rule for rule, ids in data["cn"].items() if ids} == listed  # one scenario only
    every_cn_rule = {r.id for r in load_bundled_pack("cn").rules}
    assert set(data["cn"]) == every_cn_rule  # every rule has a row, violable or not
    # the tiny call has a threat choice and no promise read-back; it is dialled at 10:20
    assert {"CN-THREAT", "CN-PTP-3E", "CN-OPEN-30S"} <= listed
    assert "CN-HOURS" not in listed and "CN-PAY-CHANNEL" not in listed
    _, analysed, _ = run(capsys, "--content", TINY, "analyze", "tiny_call", "--json")
    assert set(json.loads(analysed)["violations"]) == listed


def test_console_script_entry_point() -> None:
    exe = shutil.which("calldojo", path=str(Path(sys.executable).parent))
    command = [exe] if exe else [sys.executable, "-m", "simulator"]
    out = subprocess.run([*command, "--help"], capture_output=True, text=True, check=True)
    assert "validate" in out.stdout and "analyze" in out.stdout


def test_a_scenario_with_errors_is_not_played(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    library = tmp_path / "lib"
    shutil.copytree(TINY, library)
    scenario = library / "scenarios" / "tiny_call.scenario.yaml"
    scenario.write_text(
        scenario.read_text(encoding="utf-8").replace("[threaten]", "[threatn]"), encoding="utf-8"
    )
    code, _, err = run(
        capsys, "--content", str(library), "play", "tiny_call", "--choices", "verify"
    )
    assert code == 1
    assert (
        "has content errors" in err
        and "CD304 unknown tag 'threatn'" in err
        and "did you mean 'threaten'" in err
    )
