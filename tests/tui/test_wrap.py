"""Line breaking by cells: between CJK characters, at spaces, never inside an ASCII run."""

from __future__ import annotations

import re

import pytest
from rich.cells import cell_len
from rich.console import Console
from rich.text import Text

from simulator.tui.wrap import CLOSING, Hanging, Wrapped, shorten, wrap

SAMPLES = [
    "本周先约定500元的诚意还款，您看可以吗？",
    "您尾号1234的信用卡当前欠款12,850.00元，已逾期52天（M2）。",
    "您好，我是XX银行信用卡中心的李明，工号A2047，请问是王丽女士本人吗？",
    "违反 CN-3P-DISCLOSE：在核实身份前透露了账户信息。",
    "This is an attempt to collect a debt and any information obtained will be used.",
    "Your balance is $1,284.50; pay by 2026-03-20 via the app.",
    "「我跟您确认一下：您在3月20日前通过手机银行还款500元，对吗？」",
    "第一行\n第二行有12,850.00元",
    "",
]


@pytest.mark.parametrize(
    ("text", "width", "lines"),
    [
        # CJK and numbers: the amount stays whole, the break falls between characters
        ("本周先约定500元的诚意还款", 10, ["本周先约定", "500元的诚", "意还款"]),
        ("本周先约定500元的诚意还款", 11, ["本周先约定", "500元的诚意", "还款"]),
        ("尾号1234的卡", 6, ["尾号", "1234的", "卡"]),
        ("金额12,850.00元。", 12, ["金额", "12,850.00", "元。"]),
        ("工号A2047，请记下", 8, ["工号", "A2047，", "请记下"]),
        # closing punctuation never starts a line, opening never ends one
        ("您好，我是李明。", 6, ["您好，", "我是李", "明。"]),
        ("请看（附件）说明", 6, ["请看", "（附", "件）说", "明"]),
        ("「好」", 2, ["「", "好", "」"]),  # too narrow for the rule: cut anyway
        # English words break at spaces only
        ("pay the balance today", 10, ["pay the", "balance", "today"]),
        ("CN-3P-DISCLOSE rule", 14, ["CN-3P-DISCLOSE", "rule"]),
        ("12,850.00 due", 9, ["12,850.00", "due"]),
        # exact fits with wide characters (2 cells each)
        ("一二三四", 8, ["一二三四"]),
        ("一二三四", 7, ["一二三", "四"]),
        ("一二三四", 2, ["一", "二", "三", "四"]),
        ("一二", 1, ["一", "二"]),  # a wide character wider than the line still gets one
        # a single unit wider than the line is cut (nothing else fits)
        ("A20471234", 4, ["A204", "7123", "4"]),
        # mixed
        ("订单A2047已还500元", 9, ["订单A2047", "已还500元"]),
        ("ok 好的", 4, ["ok", "好的"]),
        ("  indented", 10, ["  indented"]),
        ("a\n\nb", 5, ["a", "", "b"]),
        ("", 5, [""]),
    ],
)
def test_wrap_table(text: str, width: int, lines: list[str]) -> None:
    assert wrap(text, width) == lines


ASCII_RUN = re.compile(r"[!-~]+")


@pytest.mark.parametrize("text", SAMPLES)
def test_wrap_properties_at_every_width(text: str) -> None:
    runs = [m.group() for m in ASCII_RUN.finditer(text)]
    for width in range(1, 81):
        lines = wrap(text, width)
        # nothing lost but the spaces at a break
        assert "".join(lines).replace(" ", "") == text.replace(" ", "").replace("\n", "")
        for line in lines:
            # over-wide only when a single wide character or a single too-long ASCII run
            if cell_len(line) > width:
                assert len(line) == 1 or any(run in line and len(run) > width for run in runs)
            assert not line.endswith(" ")
        for run in runs:
            if cell_len(run) <= width:
                # a run that fits is never split across lines
                assert any(run in line for line in lines), (width, run, lines)
        for before, after in zip(lines, lines[1:], strict=False):
            if after and after[0] in CLOSING and cell_len(before) + 2 <= width:
                pytest.fail(f"line starts with closing punctuation at width {width}: {lines}")


@pytest.mark.parametrize(
    ("text", "width", "short"),
    [
        ("短句", 40, "短句"),
        ("一二三四五六七八九十", 10, "一二三..."),
        ("一二三四五六七八九十", 11, "一二三四..."),
        ("pay today please", 10, "pay tod..."),
        ("一二三四五", 10, "一二三四五"),
    ],
)
def test_shorten(text: str, width: int, short: str) -> None:
    assert shorten(text, width) == short
    assert cell_len(shorten(text, width)) <= width


def _render(renderable: object, width: int) -> list[str]:
    console = Console(width=width, color_system=None, legacy_windows=False)
    with console.capture() as capture:
        console.print(renderable)
    return capture.get().split("\n")[:-1]


def test_wrapped_renders_at_the_given_width_and_keeps_styles() -> None:
    text = Text.assemble(("本周先约定", "bold"), "500元的诚意还款")
    assert [line.rstrip() for line in _render(Wrapped(text), 10)] == [
        "本周先约定",
        "500元的诚",
        "意还款",
    ]
    assert Wrapped(text).text.spans[0].style == "bold"


def test_hanging_indent_puts_every_line_in_the_text_column() -> None:
    lines = _render(Hanging(Text("12 我:"), "本周先约定500元的诚意还款，您看可以吗？", 8), 24)
    assert [line.rstrip() for line in lines] == [
        "12 我:  本周先约定500元",
        "        的诚意还款，您看",
        "        可以吗？",
    ]


def test_hanging_indent_falls_back_below_the_label_when_too_narrow() -> None:
    lines = _render(Hanging("王丽:", "好的好的好的", 8), 12)
    assert [line.rstrip() for line in lines] == ["王丽:", "  好的好的好", "  的"]


def test_base_styles_survive_rendering() -> None:
    console = Console(width=30, color_system=None, legacy_windows=False)
    renderable = Hanging(Text("1.", style="bold"), Text("好的", style="italic"), 3)
    segments = [s for s in console.render(renderable) if s.text.strip()]
    assert segments[0].style is not None and segments[0].style.bold
    assert segments[1].style is not None and segments[1].style.italic
    wrapped = [s for s in console.render(Wrapped(Text("好的", style="bold"))) if s.text.strip()]
    assert wrapped[0].style is not None and wrapped[0].style.bold
