"""History: the trainee's attempts (filterable) and the trend per dimension over time."""

from __future__ import annotations

from rich.console import Group
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Footer, Static

from simulator.store.base import AttemptFilter, AttemptRecord, AttemptStatus, ResultStore
from simulator.tui.catalog import cycled
from simulator.tui.i18n import chrome, word
from simulator.tui.messages import LibraryLoaded
from simulator.tui.screens.base import Page
from simulator.tui.widgets.gauge import spark
from simulator.tui.widgets.plain import Plain
from simulator.tui.widgets.report_view import DIMENSIONS
from simulator.tui.wrap import shorten

TITLE_CELLS = 22
"""Scenario titles are cut to this many cells so the four scores fit at 80 columns."""

STATUSES: list[AttemptStatus] = ["completed", "abandoned"]


class HistoryScreen(Page[None]):
    """A table of attempts, newest first; Enter reopens an attempt's debrief."""

    BINDINGS = [
        Binding("enter", "open", "key.open", priority=True),
        Binding("s", "cycle_scenario", "key.f_scenario"),
        Binding("f", "cycle_status", "key.f_status"),
        Binding("x", "clear", "key.f_clear"),
        Binding("escape", "back", "key.back"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.records: list[AttemptRecord] = []
        self.scenario: str | None = None
        self.status: AttemptStatus | None = None
        self._shown = False

    def compose(self) -> ComposeResult:
        """Title, filters, table, trend, footer."""
        trainee = self.dojo.trainee
        name, employee = (trainee.name, trainee.employee_id) if trainee else ("", "")
        yield Plain(self.tr("history.title", name=name, employee=employee), id="title")
        yield Plain("", id="history-filters")
        yield DataTable(id="attempts", cursor_type="row", zebra_stripes=True)
        yield Plain(self.tr("history.loading"), id="trend")
        yield Footer()

    def on_mount(self) -> None:
        """Columns, then load the attempts in the background."""
        table = self.query_one(DataTable)
        for key in ("col_when", "col_scenario", "col_result"):
            table.add_column(Text(self.tr(f"history.{key}")), key=key)
        for dim in DIMENSIONS:
            table.add_column(Text(self.tr(f"history.short_{dim}")), key=dim)
        table.focus()
        self.load()

    def on_screen_resume(self) -> None:
        """Back on this screen (e.g. from a debrief): attempts may have been added."""
        if self._shown:
            self.load()

    def load(self) -> None:
        """Fetch the attempts matching the filters."""
        trainee = self.dojo.trainee
        where = AttemptFilter(
            trainee_id=trainee.employee_id if trainee else None,
            scenario_id=self.scenario,
            status=self.status,
        )
        self.dojo.results.with_store(lambda store: _list(store, where), self.show)

    def show(self, records: list[AttemptRecord]) -> None:
        """Attempts arrived: fill the table and the trend."""
        self.records = records
        self._shown = True
        table = self.query_one(DataTable)
        table.clear()
        library = self.dojo.library
        titles = {sid: s.title for sid, s in library.scenarios.items()} if library else {}
        for r in records:
            scores = [
                Text(str(r.scores[d]), justify="right") if d in r.scores else "" for d in DIMENSIONS
            ]
            when = r.started_at.astimezone().strftime("%m-%d %H:%M")
            title = chrome(titles.get(r.scenario_id, r.scenario_id))
            table.add_row(
                Text(when),
                Text(shorten(title, TITLE_CELLS, "..")),
                self._result(r),
                *scores,
                key=r.id,
            )
        any_ = self.tr("picker.all")
        self.query_one("#history-filters", Static).update(
            self.tr(
                "history.filters",
                scenario=titles.get(self.scenario or "", any_),
                status=self.tr(f"status.{self.status}") if self.status else any_,
            )
        )
        self.query_one("#trend", Static).update(self._trend(records))

    def _result(self, record: AttemptRecord) -> Text:
        """One word for the status and the verdict: pass, fail, or abandoned."""
        if record.mismatch:
            return Text(self.tr("history.mismatch"), style="bold yellow")
        if record.status != "completed" or record.passed is None:
            return Text(self.tr(f"status.{record.status}"), style="dim")
        if record.passed:
            return Text(self.tr("verdict.pass"), style="bold green")
        return Text(self.tr("verdict.fail"), style="bold red")

    def on_library_loaded(self, _message: LibraryLoaded) -> None:
        """Scenario titles arrived: redraw the table with them."""
        if self.records:
            self.show(self.records)

    def _trend(self, records: list[AttemptRecord]) -> Group | str:
        done = [r for r in reversed(records) if r.status == "completed" and r.scores]
        if not done:
            return self.tr("history.empty")
        library = self.dojo.library
        scope = (
            chrome(library.scenarios[self.scenario].title)
            if self.scenario and library and self.scenario in library.scenarios
            else self.scenario or self.tr("history.all_scenarios")
        )
        lines = [
            Text(self.tr("history.trend", scope=scope, count=len(done)), style="bold"),
            Text(self.tr("history.legend"), style="dim"),
        ]
        width = max(len(word(self.dojo.lang, "dim", d)) for d in DIMENSIONS)
        for dim in DIMENSIONS:
            values = [r.scores[dim] for r in done if dim in r.scores]
            if values:
                name = word(self.dojo.lang, "dim", dim).ljust(width)
                lines.append(
                    Text(
                        self.tr(
                            "history.trend_line",
                            name=name,
                            spark=spark(values).ljust(24),
                            last=values[-1],
                            best=max(values),
                        )
                    )
                )
        return Group(*lines)

    def action_cycle_scenario(self) -> None:
        """Filter by the next scenario practised."""
        practised = {r.scenario_id for r in self.records} | (
            {self.scenario} if self.scenario else set()
        )
        self.scenario = cycled(self.scenario, sorted(practised))
        self.load()

    def action_cycle_status(self) -> None:
        """Filter by the next status."""
        self.status = cycled(self.status, STATUSES)
        self.load()

    def action_clear(self) -> None:
        """Drop the filters."""
        self.scenario = self.status = None
        self.load()

    def action_open(self) -> None:
        """Reopen the highlighted attempt's debrief."""
        table = self.query_one(DataTable)
        if table.row_count:
            self._open(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        """A click on a row reopens it."""
        self._open(event.row_key.value)

    def _open(self, attempt_id: str | None) -> None:
        from scoring.report import ScoreReport
        from simulator.transcript import Transcript
        from simulator.tui.screens.debrief import DebriefScreen

        record = next((r for r in self.records if r.id == attempt_id), None)
        if record is None:
            return
        report = record.report_dict
        library = self.dojo.library
        scenario = library.scenarios.get(record.scenario_id) if library else None
        persona = library.personas.get(scenario.persona) if library and scenario else None
        self.app.push_screen(
            DebriefScreen(
                Transcript.from_json(record.transcript_json),
                ScoreReport.from_dict(report) if report else None,
                title=scenario.title if scenario else record.scenario_id,
                persona_name=persona.name if persona else "",
            )
        )

    def action_back(self) -> None:
        """Back."""
        self.app.pop_screen()


def _list(store: ResultStore, where: AttemptFilter) -> list[AttemptRecord]:
    return store.list_attempts(where)
