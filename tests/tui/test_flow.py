"""The whole practice flow from Home by keys alone: pick, case file, call, debrief, history."""

from __future__ import annotations

import json

from textual.widgets import DataTable

from scoring.report import ScoreReport
from simulator.transcript import Transcript
from simulator.tui.screens.call import CallScreen
from simulator.tui.screens.casefile import CaseFileScreen
from simulator.tui.screens.debrief import DebriefScreen
from simulator.tui.screens.history import HistoryScreen
from simulator.tui.screens.picker import PickerScreen
from tests.tui.conftest import SEED, make_app, settle


async def test_pick_case_call_debrief_history() -> None:
    app, store = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app)
        await pilot.press("enter")
        assert isinstance(app.screen, PickerScreen)
        await pilot.press("enter")
        assert isinstance(app.screen, CaseFileScreen)
        await pilot.press("enter")
        await settle(app)
        call = app.screen
        assert isinstance(call, CallScreen)
        for _ in range(10):
            if call.session.ended:
                break
            best = [c.id for c in call.session.choices()]
            pick = next(i for i, cid in enumerate(best, 1) if cid in ("verify", "empathize"))
            await pilot.press(str(pick))
            await settle(app)
        debrief = app.screen
        assert isinstance(debrief, DebriefScreen)
        assert (
            debrief.transcript.ending is not None
            and debrief.transcript.ending.outcome == "promise_to_pay"
        )
        await pilot.press("h")
        await settle(app)
        assert isinstance(app.screen, HistoryScreen)
        assert app.screen.query_one(DataTable).row_count == 1

    [record] = store.list_attempts()
    assert record.status == "completed" and record.seed == SEED
    assert record.trainee.employee_id == "E001" and record.scenario_id == "tiny_call"
    transcript = Transcript.from_json(record.transcript_json)
    assert transcript.actions == ("verify", "empathize") and transcript.status == "completed"
    assert record.content_hash == transcript.content_hash
    assert record.report_json is not None
    report = ScoreReport.from_dict(json.loads(record.report_json))
    assert report.scores == record.scores and report.passed is record.passed
    assert record.started_at < record.updated_at and record.finished_at is not None
    assert store.saves >= 3  # opening, after each turn, final
