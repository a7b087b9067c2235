"""Words in the two UI languages: catalogue entries with named fields, rendered once the language is known.

A catalogue is a plain dict of `(zh-CN, English)` template pairs with `{named}` fields
(`simulator.spec.messages` for content diagnostics, `simulator.messages` for the command line).
Code that finds a problem builds a `Text` from an entry and the field values; whoever prints it
chooses the language. A field may itself be a `Text` (a did-you-mean inside a hint), rendered in the
same language. This module imports nothing of CallDojo: every layer may use it.
"""

from __future__ import annotations

import string
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Literal, Union

Lang = Literal["zh", "en"]
LANGS: tuple[Lang, ...] = ("zh", "en")
Pair = tuple[str, str]
"""A template in zh-CN and in English, in that order."""
Value = Union[str, int, float, "Text", "Either", "Listed"]
"""What a named field holds."""


@dataclass(frozen=True)
class Text:
    """A catalogue entry with the values of its fields, rendered in either language."""

    key: str
    """The catalogue id (a diagnostic's is its code, e.g. `CD202` or `CD202.split`)."""
    template: Pair
    fields: tuple[tuple[str, Value], ...] = ()

    def render(self, lang: Lang) -> str:
        """The text in `lang` (`zh` or `en`)."""
        zh, en = self.template
        values = {name: render_value(value, lang) for name, value in self.fields}
        return (zh if lang == "zh" else en).format(**values)

    def __str__(self) -> str:
        return self.render("en")


@dataclass(frozen=True)
class Either:
    """Alternatives, rendered `a, b or c` in English and `a、b或c` in Chinese."""

    items: tuple[Value, ...]

    def render(self, lang: Lang) -> str:
        """The alternatives joined in `lang`."""
        words = [str(render_value(item, lang)) for item in self.items]
        if len(words) < 2:
            return "".join(words)
        if lang == "zh":
            return "、".join(words[:-1]) + "或" + words[-1]
        return ", ".join(words[:-1]) + " or " + words[-1]


@dataclass(frozen=True)
class Listed:
    """Items of a list, rendered `a, b, c` in English and `a、b、c` in Chinese."""

    items: tuple[Value, ...]

    def render(self, lang: Lang) -> str:
        """The items joined in `lang`."""
        return ("、" if lang == "zh" else ", ").join(str(render_value(i, lang)) for i in self.items)


def render_value(value: Value, lang: Lang) -> str | int | float:
    """A field value ready for `str.format` (numbers stay numbers for format specs like `{n:,}`)."""
    if isinstance(value, (Text, Either, Listed)):
        return value.render(lang)
    return value


def entry(catalogue: Mapping[str, Pair], key: str, /, **fields: Value) -> Text:
    """The catalogue's entry `key` with these field values (a KeyError names a missing entry)."""
    return Text(key, catalogue[key], tuple(fields.items()))


def field_names(template: str) -> set[str]:
    """The named fields a template uses (catalogue tests compare both languages with this)."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def check_catalogue(catalogue: Mapping[str, Pair]) -> list[str]:
    """Entries whose two languages use different fields, or that are empty in one language."""
    return [key for key, pair in catalogue.items() if _mismatch(pair)]


def _mismatch(pair: Iterable[str]) -> bool:
    zh, en = pair
    return field_names(zh) != field_names(en) or not zh.strip() or not en.strip()


_CONTROL = (
    "".join(
        chr(c)
        for c in (*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0))
        if chr(c) not in "\r"
    )
    + "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
_ESCAPES = {
    ord(ch): f"\\x{ord(ch):02x}" if ord(ch) < 0x100 else f"\\u{ord(ch):04x}" for ch in _CONTROL
}


def printable(text: str) -> str:
    """Text safe for a terminal: control characters (escape sequences, bidi overrides) shown as escapes."""
    return text.translate(_ESCAPES)
