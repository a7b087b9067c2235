"""The authoring guides tell the truth: pasted outputs, quoted YAML and the formula match the code."""

from __future__ import annotations

import contextlib
import io
import re
import textwrap
from functools import cache
from pathlib import Path

import pytest

from scoring import score as score_module
from simulator.cli import main

DOCS = Path(__file__).resolve().parents[3] / "docs"
EXAMPLE = DOCS / "example"
GUIDES = [DOCS / "authoring.md", DOCS / "authoring.zh-CN.md"]
PROMPT = "$ calldojo --content docs/example "
SKIP = "..."
"""A line of a pasted output that stands for lines left out."""

# Illustrations in the guides that are deliberately not lines of the example.
NOT_FROM_EXAMPLE = {
    "debtor: [喂，哪位？, 喂，你好，哪位啊？]",
    "feedback: 收尾礼貌，合规。可以再补一句复述。",
}

_FENCE = re.compile(r"^```([a-z]*)\n(.*?)^```", re.M | re.S)
_QUOTED_KEY = re.compile(
    r"^\s*(?:- )?(say|debtor|default|feedback|summary|title|objective|profile): \S"
)
_COMMENT = re.compile(r"\s{2,}#.*$")


def _blocks(guide: Path, language: str) -> list[str]:
    text = guide.read_text(encoding="utf-8")
    return [m.group(2) for m in _FENCE.finditer(text) if m.group(1) == language]


def _sessions(guide: Path) -> list[tuple[str, list[str]]]:
    """Every `$ calldojo --content docs/example ...` command of the guide with its pasted output."""
    out: list[tuple[str, list[str]]] = []
    for block in _blocks(guide, ""):
        current: list[str] | None = None
        for line in block.splitlines():
            if line.startswith("$ "):
                current = None
                if line.startswith(PROMPT):
                    current = []
                    out.append((line[len(PROMPT) :], current))
            elif current is not None:
                current.append(line)
    return out


@cache
def _run(command: str) -> list[str]:
    buffer = io.StringIO()
    args = ["--content", str(EXAMPLE), *command.split()]
    with contextlib.redirect_stdout(buffer), contextlib.redirect_stderr(buffer):
        main(args)
    return buffer.getvalue().splitlines()


def _matches(expected: list[str], actual: list[str]) -> bool:
    """True when the actual lines are the expected ones, each `...` line standing for any lines."""
    if not expected:
        return not actual
    head, rest = expected[0], expected[1:]
    if head.strip() == SKIP:
        return any(_matches(rest, actual[i:]) for i in range(len(actual) + 1))
    return bool(actual) and actual[0] == head and _matches(rest, actual[1:])


SESSIONS = [(g.name, cmd, expected) for g in GUIDES for cmd, expected in _sessions(g)]


def test_guides_paste_outputs() -> None:
    commands = {cmd.split()[0] for _, cmd, _ in SESSIONS}
    assert {"validate", "analyze", "coverage", "simulate", "play"} <= commands


@pytest.mark.parametrize(
    ("guide", "command", "expected"),
    SESSIONS,
    ids=[f"{g}:{c.split()[0]}:{i}" for i, (g, c, _) in enumerate(SESSIONS)],
)
def test_pasted_output_is_what_the_command_prints(
    guide: str, command: str, expected: list[str]
) -> None:
    actual = _run(command)
    assert _matches(expected, actual), (
        f"{guide}: the output pasted under `calldojo --content docs/example {command}` is not "
        "what the command prints today:\n" + "\n".join(actual)
    )


