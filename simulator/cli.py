"""The `calldojo` command: the composition root (content, store and app are built here)."""

from __future__ import annotations

import argparse
import io
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TextIO

from simulator import __version__
from simulator.messages import EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE, say
from simulator.preferences import choose_lang, locale_lang
from simulator.wording import Lang, printable

POLICY_NAMES = (
    "ideal, empathetic, cold, pushy, aggressive, opening_then_aggressive, random, longest, politest"
)
"""For `simulate --help` (the policies themselves are `simulator.spec.models.common.POLICIES`)."""
_OPTIONS = {
    "validate": ("content", "lang"),
    "list": ("content", "lang"),
    "play": ("content", "lang"),
    "analyze": ("content", "lang"),
    "coverage": ("content", "lang"),
    "simulate": ("content", "lang"),
    "schema": ("lang",),
    "practice": ("content", "lang", "db"),
}
"""The shared options each command uses (the app, with no command, takes all three)."""
_Translate = Callable[..., str]


def headless_lang(explicit: str | None, environ: dict[str, str] | None = None) -> Lang:
    """The language of the headless commands: `--lang`, else the system locale, else English."""
    return "zh" if choose_lang(explicit, None, locale_lang(environ) or "en") == "zh" else "en"


def build_parser(lang: Lang = "en") -> argparse.ArgumentParser:
    """The argument parser (also documents every command in `--help`), its texts in `lang`."""

    def t(key: str, **fields: str) -> str:
        return say(key, **fields).render(lang)

    class Formatter(argparse.RawDescriptionHelpFormatter):
        """Help with its `usage:` prefix in `lang` (argparse's own words are English)."""

        def add_usage(self, usage: Any, actions: Any, groups: Any, prefix: Any = None) -> None:
            super().add_usage(usage, actions, groups, t("cli.usage") if prefix is None else prefix)

    def titled(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
        parser._positionals.title = t("cli.positionals")
        parser._optionals.title = t("cli.options")
        parser.add_argument("-h", "--help", action="help", help=t("opt.help"))
        return parser

    parser = titled(
        argparse.ArgumentParser(
            prog="calldojo",
            description=t("cli.description"),
            epilog=t("cli.epilog"),
            add_help=False,
            formatter_class=Formatter,
        )
    )
    parser.add_argument(
        "--version", action="version", version=f"calldojo {__version__}", help=t("opt.version")
    )
    _add_common(parser, t, ("content", "lang", "db"), defaults=True)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", title=t("cli.commands"))

    def command(name: str) -> argparse.ArgumentParser:
        child = titled(
            sub.add_parser(
                name,
                help=t(f"cmd.{name}"),
                description=t(f"cmd.{name}"),
                epilog=t(f"exit.{name}"),
                add_help=False,
                formatter_class=Formatter,
            )
        )
        _add_common(child, t, _OPTIONS[name], defaults=False)
        return child

    validate = command("validate")
    validate.add_argument("paths", nargs="*", type=Path, help=t("opt.paths"))
    validate.add_argument("--json", action="store_true", help=t("opt.json"))
    listing = command("list")
    listing.add_argument("--json", action="store_true", help=t("opt.json"))
    play = command("play")
    play.add_argument("scenario", metavar="SCENARIO_ID", help=t("opt.scenario"))
    play.add_argument("--choices", required=True, help=t("opt.choices"))
    play.add_argument("--seed", type=int, default=0, help=t("opt.seed"))
    play.add_argument("--json", action="store_true", help=t("opt.json"))
    analyze = command("analyze")
    analyze.add_argument("scenario", metavar="SCENARIO_ID", help=t("opt.scenario"))
    analyze.add_argument("--json", action="store_true", help=t("opt.json"))
    analyze.add_argument("--max-states", type=_positive, default=300_000, help=t("opt.max_states"))
    coverage = command("coverage")
    coverage.add_argument("--json", action="store_true", help=t("opt.json"))
    simulate = command("simulate")
    simulate.add_argument("scenarios", nargs="*", metavar="SCENARIO_ID", help=t("opt.scenarios"))
    simulate.add_argument(
        "--policy",
        action="append",
        default=[],
        metavar="NAME",
        help=t("opt.policy", policies=POLICY_NAMES),
    )
    simulate.add_argument("--json", action="store_true", help=t("opt.json"))
    schema = command("schema")
    schema.add_argument(
        "kind", choices=("scenario", "persona", "rubric", "rules"), help=t("opt.kind")
    )
    practice = command("practice")
    practice.add_argument("scenario", metavar="SCENARIO_ID", help=t("opt.scenario"))
    return parser


def _add_common(
    parser: argparse.ArgumentParser, t: _Translate, names: Sequence[str], *, defaults: bool
) -> None:
    """--content, --lang, --db (those `names`): accepted before or after the command."""
    unset = argparse.SUPPRESS
    if "content" in names:
        parser.add_argument(
            "--content",
            metavar="DIR",
            type=Path,
            default=os.environ.get("CALLDOJO_CONTENT") if defaults else unset,
            help=t("opt.content"),
        )
    if "lang" in names:
        parser.add_argument(
            "--lang", choices=("zh", "en"), default=None if defaults else unset, help=t("opt.lang")
        )
    if "db" in names:
        parser.add_argument(
            "--db",
            metavar="URL",
            default=os.environ.get("CALLDOJO_DB") if defaults else unset,
            help=t("opt.db"),
        )


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `calldojo` console script."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    args = build_parser(headless_lang(_lang_option(args_list))).parse_args(args_list)
    if args.command not in (None, "practice"):
        _printable_streams()  # headless output never carries content's control characters
    try:
        return _dispatch(args)
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        return EXIT_OK


def _positive(value: str) -> int:
    """An argparse type: a whole number of at least 1."""
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"{value!r}: give a whole number of at least 1")
    return number


