"""Benchmark (c): headless engine throughput, in choices per second (goal >= 20,000).

Plays random complete calls through every bundled scenario with the real `Call` (the
transitions machine, guards, thresholds, mood, transcript turns). Building a call (compiling the
machine) is timed separately from making choices.
Run: python benchmarks/bench_engine.py
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from scoring import DATA_DIR  # noqa: E402
from simulator.engine import Call, compile_scenario  # noqa: E402
from simulator.spec.library import default_content_root, load_library  # noqa: E402


def main(seconds: float = 3.0) -> None:
    library = load_library(default_content_root(), data_dirs=(DATA_DIR,))
    compiled = [
        compile_scenario(s, library.personas[s.persona]) for s in library.scenarios.values()
    ]
    rng = random.Random(7)
    choices = calls = 0
    build = play = 0.0
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline:
        scenario = compiled[calls % len(compiled)]
        start = time.perf_counter()
        call = Call(scenario, seed=calls)
        built = time.perf_counter()
        while not call.ended:
            offered = call.choices()
            call.choose(rng.choice(offered).id if offered and rng.random() > 0.05 else "_silence")
            choices += 1
        done = time.perf_counter()
        build += built - start
        play += done - built
        calls += 1
    print(f"{calls:,} calls, {choices:,} choices over {len(compiled)} scenarios")
    print(f"choices only:        {choices / play:10,.0f} choices/s  (goal >= 20,000)")
    print(
        f"including set-up:    {choices / (play + build):10,.0f} choices/s  ({build / calls * 1000:.2f} ms to build a call)"
    )


if __name__ == "__main__":
    main()