@cache
def _example_lines() -> frozenset[str]:
    lines: set[str] = set()
    for path in EXAMPLE.rglob("*.yaml"):
        lines.update(line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    return frozenset(lines)


@pytest.mark.parametrize("guide", GUIDES, ids=lambda p: p.name)
def test_quoted_yaml_lines_are_the_example_lines(guide: Path) -> None:
    wrong = []
    for block in _blocks(guide, "yaml"):
        for line in block.splitlines():
            bare = _COMMENT.sub("", line).strip()
            if not _QUOTED_KEY.match(bare) or bare in NOT_FROM_EXAMPLE:
                continue
            if bare not in _example_lines():
                wrong.append(bare)
    assert wrong == [], f"{guide.name} quotes lines that are not in docs/example: {wrong}"


@pytest.mark.parametrize("guide", GUIDES, ids=lambda p: p.name)
def test_guide_copies_the_formula_of_the_scorer(guide: Path) -> None:
    doc = score_module.__doc__ or ""
    start = doc.index("    points[t, d]")
    end = doc.index("\n\n", start)
    formula = textwrap.dedent(doc[start:end]).strip()
    blocks = [b.strip() for b in _blocks(guide, "") if b.lstrip().startswith("points[t, d]")]
    assert blocks == [formula]


@pytest.mark.parametrize("guide", GUIDES, ids=lambda p: p.name)
def test_guide_sends_trainers_to_nothing_they_do_not_have(guide: Path) -> None:
    text = guide.read_text(encoding="utf-8")
    assert "种子材料" not in text and "seed 002" not in text


@pytest.mark.parametrize("guide", GUIDES, ids=lambda p: p.name)
def test_guide_examples_do_not_fold_text(guide: Path) -> None:
    for block in _blocks(guide, "yaml"):
        assert not re.search(r":\s*>-?\s*$", block, re.M), block


# --- the common mistakes: outputs on copies of the example with a mistake put in ------------------

LIBRARY = "/tmp/my_library"
"""Where the guides say the copies live."""
SCENARIO_FILE = "scenarios/ex01_evening_reminder.scenario.yaml"
FIRST_DRAFT = Path(__file__).parent / "fixtures" / "ex01_first_draft.yaml"
"""The first draft of the example, before its calibration (section 13, step 7)."""

# Each copy: (the substitutions made in the example, the commands the guides run on it).
MISTAKES: dict[str, tuple[tuple[tuple[str, str], ...], tuple[str, ...]]] = {
    "flow_commas": (
        (
            (
                "    - label: 客户\n      value: 许芳，女，38岁，已婚，连锁药店店长\n",
                "    - {label: 客户, value: 许芳, 女, 38岁}\n",
            ),
            (
                "    - label: 账单欠款\n      value: 3,600.00元\n      key: true\n",
                "    - {label: 账单欠款, value: 3,600.00元}\n",
            ),
        ),
        ("validate",),
    ),
    "unquoted": (
        (
            ('  at: "2026-03-16T21:25:00+08:00"', "  at: 2026-03-16T21:25:00"),
            ("      value: 0次\n", "      value: no\n"),
            (
                "      value: 本行借记卡尾号0831\n",
                "      value: 本行借记卡尾号0831\n    - label: 上次接通\n      value: 10:30\n",
            ),
        ),
        ("validate",),
    ),
    "ambiguous_width": (
        (
            (
                "title: 晚间待拨名单｜总说「回头再说」的店长",
                "title: 晚间待拨名单·总说“回头再说”的店长",
            ),
            ("      default: 哦，忘了，最近店里太忙。", "      default: 哦，忘了……最近店里太忙。"),
            (
                "应直接报出：「3月4日到期的账单3,600元，最低还款额1,200元。」",
                "应直接报出：“3月4日到期的账单3,600元，最低还款额1,200元。”",
            ),
            ("    debtor: 月底啊？也行，那我月底", "    debtor: 月底啊——也行，那我月底"),
        ),
        ("validate",),
    ),
    "typos": (
        (
            ("          - when: patience >= 3\n", "          - when: patience => 3\n"),
            ("        - when: opened_up\n", "        - when: opend_up\n"),
            (
                "        tags: [summarize, specific_date, payment_channel, specific_amount]\n",
                "        tags: [summarise, specific_date, payment_channel, specific_amount]\n",
            ),
        ),
        ("validate",),
    ),
    "anchors": (
        (
            ("  ptp:\n    outcome: promise_to_pay\n", "  ptp:\n    outcome: &ptp promise_to_pay\n"),
            ("  ptp_late:\n    outcome: promise_to_pay\n", "  ptp_late:\n    outcome: *ptp\n"),
        ),
        ("validate",),
    ),
    "model_answers": (
        (
            (
                "        tags: [verify_identity]\n        best: true\n",
                "        tags: [verify_identity]\n",
            ),
            (
                "        tags: [thank, close_politely]\n",
                "        tags: [thank, close_politely]\n        best: true\n",
            ),
        ),
        ("validate",),
    ),
    "looser": (
        (
            (
                "scoring:\n  calibration:\n",
                "scoring:\n  max_major: 2\n  red_lines: [CN-HANGUP, CN-THRET]\n  calibration:\n",
            ),
        ),
        ("validate",),
    ),
    "wrong_model_answer": (
        (
            (
                "        tags: [ask_callback_time]\n        next: callback\n",
                "        tags: [ask_callback_time]\n        best: true\n        next: callback\n",
            ),
            (
                "        tags: [acknowledge_feelings, payment_channel, specific_date, specific_amount]\n"
                "        best: true\n",
                "        tags: [acknowledge_feelings, payment_channel, specific_date, specific_amount]\n",
            ),
        ),
        ("validate", "analyze ex01_evening_reminder"),
    ),
}


def _library(root: Path, scenario: str) -> None:
    (root / "personas").mkdir(parents=True)
    (root / "scenarios").mkdir()
    persona = EXAMPLE / "personas" / "xu_fang_busy.persona.yaml"
    (root / "personas" / persona.name).write_text(persona.read_text(encoding="utf-8"), "utf-8")
    (root / SCENARIO_FILE).write_text(scenario, encoding="utf-8")


def _run_in(root: Path, command: str) -> list[str]:
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer), contextlib.redirect_stderr(buffer):
        main(["--content", str(root), *command.split()])
    return buffer.getvalue().replace(str(root), LIBRARY).splitlines()


