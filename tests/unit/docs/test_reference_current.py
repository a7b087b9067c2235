"""The committed reference under docs/reference/ equals what the generator writes today."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

GENERATOR = Path(__file__).resolve().parents[3] / "docs" / "gen_reference.py"


def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("gen_reference", GENERATOR)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_GEN = _generator()
_OUTPUTS: dict[Path, str] = _GEN.outputs()


@pytest.mark.parametrize("path", sorted(_OUTPUTS), ids=lambda p: p.name)
def test_reference_file_is_current(path: Path) -> None:
    current = path.read_text(encoding="utf-8") if path.exists() else None
    assert current == _OUTPUTS[path], (
        f"{path.name} is out of date with the models or the scoring data; "
        f"regenerate it with `{_GEN.REGENERATE}` and commit the result"
    )


def test_reference_covers_every_scenario_model() -> None:
    text = _OUTPUTS[GENERATOR.parent / "reference" / "fields.en.md"]
    for name in (
        "NodeSpec",
        "ChoiceSpec",
        "BranchSpec",
        "DebtorLineSpec",
        "MoodLineSpec",
        "EndingSpec",
        "CaseFileSpec",
        "Fact",
        "Contact",
        "Transaction",
        "AgentSpec",
        "CallSpec",
        "ScoringSpec",
        "ThresholdSpec",
        "SilenceSpec",
        "TagSpec",
        "TagRule",
        "TimeRule",
    ):
        assert f"### {name}\n" in text
