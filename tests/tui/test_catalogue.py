"""The UI catalogue: both languages, the same fields, no ambiguous-width characters."""

from __future__ import annotations

import string
import unicodedata

from simulator.tui.i18n import MESSAGES, reason, tr


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_message_has_both_languages_with_the_same_fields() -> None:
    for key, (zh, en) in MESSAGES.items():
        assert zh and en, key
        assert fields(zh) == fields(en), key


def test_no_ambiguous_width_characters() -> None:
    for key, pair in MESSAGES.items():
        for text in pair:
            bad = [ch for ch in text if unicodedata.east_asian_width(ch) == "A"]
            assert not bad, f"{key}: {bad}"


def test_every_vocabulary_word_of_the_spec_is_in_the_catalogue() -> None:
    from typing import get_args

    from simulator.spec.models.common import Dimension, Locale, Outcome, Severity
    from simulator.spec.models.persona import Archetype

    families = {
        "dim": Dimension,
        "sev": Severity,
        "outcome": Outcome,
        "arch": Archetype,
        "locale": Locale,
    }
    for family, literal in families.items():
        for value in get_args(literal):
            assert f"{family}.{value}" in MESSAGES, f"{family}.{value}"


def test_unknown_ids_and_reasons_degrade_gracefully() -> None:
    assert tr("zh", "outcome.brand_new") == "brand_new"
    assert reason("zh", "critical:CN-THREAT") == "有严重违规 CN-THREAT"
    assert reason("en", "below:clarity") == "Clarity below the pass mark"
    assert reason("en", "something") == "something"
    assert reason("zh", "majors:2") == "较重违规共 2 项，超过允许的数量"


def test_chrome_text_has_no_common_ambiguous_width_glyphs() -> None:
    from simulator.tui.i18n import chrome

    title = "\u201c\u6700\u540e\u901a\u7252\u201d\u2014\u2014\u2018\u4e00\u2019\u2026\u00b7"
    made = chrome(title)
    assert not [ch for ch in made if unicodedata.east_asian_width(ch) == "A"], made
