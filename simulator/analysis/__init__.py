"""Static analysis of a scenario: every reachable state, score bounds, reachable violations."""

from simulator.analysis.explore import AnalysisTooLarge, StateGraph, explore, score_bounds
from simulator.analysis.report import AnalysisReport, analyze

__all__ = ["AnalysisReport", "AnalysisTooLarge", "StateGraph", "analyze", "explore", "score_bounds"]
