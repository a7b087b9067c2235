"""Reading one YAML content file into a validated, frozen model, or diagnostics (never a traceback)."""

from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from simulator.spec.diagnostics import Diagnostic, DiagnosticError
from simulator.spec.persona import PersonaSpec
from simulator.spec.rubric import RubricSpec
from simulator.spec.rulepack import RulePackSpec
from simulator.spec.scenario import ScenarioSpec

Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
MAX_BYTES = 1_000_000
"""Content files larger than this are refused (a scenario is a few tens of kB)."""

M = TypeVar("M", bound=BaseModel)


def read_text(path: Path) -> str:
    """Read a content file as UTF-8 text, or raise DiagnosticError."""
    display = str(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise DiagnosticError([Diagnostic("CD100", display, 1, 1, "file not found", "check the path")]) from None
    except OSError as exc:
        raise DiagnosticError([Diagnostic("CD100", display, 1, 1, f"cannot read file: {exc.strerror}")]) from None
    if len(data) > MAX_BYTES:
        raise DiagnosticError(
            [Diagnostic("CD101", display, 1, 1, f"file is {len(data):,} bytes; the limit is {MAX_BYTES:,}", "split it")]
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DiagnosticError(
            [Diagnostic("CD102", display, 1, exc.start + 1, "file is not UTF-8 text", "save it as UTF-8")]
        ) from None


def parse_yaml(text: str, display: str) -> Any:
    """Parse YAML text with the safe C loader, or raise DiagnosticError with line and column."""
    try:
        return yaml.load(text, Loader=Loader)  # noqa: S506 - CSafeLoader/SafeLoader only
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        raise DiagnosticError(
            [Diagnostic("CD110", display, line, col, f"YAML syntax error: {exc.problem}")]
        ) from None
    except yaml.YAMLError as exc:
        raise DiagnosticError([Diagnostic("CD110", display, 1, 1, f"YAML error: {exc}")]) from None


def _loc_text(loc: tuple[int | str, ...]) -> str:
    return ".".join(str(p) for p in loc)


def validate_model(model: type[M], data: Any, display: str) -> M:
    """Validate parsed data into a model, or raise DiagnosticError (positions refined by `positions`)."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        diags = [
            Diagnostic("CD200", display, 1, 1, f"{_loc_text(err['loc'])}: {err['msg']}")
            for err in exc.errors()
        ]
        raise DiagnosticError(diags) from None


def load_model(model: type[M], path: Path) -> M:
    """Read, parse and validate one file."""
    display = str(path)
    text = read_text(path)
    return validate_model(model, parse_yaml(text, display), display)


def load_persona(path: Path) -> PersonaSpec:
    """Load a `*.persona.yaml` file."""
    return load_model(PersonaSpec, path)


def load_scenario(path: Path) -> ScenarioSpec:
    """Load a `*.scenario.yaml` file."""
    return load_model(ScenarioSpec, path)


def load_rubric(path: Path) -> RubricSpec:
    """Load a `*.rubric.yaml` file."""
    return load_model(RubricSpec, path)


def load_rulepack(path: Path) -> RulePackSpec:
    """Load a `*.rules.yaml` file."""
    return load_model(RulePackSpec, path)