def _mistake_outputs(tmp: Path) -> dict[tuple[str, tuple[str, ...]], str]:
    """Every (command, output) the guides may show for a copy of the example, by copy."""
    example = (EXAMPLE / SCENARIO_FILE).read_text(encoding="utf-8")
    copies: dict[str, tuple[str, tuple[str, ...]]] = {}
    for name, (pairs, commands) in MISTAKES.items():
        text = example
        for old, new in pairs:
            assert text.count(old) == 1, f"{name}: {old!r} is not once in the example"
            text = text.replace(old, new)
        copies[name] = (text, commands)
    lines = example.splitlines(keepends=True)
    opening_ends = next(i for i, line in enumerate(lines) if line.startswith("  id_check:"))
    partial = "".join(lines[:opening_ends]) + example[example.index("endings:\n") :]
    copies["first_nodes"] = (partial, ("validate",))
    copies["first_draft"] = (FIRST_DRAFT.read_text(encoding="utf-8"), ("validate", "simulate"))
    out: dict[tuple[str, tuple[str, ...]], str] = {}
    for name, (text, commands) in copies.items():
        root = tmp / name
        _library(root, text)
        for command in commands:
            out[(command, tuple(_run_in(root, command)))] = name
    return out


def _library_sessions(guide: Path) -> list[tuple[str, list[str]]]:
    prompt = f"$ calldojo --content {LIBRARY} "
    found: list[tuple[str, list[str]]] = []
    for block in _blocks(guide, ""):
        current: list[str] | None = None
        for line in block.splitlines():
            if line.startswith("$ "):
                current = None
                if line.startswith(prompt):
                    current = []
                    found.append((line[len(prompt) :], current))
            elif current is not None:
                current.append(line)
    return found


def test_common_mistakes_show_real_outputs(tmp_path: Path) -> None:
    real = _mistake_outputs(tmp_path)
    for guide in GUIDES:
        sessions = _library_sessions(guide)
        assert len(sessions) >= 10
        for command, expected in sessions:
            assert (command, tuple(expected)) in real, (
                f"{guide.name}: `calldojo --content {LIBRARY} {command}` shows an output that no "
                "copy of the example produces today:\n" + "\n".join(expected)
            )


@pytest.mark.parametrize("guide", GUIDES, ids=lambda p: p.name)
def test_links_inside_the_guide_reach_a_heading(guide: Path) -> None:
    text = guide.read_text(encoding="utf-8")
    headings = {
        re.sub(r"[^\w\- ]", "", h.lower()).replace(" ", "-")
        for h in re.findall(r"^#+ (.*)$", text, re.M)
    }
    anchors = set(re.findall(r"\]\(#([^)]+)\)", text))
    assert anchors <= headings
