"""Benchmark (b): static analysis on generated 1k- and 10k-node scenarios.

Goals (issue 2): 10k nodes under 1 s; ten times the nodes costs at most twelve times the time.
Two generated families: `light` (a hang-up persona: the mood settles at once, so the state count
follows the node count) and `rich` (strong saturating reactions like the authored personas: many
mood states per node). States are node x mood x flags x rule-monitor states, explored exactly.
Run: python benchmarks/bench_analysis.py
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.generated import generated  # noqa: E402
from scoring import DATA_DIR  # noqa: E402
from simulator.analysis import analyze  # noqa: E402
from simulator.engine import compile_scenario  # noqa: E402
from simulator.spec.loading.loader import load_rubric, load_rulepack  # noqa: E402


def measure(nodes: int, mood: str, runs: int) -> tuple[float, int]:
    scenario, persona = generated(nodes, mood=mood)
    compiled = compile_scenario(scenario, persona)
    rubric = load_rubric(DATA_DIR / "default.rubric.yaml")
    pack = load_rulepack(DATA_DIR / "cn.rules.yaml")
    times = []
    states = 0
    for _ in range(runs):
        start = time.perf_counter()
        report = analyze(compiled, rubric, pack)
        times.append(time.perf_counter() - start)
        states = report.states
    return statistics.median(times), states


def main() -> None:
    for mood, (small_n, large_n) in (("light", (1_000, 10_000)), ("rich", (100, 1_000))):
        small, small_states = measure(small_n, mood, 3)
        large, large_states = measure(large_n, mood, 1)
        print(
            f"[{mood}] {small_n:>6,} nodes: {small * 1000:9.1f} ms ({small_states:,} states, {small / small_states * 1e6:.0f} us/state)"
        )
        print(
            f"[{mood}] {large_n:>6,} nodes: {large * 1000:9.1f} ms ({large_states:,} states, {large / large_states * 1e6:.0f} us/state)"
        )
        print(f"[{mood}] 10x nodes -> {large / small:.1f}x time (goal <= 12x)")
    print("goal: 10,000 nodes < 1000 ms ([light] line above)")


if __name__ == "__main__":
    main()
