"""Reading one YAML content file into a validated, frozen model, or diagnostics (never a traceback).

The happy path parses once with libyaml (`CSafeLoader`) through a constructor that refuses
aliases and duplicate keys as it builds the data; the file is composed again only when there is
a schema error to position (see `positions`).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from simulator.spec.diagnostics import Diagnostic, DiagnosticError
from simulator.spec.persona import PersonaSpec
from simulator.spec.positions import schema_diagnostics
from simulator.spec.rubric import RubricSpec
from simulator.spec.rulepack import RulePackSpec
from simulator.spec.scenario import ScenarioSpec

_BaseLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
MAX_BYTES = 1_000_000
"""Content files larger than this are refused (a scenario is a few tens of kB)."""
MAX_FLOW_DEPTH = 64
"""Deeper `[`/`{` nesting is refused before parsing (libyaml is slow on 20,000 levels)."""

M = TypeVar("M", bound=BaseModel)
_TAB_INDENT = re.compile(r"^ *\t", re.MULTILINE)


class _Refused(Exception):
    """Raised inside the constructor; carries one diagnostic without its path."""

    def __init__(self, code: str, node: yaml.Node, message: str, hint: str) -> None:
        super().__init__(message)
        self.code, self.message, self.hint = code, message, hint
        self.line, self.col = node.start_mark.line + 1, node.start_mark.column + 1


class ContentLoader(_BaseLoader):  # type: ignore[misc]
    """The safe C loader, refusing aliases and duplicate mapping keys while constructing."""

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        """Construct a node; a node seen twice can only come from an alias."""
        if node in self.constructed_objects or node in self.recursive_objects:
            raise _Refused(
                "CD112",
                node,
                "YAML anchors and aliases (&name / *name) are not allowed",
                "write the value out in full; an alias can expand to a huge document",
            )
        return super().construct_object(node, deep)

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        """Construct a mapping, refusing a key that appears twice."""
        seen: dict[object, yaml.Node] = {}
        for key_node, _ in node.value:
            if isinstance(key_node, yaml.ScalarNode):
                key = (key_node.tag, key_node.value)
                first = seen.setdefault(key, key_node)
                if first is not key_node:
                    raise _Refused(
                        "CD113",
                        key_node,
                        f"duplicate key {key_node.value!r} (first at line {first.start_mark.line + 1})",
                        f"YAML keeps only the last one; merge the two or delete one (line {first.start_mark.line + 1})",
                    )
        return super().construct_mapping(node, deep)  # type: ignore[no-any-return]


def read_text(path: Path) -> str:
    """Read a content file as UTF-8 text, or raise DiagnosticError."""
    display = str(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise _error("CD100", display, 1, 1, "file not found", "check the path") from None
    except OSError as exc:
        raise _error("CD100", display, 1, 1, f"cannot read file: {exc.strerror}", "") from None
    if len(data) > MAX_BYTES:
        raise _error(
            "CD101",
            display,
            1,
            1,
            f"file is {len(data):,} bytes; the limit is {MAX_BYTES:,}",
            "split it",
        )
    if b"\x00" in data:
        line, col = _byte_position(data, data.index(b"\x00"))
        raise _error(
            "CD103",
            display,
            line,
            col,
            "binary file (contains NUL bytes)",
            "content files are UTF-8 YAML text",
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, col = _byte_position(data, exc.start)
        raise _error(
            "CD102",
            display,
            line,
            col,
            "file is not UTF-8 text",
            "save it as UTF-8 (not GBK or UTF-16)",
        ) from None
    return text.removeprefix("\ufeff")


def parse_yaml(text: str, display: str) -> dict[str, Any]:
    """Parse YAML text into a top-level mapping, or raise DiagnosticError with line and column."""
    _check_depth(text, display)
    try:
        data = yaml.load(text, Loader=ContentLoader)  # noqa: S506 - safe C loader subclass
    except _Refused as exc:
        line, col = _alias_position(text) if exc.code == "CD112" else (exc.line, exc.col)
        raise _error(
            exc.code, display, line or exc.line, col or exc.col, exc.message, exc.hint
        ) from None
    except yaml.YAMLError as exc:
        raise DiagnosticError([_yaml_error(exc, text, display)]) from None
    if data is None:
        raise _error(
            "CD104",
            display,
            1,
            1,
            "empty file",
            "start from a template in docs/ or an existing file",
        )
    if not isinstance(data, dict):
        kind = "a list" if isinstance(data, list) else f"a single value ({type(data).__name__})"
        raise _error(
            "CD105",
            display,
            1,
            1,
            f"the top level is {kind}, not a mapping",
            "write `key: value` lines at the top level",
        )
    return data


def validate_model(model: type[M], data: Any, display: str, text: str = "") -> M:
    """Validate parsed data into a model, or raise DiagnosticError positioned in `text`."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise DiagnosticError(schema_diagnostics(model, exc, text, display)) from None
    except RecursionError:
        raise _error(
            "CD115", display, 1, 1, "the data is nested too deeply", "flatten it"
        ) from None


