"""JSON Schemas of the authored formats, for editors (yaml-language-server) and the authoring guide.

Regenerate the committed files with `python -m simulator.spec.exports.schema schemas`.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Literal

from pydantic import BaseModel

from simulator.spec.models.persona import PersonaSpec
from simulator.spec.models.rubric import RubricSpec
from simulator.spec.models.rulepack import RulePackSpec
from simulator.spec.models.scenario import ScenarioSpec

SchemaKind = Literal["scenario", "persona", "rubric", "rules"]
KINDS: tuple[SchemaKind, ...] = ("scenario", "persona", "rubric", "rules")
SCHEMA_BASE = "https://calldojo.dev/schemas/"
_MODELS: dict[SchemaKind, type[BaseModel]] = {
    "scenario": ScenarioSpec,
    "persona": PersonaSpec,
    "rubric": RubricSpec,
    "rules": RulePackSpec,
}


def schema_file_name(kind: SchemaKind) -> str:
    """`scenario.schema.json` and so on."""
    return f"{kind}.schema.json"


def schema_json(kind: SchemaKind) -> str:
    """The JSON Schema (draft 2020-12) of one content kind, as deterministic text."""
    body = _MODELS[kind].model_json_schema(mode="validation")
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_BASE + schema_file_name(kind),
        **body,
    }
    return json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=False) + "\n"


def write_schemas(directory: Path) -> list[Path]:
    """Write every schema into `directory`; returns the files written."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for kind in KINDS:
        target = directory / schema_file_name(kind)
        target.write_text(schema_json(kind), encoding="utf-8")
        written.append(target)
    return written


if __name__ == "__main__":
    for written_path in write_schemas(Path(sys.argv[1] if len(sys.argv) > 1 else "schemas")):
        print(written_path)
