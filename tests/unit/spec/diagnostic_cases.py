"""One broken input per diagnostic code (and per variant of a code), for the table tests."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from simulator.spec.diagnostics import Diagnostic, DiagnosticError
from simulator.spec.loading.loader import load_scenario
from simulator.spec.validation import validate_library, validate_paths

LIB_OK = Path(__file__).parents[2] / "fixtures" / "lib_ok"
SCENARIO = "scenarios/tiny_call.scenario.yaml"
PERSONA = "personas/tiny_debtor.persona.yaml"
RULES = "data/cn.rules.yaml"
Make = Callable[[Path], list[Diagnostic]]


@dataclass(frozen=True)
class Case:
    """A broken input and the one diagnostic it must give, in both languages."""

    name: str
    make: Make
    code: str
    line: int
    col: int
    en: tuple[str, str]
    """(message, hint) in English."""
    zh: tuple[str, str]
    """(message, hint) in Chinese."""

    def param(self) -> object:
        """This case as a pytest parameter named after it."""
        return pytest.param(self, id=self.name)


def library(*edits: tuple[str, str, str]) -> Make:
    """The fixture library with text replaced in its files, validated whole."""

    def make(tmp_path: Path) -> list[Diagnostic]:
        root = tmp_path / "lib"
        shutil.copytree(LIB_OK, root)
        for relative, old, new in edits:
            path = root / relative
            text = path.read_text("utf-8")
            assert old in text, old
            path.write_text(text.replace(old, new, 1), encoding="utf-8")
        return validate_library(root, [root / "data"])

    return make


def scenario(old: str, new: str) -> Make:
    """The fixture scenario with `old` replaced by `new`."""
    return library((SCENARIO, old, new))


def raw(content: str | bytes, name: str = "bad.scenario.yaml") -> Make:
    """A loose file with exactly this content, loaded on its own."""

    def make(tmp_path: Path) -> list[Diagnostic]:
        path = tmp_path / name
        if isinstance(content, str):
            path.write_text(content, encoding="utf-8")
        else:
            path.write_bytes(content)
        if name.endswith(".scenario.yaml"):
            with pytest.raises(DiagnosticError) as caught:
                load_scenario(path)
            return caught.value.diagnostics
        return validate_paths([path])

    return make


def missing_file(tmp_path: Path) -> list[Diagnostic]:
    """A path that does not exist."""
    with pytest.raises(DiagnosticError) as caught:
        load_scenario(tmp_path / "gone.scenario.yaml")
    return caught.value.diagnostics


def copied_scenario(tmp_path: Path) -> list[Diagnostic]:
    """The fixture scenario twice in one library: CD306 on one copy, CD502 on the other."""
    root = tmp_path / "lib"
    shutil.copytree(LIB_OK, root)
    shutil.copy(root / SCENARIO, root / "scenarios" / "copy.scenario.yaml")
    return [d for d in validate_library(root, [root / "data"]) if d.code == "CD306"]


def renamed_scenario(tmp_path: Path) -> list[Diagnostic]:
    """The fixture scenario under another file name."""
    root = tmp_path / "lib"
    shutil.copytree(LIB_OK, root)
    (root / SCENARIO).rename(root / "scenarios" / "other.scenario.yaml")
    return [d for d in validate_library(root, [root / "data"]) if d.code == "CD502"]
