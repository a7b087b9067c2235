"""The CallDojo practice app: home, picker, case file, call, debrief, history, help.

The app holds the services (library, results keeper, preparer, clocks) and the trainee; screens
stay thin. Nothing heavy runs before the first frame: the content library (pydantic, YAML) is loaded
and the store opened (SQLAlchemy) in thread workers started after it. Home is interactive at once;
screens that need the library show a short loading state until `LibraryLoaded` arrives.
"""

from __future__ import annotations

import asyncio
import contextlib
import random
import signal
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual import events
from textual.app import App
from textual.binding import Binding
from textual.reactive import reactive
from textual.scrollbar import ScrollBar, ScrollBarRender
from textual.worker import Worker, WorkerState

from simulator.preferences import (
    Preferences,
    PreferenceStore,
    choose_lang,
    default_preferences,
    locale_lang,
)
from simulator.tui.i18n import tr
from simulator.tui.messages import LibraryLoaded, StoreOpened
from simulator.tui.results import ResultsKeeper

if TYPE_CHECKING:
    import datetime as dt

    from simulator.spec.library import Library
    from simulator.store.base import ResultStore, Trainee
    from simulator.tui.session import Preparer

KEY_NAMES = {
    "enter": "Enter",
    "escape": "Esc",
    "question_mark": "?",
    "space": "Space",
    "right,n,space": "->",
    "left,p": "<-",
    "f1": "F1",
    "f2": "F2",
}


class NarrowScrollBarRender(ScrollBarRender):
    """Scrollbars drawn with spaces only: block glyphs are ambiguous-width in CJK terminals."""

    VERTICAL_BARS: ClassVar[list[str]] = [" "] * 8
    HORIZONTAL_BARS: ClassVar[list[str]] = [" "] * 8


