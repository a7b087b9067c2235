"""The bodies of the `calldojo` sub-commands (headless: validate, list, play, analyze, coverage, schema).

Every text a person reads comes from the command-line catalogue (`simulator.messages`) in the
language asked for; JSON output keeps its keys and ids, with diagnostics in that language.
"""

from __future__ import annotations

import json
import sys
import unicodedata
from pathlib import Path
from typing import Any

from scoring import DATA_DIR
from simulator.messages import EXIT_FOUND, EXIT_OK, EXIT_USAGE, say
from simulator.spec.library import Library, load_library
from simulator.wording import Lang, Text


def emit_json(data: Any) -> None:
    """Print JSON (UTF-8, CJK kept readable)."""
    print(json.dumps(data, ensure_ascii=False, indent=2))


def err(message: str | Text, lang: Lang = "en") -> None:
    """Print a message for the user on stderr."""
    text = message.render(lang) if isinstance(message, Text) else message
    print(f"calldojo: {text}", file=sys.stderr)


def _progress(message: str) -> None:
    """A one-line progress indicator on stderr, only when stderr is a terminal."""
    if sys.stderr.isatty():
        sys.stderr.write(f"\r\033[K{message}")
        sys.stderr.flush()


def cells(text: str) -> int:
    """Terminal cells `text` takes (CJK characters take two)."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def pad(text: str, width: int, *, right: bool = False) -> str:
    """`text` padded with spaces to `width` terminal cells (left-aligned, or right with `right`)."""
    space = " " * max(0, width - cells(text))
    return space + text if right else text + space


def load_content(root: Path, lang: Lang = "en") -> Library:
    """Load the library with the bundled rubric and rule packs; warn (once) when files have errors."""
    library = load_library(root, data_dirs=(DATA_DIR,))
    if library.errors:
        files = sorted({d.path for d in library.errors})
        err(say("err.content_errors", count=len(files)), lang)
    return library


def validate_command(root: Path, paths: list[Path], *, as_json: bool, lang: Lang = "en") -> int:
    """`calldojo validate`: print diagnostics in `lang`; exit 0 clean, 1 errors found."""
    from simulator.spec.validation import validate_library, validate_paths

    missing = [p for p in paths if not p.exists()]
    if missing:
        err(say("err.no_such_path", paths=", ".join(str(p) for p in missing)), lang)
        return EXIT_USAGE
    diagnostics = (
        validate_paths(paths, (DATA_DIR,)) if paths else validate_library(root, (DATA_DIR,))
    )
    if as_json:
        emit_json([d.to_dict(lang) for d in diagnostics])
    else:
        for diagnostic in diagnostics:
            print(diagnostic.format(lang))
        errors = sum(1 for d in diagnostics if d.level == "error")
        summary = say("validate.summary", errors=errors, warnings=len(diagnostics) - errors)
        print(summary.render(lang), file=sys.stderr)
    return EXIT_FOUND if any(d.level == "error" for d in diagnostics) else EXIT_OK


LIST_COLUMNS = ("id", "locale", "difficulty", "persona", "archetype", "tags", "title")
"""The columns of `calldojo list` in the order printed (the title, widest and free-form, last)."""


def list_command(root: Path, *, as_json: bool, lang: Lang = "en") -> int:
    """`calldojo list`: a header, then one row per scenario (the columns of `LIST_COLUMNS`)."""
    library = load_content(root, lang)
    rows: list[dict[str, Any]] = []
    for scenario in sorted(library.scenarios.values(), key=lambda s: s.id):
        persona = library.personas.get(scenario.persona)
        rows.append(
            {
                "id": scenario.id,
                "title": scenario.title,
                "locale": scenario.locale,
                "persona": scenario.persona,
                "archetype": persona.archetype if persona else None,
                "difficulty": scenario.difficulty,
                "tags": list(scenario.tags),
            }
        )
    if as_json:
        emit_json(rows)
        return EXIT_OK
    table = [[say(f"list.{c}").render(lang) for c in LIST_COLUMNS]]
    for row in rows:
        values = {**row, "archetype": row["archetype"] or "-", "tags": ",".join(row["tags"]) or "-"}
        table.append([str(values[c]) for c in LIST_COLUMNS])
    widths = [max(cells(line[i]) for line in table) for i in range(len(LIST_COLUMNS) - 1)]
    for line in table:
        head = [pad(cell, width) for cell, width in zip(line, widths, strict=False)]
        print("  ".join([*head, line[-1]]).rstrip())
    return EXIT_OK


def schema_command(kind: str) -> int:
    """`calldojo schema KIND`: print the JSON Schema."""
    from simulator.spec.exports.schema import schema_json

    print(schema_json(kind))  # type: ignore[arg-type]
    return EXIT_OK


def play_command(
    root: Path, scenario_id: str, choices: str, *, seed: int, as_json: bool, lang: Lang = "en"
) -> int:
    """`calldojo play`: headless play from a list of choice ids, then score."""
    from simulator.engine import ChoiceUnavailable
    from simulator.practice import PracticeError, prepare

    library = load_content(root, lang)
    try:
        prepared = prepare(library, scenario_id)
    except PracticeError as exc:
        err(exc.render(lang))
        return EXIT_FOUND
    call = prepared.start(seed=seed)
    actions = [c.strip() for c in choices.split(",")]
    if not all(actions):
        err(say("err.empty_choice", choices=choices), lang)
        return EXIT_USAGE
    for position, action in enumerate(actions, start=1):
        if call.ended:
            node = call.state.node
            err(say("err.call_ended", node=node, position=position, action=action), lang)
            return EXIT_FOUND
        try:
            call.choose(action)
        except ChoiceUnavailable as exc:
            valid = ", ".join(exc.valid) or say("none")
            unavailable = say(
                "err.unavailable", node=exc.node, position=position, action=action, valid=valid
            )
            err(unavailable, lang)
            return EXIT_FOUND
    transcript = call.transcript()
    report = prepared.score(transcript) if call.ended else None
    result = _play_result(transcript, report)
    if as_json:
        emit_json(result)
    else:
        _print_play(result, call.ended, lang)
    return EXIT_OK


def _play_result(transcript: Any, report: Any) -> dict[str, Any]:
    """The JSON of `play`: turns are numbered from 1, as the app's debrief numbers them."""
    return {
        "scenario": transcript.scenario,
        "content_hash": transcript.content_hash,
        "seed": transcript.seed,
        "turns": [
            {
                "turn": t.index + 1,
                "speaker": t.speaker,
                "text": t.text,
                "node": t.node,
                "choice": t.choice,
                "tags": list(t.tags),
                "mood": dict(t.mood),
                "at": t.at.isoformat(),
            }
            for t in transcript.turns
        ],
        "ending": {"id": transcript.ending.id, "outcome": transcript.ending.outcome}
        if transcript.ending
        else None,
        "scores": dict(report.scores) if report else None,
        "violations": [
            {"rule": v.rule, "severity": v.severity, "turn": v.turn + 1} for v in report.violations
        ]
        if report
        else [],
        "passed": report.passed if report else False,
        "reasons": list(report.reasons) if report else [],
    }


