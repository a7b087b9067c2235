"""Warnings about how content text will look in a terminal.

Characters of ambiguous width (CD500), and folded block scalars that put spaces into Chinese (CD504).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel

from simulator.spec.checks.issues import Issue
from simulator.spec.loading.yaml_positions import Loc, compose
from simulator.spec.messages import PHRASES, phrase, said

WIDE_OK = ""
"""Ambiguous-width characters tolerated in content: none (terminals set to "ambiguous = wide",
common in CJK locales, would draw them two cells wide and break the layout)."""
_EMOJI = "\U0001f000-\U0001faff\u2600-\u27bf\ufe0f\u200d"
_FOLDED = re.compile(r"(?:^|[:\-])[ \t]+>[-+0-9]*[ \t]*(?:#.*)?$", re.MULTILINE)
"""A line opening a folded block scalar (`key: >-`, `- >`): only such files are composed."""
_CJK = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")


@cache
def _ambiguous() -> re.Pattern[str]:
    """Characters whose width differs between terminals: East Asian width A, and emoji."""
    chars = [
        chr(code)
        for code in range(0x80, 0x10000)
        if unicodedata.east_asian_width(chr(code)) == "A"
        and chr(code) not in WIDE_OK
        and not 0xE000 <= code <= 0xF8FF
        and not 0xFE00 <= code <= 0xFE0F
    ]
    return re.compile("[" + re.escape("".join(chars)) + _EMOJI + "]")


def text_warnings(path: Path, model: BaseModel) -> Iterator[Issue]:
    """CD500 for each text holding a character of ambiguous width (… “ ” — · ① ○ ★ ※, emoji)."""
    pattern = _ambiguous()
    for loc, text in _texts(model, ()):
        match = pattern.search(text)
        if match is not None:
            char = match.group()
            key = f"width.{char}" if f"width.{char}" in PHRASES else "width.other"
            what = said("CD500", char=char, codepoint=ord(char), suggestion=phrase(key))
            yield Issue(path, loc, what, offset=match.start() + 1)


CONTROL = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ufff9-\ufffb]"
)
"""Characters that steer a terminal or reorder text: C0 (but tab and newline), DEL, C1, bidi."""


def control_errors(path: Path, model: BaseModel) -> Iterator[Issue]:
    """CD103 for each text holding a control character (e.g. an escape sequence written in YAML as a backslash-e).

    Such a character reaches the trainee's terminal: it can clear the screen, retitle the window or
    reorder a line. No content needs one.
    """
    for loc, text in _texts(model, ()):
        match = CONTROL.search(text)
        if match is not None:
            what = said("CD103.control", char=match.group())
            yield Issue(path, loc, what, offset=match.start() + 1)


def _texts(value: Any, loc: Loc) -> Iterator[tuple[Loc, str]]:
    if isinstance(value, str):
        yield loc, value
    elif isinstance(value, BaseModel):
        for name, item in value.__dict__.items():
            if item is not None and not isinstance(item, (bool, int, float)):
                yield from _texts(item, (*loc, name))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _texts(item, (*loc, index))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _texts(item, (*loc, key))


def folded_warnings(path: Path) -> Iterator[Issue]:
    """CD504 for each folded block scalar (`>`, `>-`) holding Chinese.

    YAML joins the lines of a folded scalar with spaces; inside a Chinese sentence a space shows.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return
    if _FOLDED.search(text) is None:
        return
    for loc, node in _scalars(compose(text), ()):
        if node.style == ">" and _CJK.search(node.value):
            indicator = _indicator(text, node)
            yield Issue(path, loc, said("CD504", indicator=indicator))


def _scalars(node: yaml.Node | None, loc: Loc) -> Iterator[tuple[Loc, yaml.ScalarNode]]:
    if isinstance(node, yaml.ScalarNode):
        yield loc, node
    elif isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode):
                yield from _scalars(value, (*loc, key.value))
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            yield from _scalars(item, (*loc, index))


def _indicator(text: str, node: yaml.Node) -> str:
    """The block indicator as written (`>`, `>-`, `>+`, `>2-`)."""
    lines = text.split("\n")
    line = lines[node.start_mark.line] if node.start_mark.line < len(lines) else ""
    written = line[node.start_mark.column :].split("#", 1)[0].split()
    return written[0] if written else ">"
