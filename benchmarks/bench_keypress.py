"""Keypress -> updated screen on the call screen (headless Pilot, in process).

For each sample: post the digit of a choice and time until the app hands the updated screen to the
driver (`App._display`), i.e. the frame the terminal would draw. Turns that end the call (scoring and
the switch to the debrief) are reported apart; the call restarts, untimed. Goal: median <= 16 ms. Run: `.venv/bin/python benchmarks/bench_keypress.py [samples] [scenario_id]`.
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import time
from typing import Any

sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parent.parent))
from scoring import DATA_DIR  # noqa: E402  (run as a script from anywhere)
from simulator.spec.library import default_content_root, load_library
from simulator.store import MemoryStore
from simulator.tui.app import CallDojoApp
from simulator.tui.screens.call import CallScreen


async def measure(samples: int, scenario_id: str) -> tuple[list[float], list[float]]:
    """Milliseconds per in-call choice and per call-ending choice."""
    library = load_library(default_content_root(), data_dirs=(DATA_DIR,))
    store = MemoryStore()
    store.set_setting("trainee_name", "bench")
    store.set_setting("trainee_employee_id", "B000")
    app = CallDojoApp(library=library, store_opener=lambda: store, scenario_id=scenario_id, seed=7)
    frames: list[float] = []
    display = app._display

    def timed_display(screen: Any, renderable: Any) -> None:
        display(screen, renderable)
        frames.append(time.perf_counter())

    app._display = timed_display  # type: ignore[method-assign]
    in_call: list[float] = []
    ending: list[float] = []
    async with app.run_test(size=(100, 30)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        while len(in_call) < samples:
            screen = app.screen
            if not isinstance(screen, CallScreen):
                await pilot.press("a", "enter")  # debrief: try again, then dial
                await pilot.pause(0.05)
                continue
            await pilot.pause(0.05)
            frames.clear()
            start = time.perf_counter()
            await pilot.press("1")
            await pilot.pause(0.05)
            if frames:
                (in_call if screen.is_current and not screen.session.ended else ending).append(
                    frames[0] - start
                )
            await app.workers.wait_for_complete()
    return in_call, ending


def main() -> None:
    samples = int(sys.argv[1]) if len(sys.argv) > 1 else 60
    scenario_id = sys.argv[2] if len(sys.argv) > 2 else "s06_m2_hardship_plan"
    if not (default_content_root() / "scenarios").is_dir():
        raise SystemExit("no bundled content found")
    in_call, ending = asyncio.run(measure(samples, scenario_id))
    ms = sorted(v * 1000 for v in in_call)
    end = sorted(v * 1000 for v in ending)
    print(f"keypress -> first updated frame, scenario {scenario_id} (ms)")
    print(
        f"  choice during the call ({len(ms)}): median {statistics.median(ms):6.1f}"
        f"  p90 {ms[int(len(ms) * 0.9)]:6.1f}  max {ms[-1]:6.1f}  (goal <= 16 ms)"
    )
    if end:
        print(
            f"  choice that ends the call, scored ({len(end)}): median {statistics.median(end):6.1f}  max {end[-1]:6.1f}"
        )


if __name__ == "__main__":
    main()
