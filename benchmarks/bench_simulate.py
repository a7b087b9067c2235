"""Benchmark: `calldojo simulate` over the whole bundled library, as a trainer runs it.

Goal (scoring redesign issue): the policy simulation of the whole library (every scenario, every
policy, the random policy computed exactly) in under a minute on the 2-core machine. Measured as the
user meets it: a fresh process running the command, library load and validation included, output
to /dev/null. Several runs; min, median and max printed beside the goal.
Run: python benchmarks/bench_simulate.py [RUNS]
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOAL_S = 60.0


def one_run() -> float:
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "simulator", "simulate", "--json"],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        check=False,
    )
    return time.perf_counter() - start


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    times = [one_run() for _ in range(runs)]
    scenarios = len(list((ROOT / "scenarios").glob("*.scenario.yaml")))
    print(
        f"simulate, whole library ({scenarios} scenarios, 9 policies), {runs} runs: "
        f"min {min(times):.2f} s, median {statistics.median(times):.2f} s, max {max(times):.2f} s "
        f"(goal < {GOAL_S:.0f} s)"
    )


if __name__ == "__main__":
    main()
