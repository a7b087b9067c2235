"""Second-pass checks across files, each reported at the offending YAML node."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from simulator.spec.diagnostics import Diagnostic
from simulator.spec.library import load_library
from simulator.spec.validation import validate_library, validate_paths

LIB_OK = Path(__file__).parents[2] / "fixtures" / "lib_ok"
SCENARIO = "scenarios/tiny_call.scenario.yaml"
PERSONA = "personas/tiny_debtor.persona.yaml"
RUBRIC = "data/default.rubric.yaml"
RULES = "data/cn.rules.yaml"


def library_copy(tmp_path: Path, edits: list[tuple[str, str, str]]) -> Path:
    root = tmp_path / "lib"
    shutil.copytree(LIB_OK, root)
    for relative, old, new in edits:
        path = root / relative
        text = path.read_text("utf-8")
        assert old in text, old
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return root


def diagnostics(tmp_path: Path, *edits: tuple[str, str, str]) -> list[Diagnostic]:
    root = library_copy(tmp_path, list(edits))
    return validate_library(root, [root / "data"])


def errors(found: list[Diagnostic]) -> list[tuple[str, str, int, int]]:
    return [(Path(d.path).name, d.code, d.line, d.col) for d in found if d.level == "error"]


def find(found: list[Diagnostic], code: str) -> Diagnostic:
    matching = [d for d in found if d.code == code]
    assert len(matching) == 1, [d.format() for d in found]
    return matching[0]


def test_fixture_library_has_only_the_expected_warning(tmp_path: Path) -> None:
    found = diagnostics(tmp_path)
    assert [(d.code, d.line, d.col, d.level) for d in found] == [("CD501", 39, 13, "warning")]


def test_unknown_persona(tmp_path: Path) -> None:
    found = diagnostics(tmp_path, (SCENARIO, "persona: tiny_debtor", "persona: tiny_debtr"))
    assert errors(found) == [("tiny_call.scenario.yaml", "CD300", 4, 10)]
    assert find(found, "CD300").hint == "did you mean 'tiny_debtor'?"


def test_start_is_not_a_node(tmp_path: Path) -> None:
    found = diagnostics(tmp_path, (SCENARIO, "start: opening", "start: openning"))
    assert errors(found) == [("tiny_call.scenario.yaml", "CD301", 14, 8)]
    assert find(found, "CD301").hint == "did you mean 'opening'?"


def test_next_and_branch_targets(tmp_path: Path) -> None:
    found = diagnostics(
        tmp_path,
        (
            SCENARIO,
            "        next: verified\n        best: true\n      - id: threaten",
            "        next: verifed\n        best: true\n      - id: threaten",
        ),
        (SCENARIO, "to: ptp}", "to: pttp}"),
    )
    assert errors(found) == [
        ("tiny_call.scenario.yaml", "CD302", 22, 15),
        ("tiny_call.scenario.yaml", "CD302", 37, 41),
    ]
    assert [d.hint for d in found if d.code == "CD302"] == [
        "did you mean 'verified'?",
        "did you mean 'ptp'?",
    ]


def test_threshold_goto_must_be_an_ending_of_each_scenario(tmp_path: Path) -> None:
    found = diagnostics(tmp_path, (SCENARIO, "  hung_up: {outcome: hung_up}\n", ""))
    assert errors(found) == [("tiny_call.scenario.yaml", "CD303", 43, 1)]
    assert "'hung_up'" in find(found, "CD303").hint


def test_unknown_tags_in_choice_and_reactions(tmp_path: Path) -> None:
    found = diagnostics(
        tmp_path,
        (SCENARIO, "tags: [threaten]", "tags: [threatn]"),
        (PERSONA, "  demand_payment: {patience: -2}", "  demand_paymnt: {patience: -2}"),
    )
    assert errors(found) == [
        ("tiny_debtor.persona.yaml", "CD304", 9, 3),
        ("tiny_call.scenario.yaml", "CD304", 26, 16),
    ]
    assert [d.hint for d in found if d.code == "CD304"] == [
        "did you mean 'demand_payment'?",
        "did you mean 'threaten'?",
    ]


def test_dead_air_must_not_be_authored(tmp_path: Path) -> None:
    found = diagnostics(tmp_path, (SCENARIO, "tags: [threaten]", "tags: [threaten, dead_air]"))
    assert errors(found) == [("tiny_call.scenario.yaml", "CD309", 26, 26)]


def test_unknown_rubric_and_rule_pack(tmp_path: Path) -> None:
    found = diagnostics(
        tmp_path, (SCENARIO, "difficulty: 1\n", "difficulty: 1\nrubric: defalt\nrules: us\n")
    )
    assert errors(found) == [
        ("tiny_call.scenario.yaml", "CD305", 6, 9),
        ("tiny_call.scenario.yaml", "CD305", 7, 8),
    ]
    assert [d.hint for d in found if d.code == "CD305"][0] == "did you mean 'default'?"


def test_duplicate_rule_id_and_unknown_rule_tag(tmp_path: Path) -> None:
    found = diagnostics(
        tmp_path,
        (RULES, "  - id: CN-OPEN-ID", "  - id: CN-THREAT"),
        (RULES, "[[identify_self], [give_employee_id]]", "[[identify_self], [give_employe_id]]"),
    )
    assert errors(found) == [("cn.rules.yaml", "CD307", 10, 9), ("cn.rules.yaml", "CD304", 14, 30)]


def test_locale_mismatch(tmp_path: Path) -> None:
    found = diagnostics(tmp_path, (PERSONA, "locale: zh-CN", "locale: en-US"))
    assert errors(found) == [("tiny_call.scenario.yaml", "CD308", 3, 9)]


def test_condition_syntax_error_column(tmp_path: Path) -> None:
    found = diagnostics(tmp_path, (SCENARIO, '"trust >= 5"', '"trust >== 5"'))
    assert errors(found) == [("tiny_call.scenario.yaml", "CD400", 37, 32)]
    assert "'='" in find(found, "CD400").message


def test_condition_unknown_name_column_and_hint(tmp_path: Path) -> None:
    found = diagnostics(tmp_path, (SCENARIO, '"trust >= 5"', '"trsut >= 5"'))
    assert errors(found) == [("tiny_call.scenario.yaml", "CD401", 37, 24)]
    assert find(found, "CD401").hint == "did you mean 'trust'?"


def test_condition_in_plain_scalar_and_mood_variant(tmp_path: Path) -> None:
    found = diagnostics(
        tmp_path,
        (PERSONA, "  - when: patience <= 0", "  - when: patience <= 0 and"),
        (SCENARIO, '{when: "patience <= 2"', '{when: "patience <= 2 and not dispute_raised"'),
    )
    assert errors(found) == [
        ("tiny_debtor.persona.yaml", "CD400", 12, 28),
        ("tiny_call.scenario.yaml", "CD401", 30, 73),
    ]


def test_flags_set_anywhere_and_verified_are_known(tmp_path: Path) -> None:
    found = diagnostics(
        tmp_path,
        (SCENARIO, '"trust >= 5"', '"trust >= 5 or opened_up or verified or asked"'),
        (
            SCENARIO,
            "        next: refused\n",
            "        set: {asked: true}\n        next: refused\n",
        ),
    )
    assert errors(found) == []


def test_ambiguous_width_warning(tmp_path: Path) -> None:
    found = diagnostics(tmp_path, (SCENARIO, "say: 今天必须还!", "say: 今天必须还……★"))
    warning = find(found, "CD500")
    assert (warning.level, warning.line, warning.col) == ("warning", 40, 19)
    assert "U+2026" in warning.message


def test_duplicate_id_and_file_name(tmp_path: Path) -> None:
    root = library_copy(tmp_path, [])
    shutil.copy(root / SCENARIO, root / "scenarios" / "copy.scenario.yaml")
    found = validate_library(root, [root / "data"])
    assert [
        (Path(d.path).name, d.code, d.line, d.col) for d in found if d.code in ("CD306", "CD502")
    ] == [
        ("copy.scenario.yaml", "CD502", 1, 5),
        ("tiny_call.scenario.yaml", "CD306", 1, 5),
    ]


def test_id_differs_from_file_name(tmp_path: Path) -> None:
    root = library_copy(tmp_path, [])
    (root / SCENARIO).rename(root / "scenarios" / "other.scenario.yaml")
    d = find(validate_library(root, [root / "data"]), "CD502")
    assert (d.level, d.line, d.col) == ("warning", 1, 5)


def test_library_keeps_collecting(tmp_path: Path) -> None:
    root = library_copy(tmp_path, [(PERSONA, "mood:", "mood: [")])
    (root / "scenarios" / "broken.scenario.yaml").write_text("- x\n", encoding="utf-8")
    library = load_library(root, (root / "data",))
    assert list(library.scenarios) == ["tiny_call"]
    assert library.personas == {}
    codes = sorted(d.code for d in library.errors)
    assert codes == ["CD105", "CD110", "CD300"]


def test_validate_paths_reports_only_the_given_file(tmp_path: Path) -> None:
    root = library_copy(
        tmp_path, [(SCENARIO, "start: opening", "start: x"), (PERSONA, "threaten:", "threatn:")]
    )
    found = validate_paths([root / SCENARIO], [root / "data"])
    assert [(d.code, d.line) for d in found if d.level == "error"] == [("CD301", 14)]
    assert {d.code for d in validate_paths([root], [root / "data"])} >= {"CD301", "CD304"}


@pytest.mark.parametrize("name", ["notes.yaml", "x.scenario.yml"])
def test_validate_paths_unknown_kind(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text("a: 1\n", encoding="utf-8")
    assert [d.code for d in validate_paths([path])] == ["CD106"]
