"""ASCII gauges: bars and sparklines drawn only with narrow, unambiguous characters.

Block characters (U+2581..U+2588) and box drawing are East-Asian "ambiguous" width and misalign in
terminals set to treat them as wide, common in Chinese locales, so none are used here.
"""

from __future__ import annotations

from collections.abc import Sequence

SPARK_LEVELS = "_.-=+*#"
"""Seven levels, low to high."""


def ascii_bar(value: float, maximum: float, width: int = 10) -> str:
    """A bar such as `[######----]` for `value` out of `maximum`."""
    filled = 0 if maximum <= 0 else round(max(0.0, min(value, maximum)) / maximum * width)
    return "[" + "#" * filled + "-" * (width - filled) + "]"


def spark(values: Sequence[float], maximum: float = 100.0, width: int = 24) -> str:
    """A one-line sparkline of the last `width` values (0..maximum)."""
    if not values:
        return ""
    top = len(SPARK_LEVELS) - 1
    picked = list(values)[-width:]
    return "".join(SPARK_LEVELS[round(max(0.0, min(v, maximum)) / maximum * top)] for v in picked)
