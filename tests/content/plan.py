"""The play-through plan format (tests/plans/<scenario_id>.plan.yaml)."""

from __future__ import annotations

from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field

PLANS = Path(__file__).parents[1] / "plans"


class PathPlan(BaseModel):
    """One scripted play of a scenario and what it must produce."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    name: str
    choices: list[str] = Field(min_length=1)
    ending: str
    violations: list[str]
    passed: bool
    why: str | None = None
    """Why this verdict (required where the scoring redesign changed it): the reason a manager reads."""
    expect_lines: dict[int, str] = Field(default_factory=dict)


class Plan(BaseModel):
    """A scenario's play-through plan."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    scenario: str
    seed: int = 0
    paths: list[PathPlan] = Field(min_length=2)


def load_plan(scenario_id: str) -> Plan | None:
    """The plan of a scenario, or None when it has none."""
    path = PLANS / f"{scenario_id}.plan.yaml"
    if not path.exists():
        return None
    return Plan.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