class CallDojoApp(App[int]):
    """The practice app. Build it with services; `run_app` does that for the CLI."""

    CSS_PATH = "app.tcss"
    TITLE = "CallDojo"
    ENABLE_COMMAND_PALETTE = False
    BINDINGS = [
        Binding("ctrl+q", "quit", "key.quit", priority=True),
        Binding("ctrl+c", "quit", "key.quit", show=False, priority=True),
        Binding("f1", "help", "key.help"),
        Binding("question_mark", "help", "key.help", show=False),
    ]
    lang: reactive[str] = reactive("zh", init=False)

    def __init__(  # noqa: PLR0913 - the composition root hands the app its services by keyword
        self,
        *,
        library: Library | None = None,
        library_loader: Callable[[], Library] | None = None,
        content_root: Path | None = None,
        lang: str | None = None,
        store_opener: Callable[[], ResultStore],
        preferences: PreferenceStore | None = None,
        preparer: Preparer | None = None,
        scenario_id: str | None = None,
        seed: int | None = None,
        now: Callable[[], dt.datetime] | None = None,
        timer_seconds: int = 20,
    ) -> None:
        super().__init__()
        ScrollBar.renderer = NarrowScrollBarRender
        if library is None and library_loader is None:
            raise ValueError("CallDojoApp needs a library or a library_loader")
        self.library: Library | None = library
        self.library_problem: str | None = None
        self._library_loader = library_loader
        self._prepared: dict[str, Any] = {}
        self._key_busy = False
        self._held_keys: list[events.Key] = []
        self.content_root = content_root
        self.preferences = preferences or PreferenceStore()
        remembered = self.preferences.load()
        self.set_reactive(
            CallDojoApp.lang, choose_lang(lang, remembered.ui_lang, None if lang else locale_lang())
        )
        self.preparer: Preparer = preparer or self._prepare
        self.start_scenario = scenario_id
        self.fixed_seed = seed
        self.now: Callable[[], dt.datetime] = now or _utc_now
        self.timer_seconds = timer_seconds
        self.trainee: Trainee | None = _trainee_of(remembered)
        self.show_mood = True
        self._ui_thread: int | None = None
        self.results = ResultsKeeper(
            store_opener,
            run_in_thread=self._run_store_job,
            call_ui=self._call_ui,
            report=self.report_store_error,
        )

    def tr(self, key: str, **fields: object) -> str:
        """A catalogue message in the current UI language."""
        return tr(self.lang, key, **fields)

    async def on_event(self, event: events.Event) -> None:
        """One key per refresh: a key typed fast waits until the last one's effects are on screen.

        Without this, keys typed in a burst (or pasted) reach the widget focused *before* the
        previous key's effect (Enter moving to the next field, a menu item opening a screen) lands.
        """
        if isinstance(event, events.Key) and not event.is_forwarded:
            if self._key_busy:
                self._held_keys.append(event)
                return
            self._key_busy = True
            self.call_after_refresh(self._next_key)
        await super().on_event(event)

    async def _next_key(self) -> None:
        if not self.screen.is_mounted:  # a screen just pushed: wait until it can take keys
            self.call_after_refresh(self._next_key)
            return
        self._key_busy = False
        if self._held_keys:
            await self.on_event(self._held_keys.pop(0))

    def get_key_display(self, binding: Binding) -> str:
        """Key names in plain ASCII (no symbols that CJK terminals may draw double-width)."""
        return KEY_NAMES.get(binding.key, super().get_key_display(binding))

    def _prepare(self, scenario_id: str) -> Any:
        from simulator.practice import prepare

        assert self.library is not None, "prepare only once the library is loaded"
        # Kept per scenario: a retry reuses the compiled call and its score anchors.
        if scenario_id not in self._prepared:
            self._prepared[scenario_id] = prepare(self.library, scenario_id)
        return self._prepared[scenario_id]

    @property
    def library_ready(self) -> bool:
        """True once the content library is loaded (or failed to load: see `library_problem`)."""
        return self.library is not None or self.library_problem is not None

    def content_error_files(self) -> int:
        """How many content files have errors (0 until the library is loaded)."""
        if self.library is None:
            return 0
        return len({d.path for d in self.library.errors})

    def new_seed(self) -> int:
        """The seed for a new attempt (fixed in tests)."""
        return self.fixed_seed if self.fixed_seed is not None else random.randrange(1, 2**31)

    def on_mount(self) -> None:
        """Show Home (and the scenario's case file when asked), open the store in the background."""
        from simulator.tui.screens.home import HomeScreen

        self._ui_thread = threading.get_ident()  # mount runs on the app's own (event loop) thread
        self.push_screen(HomeScreen())
        self.open_start_scenario()
        self._exit_on_hangup()
        # After the first frame: importing pydantic or SQLAlchemy in a thread competes for the GIL.
        self.call_after_refresh(self._start_background)

    def _exit_on_hangup(self) -> None:
        """A closed terminal (SIGHUP) ends the app at once, saving the live attempt first.

        Registered on the event loop, so it takes effect even while the app waits for a key.
        """
        if not hasattr(signal, "SIGHUP"):
            return
        with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
            asyncio.get_running_loop().add_signal_handler(signal.SIGHUP, self._hung_up)

    def _hung_up(self) -> None:
        self.results.save_live_now()
        self.exit(0)

    def _start_background(self) -> None:
        if self.library is None and self._library_loader is not None:
            self.run_worker(
                self._library_loader, thread=True, group="library-load", exit_on_error=False
            )
        self.run_worker(self._open_store, thread=True, group="store-open")

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """The library worker finished (or failed): tell every screen."""
        worker = event.worker
        if worker.group != "library-load":
            return
        if event.state == WorkerState.SUCCESS:
            self.library = worker.result
        elif event.state == WorkerState.ERROR:
            self.library_problem = f"{type(worker.error).__name__}: {worker.error}"
        else:
            return
        for screen in self.screen_stack:
            screen.post_message(LibraryLoaded())
        self.open_start_scenario()

    def _open_store(self) -> None:
        self.results.open()
        self._call_ui(self._store_opened)

    def _store_opened(self) -> None:
        self.screen.post_message(StoreOpened())

    def open_start_scenario(self) -> None:
        """`calldojo practice ID`: open its case file once the trainee is known.

        The case file itself waits for the library.
        """
        if self.start_scenario and self.trainee is not None:
            scenario_id, self.start_scenario = self.start_scenario, None
            self.open_case_file(scenario_id)

    def _call_ui(self, fn: Callable[..., Any], *args: Any) -> None:
        """Run `fn(*args)` on the UI thread (directly when already on it)."""
        if threading.get_ident() == self._ui_thread:  # where `call_from_thread` raises
            fn(*args)
            return
        with contextlib.suppress(RuntimeError):  # the app is shutting down: nothing to update
            self.call_from_thread(fn, *args)

    def _run_store_job(self, work: Callable[[], None]) -> None:
        self.run_worker(work, thread=True, group="store", exit_on_error=False)

    def report_store_error(self, detail: str) -> None:
        """Show a store problem clearly (which database, what to do); practice goes on."""
        self.notify(
            f"{self.tr('store.error', detail=detail)}\n{self.tr('store.retry')}",
            severity="error",
            timeout=12,
            markup=False,  # paths and driver messages may hold brackets
        )

    def remember_trainee(self, trainee: Trainee) -> None:
        """Use this trainee from now on and remember them on this machine."""
        self.trainee = trainee
        self.preferences.update(trainee_name=trainee.name, trainee_employee_id=trainee.employee_id)

    def watch_lang(self, lang: str) -> None:
        """Redraw the screens and their footers (bindings show translated) in the new language."""
        for screen in self.screen_stack:
            screen.refresh_bindings()
        self.screen.refresh(recompose=True)
        self.preferences.update(ui_lang=lang)

    def open_case_file(self, scenario_id: str) -> None:
        """Open a scenario's case file (before dialling)."""
        from simulator.tui.screens.casefile import CaseFileScreen

        self.push_screen(CaseFileScreen(scenario_id))

    def action_help(self) -> None:
        """Show the keys of the current screen."""
        from simulator.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    async def action_quit(self) -> None:
        """Quit; an attempt in progress is saved as abandoned first (synchronously)."""
        self.results.save_live_now()
        self.exit(0)


