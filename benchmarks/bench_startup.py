"""Start-up to the first interactive screen: the real app (`python -m simulator`) vs a bare Textual app.

Each run is a fresh process in a pseudo-terminal (`script`); the app writes the wall time of its first
painted frame to a file and exits. Reports medians over several alternating runs and the ratio
(goal: real / bare <= 1.25). Run: `.venv/bin/python benchmarks/bench_startup.py [runs]`.
"""

from __future__ import annotations

import os
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "tests" / "fixtures" / "content"

# The real entry point, with the Home screen patched to stamp its first frame and exit.
REAL = """
import os, sys, time
import simulator.tui.screens.home as home
_mount = home.HomeScreen.on_mount
def on_mount(self):
    _mount(self)
    def stamp():
        open(os.environ["CALLDOJO_BENCH_STAMP"], "w").write(repr(time.time()))
        self.app.exit()
    self.app.call_after_refresh(stamp)
home.HomeScreen.on_mount = on_mount
from simulator.cli import main
raise SystemExit(main(sys.argv[1:]))
"""


def run_once(argv: list[str], stamp: Path) -> float:
    """Seconds from spawning the process to its first painted frame."""
    stamp.unlink(missing_ok=True)
    env = dict(
        os.environ, CALLDOJO_BENCH_STAMP=str(stamp), TERM=os.environ.get("TERM", "xterm-256color")
    )
    env.pop("NO_COLOR", None)
    command = shlex.join(argv)
    start = time.time()
    subprocess.run(
        ["script", "-qec", command, "/dev/null"],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        check=True,
        timeout=60,
    )
    return float(stamp.read_text()) - start


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 9
    python = sys.executable
    with tempfile.TemporaryDirectory() as tmp:
        stamp = Path(tmp) / "stamp"
        cases = {
            "bare textual app": [python, str(ROOT / "benchmarks" / "bare_app.py")],
            "calldojo (sqlite store)": [
                python,
                "-c",
                REAL,
                "--content",
                str(CONTENT),
                "--lang",
                "zh",
                "--db",
                f"sqlite:///{tmp}/r.db",
            ],
            "calldojo (memory store)": [
                python,
                "-c",
                REAL,
                "--content",
                str(CONTENT),
                "--lang",
                "zh",
                "--db",
                "memory:",
            ],
            "content load only (cli)": [
                python,
                "-c",
                "import os,sys,time; from pathlib import Path; import simulator.commands as c; "
                f"c.load_content(Path({str(CONTENT)!r})); "
                "open(os.environ['CALLDOJO_BENCH_STAMP'],'w').write(repr(time.time()))",
            ],
            "python -c pass": [
                python,
                "-c",
                "import os,time; open(os.environ['CALLDOJO_BENCH_STAMP'],'w').write(repr(time.time()))",
            ],
        }
        samples: dict[str, list[float]] = {name: [] for name in cases}
        for argv in cases.values():
            run_once(argv, stamp)  # warm-up: .pyc files and page cache
        for _ in range(runs):
            for name, argv in cases.items():
                samples[name].append(run_once(argv, stamp))
    print(f"start-up to first painted frame, {runs} runs each (ms): median [min-max]")
    for name, values in samples.items():
        ms = [v * 1000 for v in values]
        print(f"  {name:<26} {statistics.median(ms):7.0f}  [{min(ms):.0f}-{max(ms):.0f}]")
    bare = statistics.median(samples["bare textual app"])
    for name in ("calldojo (sqlite store)", "calldojo (memory store)"):
        print(
            f"  ratio {name} / bare: {statistics.median(samples[name]) / bare:.2f}x (goal <= 1.25x)"
        )


if __name__ == "__main__":
    main()
