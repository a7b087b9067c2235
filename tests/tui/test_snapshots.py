"""SVG snapshots of the main screens (fixed seed, clock, store and size). Review diffs before updating."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.pilot import Pilot

from tests.tui.conftest import make_app, settle

SnapCompare = Callable[..., bool]


async def _settled(pilot: Pilot[Any]) -> None:
    await settle(pilot.app)  # type: ignore[arg-type]


def _keys_then_settle(*keys: str) -> Callable[[Pilot[Any]], Any]:
    async def run(pilot: Pilot[Any]) -> None:
        await settle(pilot.app)  # type: ignore[arg-type]
        for key in keys:
            await pilot.press(key)
            await settle(pilot.app)  # type: ignore[arg-type]

    return run


def test_home_zh_80x24(snap_compare: SnapCompare) -> None:
    app, _ = make_app()
    assert snap_compare(app, terminal_size=(80, 24), run_before=_settled)


def test_case_file_zh(snap_compare: SnapCompare) -> None:
    app, _ = make_app(scenario_id="tiny_call")
    assert snap_compare(app, terminal_size=(100, 30), run_before=_settled)


def test_call_zh_80x24(snap_compare: SnapCompare) -> None:
    app, _ = make_app(scenario_id="tiny_call")
    assert snap_compare(app, terminal_size=(80, 24), run_before=_keys_then_settle("enter", "2"))


def test_call_en(snap_compare: SnapCompare) -> None:
    app, _ = make_app(scenario_id="tiny_en", lang="en")
    assert snap_compare(app, terminal_size=(100, 30), run_before=_keys_then_settle("enter"))


def test_debrief_zh(snap_compare: SnapCompare) -> None:
    app, _ = make_app(scenario_id="tiny_call")
    assert snap_compare(app, terminal_size=(100, 30), run_before=_keys_then_settle("enter", "1"))


def test_history_zh(snap_compare: SnapCompare) -> None:
    app, _ = make_app(scenario_id="tiny_call")
    keys = ("enter", "1", "a", "enter", "2", "down", "enter", "h")
    assert snap_compare(app, terminal_size=(100, 30), run_before=_keys_then_settle(*keys))