def load_model(model: type[M], path: Path) -> M:
    """Read, parse and validate one file."""
    display = str(path)
    text = read_text(path)
    return validate_model(model, parse_yaml(text, display), display, text)


def load_persona(path: Path) -> PersonaSpec:
    """Load a `*.persona.yaml` file."""
    return load_model(PersonaSpec, path)


def load_scenario(path: Path) -> ScenarioSpec:
    """Load a `*.scenario.yaml` file."""
    return load_model(ScenarioSpec, path)


def load_rubric(path: Path) -> RubricSpec:
    """Load a `*.rubric.yaml` file."""
    return load_model(RubricSpec, path)


def load_rulepack(path: Path) -> RulePackSpec:
    """Load a `*.rules.yaml` file."""
    return load_model(RulePackSpec, path)


def _error(
    code: str, display: str, line: int, col: int, message: str, hint: str
) -> DiagnosticError:
    return DiagnosticError([Diagnostic(code, display, line, col, message, hint)])


def _byte_position(data: bytes, offset: int) -> tuple[int, int]:
    line_start = data.rfind(b"\n", 0, offset) + 1
    return data.count(b"\n", 0, offset) + 1, offset - line_start + 1


def _check_depth(text: str, display: str) -> None:
    """Refuse deep flow nesting cheaply: only files with many brackets are scanned."""
    if text.count("[") + text.count("{") <= MAX_FLOW_DEPTH:
        return
    depth = 0
    for index, char in enumerate(text):
        if char in "[{":
            depth += 1
            if depth > MAX_FLOW_DEPTH:
                line = text.count("\n", 0, index) + 1
                col = index - (text.rfind("\n", 0, index) + 1) + 1
                raise _error(
                    "CD115",
                    display,
                    line,
                    col,
                    f"nested deeper than {MAX_FLOW_DEPTH} levels",
                    "flatten the data",
                )
        elif char in "]}":
            depth = max(0, depth - 1)


def _alias_position(text: str) -> tuple[int, int]:
    """The line and column of the first alias (`*name`) in the event stream, or (0, 0)."""
    try:
        for event in yaml.parse(text, Loader=_BaseLoader):
            if isinstance(event, yaml.AliasEvent) and event.start_mark is not None:
                return event.start_mark.line + 1, event.start_mark.column + 1
    except yaml.YAMLError:
        pass
    return 0, 0


def _yaml_error(exc: yaml.YAMLError, text: str, display: str) -> Diagnostic:
    """Translate a PyYAML error into a diagnostic with a stable code."""
    if isinstance(exc, yaml.MarkedYAMLError):
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = exc.problem or "syntax error"
        if isinstance(exc, yaml.constructor.ConstructorError) and "tag" in problem:
            return Diagnostic(
                "CD114",
                display,
                line,
                col,
                f"tag not allowed: {problem}",
                "remove the `!tag`; content is plain data",
            )
        tab = _tab_diagnostic(text, display, line)
        if tab is not None:
            return tab
        if "expected a single document" in str(exc.context):
            return Diagnostic(
                "CD110",
                display,
                line,
                col,
                "more than one YAML document (`---`) in the file",
                "keep one document per file",
            )
        return Diagnostic(
            "CD110",
            display,
            line,
            col,
            f"YAML syntax error: {problem}",
            "check quoting and indentation around here",
        )
    if isinstance(exc, yaml.reader.ReaderError):  # the C reader reports an offset, not a mark
        line = text.count("\n", 0, exc.position) + 1
        col = exc.position - (text.rfind("\n", 0, exc.position) + 1) + 1
        return Diagnostic(
            "CD103",
            display,
            line,
            col,
            f"control character {exc.character!r} in the text",
            "delete it",
        )
    return Diagnostic("CD110", display, 1, 1, f"YAML error: {exc}", "")


def _tab_diagnostic(text: str, display: str, error_line: int) -> Diagnostic | None:
    """A tab in the indentation at or before the error's line, which libyaml reports obscurely."""
    tab = _TAB_INDENT.search(text)
    if tab is None:
        return None
    line = text.count("\n", 0, tab.start()) + 1
    if line > error_line:
        return None
    col = tab.end() - tab.start()
    return Diagnostic(
        "CD111", display, line, col, "tab character in indentation", "indent with spaces only"
    )
