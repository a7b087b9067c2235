"""The debrief body: verdict in words, dimension bars, violations, per-turn coaching, the mood story."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.cells import cell_len
from rich.console import Group, RenderableType
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll

from scoring.report import MoodEvent, ScoreReport
from simulator.transcript import Transcript, Turn
from simulator.tui.i18n import chrome, reason, tr, word
from simulator.tui.widgets.gauge import ascii_bar
from simulator.tui.widgets.plain import Plain
from simulator.tui.widgets.transcript_view import spoken_words
from simulator.tui.wrap import Hanging, Wrapped, shorten

DIMENSIONS = ("empathy", "clarity", "control", "compliance")
CAUSE_CELLS = 40
"""A quoted cause is cut to this many cells."""
INDENT = 3
"""Cells a statement or an explanation is indented under its heading."""


@dataclass(frozen=True, slots=True)
class MoodLine:
    """One agent turn that changed the debtor's mood (or ended the call), as the debrief says it."""

    turn: int
    """1-based, as the transcript numbers turns."""
    text: str
    """What changed, and the quoted cause."""
    decisive: bool
    """A value reached 0, a persona threshold fired, or the call ended on this turn."""


def _merged(events: Sequence[MoodEvent]) -> list[tuple[str, int, int]]:
    """(variable, first before, last after) per variable, in order of first change."""
    spans: dict[str, tuple[int, int]] = {}
    for event in events:
        before = spans[event.variable][0] if event.variable in spans else event.before
        spans[event.variable] = (before, event.after)
    return [(name, b, a) for name, (b, a) in spans.items() if b != a]


def _cause(turn: Turn | None, fallback: str, lang: str) -> str:
    if turn is not None and turn.speaker == "agent" and turn.event == "silence":
        return tr(lang, "debrief.mood_silent")
    text = turn.text if turn is not None else fallback
    if not text:
        return ""
    cut = shorten(chrome(" ".join(text.split())), CAUSE_CELLS, tr(lang, "text.cut"))
    return tr(lang, "debrief.mood_cause", cause=cut)


def _ending_clause(transcript: Transcript, lang: str) -> str:
    ending = transcript.ending
    if ending is None:
        return ""
    if ending.outcome == "hung_up":
        return tr(
            lang,
            "debrief.mood_agent_hung_up" if ending.ended_by == "agent" else "debrief.mood_hung_up",
        )
    return tr(lang, "debrief.mood_ending", outcome=word(lang, "outcome", ending.outcome))


def mood_story(report: ScoreReport, transcript: Transcript, lang: str) -> list[MoodLine]:
    """The mood events grouped by the agent turn that caused them, one line per turn.

    The turn that ended the call gets the ending said on it: after a persona threshold (an event
    flagged `threshold` on the last agent turn) and after any hang-up, even one the scenario
    branched to without a threshold.
    """
    turns = {t.index: t for t in transcript.turns}
    agent = [t.index for t in transcript.turns if t.speaker == "agent"]
    last_agent = agent[-1] if agent else None
    groups: dict[int, list[MoodEvent]] = {}
    for event in report.mood_events:
        key = event.cause_turn if event.cause_turn is not None else event.turn
        groups.setdefault(key, []).append(event)
    ending = transcript.ending
    fatal = (
        last_agent is not None
        and ending is not None
        and (ending.outcome == "hung_up" or any(e.threshold for e in groups.get(last_agent, ())))
    )
    if fatal and last_agent is not None and last_agent not in groups:
        groups[last_agent] = []
    sep = tr(lang, "debrief.mood_sep")
    lines: list[MoodLine] = []
    for key in sorted(groups):
        events = groups[key]
        pieces = [
            tr(lang, "debrief.mood_zero", var=word(lang, "mood", name))
            if after == 0 and before > 0
            else tr(
                lang,
                "debrief.mood_change",
                var=word(lang, "mood", name),
                before=before,
                after=after,
            )
            for name, before, after in _merged(events)
        ]
        ends_here = fatal and key == last_agent
        if ends_here:
            pieces.append(_ending_clause(transcript, lang))
        if not pieces:
            continue
        cause_text = events[0].cause_text if events else ""
        cause = _cause(turns.get(key), cause_text, lang) if key in turns or cause_text else ""
        text = sep.join(pieces) + (" " + cause if cause else "")
        decisive = ends_here or any(e.threshold for e in events)
        lines.append(MoodLine(key + 1, text, decisive))
    return lines


