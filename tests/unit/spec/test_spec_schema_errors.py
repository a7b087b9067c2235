"""Schema errors are positioned in the YAML file and translated into readable messages."""

from __future__ import annotations

from pathlib import Path

import pytest

from simulator.spec.diagnostics import Diagnostic, DiagnosticError
from simulator.spec.loading.loader import load_persona, load_scenario

FIXTURES = Path(__file__).parents[2] / "fixtures"
TINY_SCENARIO = (FIXTURES / "content" / "scenarios" / "tiny_call.scenario.yaml").read_text("utf-8")
TINY_PERSONA = (FIXTURES / "content" / "personas" / "tiny_debtor.persona.yaml").read_text("utf-8")


def scenario_errors(tmp_path: Path, old: str, new: str) -> list[Diagnostic]:
    assert old in TINY_SCENARIO
    path = tmp_path / "tiny_call.scenario.yaml"
    path.write_text(TINY_SCENARIO.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(DiagnosticError) as caught:
        load_scenario(path)
    return caught.value.diagnostics


def one(diagnostics: list[Diagnostic]) -> Diagnostic:
    assert len(diagnostics) == 1, [d.format() for d in diagnostics]
    return diagnostics[0]


def test_tiny_fixture_is_valid(tmp_path: Path) -> None:
    path = tmp_path / "tiny_call.scenario.yaml"
    path.write_text(TINY_SCENARIO, encoding="utf-8")
    assert load_scenario(path).id == "tiny_call"


def test_unknown_key_points_at_the_key_with_did_you_mean(tmp_path: Path) -> None:
    missing, d = scenario_errors(tmp_path, "objective:", "objectiv:")
    assert (missing.code, missing.line, missing.col) == ("CD201", 1, 1)
    assert (d.code, d.line, d.col) == ("CD202", 13, 1)
    assert d.hint == "did you mean 'objective'?"


def test_unknown_nested_key(tmp_path: Path) -> None:
    d = one(scenario_errors(tmp_path, "        tags: [threaten]", "        tagz: [threaten]"))
    assert (d.code, d.line, d.col) == ("CD202", 26, 9)
    assert "nodes.opening.choices.1" in d.message
    assert d.hint == "did you mean 'tags'?"


def test_missing_key_points_at_the_parent(tmp_path: Path) -> None:
    d = one(scenario_errors(tmp_path, "        say: 不还钱就等着瞧!\n", ""))
    assert (d.code, d.line, d.col) == ("CD201", 24, 9)
    assert "'say'" in d.message
    assert d.hint == "The trainee's words."


def test_literal_did_you_mean(tmp_path: Path) -> None:
    d = one(scenario_errors(tmp_path, "party: debtor", "party: debtr"))
    assert (d.code, d.line, d.col) == ("CD205", 32, 12)
    assert d.hint == "did you mean 'debtor'?"


def test_bad_id_pattern(tmp_path: Path) -> None:
    d = one(scenario_errors(tmp_path, "- id: verify", "- id: Verify"))
    assert (d.code, d.line, d.col) == ("CD206", 19, 13)


@pytest.mark.parametrize("word", ["no", "yes", "on", "off", "10:30", "017", "2026-03-12"])
def test_yaml11_trap_in_a_line_of_speech(tmp_path: Path, word: str) -> None:
    d = one(scenario_errors(tmp_path, "    debtor: 喂?哪位?", f"    debtor: {word}"))
    assert (d.code, d.line, d.col) == ("CD203", 17, 13)
    assert f'quote it: "{word}"' == d.hint


def test_yaml11_trap_in_a_plain_text_field(tmp_path: Path) -> None:
    d = one(scenario_errors(tmp_path, "title: 小测试", "title: off"))
    assert (d.code, d.line, d.col) == ("CD203", 2, 8)


def test_quoted_word_is_fine(tmp_path: Path) -> None:
    path = tmp_path / "tiny_call.scenario.yaml"
    path.write_text(TINY_SCENARIO.replace("debtor: 喂?哪位?", 'debtor: "no"'), encoding="utf-8")
    assert load_scenario(path).nodes["opening"].debtor == "no"


def test_union_mismatch_is_one_message(tmp_path: Path) -> None:
    d = one(scenario_errors(tmp_path, "    debtor: 喂?哪位?", "    debtor: 12"))
    assert (d.code, d.line, d.col) == ("CD203", 17, 13)
    d = one(scenario_errors(tmp_path, "        next: refused\n", "        next: {to: refused}\n"))
    assert (d.code, d.line, d.col) == ("CD204", 42, 15)
    assert "expected text or a list; found mapping" in d.message


def test_union_picks_the_branch_of_the_shape_written(tmp_path: Path) -> None:
    missing, d = scenario_errors(tmp_path, "{default: 是我，什么事？,", "{defualt: 是我，什么事？,")
    assert (missing.code, missing.line, missing.col) == ("CD201", 30, 13)
    assert (d.code, d.line, d.col) == ("CD202", 30, 14)
    assert d.hint == "did you mean 'default'?"


def test_ascii_comma_in_flow_mapping_gets_the_split_hint(tmp_path: Path) -> None:
    d = one(scenario_errors(tmp_path, "{default: 是我，什么事？,", "{default: 是我,什么事？,"))
    assert (d.code, d.line, d.col) == ("CD202", 30, 26)
    assert "full-width comma" in d.hint


def test_english_split_in_flow_mapping(tmp_path: Path) -> None:
    d = one(
        scenario_errors(
            tmp_path,
            "ptp: {outcome: promise_to_pay, meets_objective: true, debtor: 好，周五前我先还两千。}",
            "ptp: {outcome: promise_to_pay, meets_objective: true, debtor: Well, fine}",
        )
    )
    assert d.code == "CD202" and "full-width comma" in d.hint


def test_validator_message(tmp_path: Path) -> None:
    d = one(scenario_errors(tmp_path, "{to: refused}]", '{when: "trust < 2", to: refused}]'))
    assert (d.code, d.line) == ("CD207", 37)
    assert "fallback" in d.message


def test_persona_mood_missing_core(tmp_path: Path) -> None:
    path = tmp_path / "tiny_debtor.persona.yaml"
    path.write_text(
        TINY_PERSONA.replace("mood: {patience: 5, trust: 3}", "mood: {patience: 5}"),
        encoding="utf-8",
    )
    with pytest.raises(DiagnosticError) as caught:
        load_persona(path)
    d = one(caught.value.diagnostics)
    assert (d.code, d.line, d.col) == ("CD207", 6, 7)
    assert "trust" in d.message


def test_several_errors_sorted_by_line(tmp_path: Path) -> None:
    text = TINY_SCENARIO.replace("difficulty: 1", "difficulty: 9").replace(
        "\nobjective:", "\nobjectiv:"
    )
    path = tmp_path / "tiny_call.scenario.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DiagnosticError) as caught:
        load_scenario(path)
    lines = [(d.code, d.line) for d in caught.value.diagnostics]
    assert lines == [("CD201", 1), ("CD200", 5), ("CD202", 13)]
