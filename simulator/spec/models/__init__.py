"""The authored formats as frozen pydantic models: scenario, persona, rubric, rule pack, conditions."""
