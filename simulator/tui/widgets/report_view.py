"""The debrief body: verdict in words, dimension bars, violations, per-turn coaching, the mood story."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from scoring.report import MoodEvent, ScoreReport
from simulator.transcript import Transcript
from simulator.tui.i18n import reason, tr, word
from simulator.tui.widgets.gauge import ascii_bar

DIMENSIONS = ("empathy", "clarity", "control", "compliance")


def mood_sentence(event: MoodEvent, lang: str) -> str:
    """'耐心在第4轮降到0，起因：「...」' built from a mood event (turns shown 1-based)."""
    key = "debrief.mood_down" if event.after < event.before else "debrief.mood_up"
    sentence = tr(
        lang,
        key,
        var=word(lang, "mood", event.variable),
        turn=event.turn + 1,
        after=event.after,
        cause=event.cause_text,
    )
    return sentence + (tr(lang, "debrief.mood_threshold") if event.threshold else "")


class ReportView(VerticalScroll):
    """A scrollable debrief (focusable: arrows and PgUp/PgDn scroll it)."""

    DEFAULT_CSS = """
    ReportView { height: 1fr; padding: 0 1; }
    ReportView > .section { text-style: bold; color: $accent; margin-top: 1; }
    ReportView > #verdict { text-style: bold; }
    ReportView > #verdict.passed { color: $success; }
    ReportView > #verdict.failed { color: $error; }
    """

    def __init__(self, transcript: Transcript, report: ScoreReport | None, lang: str) -> None:
        super().__init__()
        self.transcript = transcript
        self.report = report
        self.lang = lang

    def _t(self, key: str, **fields: object) -> str:
        return tr(self.lang, key, **fields)

    def compose(self) -> ComposeResult:
        """Every part of the debrief, in reading order."""
        report, ending = self.report, self.transcript.ending
        if ending is not None:
            yield Static(
                self._t(
                    "debrief.ending",
                    outcome=word(self.lang, "outcome", ending.outcome),
                ),
                id="ending",
            )
            last = self.transcript.turns[-1] if self.transcript.turns else None
            if last is not None and last.speaker == "debtor":
                yield Static(Text("   " + last.text, style="italic"), id="last-words")
        if report is None:
            yield Static(self._t("debrief.abandoned"), id="verdict", classes="failed")
            return
        verdict = "debrief.passed" if report.passed else "debrief.failed"
        yield Static(
            self._t(verdict), id="verdict", classes="passed" if report.passed else "failed"
        )
        if report.reasons:
            reasons = ("; " if self.lang == "en" else "；").join(
                reason(self.lang, r) for r in report.reasons
            )
            yield Static(Text(self._t("debrief.reasons") + " " + reasons), id="reasons")
        marks = ("，" if self.lang == "zh" else ", ").join(
            f"{word(self.lang, 'dim', d)} {report.pass_marks.get(d, 60)}"
            for d in DIMENSIONS
            if d in report.scores
        )
        yield Static(self._t("debrief.scores", marks=marks), classes="section")
        yield Static(self._scores(report), id="scores")
        yield Static(self._t("debrief.violations", count=len(report.violations)), classes="section")
        yield Static(self._violations(report), id="violations")
        yield Static(self._t("debrief.feedback", count=len(report.feedback)), classes="section")
        yield Static(self._feedback(report), id="feedback")
        yield Static(self._t("debrief.mood"), classes="section")
        yield Static(self._mood(report), id="mood-story")

    def _scores(self, report: ScoreReport) -> RenderableType:
        lines = []
        for dim in DIMENSIONS:
            if dim not in report.scores:
                continue
            score, mark = report.scores[dim], report.pass_marks.get(dim, 60)
            name = word(self.lang, "dim", dim)
            line = self._t(
                "debrief.score_line",
                name=name,
                bar=ascii_bar(score, 100, 20),
                score=score,
                mark=mark,
            )
            lines.append(Text(line, style="green" if score >= mark else "red"))
        return Group(*lines)

    def _violations(self, report: ScoreReport) -> RenderableType:
        if not report.violations:
            return Text(self._t("debrief.no_violations"))
        lines: list[RenderableType] = []
        for v in report.violations:
            statement = v.statement_zh if self.lang == "zh" else v.statement_en
            head = self._t(
                "debrief.violation",
                rule=v.rule,
                severity=word(self.lang, "sev", v.severity),
                turn=v.turn + 1,
                statement=statement,
            )
            lines.append(
                Text(head, style="bold red" if v.severity == "critical" else "bold yellow")
            )
            if self.lang == "en":  # the scorer explains in English; zh shows the rule's statement
                lines.append(Text("   " + v.explanation))
        return Group(*lines)

    def _feedback(self, report: ScoreReport) -> RenderableType:
        if not report.feedback:
            return Text(self._t("debrief.no_feedback"))
        turns = self.transcript.turns
        lines: list[RenderableType] = []
        for f in report.feedback:
            said = turns[f.turn].text if 0 <= f.turn < len(turns) else ""
            lines.append(
                Text(self._t("debrief.you_said", turn=f.turn + 1, said=said), style="bold")
            )
            lines.append(Text("   " + f.feedback))
            if f.better_say:
                lines.append(
                    Text("   " + self._t("debrief.better", say=f.better_say), style="green")
                )
        return Group(*lines)

    def _mood(self, report: ScoreReport) -> RenderableType:
        if not report.mood_events:
            return Text(self._t("debrief.no_mood"))
        return Group(*(Text(mood_sentence(e, self.lang)) for e in report.mood_events))