def _trainee_of(prefs: Preferences) -> Trainee | None:
    if not (prefs.trainee_name and prefs.trainee_employee_id):
        return None
    from simulator.store.base import Trainee

    return Trainee(prefs.trainee_name, prefs.trainee_employee_id)


def run_app(
    *,
    content_root: Path,
    data_dirs: tuple[Path, ...] = (),
    lang: str | None = None,
    db_url: str | None = None,
    scenario_id: str | None = None,
) -> int:
    """Run the practice app in the terminal; returns the exit status (0 when all results are saved).

    The library under `content_root` (plus the rubric and rule packs in `data_dirs`) is loaded by the
    app in the background after its first frame.
    """
    app = CallDojoApp(
        library_loader=lambda: _load_library(content_root, data_dirs),
        content_root=content_root,
        lang=lang,
        store_opener=lambda: _open_store_at(db_url),
        preferences=default_preferences(),
        scenario_id=scenario_id,
    )
    try:
        app.run()
    finally:
        app.results.save_live_now()
        app.results.close()
    return _report_unsaved(app)


def _open_store_at(url: str | None) -> ResultStore:
    from simulator.store import open_store

    return open_store(url)


def _utc_now() -> dt.datetime:
    import datetime as dt

    return dt.datetime.now(dt.UTC)


def _load_library(root: Path, data_dirs: tuple[Path, ...]) -> Library:
    from simulator.spec.library import load_library

    return load_library(root, data_dirs=data_dirs)


def _report_unsaved(app: CallDojoApp) -> int:
    results = app.results
    if not results.unsaved:
        return app.return_code or 0
    from simulator.tui.recovery import write_recovery

    where = write_recovery(list(results.unsaved.values()))
    print(f"calldojo: {results.error or 'results were not saved'}", file=sys.stderr)
    if where is not None:
        print(f"calldojo: the unsaved attempts were written to {where}", file=sys.stderr)
    return 1
