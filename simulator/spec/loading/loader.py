"""Reading one YAML content file into a validated, frozen model, or diagnostics (never a traceback).

The happy path parses once with libyaml (`CSafeLoader`) through a constructor that refuses
aliases and duplicate keys as it builds the data; the file is composed again only when there is
a schema error to position (see `schema_errors`).
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from simulator.spec.diagnostics import Diagnostic, DiagnosticError
from simulator.spec.loading.schema_errors import schema_diagnostics
from simulator.spec.messages import Said, phrase, said, yaml_problem
from simulator.spec.models.persona import PersonaSpec
from simulator.spec.models.rubric import RubricSpec
from simulator.spec.models.rulepack import RulePackSpec
from simulator.spec.models.scenario import ScenarioSpec

_BaseLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
MAX_BYTES = 1_000_000
"""Content files larger than this are refused (a scenario is a few tens of kB)."""
MAX_FLOW_DEPTH = 64
"""Deeper `[`/`{` nesting is refused before parsing (libyaml is slow on 20,000 levels)."""

M = TypeVar("M", bound=BaseModel)
_TAB_INDENT = re.compile(r"^ *\t", re.MULTILINE)
_WIDE_COLON = re.compile(r"[ \t]*(?:-[ \t]+)?([A-Za-z_][A-Za-z0-9_]*)[ \t]*：")
"""A key followed by a full-width colon, the commonest slip of a Chinese input method (CD116)."""
_QUOTED = re.compile(r"'([^']*)'")


class _Refused(Exception):
    """Raised inside the constructor; carries one diagnostic without its path."""

    def __init__(self, what: Said, node: yaml.Node) -> None:
        super().__init__(what.message())
        self.said = what
        self.line, self.col = node.start_mark.line + 1, node.start_mark.column + 1


class ContentLoader(_BaseLoader):  # type: ignore[misc]
    """The safe C loader, refusing aliases and duplicate mapping keys while constructing."""

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        """Construct a node; a node seen twice can only come from an alias."""
        if node in self.constructed_objects or node in self.recursive_objects:
            raise _Refused(said("CD112"), node)
        return super().construct_object(node, deep)

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        """Construct a mapping, refusing a key that appears twice."""
        seen: dict[object, yaml.Node] = {}
        for key_node, _ in node.value:
            if isinstance(key_node, yaml.ScalarNode):
                key = (key_node.tag, key_node.value)
                first = seen.setdefault(key, key_node)
                if first is not key_node:
                    line = first.start_mark.line + 1
                    raise _Refused(said("CD113", key=key_node.value, first=line), key_node)
        return super().construct_mapping(node, deep)  # type: ignore[no-any-return]


class _NotRegular(OSError):
    """A FIFO, device, socket or folder where a content file should be."""


class _TooLarge(OSError):
    def __init__(self, size: int) -> None:
        super().__init__(size)
        self.size = size


def _read_bounded(path: Path) -> bytes:
    """The bytes of a regular file of at most MAX_BYTES, never blocking on a FIFO or a device.

    Opened without blocking and checked with fstat before reading; the read itself is bounded
    too (a file growing while it is read cannot exhaust memory).
    """
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise _NotRegular(str(path))
        if info.st_size > MAX_BYTES:
            raise _TooLarge(info.st_size)
        data = handle.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise _TooLarge(len(data))
    return data


def read_text(path: Path) -> str:
    """Read a content file as UTF-8 text, or raise DiagnosticError."""
    display = str(path)
    try:
        data = _read_bounded(path)
    except FileNotFoundError:
        raise _error(said("CD100.missing"), display) from None
    except _NotRegular:
        raise _error(said("CD100.special"), display) from None
    except _TooLarge as big:
        raise _error(said("CD101", size=big.size, limit=MAX_BYTES), display) from None
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise _error(said("CD100.unreadable", reason=reason), display) from None
    if b"\x00" in data:
        line, col = _byte_position(data, data.index(b"\x00"))
        raise _error(said("CD103.binary"), display, line, col)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, col = _byte_position(data, exc.start)
        raise _error(said("CD102"), display, line, col) from None
    return text.removeprefix("\ufeff")


def parse_yaml(text: str, display: str) -> dict[str, Any]:
    """Parse YAML text into a top-level mapping, or raise DiagnosticError with line and column."""
    _check_depth(text, display)
    try:
        data = yaml.load(text, Loader=ContentLoader)  # noqa: S506 - safe C loader subclass
    except _Refused as exc:
        line, col = _alias_position(text) if exc.said.code == "CD112" else (exc.line, exc.col)
        raise _error(exc.said, display, line or exc.line, col or exc.col) from None
    except yaml.YAMLError as exc:
        raise DiagnosticError([_yaml_error(exc, text, display)]) from None
    if data is None:
        raise _error(said("CD104"), display)
    if not isinstance(data, dict):
        kind = (
            phrase("top.list")
            if isinstance(data, list)
            else phrase("top.value", type=type(data).__name__)
        )
        raise _error(said("CD105", kind=kind), display)
    return data


def validate_model(model: type[M], data: Any, display: str, text: str = "") -> M:
    """Validate parsed data into a model, or raise DiagnosticError positioned in `text`."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise DiagnosticError(schema_diagnostics(model, exc, text, display)) from None
    except RecursionError:
        raise _error(said("CD115.deep"), display) from None


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


def _error(what: Said, display: str, line: int = 1, col: int = 1) -> DiagnosticError:
    return DiagnosticError([Diagnostic(display, line, col, what)])


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
                raise _error(said("CD115.flow", limit=MAX_FLOW_DEPTH), display, line, col)
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
            tag = _QUOTED.search(problem)
            return Diagnostic(
                display, line, col, said("CD114", tag=tag.group(1) if tag else problem)
            )
        found = _tab_diagnostic(text, display, line) or _wide_colon(text, display, line)
        if found is not None:
            return found
        if "expected a single document" in str(exc.context):
            return Diagnostic(display, line, col, said("CD110.documents"))
        return Diagnostic(display, line, col, said("CD110.syntax", problem=yaml_problem(problem)))
    if isinstance(exc, yaml.reader.ReaderError):  # the C reader reports an offset, not a mark
        line = text.count("\n", 0, exc.position) + 1
        col = exc.position - (text.rfind("\n", 0, exc.position) + 1) + 1
        char = chr(exc.character) if isinstance(exc.character, int) else str(exc.character)
        return Diagnostic(display, line, col, said("CD103.control", char=char))
    return Diagnostic(display, 1, 1, said("CD110.other", detail=str(exc)))


def _tab_diagnostic(text: str, display: str, error_line: int) -> Diagnostic | None:
    """A tab in the indentation at or before the error's line, which libyaml reports obscurely."""
    tab = _TAB_INDENT.search(text)
    if tab is None:
        return None
    line = text.count("\n", 0, tab.start()) + 1
    if line > error_line:
        return None
    col = tab.end() - tab.start()
    return Diagnostic(display, line, col, said("CD111"))


def _wide_colon(text: str, display: str, error_line: int) -> Diagnostic | None:
    """A `key：` (full-width colon) just before the error: libyaml reports the slip on the next line."""
    lines = text.split("\n")
    for index in range(min(error_line, len(lines)) - 1, -1, -1):
        match = _WIDE_COLON.match(lines[index])
        if match is not None:
            return Diagnostic(display, index + 1, match.end(), said("CD116", key=match.group(1)))
        if (
            index < error_line - 1
            and lines[index].strip()
            and not lines[index].lstrip().startswith("#")
        ):
            return None  # a line of content between the slip and the error: not the cause
    return None
