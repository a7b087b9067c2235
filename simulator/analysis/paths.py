"""Paths through an explored state graph: extremes per dimension and constrained searches."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from simulator.analysis.explore import Edge, StateGraph, Vector

SEARCH_BUDGET = 200_000
"""Edges a constrained path search may visit before it gives up (and says so)."""


@dataclass
class Order:
    """A topological order of the graph with the back edges (those closing a loop) set aside."""

    order: list[int]
    back: set[tuple[int, int]]


def dag_order(graph: StateGraph) -> Order:
    """Reverse post-order of an iterative DFS from the start; edges to a state on the stack are back edges."""
    cached: Order | None = graph.__dict__.get("_order")
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
    graph.__dict__["_order"] = result
    return result


def _usable(graph: StateGraph, order: Order, node: int) -> list[Edge]:
    return [e for e in graph.edges[node] if (node, e.target) not in order.back]


def best_from(graph: StateGraph, dim: int, maximise: bool) -> list[float]:
    """For every state, the best total of dimension `dim` from there to an ending (inf if none)."""
    memo: dict[tuple[int, bool], list[float]] = graph.__dict__.setdefault("_best", {})
    cached = memo.get((dim, maximise))
    if cached is not None:
        return cached
    memo[(dim, maximise)] = value = _best_from(graph, dim, maximise)
    return value


def _best_from(graph: StateGraph, dim: int, maximise: bool) -> list[float]:
    order = dag_order(graph)
    worst = -math.inf if maximise else math.inf
    pick = max if maximise else min
    value = [worst] * len(graph.keys)
    for node in reversed(order.order):
        if graph.terminal(node):
            value[node] = 0.0
            continue
        candidates = [
            e.vector[dim] + value[e.target]
            for e in _usable(graph, order, node)
            if value[e.target] != worst
        ]
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
            if not math.isinf(value[edge.target]) and math.isclose(
                edge.vector[dim] + value[edge.target], value[node]
            ):
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


def _can_reach(graph: StateGraph, severity: str) -> list[bool]:
    """For every state, whether some continuation still breaks a rule of this severity."""
    order = dag_order(graph)
    ok = [False] * len(graph.keys)
    for node in reversed(order.order):
        ok[node] = any(
            any(f.severity == severity for f in e.findings) or ok[e.target]
            for e in _usable(graph, order, node)
        )
    return ok


MAX_LABELS = 32
"""Partial totals kept per state for dominance pruning (more costs time, fewer costs pruning power)."""


def _dominated(labels: list[Vector], acc: Vector) -> bool:
    return any(all(old[d] >= acc[d] for d in range(4)) for old in labels)


def weighted_path(
    graph: StateGraph, weights: Vector, forbid: frozenset[str] = frozenset()
) -> list[str] | None:
    """The complete call maximising a weighted sum of the four totals, avoiding `forbid` severities.

    One dynamic-programming pass over the graph (back edges set aside); None if every call breaks
    a forbidden rule.
    """
    order = dag_order(graph)
    value = [-math.inf] * len(graph.keys)
    choice: list[Edge | None] = [None] * len(graph.keys)
    for node in reversed(order.order):
        if graph.terminal(node):
            value[node] = 0.0
            continue
        for edge in _usable(graph, order, node):
            if value[edge.target] == -math.inf or (
                forbid and any(f.severity in forbid for f in edge.findings)
            ):
                continue
            total = (
                sum(w * v for w, v in zip(weights, edge.vector, strict=True)) + value[edge.target]
            )
            if total > value[node]:
                value[node], choice[node] = total, edge
    if value[0] == -math.inf or (
        forbid and any(f.severity in forbid for f in graph.initial_findings)
    ):
        return None
    path: list[str] = []
    node = 0
    while not graph.terminal(node):
        step = choice[node]
        assert step is not None
        path.append(step.action)
        node = step.target
    return path


def walk(graph: StateGraph, path: list[str]) -> tuple[Vector, Broken]:
    """The totals and broken rules of a path of actions from the start."""
    acc = list(graph.initial_vector)
    broken = {(f.rule, f.severity) for f in graph.initial_findings}
    node = 0
    for action in path:
        edge = next(e for e in graph.edges[node] if e.action == action)
        acc = [a + v for a, v in zip(acc, edge.vector, strict=True)]
        broken |= {(f.rule, f.severity) for f in edge.findings}
        node = edge.target
    return (acc[0], acc[1], acc[2], acc[3]), frozenset(broken)


def find_path(
    graph: StateGraph,
    accept: Accept,
    needed: Vector,
    *,
    forbid: frozenset[str] = frozenset(),
    require_severity: str | None = None,
    budget: int = SEARCH_BUDGET,
) -> SearchResult:
    """Search for a complete call whose totals and broken rules `accept` takes.

    Branches are pruned when they cannot reach the `needed` raw totals any more (using the best
    totals still reachable), when they break a rule of a `forbid` severity, when they can no longer
    break a rule of `require_severity`, or when an earlier partial path reached the same state with
    totals at least as good in every dimension (Pareto dominance), so the search stays polynomial in
    practice; past `budget` expansions it stops and says so.
    """
    order = dag_order(graph)
    best = [best_from(graph, d, maximise=True) for d in range(4)]
    worst = [best_from(graph, d, maximise=False) for d in range(4)]
    span = [
        max(1.0, best[d][0] - worst[d][0]) if not math.isinf(best[d][0] - worst[d][0]) else 1.0
        for d in range(4)
    ]
    reach = _can_reach(graph, require_severity) if require_severity else None
    start: Broken = frozenset((f.rule, f.severity) for f in graph.initial_findings)
    labels: dict[tuple[int, bool], list[Vector]] = {}
    stack: list[tuple[int, Vector, Broken, list[str]]] = [(0, graph.initial_vector, start, [])]
    visited = 0
    while stack:
        node, acc, broken, path = stack.pop()
        has = require_severity is None or any(sev == require_severity for _, sev in broken)
        if graph.terminal(node):
            if has and accept(acc, broken):
                return SearchResult(path, True)
            continue
        seen = labels.setdefault((node, has), [])
        if _dominated(seen, acc):
            continue
        if len(seen) < MAX_LABELS:
            seen.append(acc)
        children: list[tuple[float, int, Vector, Broken, str]] = []
        for edge in _usable(graph, order, node):
            visited += 1
            if visited > budget:
                return SearchResult(None, False)
            if forbid and any(f.severity in forbid for f in edge.findings):
                continue
            total: Vector = tuple(a + v for a, v in zip(acc, edge.vector, strict=True))  # type: ignore[assignment]
            slack = [total[d] + best[d][edge.target] - needed[d] for d in range(4)]
            if min(slack) < -1e-9:
                continue
            now = (
                broken | {(f.rule, f.severity) for f in edge.findings} if edge.findings else broken
            )
            if (
                reach is not None
                and not reach[edge.target]
                and not graph.terminal(edge.target)
                and not any(sev == require_severity for _, sev in now)
            ):
                continue  # this branch can no longer break a rule of the required severity
            promise = min(slack[d] / span[d] for d in range(4))
            children.append((promise, edge.target, total, now, edge.action))
        children.sort(key=lambda child: child[0])  # the most promising is pushed last, popped first
        for _, target, total, now, action in children:
            stack.append((target, total, now, [*path, action]))
    return SearchResult(None, True)