class _Printable(io.TextIOBase):
    """A text stream that shows control characters as visible escapes instead of sending them."""

    def __init__(self, inner: TextIO) -> None:
        self.inner = inner

    def write(self, text: str) -> int:
        self.inner.write(printable(text))
        return len(text)

    def flush(self) -> None:
        self.inner.flush()

    def isatty(self) -> bool:
        return self.inner.isatty()


def _printable_streams() -> None:
    if not isinstance(sys.stdout, _Printable):
        sys.stdout = _Printable(sys.stdout)
    if not isinstance(sys.stderr, _Printable):
        sys.stderr = _Printable(sys.stderr)


def _lang_option(argv: Sequence[str]) -> str | None:
    """`--lang` read ahead of parsing, so `--help` and usage errors speak it too."""
    for index, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == "--lang" and index + 1 < len(argv):
            return argv[index + 1]
        if arg.startswith("--lang="):
            return arg.partition("=")[2]
    return None


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

    lang = headless_lang(args.lang)
    if args.command == "schema":
        return schema_command(args.kind)
    content = _content_root(args.content, lang)
    if content is None:
        return EXIT_USAGE
    if args.command == "validate":
        return validate_command(content, args.paths, as_json=args.json, lang=lang)
    if args.command == "list":
        return list_command(content, as_json=args.json, lang=lang)
    if args.command == "play":
        return play_command(
            content, args.scenario, args.choices, seed=args.seed, as_json=args.json, lang=lang
        )
    if args.command == "coverage":
        return coverage_command(content, as_json=args.json, lang=lang)
    if args.command == "simulate":
        return simulate_command(content, args.scenarios, args.policy, as_json=args.json, lang=lang)
    if args.command == "analyze":
        return analyze_command(
            content, args.scenario, as_json=args.json, max_states=args.max_states, lang=lang
        )
    return EXIT_USAGE


def _content_root(option: Path | str | None, lang: Lang) -> Path | None:
    from simulator.locations import default_content_root

    return _checked_root(Path(option) if option else default_content_root(), lang)


def _checked_root(root: Path, lang: Lang) -> Path | None:
    if not (root / "scenarios").is_dir():
        print(f"calldojo: {say('err.not_library', root=str(root)).render(lang)}", file=sys.stderr)
        return None
    return root


def _run_app(
    option: Path | str | None, lang: str | None, db: str | None, scenario_id: str | None
) -> int:
    """The practice app. Imports only the app; it loads the library itself after its first frame."""
    from scoring import DATA_DIR
    from simulator.locations import default_content_root

    root = Path(option) if option else default_content_root()
    content = _checked_root(root, headless_lang(lang))
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
