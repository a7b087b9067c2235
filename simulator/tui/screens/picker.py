"""Scenario picker: filter by archetype, difficulty, tag and locale; shows the trainee's best score."""

from __future__ import annotations

from dataclasses import replace
from typing import Any, cast

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Footer, Static

from simulator.store.base import BestScore, ResultStore
from simulator.tui.catalog import ScenarioFilter, ScenarioRow, choices_for, cycled, scenario_rows
from simulator.tui.i18n import chrome, tr, word
from simulator.tui.messages import LibraryLoaded
from simulator.tui.screens.base import Page
from simulator.tui.widgets.plain import Plain

FILTER_KEYS = {"archetype": "a", "difficulty": "d", "tag": "t", "locale": "o"}


class PickerScreen(Page[None]):
    """A table of scenarios; Enter opens the case file."""

    BINDINGS = [
        Binding("enter", "open", "key.open", priority=True),  # at once: see CallDojoApp.on_event
        Binding("a", "cycle('archetype')", "key.f_archetype"),
        Binding("d", "cycle('difficulty')", "key.f_difficulty"),
        Binding("t", "cycle('tag')", "key.f_tag"),
        Binding("o", "cycle('locale')", "key.f_locale"),
        Binding("x", "clear", "key.f_clear"),
        Binding("escape", "back", "key.back"),
    ]

    def __init__(self) -> None:
        super().__init__()
        library = self.dojo.library
        self.rows: list[ScenarioRow] = scenario_rows(library) if library is not None else []
        self.filter = ScenarioFilter()
        self.best: dict[str, BestScore] = {}

    def compose(self) -> ComposeResult:
        """Title, filter line, table, footer."""
        yield Plain(self.tr("picker.title"), id="title")
        yield Plain("", id="picker-filters")
        yield DataTable(id="scenarios", cursor_type="row", zebra_stripes=True)
        yield Plain("", id="picker-empty")
        yield Footer()

    def on_mount(self) -> None:
        """Fill the table; fetch best scores in the background."""
        table = self.query_one(DataTable)
        # Short columns first: at 80 columns a long title would push them off screen.
        for key in ("col_best", "col_level", "col_type", "col_locale", "col_title", "col_tags"):
            table.add_column(self.tr(f"picker.{key}"), key=key)
        self.refill()
        table.focus()
        self.load_best()

    def on_library_loaded(self, _message: LibraryLoaded) -> None:
        """The library arrived after this screen opened: list it."""
        if self.dojo.library is not None:
            self.rows = scenario_rows(self.dojo.library)
        self.refill()

    def on_screen_resume(self) -> None:
        """Back from a call: the best scores may have changed."""
        self.load_best()

    def load_best(self) -> None:
        """Fetch the trainee's best scores in the background."""
        trainee = self.dojo.trainee
        if trainee is not None:
            self.dojo.results.with_store(
                lambda store: _best(store, trainee.employee_id), self.show_best
            )

    def show_best(self, best: dict[str, BestScore]) -> None:
        """Best scores arrived from the store."""
        self.best = best
        self.refill()

    def refill(self) -> None:
        """Redraw the rows that pass the filters."""
        table = self.query_one(DataTable)
        table.clear()
        lang = self.dojo.lang
        shown = [row for row in self.rows if self.filter.keeps(row)]
        for row in shown:
            cells = (
                self._best_text(row.id),
                str(row.difficulty),
                word(lang, "arch", row.archetype),
                word(lang, "locale", row.locale),
                chrome(row.title),
                tags_text(lang, row.tags),
            )
            # Text, never markup: titles and tags are content (`Pay [/b] now` is a title).
            table.add_row(*(Text(c) if isinstance(c, str) else c for c in cells), key=row.id)
        self.query_one("#picker-filters", Static).update(self._filter_text(len(shown)))
        self.query_one("#picker-empty", Static).update("" if shown else self._empty_text())

    def _empty_text(self) -> str:
        if self.dojo.library_problem is not None:
            return self.tr("app.library_failed", detail=self.dojo.library_problem)
        if not self.dojo.library_ready:
            return self.tr("app.loading")
        return self.tr("picker.none")

    def _best_text(self, scenario_id: str) -> str:
        best = self.best.get(scenario_id)
        if best is None:
            return self.tr("picker.never")
        return self.tr(
            "picker.best",
            score=best.overall,
            verdict=self.tr("verdict.pass" if best.passed else "verdict.fail"),
        )

    def _filter_text(self, shown: int) -> str:
        f, any_ = self.filter, self.tr("picker.all")
        archetype = word(self.dojo.lang, "arch", f.archetype) if f.archetype else any_
        line = self.tr(
            "picker.filters",
            archetype=archetype,
            difficulty=f.difficulty or any_,
            tag=word(self.dojo.lang, "tag", f.tag) if f.tag else any_,
            locale=word(self.dojo.lang, "locale", f.locale) if f.locale else any_,
        )
        return f"{line}   {self.tr('picker.count', shown=shown, total=len(self.rows))}"

    def action_cycle(self, field: str) -> None:
        """Move one filter to its next value."""
        value = cycled(getattr(self.filter, field), choices_for(self.rows, field))
        self.filter = replace(self.filter, **cast(dict[str, Any], {field: value}))
        self.refill()

    def action_clear(self) -> None:
        """Drop every filter."""
        self.filter = ScenarioFilter()
        self.refill()

    def action_open(self) -> None:
        """Open the highlighted scenario's case file."""
        table = self.query_one(DataTable)
        if table.row_count == 0:
            return
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        if key is not None:
            self.dojo.open_case_file(key)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        """A click on a row opens it."""
        if event.row_key.value is not None:
            self.dojo.open_case_file(event.row_key.value)

    def action_back(self) -> None:
        """Back to Home."""
        self.app.pop_screen()


def tags_text(lang: str, tags: tuple[str, ...]) -> str:
    """Scenario tags as words of the UI language (an unknown tag shows its id)."""
    return tr(lang, "picker.tag_sep").join(word(lang, "tag", tag) for tag in tags)


def _best(store: ResultStore, trainee_id: str) -> dict[str, BestScore]:
    return store.best_scores(trainee_id)
