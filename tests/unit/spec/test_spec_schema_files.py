"""The committed JSON Schemas equal the generated ones; bad fixture files validate to diagnostics."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from simulator.spec.exports.schema import KINDS, SchemaKind, schema_file_name, schema_json
from simulator.spec.validation import validate_paths

ROOT = Path(__file__).parents[3]
BAD = ROOT / "tests" / "fixtures" / "bad_yaml"


@pytest.mark.parametrize("kind", KINDS)
def test_committed_schema_is_current(kind: SchemaKind) -> None:
    committed = (ROOT / "schemas" / schema_file_name(kind)).read_text("utf-8")
    assert committed == schema_json(kind), (
        f"schemas/{schema_file_name(kind)} is stale: run `python -m simulator.spec.exports.schema schemas`"
    )


@pytest.mark.parametrize("kind", KINDS)
def test_schema_shape(kind: SchemaKind) -> None:
    schema = json.loads(schema_json(kind))
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"].endswith(schema_file_name(kind))
    assert schema["additionalProperties"] is False
    assert all(prop.get("description") for prop in schema["properties"].values())
    assert schema_json(kind) == schema_json(kind)


def test_bad_yaml_fixtures() -> None:
    found = validate_paths([BAD])
    assert [(Path(d.path).name, d.code, d.line, d.col) for d in found] == [
        ("bomb.scenario.yaml", "CD112", 2, 8),
        ("dup.scenario.yaml", "CD113", 3, 1),
        ("pytag.scenario.yaml", "CD114", 1, 5),
        ("tabbed.scenario.yaml", "CD111", 3, 1),
    ]
    assert all(d.message and d.hint for d in found)
