"""The layers hold at run time: nothing below the TUI pulls in Textual, scoring never sees transitions."""

from __future__ import annotations

import subprocess
import sys

import pytest

NON_UI = [
    "simulator.spec",
    "simulator.spec.library",
    "simulator.transcript",
    "simulator.engine",
    "simulator.analysis",
    "simulator.practice",
    "simulator.preferences",
    "simulator.analysis.simulate",
    "simulator.store",
    "simulator.commands",
    "simulator.messages",
    "simulator.wording",
    "scoring",
    "scoring.score",
]


def _loaded_after_import(module: str) -> set[str]:
    code = f"import sys, {module}; print('\\n'.join(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return set(out.stdout.split())


@pytest.mark.parametrize("module", NON_UI)
def test_no_textual_below_the_tui(module: str) -> None:
    loaded = _loaded_after_import(module)
    assert "textual" not in loaded, f"{module} imports textual"
    assert "rich" not in loaded, f"{module} imports rich"


@pytest.mark.parametrize(
    "module", ["scoring", "scoring.score", "scoring.monitors", "scoring.feedback"]
)
def test_scoring_never_imports_transitions(module: str) -> None:
    assert "transitions" not in _loaded_after_import(module)


@pytest.mark.parametrize(
    "module", ["simulator.cli", "simulator.practice", "simulator.analysis", "simulator.tui"]
)
def test_heavy_imports_stay_lazy(module: str) -> None:
    loaded = _loaded_after_import(module)
    assert "sqlalchemy" not in loaded, f"{module} imports SQLAlchemy at import time"


def test_the_command_line_builds_its_help_without_loading_content_models() -> None:
    loaded = _loaded_after_import("simulator.cli")
    assert "pydantic" not in loaded and "simulator.spec" not in loaded and "yaml" not in loaded


def test_import_linter_contracts_hold() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "importlinter.cli", "--no-cache"], capture_output=True, text=True
    )
    if "No module named" in out.stderr:
        out = subprocess.run(["lint-imports", "--no-cache"], capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr
