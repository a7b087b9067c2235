"""`calldojo simulate`: scripted trainee policies over the library, as a table or JSON."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from simulator.commands import _failure, _progress, emit_json, err, load_content, pad
from simulator.messages import EXIT_FOUND, EXIT_OK, EXIT_USAGE, say
from simulator.wording import Lang


def simulate_command(
    root: Path, scenario_ids: list[str], policies: list[str], *, as_json: bool, lang: Lang = "en"
) -> int:
    """`calldojo simulate`: scripted trainee policies play scenarios; exit 1 when one is miscalibrated."""
    from simulator.analysis import AnalysisTooLarge
    from simulator.analysis.explore import DEFAULT_MAX_STATES
    from simulator.analysis.simulate import calibrate
    from simulator.engine import ModelAnswerError
    from simulator.practice import PracticeError, prepare
    from simulator.spec.models.common import POLICIES

    unknown = [p for p in policies if p not in POLICIES]
    if unknown:
        err(say("err.unknown_policy", policies=", ".join(unknown), known=", ".join(POLICIES)), lang)
        return EXIT_USAGE
    chosen = tuple(p for p in POLICIES if not policies or p in policies)
    library = load_content(root, lang)
    ids = scenario_ids or sorted(library.scenarios)
    results = []
    for number, scenario_id in enumerate(ids, start=1):
        progress = say("simulate.progress", number=number, total=len(ids), scenario=scenario_id)
        _progress(progress.render(lang))
        try:
            prepared = prepare(library, scenario_id)
            results.append(calibrate(prepared.compiled, prepared.rubric, prepared.pack, chosen))
        except (PracticeError, AnalysisTooLarge, ModelAnswerError) as exc:
            _progress("")
            err(_failure(exc, scenario_id, DEFAULT_MAX_STATES, lang), lang)
            return EXIT_FOUND
    _progress("")
    if as_json:
        emit_json([c.to_dict() for c in results])
    else:
        _print_simulation(results, chosen, lang)
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


def _print_simulation(results: list[Any], policies: tuple[str, ...], lang: Lang) -> None:
    short = {"opening_then_aggressive": "open+aggr", "empathetic": "empathic"}
    header = pad(say("simulate.scenario").render(lang), 27)
    print(header + "".join(f"{short.get(p, p)[:9]:>10}" for p in policies))
    for cal in results:
        row = []
        for r in cal.results:
            if r.policy == "random":
                row.append(f"{r.pass_rate:>10.1%}")
            else:
                passed = r.pass_rate >= 1.0
                cell = (
                    say("simulate.pass")
                    if passed
                    else say("simulate.fail", reason=_short_reason(r.reasons))
                )
                row.append(pad(cell.render(lang), 10, right=True))
        print(f"{cal.scenario[:26]:<27}" + "".join(row))
        for problem in cal.problems:
            print(f"  ! {problem.render(lang)}")
    counts = [
        f"{p} {sum(1 for c in results for r in c.results if r.policy == p and r.pass_rate >= 1.0)}"
        for p in policies
        if p != "random"
    ]
    print(say("simulate.passes", total=len(results), counts=", ".join(counts)).render(lang))
    good = len(results) - sum(1 for c in results if c.problems)
    print(say("simulate.calibrated", good=good, total=len(results)).render(lang))
