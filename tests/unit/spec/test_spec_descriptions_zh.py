"""Every authored model and field has a Chinese description; the table has no stale entries."""

from __future__ import annotations

from typing import Any, get_args

import pytest

from simulator.spec.exports.field_reference import SECTIONS
from simulator.spec.models.common import Spec
from simulator.spec.models.descriptions_zh import (
    FIELDS_ZH,
    MODELS_ZH,
    field_description_zh,
    model_description_zh,
)
from simulator.spec.models.persona import PersonaSpec
from simulator.spec.models.rubric import RubricSpec
from simulator.spec.models.rulepack import RulePackSpec
from simulator.spec.models.scenario import ScenarioSpec

ROOTS: tuple[type[Spec], ...] = (PersonaSpec, ScenarioSpec, RubricSpec, RulePackSpec)


def _models_in(annotation: Any) -> set[type[Spec]]:
    if isinstance(annotation, type) and issubclass(annotation, Spec):
        return {annotation}
    return {m for arg in get_args(annotation) for m in _models_in(arg)}


def _authored_models() -> set[type[Spec]]:
    """Every model reachable from the four file formats through field annotations."""
    seen: set[type[Spec]] = set()
    todo = list(ROOTS)
    while todo:
        model = todo.pop()
        if model in seen:
            continue
        seen.add(model)
        for info in model.model_fields.values():
            todo.extend(_models_in(info.annotation))
    return seen


AUTHORED = sorted(_authored_models(), key=lambda m: m.__name__)


def test_walk_finds_the_nested_models() -> None:
    names = {m.__name__ for m in AUTHORED}
    assert {"CalibrationSpec", "BranchSpec", "TimeRule", "Localized", "StateGate"} <= names


@pytest.mark.parametrize("model", AUTHORED, ids=lambda m: m.__name__)
def test_every_field_has_a_chinese_description(model: type[Spec]) -> None:
    assert model_description_zh(model).strip()
    for name in model.model_fields:
        text = field_description_zh(model, name)
        assert text.strip(), f"{model.__name__}.{name}"
        assert any("\u4e00" <= ch <= "\u9fff" for ch in text), f"{model.__name__}.{name}: {text}"


def test_no_stale_entries() -> None:
    authored = set(AUTHORED)
    for model, table in FIELDS_ZH.items():
        assert model in authored or any(issubclass(m, model) for m in authored), model
        assert set(table) <= set(model.model_fields), (
            model.__name__,
            set(table) - set(model.model_fields),
        )
    assert set(MODELS_ZH) == authored


def test_reference_documents_every_authored_model() -> None:
    documented = {model for _, _, models in SECTIONS for model, _, _ in models}
    assert documented == set(AUTHORED)
