"""Scoring: pure functions from a transcript (+ scenario, rubric, rule pack) to a score report."""

from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"
"""The bundled rubric (`default.rubric.yaml`) and rule packs (`cn.rules.yaml`, `us.rules.yaml`)."""
