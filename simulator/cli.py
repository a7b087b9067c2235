"""The `calldojo` command: the composition root (content, store and app are built here)."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from simulator import __version__

EXIT_OK, EXIT_FOUND, EXIT_USAGE = 0, 1, 2


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (also documents every command in `--help`)."""
    parser = argparse.ArgumentParser(
        prog="calldojo",
        description="CallDojo: practise debt-collection calls against scripted debtor personas. "
        "With no command, opens the practice app.",
    )
    parser.add_argument("--version", action="version", version=f"calldojo {__version__}")
    _add_common(parser, defaults=True)
    common = argparse.ArgumentParser(add_help=False)
    _add_common(common, defaults=False)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    validate = sub.add_parser(
        "validate",
        parents=[common],
        help="check content files; prints path:line:col: CODE message (hint)",
    )
    validate.add_argument(
        "paths", nargs="*", type=Path, help="files or folders (default: the whole content library)"
    )
    validate.add_argument("--json", action="store_true", help="print a JSON list of diagnostics")
    listing = sub.add_parser("list", parents=[common], help="list the scenarios of the library")
    listing.add_argument("--json", action="store_true", help="print JSON")
    play = sub.add_parser(
        "play",
        parents=[common],
        help="play a scenario headless from a list of choice ids and score it",
    )
    play.add_argument("scenario", metavar="SCENARIO_ID")
    play.add_argument(
        "--choices", required=True, help="comma-separated choice ids (_silence for a silence)"
    )
    play.add_argument("--seed", type=int, default=0, help="seed for line wording (default 0)")
    play.add_argument("--json", action="store_true", help="print the result as JSON")
    analyze = sub.add_parser(
        "analyze", parents=[common], help="explore every reachable state of a scenario and report"
    )
    analyze.add_argument("scenario", metavar="SCENARIO_ID")
    analyze.add_argument("--json", action="store_true", help="print the report as JSON")
    analyze.add_argument(
        "--max-states",
        type=int,
        default=300_000,
        help="stop past this many states (default 300000)",
    )
    coverage = sub.add_parser(
        "coverage",
        parents=[common],
        help="per compliance rule, the scenarios where it can be violated",
    )
    coverage.add_argument("--json", action="store_true", help="print JSON")
    simulate = sub.add_parser(
        "simulate",
        parents=[common],
        help="scripted trainee policies play scenarios; pass rates and scores against each "
        "scenario's calibration (exit 1 when one is miscalibrated)",
    )
    simulate.add_argument(
        "scenarios", nargs="*", metavar="SCENARIO_ID", help="scenarios (default: the whole library)"
    )
    simulate.add_argument(
        "--policy",
        action="append",
        default=[],
        metavar="NAME",
        help="only this policy (repeatable): ideal, empathetic, cold, pushy, aggressive, "
        "opening_then_aggressive, random, longest, politest",
    )
    simulate.add_argument("--json", action="store_true", help="print JSON")
    schema = sub.add_parser(
        "schema",
        parents=[common],
        help="print the JSON Schema of a content format (for editor autocompletion)",
    )
    schema.add_argument("kind", choices=("scenario", "persona", "rubric", "rules"))
    practice = sub.add_parser(
        "practice", parents=[common], help="open the app straight on a scenario's case file"
    )
    practice.add_argument("scenario", metavar="SCENARIO_ID")
    return parser


def _add_common(parser: argparse.ArgumentParser, *, defaults: bool) -> None:
    """--content, --lang, --db: accepted before or after the command."""
    unset = argparse.SUPPRESS
    parser.add_argument(
        "--content",
        metavar="DIR",
        type=Path,
        default=os.environ.get("CALLDOJO_CONTENT") if defaults else unset,
        help="a content library with personas/ and scenarios/ (default: the bundled library; env CALLDOJO_CONTENT)",
    )
    parser.add_argument(
        "--lang",
        choices=("zh", "en"),
        default=None if defaults else unset,
        help="UI language (default: the one chosen last time in the app, else the system locale, else zh)",
    )
    parser.add_argument(
        "--db",
        metavar="URL",
        default=os.environ.get("CALLDOJO_DB") if defaults else unset,
        help="results database URL (default: SQLite in the user data folder; "
        "postgresql+psycopg://user@host/db for PostgreSQL; env CALLDOJO_DB)",
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `calldojo` console script."""
    args = build_parser().parse_args(argv)
    try:
        return _dispatch(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK


def _dispatch(args: argparse.Namespace) -> int:
    if args.command in (None, "practice"):
        # The app path imports only the app: start-up to Home is a measured feature.
        return _run_app(args.content, args.lang, args.db, getattr(args, "scenario", None))
    from simulator.commands import (
        analyze_command,
        coverage_command,
        list_command,
        play_command,
        schema_command,
        simulate_command,
        validate_command,
    )

    if args.command == "schema":
        return schema_command(args.kind)
    content = _content_root(args.content)
    if content is None:
        return EXIT_USAGE
    if args.command == "validate":
        return validate_command(content, args.paths, as_json=args.json)
    if args.command == "list":
        return list_command(content, as_json=args.json)
    if args.command == "play":
        return play_command(content, args.scenario, args.choices, seed=args.seed, as_json=args.json)
    if args.command == "coverage":
        return coverage_command(content, as_json=args.json)
    if args.command == "simulate":
        return simulate_command(content, args.scenarios, args.policy, as_json=args.json)
    if args.command == "analyze":
        return analyze_command(
            content, args.scenario, as_json=args.json, max_states=args.max_states
        )
    return EXIT_USAGE


def _content_root(option: Path | str | None) -> Path | None:
    from simulator.locations import default_content_root

    return _checked_root(Path(option) if option else default_content_root())


def _checked_root(root: Path) -> Path | None:
    if not (root / "scenarios").is_dir():
        print(
            f"calldojo: {root} is not a content library (no scenarios/ folder inside); "
            "point --content (or CALLDOJO_CONTENT) at a folder holding personas/ and scenarios/",
            file=sys.stderr,
        )
        return None
    return root


def _run_app(
    option: Path | str | None, lang: str | None, db: str | None, scenario_id: str | None
) -> int:
    """The practice app. Imports only the app; it loads the library itself after its first frame."""
    from scoring import DATA_DIR
    from simulator.locations import default_content_root

    content = _checked_root(Path(option) if option else default_content_root())
    if content is None:
        return EXIT_USAGE
    from simulator.store.urls import url_problem

    problem = url_problem(db) if db else None
    if problem is not None:
        print(f"calldojo: --db: {problem}", file=sys.stderr)
        return EXIT_USAGE
    from simulator.tui.app import run_app

    return run_app(
        content_root=content,
        data_dirs=(DATA_DIR,),
        lang=lang,
        db_url=db,
        scenario_id=scenario_id,
    )
