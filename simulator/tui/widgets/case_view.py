"""The case file: agent identity, call time, objective and the five zones, key facts highlighted."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll

from scoring.score import PassRules
from simulator.spec.models.common import DIMENSIONS
from simulator.spec.models.persona import PersonaSpec
from simulator.spec.models.scenario import Fact, ScenarioSpec
from simulator.tui.i18n import tr, word
from simulator.tui.widgets.plain import Plain
from simulator.tui.wrap import Wrapped


class CaseFileView(VerticalScroll):
    """A scrollable case file (focusable, so arrows and PgUp/PgDn scroll it)."""

    DEFAULT_CSS = """
    CaseFileView { height: 1fr; padding: 0 1; }
    CaseFileView > .zone-title { text-style: bold; color: $accent; margin-top: 1; }
    CaseFileView > #case-head { margin-bottom: 0; }
    """

    def __init__(
        self, scenario: ScenarioSpec, persona: PersonaSpec, lang: str, rules: PassRules
    ) -> None:
        super().__init__()
        self.scenario = scenario
        self.persona = persona
        self.lang = lang
        self.rules = rules

    def compose(self) -> ComposeResult:
        """The head (who, when, what for), then the five zones."""
        s, lang = self.scenario, self.lang
        yield Plain(self._head(), id="case-head")
        zones: list[tuple[str, RenderableType]] = [
            ("case.zone_case", self._facts(s.case_file.case)),
            ("case.zone_contacts", self._contacts()),
            ("case.zone_account", self._facts(s.case_file.account)),
            ("case.zone_transactions", self._transactions()),
            ("case.zone_flags", self._facts(s.case_file.flags)),
        ]
        for title, body in zones:
            yield Plain(tr(lang, title), classes="zone-title")
            yield Plain(body)

    def _head(self) -> RenderableType:
        s, lang = self.scenario, self.lang
        agent = s.agent
        lines = [
            Wrapped(s.summary),
            Wrapped(
                Text(
                    tr(
                        lang,
                        "case.agent",
                        name=agent.name,
                        employee_id=agent.employee_id,
                        institution=agent.institution,
                    ),
                    style="bold",
                )
            ),
            Wrapped(tr(lang, "case.call_at", at=s.call.at.strftime("%Y-%m-%d %H:%M (UTC%z)"))),
            Wrapped(
                tr(
                    lang,
                    "case.debtor",
                    name=self.persona.name,
                    archetype=word(lang, "arch", self.persona.archetype),
                    difficulty=s.difficulty,
                )
            ),
            Wrapped(tr(lang, "case.profile", profile=self.persona.profile)),
            Wrapped(Text(tr(lang, "case.objective", objective=s.objective), style="bold yellow")),
            *self._pass_rules(),
        ]
        return Group(*lines)

    def _pass_rules(self) -> list[Wrapped]:
        """The objective gate, the pass marks, the red lines and the other failing violations."""
        rules, lang = self.rules, self.lang
        sep = "，" if lang == "zh" else ", "
        marks = sep.join(f"{word(lang, 'dim', d)} {rules.pass_marks[d]}" for d in DIMENSIONS)
        fails = [tr(lang, "case.fail_objective"), tr(lang, "case.fail_red_line")]
        fails.extend(
            tr(lang, "case.fail_severity", severity=word(lang, "sev", severity))
            for severity in rules.fail_on
            if severity != "critical"
        )
        if "major" not in rules.fail_on:
            fails.append(tr(lang, "case.fail_majors", count=rules.max_major + 1))
        return [
            Wrapped(tr(lang, "case.pass_marks", marks=marks)),
            Wrapped(tr(lang, "case.fail_if", rules=("；" if lang == "zh" else "; ").join(fails))),
            Wrapped(tr(lang, "case.red_lines", rules=sep.join(rules.red_lines))),
        ]

    def _table(self, columns: int) -> Table:
        table = Table(
            box=None, show_header=False, pad_edge=False, padding=(0, 2, 0, 0), expand=False
        )
        for _ in range(columns):
            table.add_column()
        return table

    def _facts(self, facts: list[Fact]) -> RenderableType:
        if not facts:
            return Text(tr(self.lang, "case.none"), style="dim")
        table = self._table(2)
        mark = tr(self.lang, "case.key_mark")
        for fact in facts:
            if fact.key:
                table.add_row(
                    Text(mark + fact.label, style="bold reverse"),
                    Wrapped(Text(fact.value, style="bold")),
                )
            else:
                table.add_row(Text(fact.label), Wrapped(fact.value))
        return table

    def _contacts(self) -> RenderableType:
        table = self._table(4)
        for c in self.scenario.case_file.contacts:
            table.add_row(c.name, c.relation, c.phone, Wrapped(c.note or ""))
        return table

    def _transactions(self) -> RenderableType:
        items = self.scenario.case_file.transactions
        if not items:
            return Text(tr(self.lang, "case.none"), style="dim")
        table = self._table(3)
        for t in items:
            table.add_row(
                t.date.isoformat(),
                Wrapped(t.description),
                Text(f"{t.amount:,.2f}", justify="right"),
            )
        return table
