"""Drive the real app in tmux by keys alone: a call to its end, then read the debrief off the screen."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CONTENT = ROOT / "tests" / "fixtures" / "content"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
]


@pytest.fixture
def session(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    name = f"calldojo-{uuid.uuid4().hex[:8]}"
    db = tmp_path / "r.db"
    config = tmp_path / "config"  # a fresh machine: nothing remembered from an earlier run
    command = (
        f"cd {ROOT} && CALLDOJO_CONFIG_DIR={config} {sys.executable} -m simulator "
        f"--content {CONTENT} --lang zh --db sqlite:///{db}"
    )
    subprocess.run(
        ["tmux", "new-session", "-d", "-s", name, "-x", "100", "-y", "30", command], check=True
    )
    try:
        yield name, db
    finally:
        subprocess.run(["tmux", "kill-session", "-t", name], check=False)


def screen(name: str) -> str:
    return subprocess.run(
        ["tmux", "capture-pane", "-p", "-t", name], capture_output=True, text=True, check=True
    ).stdout


def keys(name: str, *keys: str) -> None:
    """Send keys in one burst: the app must not depend on the typist's speed."""
    subprocess.run(["tmux", "send-keys", "-t", name, *keys], check=True)


def wait_for(name: str, text: str, timeout: float = 20.0) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        shown = screen(name)
        if text in shown:
            return shown
        time.sleep(0.2)
    raise AssertionError(f"{text!r} never appeared; screen:\n{screen(name)}")


def test_play_a_call_to_the_debrief_by_keys(session: tuple[str, Path]) -> None:
    name, db = session
    wait_for(name, "姓名")
    # name, number, menu: practice, all in one burst (keys must land where they should)
    keys(name, "张三", "Enter", "E001", "Enter", "Enter")
    wait_for(name, "小测试")  # the picker lists the library once it has loaded
    keys(name, "Enter")
    wait_for(name, "拨打")
    keys(name, "Enter")
    wait_for(name, "你的回应")
    keys(name, *["1"] * 15)
    debrief = wait_for(name, "通话复盘")
    assert "结果：" in debrief and ("通过" in debrief)
    for dimension in ("共情", "清晰", "掌控", "合规"):
        assert dimension in debrief
    keys(name, "C-q")
    rows: list[tuple[str, str, str]] = []
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and rows != [("completed", "E001", "tiny_call")]:
        time.sleep(0.2)
        with sqlite3.connect(db) as conn:
            rows = conn.execute("select status, trainee_id, scenario_id from attempts").fetchall()
    assert rows == [("completed", "E001", "tiny_call")]


def test_a_closed_terminal_ends_the_app_at_once(tmp_path: Path) -> None:
    """SIGHUP while the app waits for a key: it exits by itself, no key press, no SIGKILL."""
    import os
    import pty
    import signal

    leader, follower = pty.openpty()
    env = {**os.environ, "CALLDOJO_CONFIG_DIR": str(tmp_path / "cfg"), "TERM": "xterm-256color"}
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "simulator",
            "--content",
            str(CONTENT),
            "--db",
            f"sqlite:///{tmp_path}/r.db",
        ],
        stdin=follower,
        stdout=follower,
        stderr=follower,
        cwd=ROOT,
        env=env,
        start_new_session=True,
    )
    os.close(follower)
    try:
        deadline = time.monotonic() + 20
        seen = b""
        while time.monotonic() < deadline and "姓名".encode() not in seen:
            try:
                seen += os.read(leader, 65536)
            except OSError:
                break
        assert "姓名".encode() in seen, "the app never drew Home"
        process.send_signal(signal.SIGHUP)
        assert process.wait(timeout=10) is not None
    finally:
        if process.poll() is None:
            process.kill()
        os.close(leader)
