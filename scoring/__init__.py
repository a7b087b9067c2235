"""Scoring: pure functions from a transcript (+ scenario, rubric, rule pack) to a score report.

The package root stays light (the CLI reads DATA_DIR before the app's first frame); import the
functions from their modules: `scoring.score`, `scoring.monitors`, `scoring.feedback`,
`scoring.mood`, `scoring.rubric`, `scoring.report`.
"""

from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"
"""The bundled rubric (`default.rubric.yaml`) and rule packs (`cn.rules.yaml`, `us.rules.yaml`)."""
