"""Every diagnostic code in both UI languages: one broken input each, its place and its words.

The messages come from one catalogue (`simulator.spec.messages`); the table pins the English and the
Chinese of each code (and of each variant of a code) so that a changed word is a deliberate change.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from simulator.spec.checks.typography import _ambiguous
from simulator.spec.messages import CODES, DIAGNOSTICS, PHRASES, YAML_PROBLEMS
from simulator.wording import check_catalogue
from tests.unit.spec.diagnostic_cases import (
    PERSONA,
    RULES,
    Case,
    copied_scenario,
    library,
    missing_file,
    raw,
    renamed_scenario,
    scenario,
)

BOMB = "a: &a [x, x]\nb: [*a, *a]\n"
HOURS = (
    "  - id: CN-HOURS\n    kind: time\n    severity: major\n"
    '    statement: {zh: 时段, en: Hours}\n    start: "8:00"\n    end: "21:00"\n'
)
EXTRA = (
    "  extra:\n    debtor: 嗯。\n    choices:\n"
    "      - id: long\n        say: 这是一句比较长的标准答案。\n        next: refused\n        best: true\n"
    "      - id: short\n        say: 短。\n        next: refused\n        feedback: 太短。\nendings:\n"
)

CASES = [
    Case(
        "cd100",
        missing_file,
        "CD100",
        1,
        1,
        ("file not found", "check the path"),
        ("文件不存在", "检查路径"),
    ),
    Case(
        "cd101",
        raw(b"#" * 1_000_001),
        "CD101",
        1,
        1,
        ("file is 1,000,001 bytes; the limit is 1,000,000", "split it"),
        ("文件有 1,000,001 字节，上限是 1,000,000", "把它拆成几个文件"),
    ),
    Case(
        "cd102",
        raw("id: x\ntitle: 你好\n".encode("gbk")),
        "CD102",
        2,
        8,
        ("file is not UTF-8 text", "save it as UTF-8 (not GBK or UTF-16)"),
        ("文件不是 UTF-8 编码", "另存为 UTF-8 编码（不要用 GBK 或 UTF-16）"),
    ),
    Case(
        "cd103",
        raw(b"id: x\n\x89PNG\x00"),
        "CD103",
        2,
        5,
        ("binary file (contains NUL bytes)", "content files are UTF-8 YAML text"),
        ("二进制文件（含 NUL 字节）", "内容文件应是 UTF-8 编码的 YAML 文本"),
    ),
    Case(
        "cd103_2",
        raw("id: x\ntitle: a\x07b\n"),
        "CD103",
        2,
        9,
        ("control character '\\x07' in the text", "delete it"),
        ("文本中有控制字符 '\\x07'", "删掉它"),
    ),
    Case(
        "cd104",
        raw("# only a comment\n"),
        "CD104",
        1,
        1,
        ("empty file", "start from a template in docs/ or an existing file"),
        ("空文件", "从 docs/ 中的模板或现有文件开始写"),
    ),
    Case(
        "cd105",
        raw("- a\n- b\n"),
        "CD105",
        1,
        1,
        ("the top level is a list, not a mapping", "write `key: value` lines at the top level"),
        ("文件顶层是列表，而不是映射", "在顶层写 `键: 值` 形式的行"),
    ),
    Case(
        "cd106",
        raw("a: 1\n", name="notes.yaml"),
        "CD106",
        1,
        1,
        (
            "not a content file name",
            "name it *.scenario.yaml, *.persona.yaml, *.rubric.yaml or *.rules.yaml",
        ),
        (
            "不是内容文件的文件名",
            "文件名应为 *.scenario.yaml、*.persona.yaml、*.rubric.yaml 或 *.rules.yaml",
        ),
    ),
    Case(
        "cd110",
        raw("id: [a, b\ntitle: c\n"),
        "CD110",
        2,
        6,
        (
            "YAML syntax error: did not find expected ',' or ']'",
            "check quoting and indentation around here",
        ),
        ("YAML 语法错误：找不到应有的 `,` 或 `]`（方括号没有闭合）", "检查这里附近的引号和缩进"),
    ),
    Case(
        "cd110_2",
        raw("id: x\n---\nid: y\n"),
        "CD110",
        2,
        1,
        ("more than one YAML document (`---`) in the file", "keep one document per file"),
        ("文件里有不止一个 YAML 文档（`---`）", "每个文件只写一个文档"),
    ),
    Case(
        "cd111",
        raw("id: x\nnodes:\n\tstart: 1\n"),
        "CD111",
        3,
        1,
        ("tab character in indentation", "indent with spaces only"),
        ("缩进中有制表符（Tab）", "只用空格缩进"),
    ),
    Case(
        "cd112",
        raw(BOMB),
        "CD112",
        2,
        5,
        (
            "YAML anchors and aliases (&name / *name) are not allowed",
            "write the value out in full; an alias can expand to a huge document",
        ),
        (
            "不允许使用 YAML 锚点和别名（&name / *name）",
            "把内容完整写出来；别名可能展开成极大的文档",
        ),
    ),
    Case(
        "cd113",
        raw("id: x\ntitle: a\nid: y\n"),
        "CD113",
        3,
        1,
        (
            "duplicate key 'id' (first at line 1)",
            "YAML keeps only the last one; merge the two or delete one (line 1)",
        ),
        (
            "重复的键 'id'（第一次出现在第 1 行）",
            "YAML 只保留最后一个；合并两处或删掉一处（第 1 行）",
        ),
    ),
    Case(
        "cd114",
        raw("id: !custom x\n"),
        "CD114",
        1,
        5,
        ("YAML tag '!custom' is not allowed", "remove the `!tag`; content is plain data"),
        ("不允许使用 YAML 标签 '!custom'", "删掉 `!标签`；内容文件只写普通数据"),
    ),
    Case(
        "cd115",
        raw("a: " + "[" * 70 + "]" * 70 + "\n"),
        "CD115",
        1,
        68,
        ("nested deeper than 64 levels", "flatten the data"),
        ("嵌套超过 64 层", "减少嵌套层数"),
    ),
    Case(
        "cd116",
        scenario("        say: 不还钱就等着瞧!", "        say：不还钱就等着瞧!"),
        "CD116",
        25,
        12,
        (
            "`say` is followed by a full-width colon 「：」, so YAML does not read a key here",
            "a Chinese input method typed the full-width 「：」: write an ASCII colon and a space, `say: ...`",
        ),
        (
            "`say` 后面是全角冒号「：」，YAML 不会把这一行读成键",
            "中文输入法打出了全角「：」：改成半角冒号加一个空格，写作 `say: ...`",
        ),
    ),
    Case(
        "cd200",
        scenario("difficulty: 1", "difficulty: 9"),
        "CD200",
        5,
        13,
        ("difficulty: 9 is above the maximum 5", ""),
        ("difficulty：9 超过了上限 5", ""),
    ),
    Case(
        "cd200_2",
        scenario("difficulty: 1", "difficulty: x"),
        "CD200",
        5,
        13,
        ("difficulty: 'x' is not a whole number", ""),
        ("difficulty：'x' 不是整数", ""),
    ),
    Case(
        "cd201",
        scenario("        say: 不还钱就等着瞧!\n", ""),
        "CD201",
        24,
        9,
        ("nodes.opening.choices.1: missing required key 'say'", "The trainee's words."),
        ("nodes.opening.choices.1：缺少必填的键 'say'", "字段说明（英文）：The trainee's words."),
    ),
    Case(
        "cd202",
        scenario("        tags: [threaten]", "        tagz: [threaten]"),
        "CD202",
        26,
        9,
        ("nodes.opening.choices.1: unknown key 'tagz'", "did you mean 'tags'?"),
        ("nodes.opening.choices.1：未知的键 'tagz'", "是不是想写 'tags'？"),
    ),
    Case(
        "cd202_2",
        scenario("{default: 是我，什么事？,", "{default: 是我,什么事？,"),
        "CD202",
        30,
        26,
        (
            "nodes.verified.debtor: unknown key '什么事？'",
            "a comma inside a {...} flow mapping splits the text: quote the line or use the full-width comma ，",
        ),
        (
            "nodes.verified.debtor：未知的键 '什么事？'",
            "{...} 流式映射里的半角逗号把文本拆开了：给这一行加引号，或改用全角逗号，",
        ),
    ),
    Case(
        "cd203",
        scenario("    debtor: 喂?哪位?", "    debtor: no"),
        "CD203",
        17,
        13,
        (
            "nodes.opening.debtor: unquoted no was read as a true/false value (YAML 1.1), not as text",
            'quote it: "no"',
        ),
        (
            "nodes.opening.debtor：没加引号的 no 被 YAML 1.1 读成了布尔值（true/false），而不是文本",
            '加上引号："no"',
        ),
    ),
    Case(
        "cd204",
        scenario("difficulty: 1", "difficulty: 1\ntags: {a: 1}"),
        "CD204",
        6,
        7,
        ("tags: expected a list; found mapping", ""),
        ("tags：应为列表，实际是映射", ""),
    ),
    Case(
        "cd204_2",
        scenario("        next: refused\n", "        next: {to: refused}\n"),
        "CD204",
        42,
        15,
        (
            "nodes.verified.choices.1.next: expected text or a list; found mapping",
            "see the schema for this key",
        ),
        (
            "nodes.verified.choices.1.next：应为文本或列表，实际是映射",
            "字段的写法见 docs/reference/ 中的字段参考",
        ),
    ),
    Case(
        "cd205",
        scenario("party: debtor", "party: debtr"),
        "CD205",
        32,
        12,
        ("nodes.verified.party: 'debtr' is not allowed", "did you mean 'debtor'?"),
        ("nodes.verified.party：不允许写 'debtr'", "是不是想写 'debtor'？"),
    ),
    Case(
        "cd206",
        scenario("- id: verify", "- id: Verify"),
        "CD206",
        19,
        13,
        (
            "nodes.opening.choices.0.id: 'Verify' is not a valid id",
            "use lower-case letters, digits and _, starting with a letter",
        ),
        (
            "nodes.opening.choices.0.id：'Verify' 不是合法的 id",
            "只能用小写英文字母、数字和 _，并以字母开头",
        ),
    ),
    Case(
        "cd206_2",
        library((RULES, "rules:\n", "rules:\n" + HOURS)),
        "CD206",
        9,
        12,
        (
            "rules.0.start: '8:00' is not a time HH:MM",
            'write a quoted 24-hour time such as "08:00" or "21:00"',
        ),
        (
            "rules.0.start：'8:00' 不是 HH:MM 格式的时间",
            '用 24 小时制并加引号，如 "08:00"、"21:00"',
        ),
    ),
    Case(
        "cd207",
        scenario("{to: refused}]", '{when: "trust < 2", to: refused}]'),
        "CD207",
        37,
        15,
        (
            "nodes.verified.choices.0.next: the last branch of next must have no `when` (the fallback)",
            "",
        ),
        ("nodes.verified.choices.0.next：next 的最后一个分支不能有 `when`（它是兜底分支）", ""),
    ),
    Case(
        "cd207_2",
        library((PERSONA, "mood: {patience: 5, trust: 3}", "mood: {patience: 5}")),
        "CD207",
        6,
        7,
        ("mood: mood must define trust (start values 0..10)", ""),
        ("mood：mood 必须定义 trust（初始值 0..10）", ""),
    ),
    Case(
        "cd208",
        scenario("      - id: demand", "      - id: empathize"),
        "CD208",
        39,
        13,
        (
            "choice id 'empathize' appears twice in node 'verified'",
            "choice ids must be unique within a node (first at choice 1); `play --choices` and plans tell choices apart by it",
        ),
        (
            "节点 'verified' 里选项 id 'empathize' 出现了两次",
            "同一节点内的选项 id 不能重复（第一次是第 1 个选项）；`play --choices` 和测试计划靠它区分选项",
        ),
    ),
    Case(
        "cd209",
        scenario("    choices:\n      - id: empathize", "  choices:\n      - id: empathize"),
        "CD209",
        33,
        3,
        (
            "nodes: `choices` is indented too little and is read as a node id",
            "`choices` is a key of a node: indent it under 'verified', level with that node's other keys",
        ),
        (
            "nodes：`choices` 缩进得太浅，被当成了一个节点 id",
            "`choices` 是节点里的键：把它缩进到 'verified' 下面，与 'verified' 的其他键对齐",
        ),
    ),
    Case(
        "cd300",
        scenario("persona: tiny_debtor", "persona: nobody"),
        "CD300",
        4,
        10,
        ("unknown persona 'nobody'", "add personas/<id>.persona.yaml"),
        ("未知的人设 'nobody'", "在 personas/ 里添加 <id>.persona.yaml"),
    ),
    Case(
        "cd301",
        scenario("start: opening", "start: openning"),
        "CD301",
        14,
        8,
        ("start 'openning' is not a node", "did you mean 'opening'?"),
        ("start 写的 'openning' 不是节点", "是不是想写 'opening'？"),
    ),
    Case(
        "cd302",
        scenario("to: ptp}", "to: pttp}"),
        "CD302",
        37,
        41,
        ("'pttp' is not a node or an ending", "did you mean 'ptp'?"),
        ("'pttp' 既不是节点也不是结局", "是不是想写 'ptp'？"),
    ),
    Case(
        "cd303",
        scenario("  hung_up: {outcome: hung_up}\n", ""),
        "CD303",
        43,
        1,
        (
            "persona 'tiny_debtor' threshold 1 (patience <= 0) goes to 'hung_up', which is not an ending here",
            "add an ending 'hung_up'",
        ),
        (
            "人设 'tiny_debtor' 的第 1 条阈值（patience <= 0）跳转到 'hung_up'，本场景没有这个结局",
            "添加结局 'hung_up'",
        ),
    ),
    Case(
        "cd304",
        scenario("tags: [threaten]", "tags: [threatn]"),
        "CD304",
        26,
        16,
        ("unknown tag 'threatn'", "did you mean 'threaten'?"),
        ("未知的标签 'threatn'", "是不是想写 'threaten'？"),
    ),
    Case(
        "cd304_2",
        scenario("tags: [threaten]", "tags: [apologize]"),
        "CD304",
        26,
        16,
        (
            "unknown tag 'apologize'",
            "no tag is close; pick one from the rubric's kinds: opening, verification, empathy, control, misconduct (docs/reference/tags.md lists the tags of each kind)",
        ),
        (
            "未知的标签 'apologize'",
            "没有相近的标签；从评分细则的这些类别里选：opening（开场）、verification（身份核实）、empathy（共情）、control（掌控）、misconduct（违规）（各类别的标签见 docs/reference/tags.md）",
        ),
    ),
    Case(
        "cd305",
        scenario("difficulty: 1\n", "difficulty: 1\nrubric: defalt\n"),
        "CD305",
        6,
        9,
        ("unknown rubric 'defalt'", "did you mean 'default'?"),
        ("未知的评分细则 'defalt'", "是不是想写 'default'？"),
    ),
    Case(
        "cd305_2",
        scenario("difficulty: 1\n", "difficulty: 1\nrules: us\n"),
        "CD305",
        6,
        8,
        ("unknown rule pack 'us'", "rule packs: cn"),
        ("未知的规则包 'us'", "已加载的规则包：cn"),
    ),
    Case(
        "cd306",
        copied_scenario,
        "CD306",
        1,
        5,
        (
            "scenario id 'tiny_call' is also defined in <tmp>/lib/scenarios/copy.scenario.yaml",
            "ids must be unique",
        ),
        ("场景 id 'tiny_call' 在 <tmp>/lib/scenarios/copy.scenario.yaml 中也定义过", "id 不能重复"),
    ),
    Case(
        "cd307",
        library((RULES, "  - id: CN-OPEN-ID", "  - id: CN-THREAT")),
        "CD307",
        10,
        9,
        ("rule id 'CN-THREAT' is used twice (first at rule 1)", "rule ids must be unique"),
        ("规则 id 'CN-THREAT' 用了两次（第一次是第 1 条规则）", "规则 id 不能重复"),
    ),
    Case(
        "cd308",
        library((PERSONA, "locale: zh-CN", "locale: en-US")),
        "CD308",
        3,
        9,
        (
            "persona 'tiny_debtor' speaks en-US, the scenario is zh-CN",
            "use a persona of the same locale",
        ),
        ("人设 'tiny_debtor' 的语言是 en-US，场景是 zh-CN", "换一个语言相同的人设"),
    ),
    Case(
        "cd309",
        scenario("tags: [threaten]", "tags: [threaten, dead_air]"),
        "CD309",
        26,
        26,
        ("tag 'dead_air' is added by the engine for silence", "remove it; silence is not a choice"),
        ("标签 'dead_air' 由引擎在冷场时自动加上", "删掉它；冷场不是一个选项"),
    ),
    Case(
        "cd310",
        scenario("        next: verified\n        best: true\n", "        next: verified\n"),
        "CD310",
        18,
        5,
        (
            "node 'opening' has no model answer",
            "mark the choice a skilled agent would say here with `best: true` (scores are anchored on it)",
        ),
        (
            "节点 'opening' 没有标准答案",
            "给老练的坐席在这里会说的那句选项加上 `best: true`（分数以它为基准）",
        ),
    ),
    Case(
        "cd311",
        scenario("        tags: [threaten]\n", "        tags: [threaten]\n        best: true\n"),
        "CD311",
        27,
        15,
        (
            "node 'opening' has more than one `best: true` choice",
            "keep `best: true` on one choice: the model answer is a single line",
        ),
        (
            "节点 'opening' 有不止一个 `best: true` 选项",
            "只在一个选项上保留 `best: true`：标准答案只有一句",
        ),
    ),
    Case(
        "cd312",
        scenario("meets_objective: true, ", ""),
        "CD312",
        43,
        1,
        (
            "no ending meets the objective: every call would fail",
            "mark the endings that achieve the objective with `meets_objective: true`",
        ),
        (
            "没有任何结局达成通话目标：每通电话都会不及格",
            "给达成目标的结局加上 `meets_objective: true`",
        ),
    ),
    Case(
        "cd313",
        scenario("difficulty: 1\n", "difficulty: 1\nscoring: {max_major: 5}\n"),
        "CD313",
        6,
        22,
        (
            "max_major 5 is looser than the 'cn' pack's 1",
            "a scenario may be stricter than its pack, never looser: use at most 1",
        ),
        ("max_major 5 比规则包 'cn' 的 1 更松", "场景只能比规则包更严，不能更松：最多写 1"),
    ),
    Case(
        "cd314",
        scenario("difficulty: 1\n", "difficulty: 1\nscoring: {red_lines: [CN-THRET]}\n"),
        "CD314",
        6,
        23,
        ("red line 'CN-THRET' is not a rule of pack 'cn'", "did you mean 'CN-THREAT'?"),
        ("红线 'CN-THRET' 不是规则包 'cn' 里的规则", "是不是想写 'CN-THREAT'？"),
    ),
    Case(
        "cd400",
        scenario('"trust >= 5"', '"trust >== 5"'),
        "CD400",
        37,
        32,
        (
            "condition 'trust >== 5': unexpected character '='",
            "e.g. `patience <= 3 and not dispute_raised`",
        ),
        ("条件 'trust >== 5'：意外的字符 '='", "例如 `patience <= 3 and not dispute_raised`"),
    ),
    Case(
        "cd401",
        scenario('"trust >= 5"', '"trsut >= 5"'),
        "CD401",
        37,
        24,
        (
            "condition 'trsut >= 5': unknown name 'trsut' (not a mood variable, a flag set anywhere, or verified)",
            "did you mean 'trust'?",
        ),
        (
            "条件 'trsut >= 5'：未知的名称 'trsut'（既不是情绪变量、任何地方设置的标志，也不是 verified）",
            "是不是想写 'trust'？",
        ),
    ),
    Case(
        "cd500",
        scenario("say: 今天必须还!", "say: 今天必须还……"),
        "CD500",
        40,
        19,
        (
            "ambiguous-width character '…' (U+2026) may misalign in terminals",
            "write 。 instead of …",
        ),
        ("字符 '…'（U+2026）在不同终端里宽度不一，可能错位", "用 。 代替 …"),
    ),
    Case(
        "cd501",
        library(),
        "CD501",
        39,
        13,
        (
            "choice 'demand' is not the best here and has no feedback",
            "add `feedback:` saying why and what would be better (cite the rule or behaviour)",
        ),
        (
            "选项 'demand' 不是本节点的标准答案，却没有点评",
            "添加 `feedback:`，说明为什么不好、怎样更好（引用相应的规则或行为）",
        ),
    ),
    Case(
        "cd502",
        renamed_scenario,
        "CD502",
        1,
        5,
        ("id 'tiny_call' differs from the file name", "name the file tiny_call.scenario.yaml"),
        ("id 'tiny_call' 与文件名不一致", "把文件命名为 tiny_call.scenario.yaml"),
    ),
    Case(
        "cd503",
        scenario("endings:\n", EXTRA),
        "CD503",
        15,
        1,
        (
            "the model answer is the longest line at 3 of 3 decision points",
            "a trainee who always picks the longest line would pass: make some wrong lines longer (a long-winded or over-explaining mistake) and some model answers short",
        ),
        (
            "在 3 个决策点中，有 3 个的标准答案是最长的那句",
            "总挑最长那句的学员也能及格：把一些错误选项写长（啰嗦、过度解释的错误），把一些标准答案写短",
        ),
    ),
    Case(
        "cd504",
        scenario(
            "summary: 一个用于测试的最小场景。", "summary: >-\n  一个用于测试的\n  最小场景。"
        ),
        "CD504",
        6,
        10,
        (
            "folded block scalar `>-` in zh-CN text: YAML joins its lines with spaces, which puts spaces into Chinese",
            "write the text on one line; to wrap it, put it in double quotes and end each broken line with `\\`",
        ),
        (
            "中文文本用了折叠块标量 `>-`：YAML 会用空格把各行连起来，中文里会多出空格",
            "把文本写在一行里；要分行写，就用双引号括起来，并在每个断行的行尾加 `\\`",
        ),
    ),
]


@pytest.mark.parametrize("case", [c.param() for c in CASES])
def test_each_code_in_both_languages(case: Case, tmp_path: Path) -> None:
    found = [d for d in case.make(tmp_path) if d.code == case.code]
    assert len(found) == 1, [d.format() for d in found]
    d = found[0]
    assert (d.line, d.col, d.level) == (case.line, case.col, CODES[case.code][0])

    def shown(text: str) -> str:
        return text.replace(str(tmp_path), "<tmp>")

    assert (shown(d.said.message("en")), shown(d.said.hint("en"))) == case.en
    assert (shown(d.said.message("zh")), shown(d.said.hint("zh"))) == case.zh
    hint = f" ({d.said.hint('zh')})" if case.zh[1] else ""
    assert d.format("zh") == f"{d.path}:{d.line}:{d.col}: {d.code} {d.said.message('zh')}{hint}"
    assert d.format() == d.format("en") and (d.message, d.hint) == (d.said.message("en"), d.hint)
    assert d.to_dict("zh")["message"] == d.said.message("zh") and d.to_dict("zh")["lang"] == "zh"


def test_every_code_has_a_case_and_a_catalogue_entry() -> None:
    assert {c.code for c in CASES} == set(CODES)
    assert {key.partition(".")[0] for key in DIAGNOSTICS} == set(CODES)


def test_catalogues_use_the_same_fields_in_both_languages() -> None:
    assert check_catalogue({k: message for k, (message, _) in DIAGNOSTICS.items()}) == []
    assert check_catalogue({k: hint for k, (_, hint) in DIAGNOSTICS.items() if hint}) == []
    # pydantic's sentence for an error type we do not know is shown in English only
    assert check_catalogue({k: v for k, v in PHRASES.items() if k != "pyd.other"}) == []
    assert check_catalogue({k: (zh, en) for k, (_, zh, en) in CODES.items()}) == []


def test_chinese_is_chinese_and_prints_at_a_fixed_width() -> None:
    """Every Chinese template is translated, and none holds a character of ambiguous width
    (apart from the CD500 hints, which name the character to replace)."""
    zh_texts = [message[0] for message, _ in DIAGNOSTICS.values()]
    zh_texts += [zh for _, zh, _ in CODES.values()] + list(YAML_PROBLEMS.values())
    untranslated = [
        t for t in zh_texts if not any("\u4e00" <= c <= "\u9fff" or c == "：" for c in t)
    ]
    assert untranslated == []
    everything = [t for pair, _ in DIAGNOSTICS.values() for t in pair]
    everything += [t for key, pair in PHRASES.items() if not key.startswith("width.") for t in pair]
    assert [t for t in everything if _ambiguous().search(t)] == []


@pytest.mark.parametrize(
    ("old", "new", "line", "col", "key"),
    [
        ("        say: 不还钱就等着瞧!", "        say：不还钱就等着瞧!", 25, 12, "say"),
        ("      - id: threaten", "      - id：threaten", 24, 11, "id"),
        ("title: 小测试", "title：小测试", 2, 6, "title"),
        ("  verified:\n    debtor", "  verified：\n    debtor", 29, 11, "verified"),
        (
            "        say: 不还钱就等着瞧!",
            "        say ：不还钱就等着瞧!\n\n        # a comment",
            25,
            13,
            "say",
        ),
    ],
)
def test_full_width_colon_points_at_its_own_line(
    tmp_path: Path, old: str, new: str, line: int, col: int, key: str
) -> None:
    (d,) = scenario(old, new)(tmp_path)
    assert (d.code, d.line, d.col) == ("CD116", line, col)
    assert f"`{key}: ...`" in d.hint and "「：」" in d.said.hint("zh")


def test_a_full_width_colon_far_from_the_error_is_not_blamed(tmp_path: Path) -> None:
    found = scenario("summary: 一个用于测试的最小场景。", "summary: 备注：最小场景\nbad: [x")(
        tmp_path
    )
    assert [d.code for d in found] == ["CD110"]


def test_an_unknown_persona_hides_no_condition_error(tmp_path: Path) -> None:
    found = library(
        ("scenarios/tiny_call.scenario.yaml", "persona: tiny_debtor", "persona: nobody"),
        ("scenarios/tiny_call.scenario.yaml", '"trust >= 5"', '"trst >= 5 or opened_up"'),
    )(tmp_path)
    assert [d.code for d in found if d.level == "error"] == ["CD300", "CD401"]


def test_outdented_choices_replace_the_missing_key_error(tmp_path: Path) -> None:
    found = scenario("    choices:\n      - id: verify", "  choices:\n      - id: verify")(tmp_path)
    assert [(d.code, d.line, d.col) for d in found] == [("CD209", 18, 3)]
    assert "instance of" not in found[0].message and "dictionary" not in found[0].message


def test_duplicate_choice_id_points_at_the_duplicate_not_the_node(tmp_path: Path) -> None:
    found = scenario("      - id: threaten", "      - id: verify")(tmp_path)
    assert [(d.code, d.line, d.col) for d in found] == [("CD208", 24, 13)]


def test_folded_block_in_english_text_is_fine(tmp_path: Path) -> None:
    found = library(
        (
            PERSONA,
            "profile: 34岁,上月被裁员,有还款意愿但能力不足。",
            "profile: >-\n  Lost her job\n  last month.",
        ),
    )(tmp_path)
    assert [d.code for d in found] == ["CD501"]


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("difficulty: 1", "difficulty: 9"),
        ("difficulty: 1", "difficulty: 0"),
        ("difficulty: 1", "difficulty: 2.5"),
        ("difficulty: 1", "difficulty: x"),
        ("title: 小测试", 'title: ""'),
        ("title: 小测试", "title: [a]"),
        ('call: {at: "2026-03-12T10:20:00+08:00"}', 'call: {at: "tomorrow"}'),
        ("objective: 取得客户还款承诺。", "objective: {a: 1}"),
        ("  case: [{label: 逾期天数, value: 45天, key: true}]", "  case: []"),
        ("key: true}]", "key: maybe}]"),
        ("nodes:", "nodes: []\nx_nodes:"),
    ],
)
def test_no_pydantic_english_in_chinese(tmp_path: Path, old: str, new: str) -> None:
    found = scenario(old, new)(tmp_path)
    assert found, "the edit must break the scenario"
    for d in found:
        zh = d.format("zh")
        assert "Input should" not in zh and "should have" not in zh and "Field required" not in zh
        assert d.said.message("zh") != d.said.message("en")
