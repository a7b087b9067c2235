"""Hostile YAML inputs: each gives one clear diagnostic (code, line, col), fast, never a traceback."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from simulator.spec.diagnostics import Diagnostic, DiagnosticError
from simulator.spec.loading.loader import MAX_BYTES, load_scenario

BOMB = (
    "a: &a [x, x, x, x, x, x, x, x, x]\n"
    "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
    "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
    "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
    "e: [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n"
)


def diagnose(tmp_path: Path, content: str | bytes) -> list[Diagnostic]:
    path = tmp_path / "bad.scenario.yaml"
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    started = time.perf_counter()
    with pytest.raises(DiagnosticError) as caught:
        load_scenario(path)
    assert time.perf_counter() - started < 0.5, "hostile input must be refused quickly"
    for diagnostic in caught.value.diagnostics:
        assert diagnostic.path == str(path)
        assert diagnostic.message
    return caught.value.diagnostics


def only(diagnostics: list[Diagnostic]) -> tuple[str, int, int]:
    assert len(diagnostics) == 1, [d.format() for d in diagnostics]
    d = diagnostics[0]
    return d.code, d.line, d.col


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        pytest.param(BOMB, ("CD112", 2, 8), id="alias-bomb"),
        pytest.param("a: 1\nb: [1, 2]\nc: *x\n", ("CD110", 3, 4), id="undefined-alias"),
        pytest.param(
            "a: " + "[" * 20_000 + "]" * 20_000 + "\n", ("CD115", 1, 68), id="deep-nesting"
        ),
        pytest.param("a: " + "[" * 20_000, ("CD115", 1, 68), id="deep-unclosed"),
        pytest.param("id: x\ntitle: a\nid: y\n", ("CD113", 3, 1), id="duplicate-key"),
        pytest.param("id: x\nnodes:\n\tstart: 1\n", ("CD111", 3, 1), id="tab-indent"),
        pytest.param("id: x\nnodes:\n  a: 1\n  \tb: 2\n", ("CD111", 4, 3), id="tab-after-spaces"),
        pytest.param("", ("CD104", 1, 1), id="empty"),
        pytest.param("# only a comment\n\n", ("CD104", 1, 1), id="comments-only"),
        pytest.param("- a\n- b\n", ("CD105", 1, 1), id="top-level-list"),
        pytest.param("just words\n", ("CD105", 1, 1), id="top-level-scalar"),
        pytest.param(
            "id: !!python/object/apply:os.system ['ls']\n", ("CD114", 1, 5), id="python-tag"
        ),
        pytest.param("id: !custom x\n", ("CD114", 1, 5), id="unknown-tag"),
        pytest.param("id: x\n---\nid: y\n", ("CD110", 2, 1), id="two-documents"),
        pytest.param("id: [a, b\ntitle: c\n", ("CD110", 2, 6), id="unclosed-flow"),
        pytest.param("id: x\ntitle: a\x07b\n", ("CD103", 2, 9), id="control-character"),
    ],
)
def test_hostile_text(tmp_path: Path, content: str, expected: tuple[str, int, int]) -> None:
    assert only(diagnose(tmp_path, content)) == expected


def test_binary_file(tmp_path: Path) -> None:
    assert only(diagnose(tmp_path, b"id: x\n\x89PNG\x00\x01")) == ("CD103", 2, 5)


def test_not_utf8(tmp_path: Path) -> None:
    gbk = "id: x\ntitle: 小测试\n".encode("gbk")
    assert only(diagnose(tmp_path, gbk)) == ("CD102", 2, 10)  # column counts bytes here


def test_too_large(tmp_path: Path) -> None:
    code, line, col = only(diagnose(tmp_path, "a: " + "x" * MAX_BYTES))
    assert (code, line, col) == ("CD101", 1, 1)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(DiagnosticError) as caught:
        load_scenario(tmp_path / "absent.scenario.yaml")
    assert only(caught.value.diagnostics) == ("CD100", 1, 1)


def test_duplicate_key_names_both_lines(tmp_path: Path) -> None:
    (d,) = diagnose(tmp_path, "id: x\nnodes:\n  a: {}\n  b: {}\n  a: {}\n")
    assert (d.code, d.line, d.col) == ("CD113", 5, 3)
    assert "line 3" in d.message and "line 3" in d.hint


def test_utf8_bom_is_accepted(tmp_path: Path) -> None:
    diagnostics = diagnose(tmp_path, "\ufeff- a\n")
    assert only(diagnostics) == ("CD105", 1, 1)