def _print_play(result: dict[str, Any], ended: bool, lang: Lang) -> None:
    def out(key: str, **fields: Any) -> None:
        print(say(key, **fields).render(lang))

    agent, debtor, silence = (
        say(k).render(lang) for k in ("play.agent", "play.debtor", "play.silence")
    )
    for turn in result["turns"]:
        who = agent if turn["speaker"] == "agent" else debtor
        print(f"{turn['turn']:>3} {who} {turn['text'] or silence}")
    if not ended:
        out("play.not_ended")
        return
    out("play.ending", ending=result["ending"]["id"], outcome=result["ending"]["outcome"])
    out("play.scores", scores=", ".join(f"{k} {v}" for k, v in result["scores"].items()))
    for v in result["violations"]:
        out("play.violation", rule=v["rule"], severity=v["severity"], turn=v["turn"])
    if result["passed"]:
        out("play.passed")
    else:
        out("play.not_passed", reasons=", ".join(result["reasons"]))


def _failure(exc: Exception, scenario_id: str, max_states: int, lang: Lang) -> str | Text:
    """What a scenario that cannot be prepared, analysed or simulated says, in `lang`."""
    from simulator.analysis import AnalysisTooLarge
    from simulator.practice import PracticeError

    if isinstance(exc, PracticeError):
        return exc.render(lang)
    if isinstance(exc, AnalysisTooLarge):
        return say("err.too_large", scenario=scenario_id, limit=max_states)
    return say("err.model_answer", scenario=scenario_id, detail=str(exc))


