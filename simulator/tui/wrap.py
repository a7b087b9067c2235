"""Line breaking for Chinese and mixed text, by terminal cells.

Rich folds a long unspaced CJK run at any cell, so "约定500元" can break as "约定50" / "0元". Here a
line may break between two CJK characters, at a space, or around CJK punctuation, but never inside a
run of ASCII characters (digits, letters, "12,850.00", "A2047", "CN-3P-DISCLOSE"). Closing
punctuation (，。）」...) never starts a line and opening punctuation (（「...) never ends one.
Only a single unit wider than the line is cut (nothing else fits).

`Wrapped` and `Hanging` are Rich renderables that wrap this way at the width they are given, so a
Static or a table cell reflows when the terminal is resized.
"""

from __future__ import annotations

from collections.abc import Iterator

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.segment import Segment
from rich.text import Text

CLOSING = frozenset("，。、；：？！）」』》〉】〕”’,.;:?!)]}%")
"""Never at the start of a line: stays with the character before it."""
OPENING = frozenset("（「『《〈【〔“‘([{")
"""Never at the end of a line: goes with the character after it."""


Unit = tuple[int, int, tuple[tuple[int, int], ...]]
"""An unbreakable piece: start, end, and the pieces it joins (cut there first if too wide)."""


def _units(text: str) -> list[Unit]:
    """Unbreakable pieces of a line without newlines; spaces are pieces of their own.

    An ASCII run (no spaces) is one piece; every other character is one piece; closing
    punctuation joins the piece before it and opening punctuation the piece after it.
    """
    raw: list[tuple[int, int]] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        j = i + 1
        if ch == " ":
            while j < n and text[j] == " ":
                j += 1
        elif ch.isascii() and ch not in OPENING:
            while j < n and text[j].isascii() and text[j] != " " and text[j] not in OPENING:
                j += 1
        raw.append((i, j))
        i = j
    units: list[list[tuple[int, int]]] = []
    opening: list[tuple[int, int]] = []
    for start, end in raw:
        piece = text[start:end]
        if len(piece) == 1 and piece in OPENING:
            opening.append((start, end))
            continue
        if not opening and units and piece[0] in CLOSING and text[units[-1][-1][1] - 1] != " ":
            units[-1].append((start, end))
            continue
        units.append([*opening, (start, end)])
        opening = []
    if opening:
        units.append(opening)
    return [(parts[0][0], parts[-1][1], tuple(parts)) for parts in units]


def _cut(text: str, start: int, end: int, width: int) -> Iterator[tuple[int, int]]:
    """A piece wider than `width`, cut into lines of at most `width` cells (at least one char)."""
    line_start, used = start, 0
    for k in range(start, end):
        w = cell_len(text[k])
        if used and used + w > width:
            yield line_start, k
            line_start, used = k, 0
        used += w
    yield line_start, end


def line_spans(text: str, width: int) -> list[tuple[int, int]]:
    """Where each wrapped line starts and ends in `text` (spaces at a break are left out)."""
    width = max(1, width)
    spans: list[tuple[int, int]] = []
    offset = 0
    for paragraph in text.split("\n"):
        spans.extend((offset + a, offset + b) for a, b in _paragraph_spans(paragraph, width))
        offset += len(paragraph) + 1
    return spans


def _paragraph_spans(text: str, width: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    line_start: int | None = None
    line_end = 0
    used = 0
    work = _units(text)
    work.reverse()
    while work:
        start, end, parts = work.pop()
        piece = text[start:end]
        w = cell_len(piece)
        if piece[0] == " " and start > 0:
            if line_start is not None:
                used += w  # kept only if a word follows on this line
            continue
        if line_start is not None and used + w <= width:
            used, line_end = used + w, end
            continue
        if w > width and len(parts) > 1:  # too wide even alone: give up the punctuation rule
            work.extend((a, b, ((a, b),)) for a, b in reversed(parts))
            continue
        if line_start is not None:
            spans.append((line_start, line_end))
        if w > width:
            cuts = list(_cut(text, start, end, width))
            spans.extend(cuts[:-1])
            start = cuts[-1][0]
            w = cell_len(text[start:end])
        line_start, line_end, used = start, end, w
    spans.append((line_start, line_end) if line_start is not None else (0, 0))
    return spans


def wrap(text: str, width: int) -> list[str]:
    """`text` broken into lines of at most `width` cells (a single wider unit is cut)."""
    return [text[a:b] for a, b in line_spans(text, width)]


def shorten(text: str, width: int, mark: str = "...") -> str:
    """`text` cut to at most `width` cells, with `mark` at the end when anything was cut."""
    if cell_len(text) <= width:
        return text
    room = max(0, width - cell_len(mark))
    used, end = 0, 0
    for k, ch in enumerate(text):
        w = cell_len(ch)
        if used + w > room:
            break
        used, end = used + w, k + 1
    return text[:end].rstrip() + mark


def _as_text(text: str | Text) -> Text:
    return Text(text) if isinstance(text, str) else text


def _widest_unit(text: str) -> int:
    return max((cell_len(text[a:b]) for a, b, _ in _units(text) if text[a] != " "), default=0)


def wrap_text(text: Text, width: int) -> list[Text]:
    """A Rich Text broken like `wrap`, its styles kept on every line."""
    return [text[a:b] for a, b in line_spans(text.plain, width)]


def _line(console: Console, *parts: Text | Segment) -> Iterator[Segment]:
    for part in parts:
        if isinstance(part, Segment):
            yield part
        elif part.style:  # Text.render leaves the base style to its caller
            yield from Segment.apply_style(part.render(console), console.get_style(part.style))
        else:
            yield from part.render(console)
    yield Segment.line()


class Wrapped:
    """A Text wrapped with `line_spans` at the render width; its styles are kept."""

    def __init__(self, text: str | Text) -> None:
        self.text = _as_text(text)

    def __str__(self) -> str:
        return self.text.plain

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        plain = self.text.plain
        widest = max((cell_len(line) for line in plain.split("\n")), default=0)
        return Measurement(min(_widest_unit(plain), widest), widest)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        for line in wrap_text(self.text, options.max_width):
            yield from _line(console, line)


class Hanging:
    """`label` in a column `indent` cells wide, `body` wrapped to its right (hanging indent).

    When the line is too narrow for the column plus `min_body` cells, the label gets a line of
    its own and the body follows below it, indented by two cells.
    """

    def __init__(
        self, label: str | Text, body: str | Text, indent: int, *, min_body: int = 8
    ) -> None:
        self.label = _as_text(label)
        self.body = _as_text(body)
        self.indent = indent
        self.min_body = min_body

    def __str__(self) -> str:
        return f"{self.label.plain} {self.body.plain}"

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        plain = self.body.plain
        return Measurement(self.indent + _widest_unit(plain), self.indent + cell_len(plain))

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = options.max_width
        indent = self.indent
        head: Text | None = None
        if width - indent >= self.min_body:
            head = self.label.copy()
            head.truncate(indent, overflow="crop", pad=True)
        else:
            indent = min(2, width - 1)
            for line in wrap_text(self.label, width):
                yield from _line(console, line)
        pad = Segment(" " * indent)
        for number, line in enumerate(wrap_text(self.body, max(1, width - indent))):
            yield from _line(console, head if number == 0 and head is not None else pad, line)
