"""The results keeper without Textual: opening, background saves, unsaved attempts, quitting."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from simulator.store import AttemptRecord, MemoryStore, ResultStore, StoreError
from simulator.tui.results import ResultsKeeper
from tests.unit.store.test_result_store import record


class Harness:
    """Runs 'thread' jobs when asked and 'UI' calls at once, recording reported problems."""

    def __init__(self, opener: Callable[[], ResultStore]) -> None:
        self.jobs: list[Callable[[], None]] = []
        self.reported: list[str] = []
        self.keeper = ResultsKeeper(
            opener,
            run_in_thread=self.jobs.append,
            call_ui=self.call_ui,
            report=self.reported.append,
        )

    def call_ui(self, fn: Callable[..., Any], *args: Any) -> None:
        fn(*args)

    def run_jobs(self) -> None:
        while self.jobs:
            self.jobs.pop(0)()


def test_a_save_stays_unsaved_until_the_store_has_it() -> None:
    store = MemoryStore()
    harness = Harness(lambda: store)
    harness.keeper.open()
    first = record()
    harness.keeper.save(first)
    assert harness.keeper.unsaved == {first.id: first}
    harness.run_jobs()
    assert harness.keeper.unsaved == {} and store.get_attempt(first.id) is not None


def test_an_older_save_finishing_late_keeps_the_newer_revision_unsaved() -> None:
    harness = Harness(MemoryStore)
    harness.keeper.open()
    first = record()
    newer = replace(first, revision=2)
    harness.keeper.save(first)
    harness.keeper.unsaved[first.id] = newer  # a newer revision arrived before the save finished
    harness.run_jobs()
    assert harness.keeper.unsaved == {first.id: newer}


def test_a_store_that_cannot_open_is_reported_and_memory_used() -> None:
    def broken() -> ResultStore:
        raise StoreError("cannot open results database /nope/r.db")

    harness = Harness(broken)
    harness.keeper.open()
    assert isinstance(harness.keeper.store, MemoryStore)
    assert harness.reported == ["cannot open results database /nope/r.db"]
    assert harness.keeper.error == "cannot open results database /nope/r.db"


def test_a_failing_job_is_reported_and_done_not_called() -> None:
    harness = Harness(MemoryStore)
    harness.keeper.open()
    done: list[object] = []

    def job(_store: ResultStore) -> None:
        raise StoreError("disk full")

    harness.keeper.with_store(job, done.append)
    harness.run_jobs()
    assert done == [] and harness.reported == ["disk full"]


def test_the_live_attempt_is_saved_now_on_quit() -> None:
    store = MemoryStore()
    harness = Harness(lambda: store)
    harness.keeper.open()
    live: AttemptRecord = record()
    harness.keeper.live_attempt = lambda: live
    harness.keeper.save_live_now()
    assert harness.jobs == [] and harness.keeper.unsaved == {}
    assert store.get_attempt(live.id) is not None


def test_the_keeper_and_the_screens_do_not_load_the_app_or_textual() -> None:
    """The keeper is Textual-free; screens take the app's messages from their own module."""
    code = (
        "import sys, simulator.tui.results; print('textual' in sys.modules);"
        "import simulator.tui.screens.home, simulator.tui.screens.casefile;"
        "print('simulator.tui.app' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]