ANALYZE_LISTS = (
    "unreachable",
    "dead_ends",
    "loops_without_exit",
    "never_offered",
    "branches_never_taken",
    "endings",
    "violations",
)
"""The list-valued lines of the `analyze` report, in the order printed."""


def analyze_command(
    root: Path, scenario_id: str, *, as_json: bool, max_states: int, lang: Lang = "en"
) -> int:
    """`calldojo analyze`: the static analysis report."""
    from simulator.analysis import AnalysisTooLarge, analyze
    from simulator.practice import PracticeError, prepare

    library = load_content(root, lang)
    try:
        prepared = prepare(library, scenario_id)
        report = analyze(prepared.compiled, prepared.rubric, prepared.pack, max_states=max_states)
    except (PracticeError, AnalysisTooLarge) as exc:
        err(_failure(exc, scenario_id, max_states, lang), lang)
        return EXIT_FOUND
    if as_json:
        emit_json(report.to_dict())
        return EXIT_OK
    _print_analysis(report.to_dict(lang), lang)
    return EXIT_OK


def _print_analysis(data: dict[str, Any], lang: Lang) -> None:
    def out(key: str, **fields: Any) -> None:
        print(say(key, **fields).render(lang))

    def listed(items: list[str], sep: str = ", ") -> str:
        return sep.join(items) or "-"

    out("analyze.header", scenario=data["scenario"], states=data["states"], edges=data["edges"])
    for key in ANALYZE_LISTS:
        out("analyze.row", label=say(f"analyze.{key}"), values=listed(data[key]))
    for name, b in data["bounds"].items():
        path = ",".join(b["max_path"])
        out("analyze.bounds", dimension=name, low=b["min"], high=b["max"], path=path)
    model = data["model_answer"]
    out("analyze.model", path=listed(model["path"], ","))
    out("analyze.model_scores", scores=", ".join(f"{k} {v}" for k, v in model["scores"].items()))
    out("analyze.pass_possible", answer=say("yes" if data["pass_possible"] else "no"))
    out("analyze.objective_endings", endings=listed(data["objective_endings"]))
    out("analyze.pass_without_objective", endings=listed(data["pass_without_objective"]))
    for note in data["notes"]:
        out("analyze.note", note=note)


def coverage_command(root: Path, *, as_json: bool, lang: Lang = "en") -> int:
    """`calldojo coverage`: per rule, the scenarios where the analysis finds it can be violated."""
    from simulator.analysis import AnalysisTooLarge, analyze
    from simulator.analysis.explore import DEFAULT_MAX_STATES
    from simulator.practice import PracticeError, prepare

    library = load_content(root, lang)
    where: dict[str, dict[str, list[str]]] = {
        pack.id: {r.id: [] for r in pack.rules} for pack in library.rulepacks.values()
    }
    scenarios = sorted(library.scenarios.values(), key=lambda s: s.id)
    for number, scenario in enumerate(scenarios, start=1):
        progress = say(
            "coverage.progress", number=number, total=len(scenarios), scenario=scenario.id
        )
        _progress(progress.render(lang))
        try:
            prepared = prepare(library, scenario.id)
            report = analyze(prepared.compiled, prepared.rubric, prepared.pack)
        except (PracticeError, AnalysisTooLarge) as exc:
            _progress("")
            err(_failure(exc, scenario.id, DEFAULT_MAX_STATES, lang), lang)
            return EXIT_FOUND
        for rule in report.violations:
            where[prepared.pack.id].setdefault(rule, []).append(scenario.id)
    _progress("")
    if as_json:
        emit_json(where)
        return EXIT_OK
    never = say("coverage.never").render(lang)
    for pack_id, rules in where.items():
        print(say("coverage.pack", pack=pack_id).render(lang))
        for rule_id, ids in rules.items():
            print(f"  {rule_id:<20} {len(ids):>2}  {', '.join(ids) or never}")
    return EXIT_OK


from simulator.commands.simulation import simulate_command  # noqa: E402

__all__ = [
    "analyze_command",
    "coverage_command",
    "list_command",
    "play_command",
    "schema_command",
    "simulate_command",
    "validate_command",
]