def _turn_column(lang: str, turns: Sequence[int]) -> int:
    """Cells of a `第12轮` label column (the widest label here, plus a gap)."""
    return max((cell_len(tr(lang, "call.turn", n=n)) for n in turns), default=0) + 2


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
            outcome = (
                self._t("debrief.mood_agent_hung_up")
                if ending.ended_by == "agent"
                else word(self.lang, "outcome", ending.outcome)
            )
            yield Plain(self._t("debrief.ending", outcome=outcome), id="ending")
            last = self.transcript.turns[-1] if self.transcript.turns else None
            if last is not None and last.speaker == "debtor":
                yield Plain(Hanging("", Text(last.text, style="italic"), INDENT), id="last-words")
            if report is not None and report.ending_summary:
                yield Plain(Wrapped(report.ending_summary), id="ending-summary")
        if report is None:
            yield Plain(self._t("debrief.abandoned"), id="verdict", classes="failed")
            return
        verdict = "debrief.passed" if report.passed else "debrief.failed"
        yield Plain(self._t(verdict), id="verdict", classes="passed" if report.passed else "failed")
        if report.reasons:
            reasons = ("; " if self.lang == "en" else "；").join(
                reason(self.lang, r) for r in report.reasons
            )
            yield Plain(
                Wrapped(self._t("debrief.reasons") + ("" if self.lang == "zh" else " ") + reasons),
                id="reasons",
            )
            if not report.objective_met and report.objective:
                yield Plain(
                    Wrapped(self._t("debrief.objective", objective=report.objective)),
                    id="objective",
                )
        marks = ("，" if self.lang == "zh" else ", ").join(
            f"{word(self.lang, 'dim', d)} {report.pass_marks.get(d, 60)}"
            for d in DIMENSIONS
            if d in report.scores
        )
        yield Plain(self._t("debrief.scores", marks=marks), classes="section")
        yield Plain(self._scores(report), id="scores")
        yield Plain(self._t("debrief.violations", count=len(report.violations)), classes="section")
        yield Plain(self._violations(report), id="violations")
        yield Plain(self._t("debrief.feedback", count=len(report.feedback)), classes="section")
        yield Plain(self._feedback(report), id="feedback")
        yield Plain(self._t("debrief.mood"), classes="section")
        yield Plain(self._mood(report), id="mood-story")

    def _scores(self, report: ScoreReport) -> RenderableType:
        lines = []
        names = {d: word(self.lang, "dim", d) for d in DIMENSIONS}
        width = max(cell_len(n) for n in names.values())
        for dim in DIMENSIONS:
            if dim not in report.scores:
                continue
            score, mark = report.scores[dim], report.pass_marks.get(dim, 60)
            name = names[dim] + " " * (width - cell_len(names[dim]))
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
            )
            style = "bold red" if v.severity == "critical" else "bold yellow"
            lines.append(Text(head, style=style, no_wrap=True, overflow="ellipsis"))
            lines.append(Hanging("", statement, INDENT))
            if self.lang == "en":  # the scorer explains in English; zh shows the rule's statement
                lines.append(Hanging("", Text(v.explanation, style="dim"), INDENT))
        return Group(*lines)

    def _feedback(self, report: ScoreReport) -> RenderableType:
        if not report.feedback:
            return Text(self._t("debrief.no_feedback"))
        turns = self.transcript.turns
        indent = _turn_column(self.lang, [f.turn + 1 for f in report.feedback])
        lines: list[RenderableType] = []
        for f in report.feedback:
            said = spoken_words(turns[f.turn], self.lang) if 0 <= f.turn < len(turns) else ""
            label = Text(self._t("call.turn", n=f.turn + 1), style="bold")
            lines.append(
                Hanging(label, Text(self._t("debrief.you_said", said=said), style="bold"), indent)
            )
            lines.append(Hanging("", f.feedback, indent))
            if f.better_say:
                better = Text(self._t("debrief.better", say=f.better_say), style="green")
                lines.append(Hanging("", better, indent))
        return Group(*lines)

    def _mood(self, report: ScoreReport) -> RenderableType:
        story = mood_story(report, self.transcript, self.lang)
        if not story:
            return Text(self._t("debrief.no_mood"))
        indent = _turn_column(self.lang, [line.turn for line in story])
        key = self._t("debrief.mood_key")
        rows: list[RenderableType] = []
        for line in story:
            label = Text(self._t("call.turn", n=line.turn), style="bold")
            if line.decisive:
                body = Text.assemble((key, "bold reverse red"), (line.text, "bold red"))
            else:
                body = Text(line.text)
            rows.append(Hanging(label, body, indent))
        return Group(*rows)
