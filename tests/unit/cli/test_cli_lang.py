"""The command line speaks the language asked for: `--lang`, else the system locale, else English."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from simulator.cli import build_parser, headless_lang, main
from simulator.messages import MESSAGES
from simulator.wording import check_catalogue

TINY = str(Path(__file__).parents[2] / "fixtures" / "content")
SCENARIO = Path(TINY) / "scenarios" / "tiny_call.scenario.yaml"
COMMANDS = ("validate", "list", "play", "analyze", "coverage", "simulate", "schema", "practice")


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    """A scenario whose difficulty is out of range (a schema error: the file does not load)."""
    root = tmp_path / "lib"
    (root / "scenarios").mkdir(parents=True)
    (root / "personas").mkdir()
    text = SCENARIO.read_text("utf-8")
    text = text.replace("difficulty: 1", "difficulty: 9")
    path = root / "scenarios" / "tiny_call.scenario.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_validate_prints_chinese_with_the_same_codes_and_places(
    capsys: pytest.CaptureFixture[str], broken: Path
) -> None:
    code_zh, out_zh, err_zh = run(capsys, "--lang", "zh", "validate", str(broken))
    code_en, out_en, err_en = run(capsys, "--lang", "en", "validate", str(broken))
    assert code_zh == code_en == 1
    assert out_zh.splitlines()[0] == f"{broken}:5:13: CD200 difficulty：9 超过了上限 5"
    assert out_en.splitlines()[0] == f"{broken}:5:13: CD200 difficulty: 9 is above the maximum 5"
    places = [line.split(" ")[:2] for line in out_zh.splitlines()]
    assert places == [line.split(" ")[:2] for line in out_en.splitlines()]
    assert "Input should" not in out_zh
    assert err_zh.strip() == "1 个错误，0 个警告" and err_en.strip() == "1 error(s), 0 warning(s)"


def test_validate_json_carries_the_language_asked_for(
    capsys: pytest.CaptureFixture[str], broken: Path
) -> None:
    _, out, _ = run(capsys, "validate", "--json", "--lang", "zh", str(broken))
    (diagnostic,) = json.loads(out)
    assert diagnostic["message"] == "difficulty：9 超过了上限 5" and diagnostic["lang"] == "zh"
    _, out, _ = run(capsys, "validate", "--json", str(broken))
    assert json.loads(out)[0]["lang"] == "en"


@pytest.mark.parametrize(
    ("environ", "lang"),
    [
        ({"LANG": "zh_CN.UTF-8"}, "zh"),
        ({"LC_ALL": "en_US.UTF-8", "LANG": "zh_CN.UTF-8"}, "en"),
        ({"LANG": "C.UTF-8"}, "en"),
        ({"LANG": "fr_FR.UTF-8"}, "en"),
        ({}, "en"),
    ],
)
def test_headless_commands_follow_the_system_locale_else_english(
    environ: dict[str, str], lang: str
) -> None:
    assert headless_lang(None, environ) == lang
    assert headless_lang("en", {"LANG": "zh_CN.UTF-8"}) == "en"
    assert headless_lang("zh", {}) == "zh"


def test_system_locale_reaches_validate(
    capsys: pytest.CaptureFixture[str], broken: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    _, out, err = run(capsys, "validate", str(broken))
    assert "超过了上限" in out and "个错误" in err


@pytest.mark.parametrize("command", COMMANDS)
def test_help_of_each_command_has_a_description_exit_codes_and_its_own_options(
    capsys: pytest.CaptureFixture[str], command: str
) -> None:
    with pytest.raises(SystemExit) as info:
        main([command, "--help"])
    assert info.value.code == 0
    text = capsys.readouterr().out
    assert MESSAGES[f"cmd.{command}"][1] in " ".join(text.split())
    assert "exit codes: 0 " in text
    assert ("--db" in text) == (command == "practice")
    assert ("--content" in text) == (command != "schema")
    assert "--lang" in text


def test_help_in_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--lang", "zh", "validate", "--help"])
    text = capsys.readouterr().out
    assert text.startswith("用法：calldojo validate")
    assert "检查内容文件" in text and "退出码：0 没有错误" in text and "--db" not in text


def test_the_app_keeps_its_own_options() -> None:
    args = build_parser().parse_args(["--db", "sqlite://", "--content", TINY])
    assert (args.command, args.db, str(args.content)) == (None, "sqlite://", TINY)
    args = build_parser().parse_args(["practice", "tiny_call", "--db", "sqlite://"])
    assert (args.command, args.db) == ("practice", "sqlite://")
    with pytest.raises(SystemExit):
        build_parser().parse_args(["validate", "--db", "sqlite://"])


def test_list_prints_the_columns_the_readme_promises(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--content", TINY, "list")
    header, row = out.splitlines()
    assert code == 0
    assert header.split() == [
        "id",
        "locale",
        "difficulty",
        "persona",
        "archetype",
        "tags",
        "title",
    ]
    assert row.split() == ["tiny_call", "zh-CN", "1", "tiny_debtor", "hardship", "-", "小测试"]
    _, out, _ = run(capsys, "--content", TINY, "--lang", "zh", "list")
    assert out.splitlines()[0].split() == ["id", "语言", "难度", "人设", "类型", "标签", "标题"]


def test_list_shows_the_tags(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "list")
    row = next(line for line in out.splitlines() if line.startswith("s01_"))
    assert "lin_xiaoyu_young" in row and "reminder,early" in row


@pytest.mark.parametrize(
    ("args", "exit_code", "zh", "en"),
    [
        (
            ["play", "tiny_cal", "--choices", "verify"],
            1,
            "calldojo: 未知的场景 'tiny_cal'；是不是想写 'tiny_call'？",
            "calldojo: unknown scenario 'tiny_cal'; did you mean 'tiny_call'?",
        ),
        (
            ["play", "tiny_call", "--choices", "verify,nonsense"],
            1,
            "calldojo: 第 2 个选项（'nonsense'）在节点 'verified' 不可用；"
            "这里可选：empathize, demand，或 _silence",
            "calldojo: choice 2 ('nonsense') is not available at node 'verified'; "
            "valid here: empathize, demand, or _silence",
        ),
        (
            ["validate", "/no/such/file.yaml"],
            2,
            "calldojo: 文件或文件夹不存在：/no/such/file.yaml",
            "calldojo: no such file or folder: /no/such/file.yaml",
        ),
        (
            ["simulate", "--policy", "sloppy"],
            2,
            "calldojo: 未知的策略 sloppy；可用：ideal, empathetic, cold, pushy, aggressive, "
            "opening_then_aggressive, random, longest, politest",
            "calldojo: unknown policy sloppy; known: ideal, empathetic, cold, pushy, aggressive, "
            "opening_then_aggressive, random, longest, politest",
        ),
        (
            ["analyze", "tiny_call", "--max-states", "3"],
            1,
            "calldojo: 场景 'tiny_call' 的可达状态超过 3 个（节点 x 情绪 x 标志 x 规则状态）；"
            "请简化情绪条件，或调高 --max-states",
            "calldojo: scenario 'tiny_call': more than 3 reachable states "
            "(node x mood x flags x rule states); simplify the mood conditions or raise --max-states",
        ),
    ],
)
def test_errors_in_both_languages(
    capsys: pytest.CaptureFixture[str], args: list[str], exit_code: int, zh: str, en: str
) -> None:
    assert run(capsys, "--content", TINY, "--lang", "zh", *args)[::2] == (exit_code, zh + "\n")
    assert run(capsys, "--content", TINY, "--lang", "en", *args)[::2] == (exit_code, en + "\n")


def test_not_a_library_in_chinese(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "--lang", "zh", "--content", str(tmp_path), "list")
    assert code == 2 and "不是内容库" in err


def test_a_broken_scenario_is_refused_with_its_errors_in_chinese(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    root = tmp_path / "lib"
    (root / "scenarios").mkdir(parents=True)
    (root / "personas").mkdir()
    text = SCENARIO.read_text("utf-8").replace("start: opening", "start: openning")
    (root / "scenarios" / "tiny_call.scenario.yaml").write_text(text, encoding="utf-8")
    persona = Path(TINY) / "personas" / "tiny_debtor.persona.yaml"
    (root / "personas" / persona.name).write_text(persona.read_text("utf-8"), encoding="utf-8")
    code, _, err = run(
        capsys, "--lang", "zh", "--content", str(root), "play", "tiny_call", "--choices", "verify"
    )
    assert code == 1
    assert "场景 'tiny_call' 的内容有错误，请先修正" in err
    assert "CD301 start 写的 'openning' 不是节点 (是不是想写 'opening'？)" in err


def test_play_analyze_coverage_simulate_headings_in_chinese(
    capsys: pytest.CaptureFixture[str],
) -> None:
    _, out, _ = run(
        capsys,
        "--content",
        TINY,
        "--lang",
        "zh",
        "play",
        "tiny_call",
        "--choices",
        "verify,empathize",
    )
    assert out.splitlines()[0].startswith("  1 客户")
    assert "结局：ptp (promise_to_pay)" in out and "不及格：objective:CN-PTP-3E" in out
    _, out, _ = run(capsys, "--content", TINY, "--lang", "zh", "analyze", "tiny_call")
    assert out.startswith("场景 tiny_call：") and "能否及格（标准答案及格）：否" in out
    assert "标准答案：verify,empathize" in out
    _, out, _ = run(capsys, "--content", TINY, "--lang", "zh", "coverage")
    assert out.startswith("规则包 cn") and "（不会被违反）" in out
    _, out, _ = run(capsys, "--content", TINY, "--lang", "zh", "simulate", "--policy", "ideal")
    assert out.startswith("场景") and "1 个场景中 0 个符合校准要求" in out


def test_cli_catalogue_uses_the_same_fields_in_both_languages() -> None:
    assert check_catalogue(MESSAGES) == []


def test_help_copies_of_product_constants_match_their_definitions() -> None:
    from simulator.analysis.explore import DEFAULT_MAX_STATES
    from simulator.cli import POLICY_NAMES
    from simulator.spec.models.common import POLICIES

    assert ", ".join(POLICIES) == POLICY_NAMES
    assert build_parser().parse_args(["analyze", "x"]).max_states == DEFAULT_MAX_STATES
