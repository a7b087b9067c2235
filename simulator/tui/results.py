"""The results store as the app uses it: opened in the background, each attempt kept until saved.

Textual-free: the app hands the keeper a way to run a job in a thread and a way back onto the UI
thread. Import-light: the store and SQLAlchemy load in the opening thread, after the first frame.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from simulator.store.base import AttemptRecord, ResultStore

T = TypeVar("T")
OPEN_WAIT_SECONDS = 35
"""How long quitting waits for a store still opening before the live attempt goes unsaved."""


class ResultsKeeper:
    """Opens the store, runs store jobs off the UI thread, keeps attempts until a save succeeds."""

    def __init__(
        self,
        opener: Callable[[], ResultStore],
        *,
        run_in_thread: Callable[[Callable[[], None]], object],
        call_ui: Callable[..., None],
        report: Callable[[str], None],
    ) -> None:
        """`report(detail)` shows a store problem; it and `done` callbacks run via `call_ui`."""
        self.store: ResultStore | None = None
        self.error: str | None = None
        """The last store problem (shown to the trainee, and printed when results go unsaved)."""
        self.unsaved: dict[str, AttemptRecord] = {}
        """Attempts by id whose latest revision is not saved yet."""
        self.live_attempt: Callable[[], AttemptRecord] | None = None
        """The attempt in progress, as a record (saved as abandoned on quit or hang-up)."""
        self._opener = opener
        self._run_in_thread = run_in_thread
        self._call_ui = call_ui
        self._report = report
        self._ready = threading.Event()

    def open(self) -> None:
        """Open the store (in a thread); one that cannot open is reported, memory used instead."""
        from simulator.store.base import StoreError

        try:
            store = self._opener()
        except StoreError as exc:
            from simulator.store.memory import MemoryStore

            store = MemoryStore()
            self._call_ui(self._failed, str(exc))
        self.store = store
        self._ready.set()

    def with_store(
        self, job: Callable[[ResultStore], T], done: Callable[[T], None] | None = None
    ) -> None:
        """Run `job(store)` in a thread once the store is open; `done(result)` on the UI thread."""

        def work() -> None:
            from simulator.store.base import StoreError

            self._ready.wait()
            assert self.store is not None
            try:
                result = job(self.store)
            except StoreError as exc:
                self._call_ui(self._failed, str(exc))
                return
            if done is not None:
                self._call_ui(done, result)

        self._run_in_thread(work)

    def save(self, record: AttemptRecord) -> None:
        """Save an attempt in the background; kept in `unsaved` until a save of it succeeds."""
        self.unsaved[record.id] = record

        def job(store: ResultStore) -> AttemptRecord:
            store.save_attempt(record)
            return record

        self.with_store(job, self._saved)

    def save_live_now(self) -> None:
        """Save the live attempt (if any) right now, on this thread, before leaving."""
        from simulator.store.base import StoreError

        if self.live_attempt is None:
            return
        record = self.live_attempt()
        self.unsaved[record.id] = record
        if not self._ready.wait(timeout=OPEN_WAIT_SECONDS) or self.store is None:
            return
        try:
            self.store.save_attempt(record)
            del self.unsaved[record.id]
        except StoreError as exc:
            self.error = str(exc)

    def close(self) -> None:
        """Close the store, if it was opened."""
        if self.store is not None:
            self.store.close()

    def _saved(self, record: AttemptRecord) -> None:
        pending = self.unsaved.get(record.id)
        if pending is not None and pending.revision <= record.revision:
            del self.unsaved[record.id]

    def _failed(self, detail: str) -> None:
        self.error = detail
        self._report(detail)
