"""Special and unreadable files in a content folder: a clear diagnostic, bounded time and memory."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from scoring import DATA_DIR
from simulator.spec.library import load_library

ROOT = Path(__file__).resolve().parents[2]
CONTENT = ROOT / "tests" / "fixtures" / "content"


def _copy(tmp_path: Path) -> Path:
    root = tmp_path / "lib"
    shutil.copytree(CONTENT, root)
    return root


def _validate(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "simulator", "--lang", "en", "--content", str(root), "validate"],
        capture_output=True,
        text=True,
        timeout=60,  # a FIFO used to hang validate forever
        cwd=ROOT,
        stdin=subprocess.DEVNULL,
    )


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_and_a_device_are_refused_without_hanging_or_reading(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    os.mkfifo(root / "scenarios" / "pipe.scenario.yaml")
    (root / "scenarios" / "zero.scenario.yaml").symlink_to("/dev/zero")
    result = _validate(root)
    assert result.returncode == 1
    for name in ("pipe.scenario.yaml", "zero.scenario.yaml"):
        assert f"{name}:1:1: CD100 not a regular file" in result.stdout
    assert "Traceback" not in result.stderr


def test_a_file_over_the_size_cap_is_refused_before_it_is_read(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    big = root / "scenarios" / "big.scenario.yaml"
    with big.open("wb") as handle:
        handle.truncate(64 * 1024 * 1024)  # sparse: 64 MB on paper, nothing on disk
    library = load_library(root, data_dirs=(DATA_DIR,))
    codes = {d.code for d in library.diagnostics if d.path.endswith("big.scenario.yaml")}
    assert codes == {"CD101"}


def test_an_unreadable_scenarios_folder_is_an_error_not_an_empty_library(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _copy(tmp_path)
    real = os.scandir

    def denied(path: object) -> object:
        if Path(str(path)).name == "scenarios":
            raise PermissionError(13, "Permission denied")
        return real(path)  # type: ignore[call-overload]

    monkeypatch.setattr(os, "scandir", denied)
    library = load_library(root, data_dirs=(DATA_DIR,))
    assert library.scenarios == {}
    (problem,) = [d for d in library.diagnostics if d.code == "CD100"]
    assert problem.path.endswith("scenarios") and "Permission denied" in problem.format("en")


def test_control_characters_in_content_are_errors_and_never_printed_raw(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    scenario = root / "scenarios" / "tiny_call.scenario.yaml"
    text = scenario.read_text(encoding="utf-8")
    text = text.replace("title: 小测试", 'title: "小测试\\e[2J"')
    text = text.replace("say: 今天必须还!", 'say: "\\e]0;pwned\\a 今天必须还! \\u202e"')
    scenario.write_text(text, encoding="utf-8")
    result = _validate(root)
    assert result.returncode == 1
    assert result.stdout.count("CD103 control character") == 2
    listing = subprocess.run(
        [sys.executable, "-m", "simulator", "--content", str(root), "list"],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
    )
    assert "\x1b" not in listing.stdout + listing.stderr
    assert "\\x1b[2J" in listing.stdout
