"""Fixtures for the content tests: prepared scenarios and their analyses, computed once."""

from __future__ import annotations

from functools import cache

import pytest

from simulator.analysis import AnalysisReport, analyze
from simulator.practice import Prepared, prepare
from simulator.spec.library import Library


@pytest.fixture(scope="session")
def prepared_for(bundled_library: Library):  # type: ignore[no-untyped-def]
    @cache
    def get(scenario_id: str) -> Prepared:
        return prepare(bundled_library, scenario_id)

    return get


@pytest.fixture(scope="session")
def analysis_for(prepared_for):  # type: ignore[no-untyped-def]
    @cache
    def get(scenario_id: str) -> AnalysisReport:
        p = prepared_for(scenario_id)
        return analyze(p.compiled, p.rubric, p.pack)

    return get
