"""The catalogue of content diagnostics: every code, its messages and hints, in zh-CN and English.

Why this module is long: it is data, one entry per diagnostic in two languages, kept in one place.

One definition of what the validator says. A check names an entry (`CD202`, or `CD202.split`: the
code, a dot and a variant) and passes the values of its `{named}` fields; the diagnostic is
rendered in the language asked for when it is printed. `PHRASES` are the words that fill those
fields (shapes, YAML 1.1 traps, did-you-mean, libyaml's complaints). `CODES` says once what each
code means and at which level it is reported; `docs/gen_reference.py` renders it as
docs/reference/codes.md.

Over 400 lines because it is a two-language table; the checks live in the modules that find the
problems (loading, positions, references, scoring_checks, library).
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from simulator.wording import Lang, Pair, Text, Value, entry

Level = Literal["error", "warning"]

# --- what each code means --------------------------------------------------------------------

CODES: dict[str, tuple[Level, str, str]] = {
    "CD100": (
        "error",
        "文件无法读取（不存在或没有权限）",
        "the file cannot be read (missing or not permitted)",
    ),
    "CD101": ("error", "文件太大", "the file is too large"),
    "CD102": ("error", "文件不是 UTF-8 编码", "the file is not UTF-8 text"),
    "CD103": (
        "error",
        "二进制文件，或文本中有控制字符",
        "a binary file, or a control character in the text",
    ),
    "CD104": ("error", "空文件", "an empty file"),
    "CD105": ("error", "文件顶层不是 `键: 值` 映射", "the top level is not a `key: value` mapping"),
    "CD106": ("error", "文件名不是内容文件的命名方式", "not a content file name"),
    "CD110": ("error", "YAML 语法错误", "a YAML syntax error"),
    "CD111": ("error", "缩进中有制表符（Tab）", "a tab in the indentation"),
    "CD112": ("error", "使用了 YAML 锚点或别名", "a YAML anchor or alias"),
    "CD113": ("error", "同一映射里有重复的键", "a key written twice in one mapping"),
    "CD114": ("error", "使用了 YAML 标签（`!tag`）", "a YAML tag (`!tag`)"),
    "CD115": ("error", "数据嵌套太深", "data nested too deeply"),
    "CD116": ("error", "键后面用了全角冒号「：」", "a full-width colon 「：」 after a key"),
    "CD200": (
        "error",
        "取值超出范围或格式不对（数字范围、长度、日期）",
        "a value out of range or malformed (limits, lengths, dates)",
    ),
    "CD201": ("error", "缺少必填的键", "a required key is missing"),
    "CD202": (
        "error",
        "未知的键（拼写错误，或流式映射中的半角逗号）",
        "an unknown key (a typo, or a comma splitting a flow mapping)",
    ),
    "CD203": (
        "error",
        "没加引号的值被 YAML 1.1 读成了布尔值、数字或日期",
        "an unquoted value read as a boolean, number or date (YAML 1.1)",
    ),
    "CD204": (
        "error",
        "值的形状不对（应为文本、列表或映射）",
        "a value of the wrong shape (text, list or mapping)",
    ),
    "CD205": ("error", "值不在允许的取值之中", "a value that is not one of the allowed words"),
    "CD206": (
        "error",
        "id、规则 id、名称或时间的写法不对",
        "a malformed id, rule id, name or time",
    ),
    "CD207": (
        "error",
        "违反格式规则（如条件分支最后一项必须是兜底分支）",
        "a rule of the format broken (e.g. the last branch must be the fallback)",
    ),
    "CD208": ("error", "同一节点里选项 id 重复", "a choice id used twice in one node"),
    "CD209": (
        "error",
        "键缩进得太浅，被当成了一个节点或结局的 id",
        "a key indented too little, read as a node or ending id",
    ),
    "CD300": ("error", "未知的人设", "an unknown persona"),
    "CD301": ("error", "`start` 不是一个节点", "`start` is not a node"),
    "CD302": (
        "error",
        "`next` 指向的既不是节点也不是结局",
        "`next` names neither a node nor an ending",
    ),
    "CD303": (
        "error",
        "人设的阈值跳转到场景里没有的结局",
        "a persona threshold goes to an ending the scenario lacks",
    ),
    "CD304": ("error", "未知的标签", "an unknown tag"),
    "CD305": ("error", "未知的评分细则或规则包", "an unknown rubric or rule pack"),
    "CD306": ("error", "同一个 id 定义了两次", "an id defined in two files"),
    "CD307": ("error", "规则包里规则 id 重复", "a rule id used twice in a pack"),
    "CD308": (
        "error",
        "人设与场景的语言不同",
        "the persona and the scenario have different locales",
    ),
    "CD309": (
        "error",
        "手写了引擎专用的标签（dead_air）",
        "an engine-only tag (dead_air) written by hand",
    ),
    "CD310": (
        "error",
        "节点没有标准答案（`best: true`）",
        "a node without a model answer (`best: true`)",
    ),
    "CD311": ("error", "节点有不止一个标准答案", "a node with more than one model answer"),
    "CD312": ("error", "没有任何结局达成通话目标", "no ending meets the objective"),
    "CD313": ("error", "及格规则比规则包更松", "pass rules looser than the rule pack's"),
    "CD314": ("error", "红线不是规则包里的规则", "a red line that is not a rule of the pack"),
    "CD400": ("error", "条件写法有误", "a condition that does not parse"),
    "CD401": ("error", "条件里用了未知的名称", "a condition reading an unknown name"),
    "CD500": (
        "warning",
        "终端里宽度不定、可能错位的字符",
        "a character of ambiguous width that may misalign in terminals",
    ),
    "CD501": (
        "warning",
        "非标准答案的选项没有点评（feedback）",
        "a choice other than the model answer without feedback",
    ),
    "CD502": ("warning", "id 与文件名不一致", "the id differs from the file name"),
    "CD503": (
        "warning",
        "多数节点上标准答案都是最长的那句",
        "the model answer is the longest line at most nodes",
    ),
    "CD504": (
        "warning",
        "中文文本用了折叠块标量（`>` / `>-`），会在中文里插入空格",
        "a folded block scalar (`>`, `>-`) in zh-CN text puts spaces into Chinese",
    ),
}

# --- every message: (message, hint or None), each (zh-CN, English) -------------------------------

SUGGESTION: Pair = ("{suggestion}", "{suggestion}")
"""A hint that is entirely another phrase (a did-you-mean, or the list to pick from)."""
_FLATTEN: Pair = ("减少嵌套层数", "flatten the data")

DIAGNOSTICS: dict[str, tuple[Pair, Pair | None]] = {
    # files
    "CD100.missing": (("文件不存在", "file not found"), ("检查路径", "check the path")),
    "CD100.unreadable": (
        ("无法读取文件：{reason}", "cannot read file: {reason}"),
        ("检查文件和所在文件夹的读取权限", "check the read permission of the file and its folder"),
    ),
    "CD100.special": (
        ("不是普通文件（管道、设备或文件夹）", "not a regular file (a pipe, a device or a folder)"),
        ("内容文件夹里只放普通的 YAML 文件", "keep only regular YAML files in a content folder"),
    ),
    "CD101": (
        (
            "文件有 {size:,} 字节，上限是 {limit:,}",
            "file is {size:,} bytes; the limit is {limit:,}",
        ),
        ("把它拆成几个文件", "split it"),
    ),
    "CD102": (
        ("文件不是 UTF-8 编码", "file is not UTF-8 text"),
        ("另存为 UTF-8 编码（不要用 GBK 或 UTF-16）", "save it as UTF-8 (not GBK or UTF-16)"),
    ),
    "CD103.binary": (
        ("二进制文件（含 NUL 字节）", "binary file (contains NUL bytes)"),
        ("内容文件应是 UTF-8 编码的 YAML 文本", "content files are UTF-8 YAML text"),
    ),
    "CD103.control": (
        ("文本中有控制字符 {char!r}", "control character {char!r} in the text"),
        ("删掉它", "delete it"),
    ),
    "CD104": (
        ("空文件", "empty file"),
        ("从 docs/ 中的模板或现有文件开始写", "start from a template in docs/ or an existing file"),
    ),
    "CD105": (
        ("文件顶层是{kind}，而不是映射", "the top level is {kind}, not a mapping"),
        ("在顶层写 `键: 值` 形式的行", "write `key: value` lines at the top level"),
    ),
    "CD106": (
        ("不是内容文件的文件名", "not a content file name"),
        (
            "文件名应为 *.scenario.yaml、*.persona.yaml、*.rubric.yaml 或 *.rules.yaml",
            "name it *.scenario.yaml, *.persona.yaml, *.rubric.yaml or *.rules.yaml",
        ),
    ),
    # YAML
    "CD110.syntax": (
        ("YAML 语法错误：{problem}", "YAML syntax error: {problem}"),
        ("检查这里附近的引号和缩进", "check quoting and indentation around here"),
    ),
    "CD110.documents": (
        ("文件里有不止一个 YAML 文档（`---`）", "more than one YAML document (`---`) in the file"),
        ("每个文件只写一个文档", "keep one document per file"),
    ),
    "CD110.other": (("YAML 错误：{detail}", "YAML error: {detail}"), None),
    "CD111": (
        ("缩进中有制表符（Tab）", "tab character in indentation"),
        ("只用空格缩进", "indent with spaces only"),
    ),
    "CD112": (
        (
            "不允许使用 YAML 锚点和别名（&name / *name）",
            "YAML anchors and aliases (&name / *name) are not allowed",
        ),
        (
            "把内容完整写出来；别名可能展开成极大的文档",
            "write the value out in full; an alias can expand to a huge document",
        ),
    ),
    "CD113": (
        (
            "重复的键 {key!r}（第一次出现在第 {first} 行）",
            "duplicate key {key!r} (first at line {first})",
        ),
        (
            "YAML 只保留最后一个；合并两处或删掉一处（第 {first} 行）",
            "YAML keeps only the last one; merge the two or delete one (line {first})",
        ),
    ),
    "CD114": (
        ("不允许使用 YAML 标签 {tag!r}", "YAML tag {tag!r} is not allowed"),
        ("删掉 `!标签`；内容文件只写普通数据", "remove the `!tag`; content is plain data"),
    ),
    "CD115.deep": (("数据嵌套太深", "the data is nested too deeply"), ("减少嵌套", "flatten it")),
    "CD115.flow": (("嵌套超过 {limit} 层", "nested deeper than {limit} levels"), _FLATTEN),
    "CD116": (
        (
            "`{key}` 后面是全角冒号「：」，YAML 不会把这一行读成键",
            "`{key}` is followed by a full-width colon 「：」, so YAML does not read a key here",
        ),
        (
            "中文输入法打出了全角「：」：改成半角冒号加一个空格，写作 `{key}: ...`",
            "a Chinese input method typed the full-width 「：」: write an ASCII colon and a space, "
            "`{key}: ...`",
        ),
    ),
    # schema
    "CD200": (("{where}：{problem}", "{where}: {problem}"), None),
    "CD201": (
        ("{where}：缺少必填的键 {key!r}", "{where}: missing required key {key!r}"),
        ("字段说明（英文）：{description}", "{description}"),
    ),
    "CD201.bare": (
        ("{where}：缺少必填的键 {key!r}", "{where}: missing required key {key!r}"),
        None,
    ),
    "CD202": (("{where}：未知的键 {key!r}", "{where}: unknown key {key!r}"), SUGGESTION),
    "CD203": (
        (
            "{where}：没加引号的 {value} 被 YAML 1.1 读成了{trap}，而不是文本",
            "{where}: unquoted {value} was read as {trap} (YAML 1.1), not as text",
        ),
        ('加上引号："{value}"', 'quote it: "{value}"'),
    ),
    "CD204": (
        ("{where}：应为{expected}，实际是{found}", "{where}: expected {expected}; found {found}"),
        None,
    ),
    "CD204.union": (
        ("{where}：应为{expected}，实际是{found}", "{where}: expected {expected}; found {found}"),
        (
            "字段的写法见 docs/reference/ 中的字段参考",
            "see the schema for this key",
        ),
    ),
    "CD205": (("{where}：不允许写 {value!r}", "{where}: {value!r} is not allowed"), SUGGESTION),
    "CD206.id": (
        ("{where}：{value!r} 不是合法的 id", "{where}: {value!r} is not a valid id"),
        (
            "只能用小写英文字母、数字和 _，并以字母开头",
            "use lower-case letters, digits and _, starting with a letter",
        ),
    ),
    "CD206.name": (
        ("{where}：{value!r} 不是合法的名称", "{where}: {value!r} is not a valid name"),
        (
            "只能用小写英文字母、数字和 _，并以字母开头",
            "use lower-case letters, digits and _, starting with a letter",
        ),
    ),
    "CD206.rule_id": (
        ("{where}：{value!r} 不是合法的规则 id", "{where}: {value!r} is not a valid rule id"),
        ("写成 CN-THREAT 或 US-MINI-MIRANDA 这样", "write it like CN-THREAT or US-MINI-MIRANDA"),
    ),
    "CD206.time": (
        ("{where}：{value!r} 不是 HH:MM 格式的时间", "{where}: {value!r} is not a time HH:MM"),
        (
            '用 24 小时制并加引号，如 "08:00"、"21:00"',
            'write a quoted 24-hour time such as "08:00" or "21:00"',
        ),
    ),
    "CD206": (
        ("{where}：{value!r} 的格式不对", "{where}: {value!r} does not match the expected pattern"),
        None,
    ),
    "CD207": (("{where}：{problem}", "{where}: {problem}"), None),
    "CD208": (
        (
            "节点 {owner!r} 里选项 id {choice!r} 出现了两次",
            "choice id {choice!r} appears twice in node {owner!r}",
        ),
        (
            "同一节点内的选项 id 不能重复（第一次是第 {first} 个选项）；`play --choices` 和测试计划靠它区分选项",
            "choice ids must be unique within a node (first at choice {first}); "
            "`play --choices` and plans tell choices apart by it",
        ),
    ),
    "CD209": (
        (
            "{where}：`{key}` 缩进得太浅，被当成了一个{entry} id",
            "{where}: `{key}` is indented too little and is read as a {entry} id",
        ),
        (
            "`{key}` 是{entry}里的键：把它缩进到 {previous!r} 下面，与 {previous!r} 的其他键对齐",
            "`{key}` is a key of a {entry}: indent it under {previous!r}, level with that {entry}'s other keys",
        ),
    ),
    "CD209.first": (
        (
            "{where}：`{key}` 缩进得太浅，被当成了一个{entry} id",
            "{where}: `{key}` is indented too little and is read as a {entry} id",
        ),
        (
            "`{key}` 是{entry}里的键：把它缩进到它所属的{entry}下面",
            "`{key}` is a key of a {entry}: indent it under the {entry} it belongs to",
        ),
    ),
    # references
    "CD300": (("未知的人设 {persona!r}", "unknown persona {persona!r}"), SUGGESTION),
    "CD301": (("start 写的 {start!r} 不是节点", "start {start!r} is not a node"), SUGGESTION),
    "CD302": (
        ("{target!r} 既不是节点也不是结局", "{target!r} is not a node or an ending"),
        SUGGESTION,
    ),
    "CD303": (
        (
            "人设 {persona!r} 的第 {number} 条阈值（{when}）跳转到 {goto!r}，本场景没有这个结局",
            "persona {persona!r} threshold {number} ({when}) goes to {goto!r}, which is not an ending here",
        ),
        ("添加结局 {goto!r}", "add an ending {goto!r}"),
    ),
    "CD304": (("未知的标签 {tag!r}", "unknown tag {tag!r}"), SUGGESTION),
    "CD305.rubric": (("未知的评分细则 {rubric!r}", "unknown rubric {rubric!r}"), SUGGESTION),
    "CD305.pack": (("未知的规则包 {pack!r}", "unknown rule pack {pack!r}"), SUGGESTION),
    "CD306": (
        ("{kind} id {id!r} 在 {first} 中也定义过", "{kind} id {id!r} is also defined in {first}"),
        ("id 不能重复", "ids must be unique"),
    ),
    "CD307": (
        (
            "规则 id {rule!r} 用了两次（第一次是第 {first} 条规则）",
            "rule id {rule!r} is used twice (first at rule {first})",
        ),
        ("规则 id 不能重复", "rule ids must be unique"),
    ),
    "CD308": (
        (
            "人设 {persona!r} 的语言是 {persona_locale}，场景是 {locale}",
            "persona {persona!r} speaks {persona_locale}, the scenario is {locale}",
        ),
        ("换一个语言相同的人设", "use a persona of the same locale"),
    ),
    "CD309": (
        ("标签 {tag!r} 由引擎在冷场时自动加上", "tag {tag!r} is added by the engine for silence"),
        ("删掉它；冷场不是一个选项", "remove it; silence is not a choice"),
    ),
    "CD310": (
        ("节点 {node!r} 没有标准答案", "node {node!r} has no model answer"),
        (
            "给老练的坐席在这里会说的那句选项加上 `best: true`（分数以它为基准）",
            "mark the choice a skilled agent would say here with `best: true` (scores are anchored on it)",
        ),
    ),
    "CD311": (
        (
            "节点 {node!r} 有不止一个 `best: true` 选项",
            "node {node!r} has more than one `best: true` choice",
        ),
        (
            "只在一个选项上保留 `best: true`：标准答案只有一句",
            "keep `best: true` on one choice: the model answer is a single line",
        ),
    ),
    "CD312": (
        (
            "没有任何结局达成通话目标：每通电话都会不及格",
            "no ending meets the objective: every call would fail",
        ),
        (
            "给达成目标的结局加上 `meets_objective: true`",
            "mark the endings that achieve the objective with `meets_objective: true`",
        ),
    ),
    "CD313": (
        (
            "max_major {own} 比规则包 {pack!r} 的 {limit} 更松",
            "max_major {own} is looser than the {pack!r} pack's {limit}",
        ),
        (
            "场景只能比规则包更严，不能更松：最多写 {limit}",
            "a scenario may be stricter than its pack, never looser: use at most {limit}",
        ),
    ),
    "CD314": (
        (
            "红线 {rule!r} 不是规则包 {pack!r} 里的规则",
            "red line {rule!r} is not a rule of pack {pack!r}",
        ),
        SUGGESTION,
    ),
    "CD400": (
        ("条件 {condition!r}：{problem}", "condition {condition!r}: {problem}"),
        (
            "例如 `patience <= 3 and not dispute_raised`",
            "e.g. `patience <= 3 and not dispute_raised`",
        ),
    ),
    "CD401": (
        (
            "条件 {condition!r}：未知的名称 {name!r}（既不是情绪变量、任何地方设置的标志，也不是 verified）",
            "condition {condition!r}: unknown name {name!r} (not a mood variable, a flag set anywhere, or verified)",
        ),
        SUGGESTION,
    ),
    # warnings
    "CD500": (
        (
            "字符 {char!r}（U+{codepoint:04X}）在不同终端里宽度不一，可能错位",
            "ambiguous-width character {char!r} (U+{codepoint:04X}) may misalign in terminals",
        ),
        SUGGESTION,
    ),
    "CD501": (
        (
            "选项 {choice!r} 不是本节点的标准答案，却没有点评",
            "choice {choice!r} is not the best here and has no feedback",
        ),
        (
            "添加 `feedback:`，说明为什么不好、怎样更好（引用相应的规则或行为）",
            "add `feedback:` saying why and what would be better (cite the rule or behaviour)",
        ),
    ),
    "CD502": (
        ("id {id!r} 与文件名不一致", "id {id!r} differs from the file name"),
        ("把文件命名为 {name}", "name the file {name}"),
    ),
    "CD503": (
        (
            "在 {decisions} 个决策点中，有 {longest} 个的标准答案是最长的那句",
            "the model answer is the longest line at {longest} of {decisions} decision points",
        ),
        (
            "总挑最长那句的学员也能及格：把一些错误选项写长（啰嗦、过度解释的错误），把一些标准答案写短",
            "a trainee who always picks the longest line would pass: make some wrong lines longer "
            "(a long-winded or over-explaining mistake) and some model answers short",
        ),
    ),
    "CD504": (
        (
            "中文文本用了折叠块标量 `{indicator}`：YAML 会用空格把各行连起来，中文里会多出空格",
            "folded block scalar `{indicator}` in zh-CN text: YAML joins its lines with spaces, "
            "which puts spaces into Chinese",
        ),
        (
            "把文本写在一行里；要分行写，就用双引号括起来，并在每个断行的行尾加 `\\`",
            "write the text on one line; to wrap it, put it in double quotes and end each broken "
            "line with `\\`",
        ),
    ),
}

# --- words that fill the fields -------------------------------------------------------------

PHRASES: dict[str, Pair] = {
    "did_you_mean": ("是不是想写 {close!r}？", "did you mean {close!r}?"),
    "one_of": ("可选值：{options}", "one of: {options}"),
    "allowed_keys": ("可用的键：{keys}", "allowed keys: {keys}"),
    "split_comma": (
        "{{...}} 流式映射里的半角逗号把文本拆开了：给这一行加引号，或改用全角逗号，",
        "a comma inside a {{...}} flow mapping splits the text: quote the line or use the full-width comma ，",
    ),
    "add_persona": ("在 personas/ 里添加 <id>.persona.yaml", "add personas/<id>.persona.yaml"),
    "known_nodes": ("已有节点：{ids}", "nodes: {ids}"),
    "known_rubrics": ("已加载的评分细则：{ids}", "rubrics: {ids}"),
    "known_packs": ("已加载的规则包：{ids}", "rule packs: {ids}"),
    "known_names": ("可用的名称：{names}", "known names: {names}"),
    "pack_rules": ("规则包 {pack!r} 的规则：{rules}", "rules of {pack!r}: {rules}"),
    "none_loaded": ("（一个也没有加载）", "none loaded"),
    "name_target": ("写一个节点或结局的 id", "name a node or an ending"),
    "tag_kinds": (
        "没有相近的标签；从评分细则的这些类别里选：{kinds}（各类别的标签见 docs/reference/tags.md）",
        "no tag is close; pick one from the rubric's kinds: {kinds} "
        "(docs/reference/tags.md lists the tags of each kind)",
    ),
    "no_vocabulary": ("评分细则里有标签词表", "see the rubric for the tag vocabulary"),
    "top_level": ("文件顶层", "top level"),
    # shapes and what YAML read
    "kind.mapping": ("映射", "mapping"),
    "kind.list": ("列表", "list"),
    "kind.scalar": ("单个值", "scalar"),
    "top.list": ("列表", "a list"),
    "top.value": ("单个值（{type}）", "a single value ({type})"),
    "trap.bool": ("布尔值（true/false）", "a true/false value"),
    "trap.number": ("数字", "a number"),
    "trap.date": ("日期", "a date"),
    "trap.null": ("空值（null）", "an empty value (null)"),
    "shape.list": ("列表", "a list"),
    "shape.mapping": ("映射", "a mapping"),
    "shape.mapping_of": ("映射（{fields}）", "a mapping ({fields})"),
    "shape.text": ("文本", "text"),
    "expect.text": ("文本", "text"),
    "expect.int": ("整数", "a whole number"),
    "expect.number": ("数字", "a number"),
    "expect.bool": ("true 或 false", "true or false"),
    "expect.list": ("列表", "a list"),
    "expect.mapping": ("映射（`键: 值` 的行）", "a mapping (`key: value` lines)"),
    "expect.datetime": ("日期时间", "a date and time"),
    "expect.date": ("日期", "a date"),
    "file.scenario": ("场景", "scenario"),
    "file.persona": ("人设", "persona"),
    "file.rubric": ("评分细则", "rubric"),
    "file.rules": ("规则包", "rules"),
    "entry.NodeSpec": ("节点", "node"),
    "entry.EndingSpec": ("结局", "ending"),
    "entry.TagSpec": ("标签", "tag"),
    "entry.other": ("条目", "entry"),
    # pydantic's error types, in our words (never pydantic's English)
    "pyd.less_than_equal": ("{value} 超过了上限 {limit}", "{value} is above the maximum {limit}"),
    "pyd.less_than": ("{value} 应小于 {limit}", "{value} should be less than {limit}"),
    "pyd.greater_than_equal": ("{value} 低于下限 {limit}", "{value} is below the minimum {limit}"),
    "pyd.greater_than": ("{value} 应大于 {limit}", "{value} should be more than {limit}"),
    "pyd.too_short": ("至少要有 {limit} 项", "needs at least {limit} item(s)"),
    "pyd.too_long": ("最多只能有 {limit} 项", "allows at most {limit} item(s)"),
    "pyd.string_too_short": ("不能为空", "must not be empty"),
    "pyd.string_too_long": ("超过了 {limit} 个字符的上限", "is longer than {limit} characters"),
    "pyd.int_parsing": ("{value!r} 不是整数", "{value!r} is not a whole number"),
    "pyd.float_parsing": ("{value!r} 不是数字", "{value!r} is not a number"),
    "pyd.bool_parsing": ("{value!r} 不是 true 或 false", "{value!r} is not true or false"),
    "pyd.datetime": (
        '{value!r} 不是日期时间，应写成 "2026-03-12T10:20:00+08:00" 这样',
        '{value!r} is not a date and time like "2026-03-12T10:20:00+08:00"',
    ),
    "pyd.date": (
        "{value!r} 不是日期，应写成 2026-03-12 这样",
        "{value!r} is not a date like 2026-03-12",
    ),
    "pyd.union_tag_not_found": (
        "缺少说明类型的键 {discriminator}",
        "missing the key {discriminator} that says which kind this is",
    ),
    "pyd.other": ("取值不符合要求（校验错误类型 {type}）", "{detail} ({type})"),
    # our own model rules (CD207)
    "rule.next_empty": ("next 至少要有一个分支", "next needs at least one branch"),
    "rule.fallback": (
        "next 的最后一个分支不能有 `when`（它是兜底分支）",
        "the last branch of next must have no `when` (the fallback)",
    ),
    "rule.utc_offset": (
        "call.at 需要带时区偏移，如 2026-03-12T10:20:00+08:00",
        "call.at needs a UTC offset, e.g. 2026-03-12T10:20:00+08:00",
    ),
    "rule.mood_core": (
        "mood 必须定义 {names}（初始值 0..10）",
        "mood must define {names} (start values 0..10)",
    ),
    # conditions (CD400)
    "cond.bad_char": ("意外的字符 {char!r}", "unexpected character {char!r}"),
    "cond.trailing": (
        "意外的 {token!r}；这里应是 `and`、`or` 或条件结尾",
        "unexpected {token!r}; expected `and`, `or` or the end",
    ),
    "cond.keyword": (
        "这里应是名称或数字，却是 {token!r}",
        "expected a name or a number, found {token!r}",
    ),
    "cond.paren": ("缺少 `)`", "missing `)`"),
    "cond.early_end": ("条件提前结束了", "the condition ends too early"),
    "cond.unexpected": ("意外的 {token!r}", "unexpected {token!r}"),
    # ambiguous-width characters (CD500)
    "width.…": ("用 。 代替 …", "write 。 instead of …"),
    "width.“": ("用 「 」 作引号", "use 「 」 for quotes"),
    "width.”": ("用 「 」 作引号", "use 「 」 for quotes"),
    "width.‘": ("用 『 』 作内层引号", "use 『 』 for inner quotes"),
    "width.’": ("用 『 』 作内层引号，英文里用 '", "use 『 』 for inner quotes, or ' in English"),
    "width.—": ("用 ，或 ：代替破折号", "use ，or ：instead of a dash"),
    "width.·": ("用 、 代替间隔号", "use 、 instead of the middle dot"),
    "width.other": (
        "用全角标点：。 ， ； ： 「 」",
        "use full-width punctuation: 。 ， ； ： 「 」",
    ),
    # tag kinds of the rubric (CD304)
    "tagkind.opening": ("opening（开场）", "opening"),
    "tagkind.verification": ("verification（身份核实）", "verification"),
    "tagkind.disclosure": ("disclosure（告知）", "disclosure"),
    "tagkind.empathy": ("empathy（共情）", "empathy"),
    "tagkind.clarity": ("clarity（清晰）", "clarity"),
    "tagkind.control": ("control（掌控）", "control"),
    "tagkind.negotiation": ("negotiation（协商）", "negotiation"),
    "tagkind.closing": ("closing（结束）", "closing"),
    "tagkind.misconduct": ("misconduct（违规）", "misconduct"),
}

# libyaml's complaints (CD110), in Chinese; English keeps libyaml's own words.
YAML_PROBLEMS: dict[str, str] = {
    "could not find expected ':'": "找不到应有的冒号 `:`",
    "mapping values are not allowed in this context": "这里不能出现 `键: 值`（值里的冒号要加引号，或缩进不对）",
    "did not find expected key": "找不到应有的键（缩进可能不对）",
    "did not find expected '-' indicator": "找不到应有的列表项标记 `-`（缩进可能不对）",
    "did not find expected ',' or ']'": "找不到应有的 `,` 或 `]`（方括号没有闭合）",
    "did not find expected ',' or '}'": "找不到应有的 `,` 或 `}`（花括号没有闭合）",
    "did not find expected node content": "这里缺少一个值",
    "found character that cannot start any token": "这个字符不能出现在值的开头（以 @ 或 ` 开头的值要加引号）",
    "found unexpected end of stream": "文件在引号闭合之前就结束了",
    "found unknown escape character": "双引号里有未知的转义字符（反斜杠 \\ 后面的字符）",
    "did not find expected comment or line break": "这里应是注释或换行",
    "block sequence entries are not allowed in this context": "这里不能出现列表项 `-`",
    "found undefined alias": "找不到这个别名（*name）",
    "found unknown directive name": "未知的 YAML 指令（% 开头的行）",
    "did not find expected <document start>": "这里应是文档的开头",
}


# --- building what a check says ----------------------------------------------------------------


@dataclass(frozen=True)
class Said:
    """What a diagnostic says: its code and level, its message and its hint, in both languages."""

    code: str
    level: Level
    text: Text
    advice: Text | None

    def message(self, lang: Lang = "en") -> str:
        """The message in `lang`."""
        return self.text.render(lang)

    def hint(self, lang: Lang = "en") -> str:
        """The hint in `lang` (empty when there is none)."""
        return self.advice.render(lang) if self.advice is not None else ""


def said(key: str, /, **fields: Value) -> Said:
    """The diagnostic entry `key` (`CD202` or `CD202.split`) with its field values."""
    message, hint = DIAGNOSTICS[key]
    code = key.partition(".")[0]
    values = tuple(fields.items())
    advice = Text(f"{key}#hint", hint, values) if hint is not None else None
    return Said(code, CODES[code][0], Text(key, message, values), advice)


def phrase(key: str, /, **fields: Value) -> Text:
    """A phrase of `PHRASES` with its field values."""
    return entry(PHRASES, key, **fields)


def yaml_problem(problem: str) -> Text:
    """The complaint of libyaml: its own words in English, a translation in Chinese when we have one."""
    return Text("yaml", (YAML_PROBLEMS.get(problem, problem), problem))


def did_you_mean(word: str, candidates: Iterable[str]) -> Text | None:
    """A `did you mean 'x'?` phrase for the closest candidate, or None."""
    close = difflib.get_close_matches(word, list(candidates), n=1, cutoff=0.6)
    return phrase("did_you_mean", close=close[0]) if close else None


class SpecValueError(ValueError):
    """Raised by a model validator with a catalogue entry instead of an English sentence.

    `key` is a `DIAGNOSTICS` entry; `schema_errors` adds the fields `where` (the dotted location)
    and `owner` (the id of the validated value, e.g. the node's). `at` points below the validated
    value at the culprit (e.g. `("choices", 2, "id")`).
    """

    def __init__(self, key: str, at: tuple[int | str, ...] = (), **fields: Value) -> None:
        self.key, self.at, self.fields = key, at, fields
        super().__init__(said(key, where="", owner="", **fields).message("en").removeprefix(": "))
