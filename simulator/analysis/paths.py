"""Paths through an explored state graph: extremes per dimension and constrained searches."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from simulator.analysis.explore import Edge, StateGraph, Vector

SEARCH_BUDGET = 2_000_000
"""Edges a constrained path search may visit before it gives up (and says so)."""


@dataclass
class Order:
    """A topological order of the graph with the back edges (those closing a loop) set aside."""

    order: list[int]
    back: set[tuple[int, int]]


def dag_order(graph: StateGraph) -> Order:
    """Reverse post-order of an iterative DFS from the start; edges to a state on the stack are back edges."""
    cached: Order | None = getattr(graph, "_order", None)
    if cached is not None:
        return cached
    n = len(graph.keys)
    colour = [0] * n  # 0 new, 1 on stack, 2 done
    post: list[int] = []
    back: set[tuple[int, int]] = set()
    stack: list[tuple[int, int]] = [(0, 0)]
    colour[0] = 1
    while stack:
        node, i = stack[-1]
        edges = graph.edges[node]
        if i < len(edges):
            stack[-1] = (node, i + 1)
            target = edges[i].target
            if colour[target] == 0:
                colour[target] = 1
                stack.append((target, 0))
            elif colour[target] == 1:
                back.add((node, target))
        else:
            colour[node] = 2
            post.append(node)
            stack.pop()
    result = Order(post[::-1], back)
    graph._order = result  # type: ignore[attr-defined]
    return result


def _usable(graph: StateGraph, order: Order, node: int) -> list[Edge]:
    return [e for e in graph.edges[node] if (node, e.target) not in order.back]


def best_from(graph: StateGraph, dim: int, maximise: bool) -> list[float]:
    """For every state, the best total of dimension `dim` from there to an ending (inf if none)."""
    order = dag_order(graph)
    worst = -math.inf if maximise else math.inf
    pick = max if maximise else min
    value = [worst] * len(graph.keys)
    for node in reversed(order.order):
        if graph.terminal(node):
            value[node] = 0.0
            continue
        candidates = [e.vector[dim] + value[e.target] for e in _usable(graph, order, node) if value[e.target] != worst]
        if candidates:
            value[node] = pick(candidates)
    return value


def extremes(graph: StateGraph, dim: int, *, maximise: bool) -> tuple[float, list[str]]:
    """The best (or worst) total of one dimension over complete calls, and a path of actions attaining it."""
    value = best_from(graph, dim, maximise)
    order = dag_order(graph)
    if math.isinf(value[0]):
        return graph.initial_vector[dim], []
    path: list[str] = []
    node = 0
    while not graph.terminal(node):
        for edge in _usable(graph, order, node):
            if not math.isinf(value[edge.target]) and math.isclose(edge.vector[dim] + value[edge.target], value[node]):
                path.append(edge.action)
                node = edge.target
                break
        else:  # pragma: no cover - value[] guarantees an edge exists
            break
    return graph.initial_vector[dim] + value[0], path


Broken = frozenset[tuple[str, str]]
"""The (rule id, severity) pairs broken along a path."""
Accept = Callable[[Vector, Broken], bool]


@dataclass
class SearchResult:
    """A path found by a constrained search, or None; `exhausted` tells whether the search finished."""

    path: list[str] | None
    exhausted: bool


def find_path(
    graph: StateGraph,
    accept: Accept,
    needed: Vector,
    *,
    require_severity: str | None = None,
    budget: int = SEARCH_BUDGET,
) -> SearchResult:
    """Depth-first search for a complete call whose totals and severities `accept` takes.

    `needed` holds per-dimension minimum raw totals; branches that cannot reach them are pruned
    using the best totals still reachable. With `require_severity`, only calls that broke a rule of
    that severity are accepted.
    """
    order = dag_order(graph)
    best = [best_from(graph, d, maximise=True) for d in range(4)]
    start: Broken = frozenset((f.rule, f.severity) for f in graph.initial_findings)
    stack: list[tuple[int, Vector, Broken, list[str]]] = [(0, graph.initial_vector, start, [])]
    visited = 0
    while stack:
        node, acc, broken, path = stack.pop()
        if graph.terminal(node):
            wanted = require_severity is None or any(sev == require_severity for _, sev in broken)
            if wanted and accept(acc, broken):
                return SearchResult(path, True)
            continue
        for edge in _usable(graph, order, node):
            visited += 1
            if visited > budget:
                return SearchResult(None, False)
            total = tuple(a + v for a, v in zip(acc, edge.vector, strict=True))
            if any(total[d] + best[d][edge.target] < needed[d] - 1e-9 for d in range(4)):
                continue
            now = broken | {(f.rule, f.severity) for f in edge.findings} if edge.findings else broken
            stack.append((edge.target, total, now, [*path, edge.action]))  # type: ignore[arg-type]
    return SearchResult(None, True)
