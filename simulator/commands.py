"""The bodies of the `calldojo` sub-commands (headless: validate, list, play, analyze, schema)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from scoring import DATA_DIR
from simulator.spec.library import Library, load_library

EXIT_OK, EXIT_FOUND, EXIT_USAGE = 0, 1, 2


def emit_json(data: Any) -> None:
    """Print JSON (UTF-8, CJK kept readable)."""
    print(json.dumps(data, ensure_ascii=False, indent=2))


def err(message: str) -> None:
    """Print a message for the user on stderr."""
    print(f"calldojo: {message}", file=sys.stderr)


def _progress(message: str) -> None:
    """A one-line progress indicator on stderr, only when stderr is a terminal."""
    if sys.stderr.isatty():
        sys.stderr.write(f"\r\033[K{message}")
        sys.stderr.flush()


def load_content(root: Path) -> Library:
    """Load the library with the bundled rubric and rule packs; warn (once) when files have errors."""
    library = load_library(root, data_dirs=(DATA_DIR,))
    if library.errors:
        files = sorted({d.path for d in library.errors})
        err(
            f"{len(files)} content file(s) have errors (files that do not load are left out); run `calldojo validate` to see them"
        )
    return library


def validate_command(root: Path, paths: list[Path], *, as_json: bool) -> int:
    """`calldojo validate`: print diagnostics; exit 0 clean, 1 errors found."""
    from simulator.spec.validation import validate_library, validate_paths

    missing = [p for p in paths if not p.exists()]
    if missing:
        err(f"no such file or folder: {', '.join(str(p) for p in missing)}")
        return EXIT_USAGE
    diagnostics = (
        validate_paths(paths, (DATA_DIR,)) if paths else validate_library(root, (DATA_DIR,))
    )
    if as_json:
        emit_json([d.to_dict() for d in diagnostics])
    else:
        for diagnostic in diagnostics:
            print(diagnostic.format())
        errors = sum(1 for d in diagnostics if d.level == "error")
        warnings = len(diagnostics) - errors
        print(f"{errors} error(s), {warnings} warning(s)", file=sys.stderr)
    return EXIT_FOUND if any(d.level == "error" for d in diagnostics) else EXIT_OK


def list_command(root: Path, *, as_json: bool) -> int:
    """`calldojo list`: one row per scenario."""
    library = load_content(root)
    rows = []
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
    for row in rows:
        print(
            f"{row['id']:<32} {row['locale']:<6} d{row['difficulty']} {str(row['archetype']):<22} "
            f"{row['title']}"
        )
    return EXIT_OK


def schema_command(kind: str) -> int:
    """`calldojo schema KIND`: print the JSON Schema."""
    from simulator.spec.schema import schema_json

    print(schema_json(kind))  # type: ignore[arg-type]
    return EXIT_OK


def play_command(root: Path, scenario_id: str, choices: str, *, seed: int, as_json: bool) -> int:
    """`calldojo play`: headless play from a list of choice ids, then score."""
    from simulator.engine import ChoiceUnavailable
    from simulator.practice import PracticeError, prepare

    library = load_content(root)
    try:
        prepared = prepare(library, scenario_id)
    except PracticeError as exc:
        err(str(exc))
        return EXIT_FOUND
    call = prepared.start(seed=seed)
    actions = [c.strip() for c in choices.split(",") if c.strip()]
    for position, action in enumerate(actions, start=1):
        if call.ended:
            err(
                f"the call already ended at {call.state.node!r} before choice {position} ({action!r})"
            )
            return EXIT_FOUND
        try:
            call.choose(action)
        except ChoiceUnavailable as exc:
            err(
                f"choice {position} ({action!r}) is not available at node {exc.node!r}; "
                f"valid here: {', '.join(exc.valid) or '(none)'}, or _silence"
            )
            return EXIT_FOUND
    transcript = call.transcript()
    report = prepared.score(transcript) if call.ended else None
    result = _play_result(transcript, report)
    if as_json:
        emit_json(result)
    else:
        _print_play(result, call.ended)
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


def _print_play(result: dict[str, Any], ended: bool) -> None:
    for turn in result["turns"]:
        who = "AGENT " if turn["speaker"] == "agent" else "DEBTOR"
        text = turn["text"] or "(silence)"
        print(f"{turn['turn']:>3} {who} {text}")
    if not ended:
        print("(the call has not ended: add more choices to finish it)")
        return
    print(f"ending: {result['ending']['id']} ({result['ending']['outcome']})")
    print("scores: " + ", ".join(f"{k} {v}" for k, v in result["scores"].items()))
    for v in result["violations"]:
        print(f"violation: {v['rule']} ({v['severity']}) at turn {v['turn']}")
    print("PASSED" if result["passed"] else f"NOT PASSED: {', '.join(result['reasons'])}")


def analyze_command(root: Path, scenario_id: str, *, as_json: bool, max_states: int) -> int:
    """`calldojo analyze`: the static analysis report."""
    from simulator.analysis import AnalysisTooLarge, analyze
    from simulator.practice import PracticeError, prepare

    library = load_content(root)
    try:
        prepared = prepare(library, scenario_id)
        report = analyze(prepared.compiled, prepared.rubric, prepared.pack, max_states=max_states)
    except (PracticeError, AnalysisTooLarge) as exc:
        err(str(exc))
        return EXIT_FOUND
    if as_json:
        emit_json(report.to_dict())
        return EXIT_OK
    data = report.to_dict()
    print(f"scenario {data['scenario']}: {data['states']} states, {data['edges']} transitions")
    for key in (
        "unreachable",
        "dead_ends",
        "loops_without_exit",
        "never_offered",
        "branches_never_taken",
        "endings",
        "violations",
    ):
        print(f"{key}: {', '.join(data[key]) or '-'}")
    for name, b in data["bounds"].items():
        print(f"{name}: {b['min']:g} .. {b['max']:g}   best path: {','.join(b['max_path'])}")
    model = data["model_answer"]
    print(f"model answer: {','.join(model['path']) or '-'}")
    print("model answer scores: " + ", ".join(f"{k} {v}" for k, v in model["scores"].items()))
    print(f"pass possible (the model answer passes): {data['pass_possible']}")
    print(f"objective endings: {', '.join(data['objective_endings']) or '-'}")
    print(f"pass without objective: {', '.join(data['pass_without_objective']) or '-'}")
    for note in data["notes"]:
        print(f"note: {note}")
    return EXIT_OK


def coverage_command(root: Path, *, as_json: bool) -> int:
    """`calldojo coverage`: per rule, the scenarios where the analysis finds it can be violated."""
    from simulator.analysis import AnalysisTooLarge, analyze
    from simulator.practice import PracticeError, prepare

    library = load_content(root)
    where: dict[str, dict[str, list[str]]] = {
        pack.id: {r.id: [] for r in pack.rules} for pack in library.rulepacks.values()
    }
    scenarios = sorted(library.scenarios.values(), key=lambda s: s.id)
    for number, scenario in enumerate(scenarios, start=1):
        _progress(f"analysing {number}/{len(scenarios)} {scenario.id}")
        try:
            prepared = prepare(library, scenario.id)
            report = analyze(prepared.compiled, prepared.rubric, prepared.pack)
        except (PracticeError, AnalysisTooLarge) as exc:
            err(str(exc))
            return EXIT_FOUND
        for rule in report.violations:
            where[prepared.pack.id].setdefault(rule, []).append(scenario.id)
    _progress("")
    if as_json:
        emit_json(where)
        return EXIT_OK
    for pack_id, rules in where.items():
        print(f"rule pack {pack_id}")
        for rule_id, ids in rules.items():
            print(f"  {rule_id:<20} {len(ids):>2}  {', '.join(ids) or '(never violable)'}")
    return EXIT_OK


def simulate_command(
    root: Path, scenario_ids: list[str], policies: list[str], *, as_json: bool
) -> int:
    """`calldojo simulate`: scripted trainee policies play scenarios; exit 1 when one is miscalibrated."""
    from simulator.analysis import AnalysisTooLarge
    from simulator.analysis.simulate import calibrate
    from simulator.engine import ModelAnswerError
    from simulator.practice import PracticeError, prepare
    from simulator.spec.common import POLICIES

    unknown = [p for p in policies if p not in POLICIES]
    if unknown:
        err(f"unknown policy {', '.join(unknown)}; known: {', '.join(POLICIES)}")
        return EXIT_USAGE
    chosen = tuple(p for p in POLICIES if not policies or p in policies)
    library = load_content(root)
    ids = scenario_ids or sorted(library.scenarios)
    results = []
    for number, scenario_id in enumerate(ids, start=1):
        _progress(f"simulating {number}/{len(ids)} {scenario_id}")
        try:
            prepared = prepare(library, scenario_id)
            results.append(calibrate(prepared.compiled, prepared.rubric, prepared.pack, chosen))
        except (PracticeError, AnalysisTooLarge, ModelAnswerError) as exc:
            _progress("")
            err(str(exc))
            return EXIT_FOUND
    _progress("")
    if as_json:
        emit_json([c.to_dict() for c in results])
    else:
        _print_simulation(results, chosen)
    return EXIT_FOUND if any(c.problems for c in results) else EXIT_OK


_REASON_SHORT = {"objective": "obj", "red_line": "red", "majors": "maj", "unresolved": "loop"}
_DIM_SHORT = {"empathy": "emp", "clarity": "cla", "control": "ctl", "compliance": "cmp"}


def _short_reason(reasons: list[str]) -> str:
    """The first reason a policy failed, in three letters (`obj`, `red`, `emp`, ...)."""
    if not reasons:
        return ""
    kind, _, value = reasons[0].partition(":")
    if kind == "below":
        return _DIM_SHORT.get(value, value[:3])
    return _REASON_SHORT.get(kind, kind[:3])


def _print_simulation(results: list[Any], policies: tuple[str, ...]) -> None:
    short = {"opening_then_aggressive": "open+aggr", "empathetic": "empathic"}
    print(f"{'scenario':<27}" + "".join(f"{short.get(p, p)[:9]:>10}" for p in policies))
    for cal in results:
        cells = []
        for r in cal.results:
            if r.policy == "random":
                cells.append(f"{r.pass_rate:>10.1%}")
            else:
                cell = "PASS" if r.pass_rate >= 1.0 else f"fail {_short_reason(r.reasons)}"
                cells.append(f"{cell:>10}")
        print(f"{cal.scenario[:26]:<27}" + "".join(cells))
        for problem in cal.problems:
            print(f"  ! {problem}")
    counts = [
        f"{p} {sum(1 for c in results for r in c.results if r.policy == p and r.pass_rate >= 1.0)}"
        for p in policies
        if p != "random"
    ]
    print(f"passes of {len(results)}: " + ", ".join(counts))
    bad = sum(1 for c in results if c.problems)
    print(f"{len(results) - bad} of {len(results)} scenario(s) calibrated")
