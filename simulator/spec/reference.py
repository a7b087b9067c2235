"""The field reference of the authored formats, rendered as Markdown from the pydantic models.

The authoring guide links to these tables instead of repeating them, so the reference cannot drift
from the models: `docs/gen_reference.py` writes them and a test compares the committed files.
Field descriptions are the field docstrings (English by design); the Chinese rendering translates
headings and column names only. The rubric and the rule packs are passed in already loaded, so this
module reads no files and imports nothing from `scoring`.
"""

from __future__ import annotations

import datetime as dt
import types
from collections.abc import Sequence
from typing import Annotated, Any, Literal, Union, get_args, get_origin

import annotated_types
from pydantic import BaseModel
from pydantic.fields import FieldInfo
from pydantic_core import PydanticUndefined

from simulator.spec.common import ID_PATTERN, RULE_ID_PATTERN, VAR_PATTERN, Localized
from simulator.spec.messages import CODES
from simulator.spec.persona import PersonaSpec, SilenceSpec, ThresholdSpec
from simulator.spec.rubric import RubricSpec, TagSpec
from simulator.spec.rulepack import (
    OutcomeRule,
    PenaltySpec,
    RequiredRule,
    RulePackSpec,
    SequenceRule,
    StateGate,
    TagRule,
    TimeRule,
)
from simulator.spec.scenario import (
    AgentSpec,
    BranchSpec,
    CallSpec,
    CaseFileSpec,
    ChoiceSpec,
    Contact,
    DebtorLineSpec,
    EndingSpec,
    Fact,
    MoodLineSpec,
    NodeSpec,
    ScenarioSpec,
    ScoringSpec,
    Transaction,
)

Lang = Literal["en", "zh"]
TOP = "top level of the file"
ModelType = type[BaseModel]

# (section heading en, section heading zh, [(model, where it appears in the YAML, zh name)])
SECTIONS: tuple[tuple[str, str, tuple[tuple[ModelType, str, str], ...]], ...] = (
    (
        "Persona files (`personas/<id>.persona.yaml`)",
        "人设文件（`personas/<id>.persona.yaml`）",
        (
            (PersonaSpec, TOP, "人设"),
            (ThresholdSpec, "`thresholds[]`", "阈值（全局跳转）"),
            (SilenceSpec, "`silence`", "冷场反应"),
        ),
    ),
    (
        "Scenario files (`scenarios/<id>.scenario.yaml`)",
        "场景文件（`scenarios/<id>.scenario.yaml`）",
        (
            (ScenarioSpec, TOP, "场景"),
            (AgentSpec, "`agent`", "坐席身份"),
            (CallSpec, "`call`", "拨打时间"),
            (CaseFileSpec, "`case_file`", "案件档案（五大区域）"),
            (Fact, "`case_file.case[]`, `case_file.account[]`, `case_file.flags[]`", "档案条目"),
            (Contact, "`case_file.contacts[]`", "联系人"),
            (Transaction, "`case_file.transactions[]`", "交易"),
            (ScoringSpec, "`scoring`", "及格线"),
            (NodeSpec, "`nodes.<id>`", "节点"),
            (DebtorLineSpec, "`nodes.<id>.debtor`, `endings.<id>.debtor`", "按情绪分档的客户台词"),
            (MoodLineSpec, "`nodes.<id>.debtor.variants[]`", "情绪分档"),
            (ChoiceSpec, "`nodes.<id>.choices[]`", "选项"),
            (BranchSpec, "`nodes.<id>.choices[].next[]`", "条件分支"),
            (EndingSpec, "`endings.<id>`", "结局"),
        ),
    ),
    (
        "Rubric files (`*.rubric.yaml`)",
        "评分细则文件（`*.rubric.yaml`）",
        (
            (RubricSpec, TOP, "评分细则"),
            (TagSpec, "`tags.<tag>`", "行为标签"),
            (Localized, "`title`, `description`, `statement`", "双语文本"),
        ),
    ),
    (
        "Rule packs (`*.rules.yaml`)",
        "合规规则包（`*.rules.yaml`）",
        (
            (RulePackSpec, TOP, "规则包"),
            (PenaltySpec, "`penalties`", "扣分标准"),
            (TagRule, "`rules[]` (`kind: tag`)", "标签规则"),
            (SequenceRule, "`rules[]` (`kind: sequence`)", "顺序规则"),
            (StateGate, "`rules[].require_state`", "状态要求"),
            (RequiredRule, "`rules[]` (`kind: required`)", "必备规则"),
            (OutcomeRule, "`rules[]` (`kind: outcome`)", "结局规则"),
            (TimeRule, "`rules[]` (`kind: time`)", "时间规则"),
        ),
    ),
)

# Fields whose `id`-shaped words are behaviour tags from the rubric (same pattern as an id).
_TAG_FIELDS = {
    (ChoiceSpec, "tags"),
    (PersonaSpec, "reactions"),
    (RubricSpec, "tags"),
    (TagRule, "tags"),
    (SequenceRule, "tags"),
    (SequenceRule, "require_before"),
    (RequiredRule, "tags"),
    (OutcomeRule, "require_tags"),
}

_WORDS: dict[str, dict[Lang, str]] = {
    "title": {"en": "CallDojo field reference", "zh": "CallDojo 字段参考"},
    "intro": {
        "en": "Generated from the pydantic models by `docs/gen_reference.py`; do not edit by hand. "
        "Every field, its type, whether it is required (or its default) and its description "
        "(the field docstring, which is also what the editor shows from the JSON Schema).",
        "zh": "本文件由 `docs/gen_reference.py` 根据 pydantic 模型自动生成，请勿手工修改。"
        "列出每个字段的类型、是否必填（或默认值）和说明。说明取自字段的文档字符串，"
        "与编辑器里 JSON Schema 的提示一致，统一使用英文。",
    },
    "types": {
        "en": "Types: `id` = snake_case word (`a-z`, digits, `_`, starts with a letter); `tag` = a "
        "behaviour tag from the rubric; `name` = a mood variable or flag; `text` = non-empty text; "
        "`condition` = a `when:` expression; `datetime` = ISO 8601 with a UTC offset; "
        "`date` = YYYY-MM-DD; `map[K, V]` = a YAML mapping; `list[T]` = a YAML list.",
        "zh": "类型说明：`id` = 小写英文标识（字母、数字、`_`，以字母开头）；`tag` = 评分细则中的行为标签；"
        "`name` = 情绪变量或标志名；`text` = 非空文本；`condition` = `when:` 条件表达式；"
        "`datetime` = 带时区偏移的 ISO 8601 时间；`date` = YYYY-MM-DD；`map[K, V]` = YAML 映射；"
        "`list[T]` = YAML 列表。",
    },
    "field": {"en": "field", "zh": "字段"},
    "type": {"en": "type", "zh": "类型"},
    "required": {"en": "required / default", "zh": "必填 / 默认值"},
    "description": {"en": "description", "zh": "说明（英文）"},
    "yes": {"en": "required", "zh": "必填"},
    "optional": {"en": "optional", "zh": "可选"},
    "default": {"en": "default", "zh": "默认"},
    "where": {"en": "Where", "zh": "位置"},
    "nonempty": {"en": "at least one", "zh": "至少一项"},
}


def _w(key: str, lang: Lang) -> str:
    return _WORDS[key][lang]


def _anchor(model: ModelType) -> str:
    return f"[{model.__name__}](#{model.__name__.lower()})"


def _bounds(metadata: Sequence[Any]) -> tuple[str | None, str]:
    """The short name implied by string constraints, and a numeric range suffix."""
    name: str | None = None
    low: Any = None
    high: Any = None
    for item in metadata:
        if isinstance(item, FieldInfo):
            inner_name, inner_range = _bounds(item.metadata)
            name = name or inner_name
            if inner_range:
                return name, inner_range
        pattern = getattr(item, "pattern", None)
        if pattern == ID_PATTERN:
            name = "id"
        elif pattern == RULE_ID_PATTERN:
            name = "rule id"
        elif pattern == VAR_PATTERN:
            name = "name"
        elif pattern is not None:
            name = "HH:MM" if pattern.startswith("^([01]") else "text"
        elif getattr(item, "max_length", None) == 300:
            name = "condition"
        elif getattr(item, "max_length", None) is not None:
            name = "text"
        if isinstance(item, annotated_types.Ge):
            low = item.ge
        if isinstance(item, annotated_types.Le):
            high = item.le
    if low is not None and high is not None:
        return name, f" {low}..{high}"
    return name, ""


def render_type(annotation: Any, *, tag: bool = False) -> str:
    """A compact, readable type: `list[tag]`, `map[name, int 0..10]`, `text | list[text]`."""
    origin = get_origin(annotation)
    args = get_args(annotation)
    if origin is Annotated:
        name, suffix = _bounds(annotation.__metadata__)
        if name == "id" and tag:
            name = "tag"
        return (name or render_type(args[0], tag=tag)) + suffix
    if origin in (Union, types.UnionType):
        return " \\| ".join(render_type(a, tag=tag) for a in args if a is not type(None))
    if origin is Literal:
        return " \\| ".join(f"`{a}`" for a in args)
    if origin is list:
        return f"list[{render_type(args[0], tag=tag)}]"
    if origin is dict:
        return f"map[{render_type(args[0], tag=tag)}, {render_type(args[1])}]"
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return _anchor(annotation)
    simple = {
        str: "text",
        int: "int",
        float: "number",
        bool: "bool",
        dt.datetime: "datetime",
        dt.date: "date",
    }
    if annotation in simple:
        return simple[annotation]
    return str(annotation)


def _yaml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, BaseModel):
        return "{}" if not value.model_dump(exclude_defaults=True) else str(value.model_dump())
    if isinstance(value, list):
        return "[" + ", ".join(_yaml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_yaml_value(v)}" for k, v in value.items()) + "}"
    return str(value)


def _requirement(info: FieldInfo, lang: Lang) -> str:
    container = get_origin(info.annotation) in (list, dict)
    nonempty = container and any(
        isinstance(m, annotated_types.MinLen) and m.min_length >= 1 for m in info.metadata
    )
    if info.is_required():
        return _w("yes", lang) + (f" ({_w('nonempty', lang)})" if nonempty else "")
    if info.default_factory is not None:
        value: Any = info.default_factory()  # type: ignore[call-arg]
    else:
        value = info.default
    if value is None or value is PydanticUndefined:
        return _w("optional", lang)
    return f"{_w('default', lang)} `{_yaml_value(value)}`"


def _cell(text: str | None) -> str:
    return " ".join((text or "").split()).replace("|", "\\|")


def render_model(model: ModelType, where: str, zh_name: str, lang: Lang) -> str:
    """One model: heading, docstring, where it appears, and the table of its fields."""
    doc = _cell(model.__doc__)
    lines = [f"### {model.__name__}", ""]
    lines.append(f"**{zh_name}**：{doc}" if lang == "zh" else doc)
    if lang == "zh" and where == TOP:
        where = "文件顶层"
    colon = "：" if lang == "zh" else ": "
    lines += ["", f"{_w('where', lang)}{colon}{where}", ""]
    header = [_w(k, lang) for k in ("field", "type", "required", "description")]
    lines.append("| " + " | ".join(header) + " |")
    lines.append("| --- | --- | --- | --- |")
    for name, info in model.model_fields.items():
        annotation: Any = info.annotation
        if info.metadata:
            annotation = Annotated[(annotation, *info.metadata)]
        rendered = render_type(annotation, tag=(model, name) in _TAG_FIELDS)
        lines.append(
            f"| `{name}` | {rendered} | {_requirement(info, lang)} | {_cell(info.description)} |"
        )
    return "\n".join(lines) + "\n"


def render_reference(lang: Lang) -> str:
    """The field reference of every authored format, as Markdown, with headings in `lang`."""
    parts = [f"# {_w('title', lang)}", "", _w("intro", lang), "", _w("types", lang), ""]
    for heading_en, heading_zh, models in SECTIONS:
        parts += [f"## {heading_zh if lang == 'zh' else heading_en}", ""]
        for model, where, zh_name in models:
            parts.append(render_model(model, where, zh_name, lang))
    return "\n".join(parts).rstrip() + "\n"


def _points(spec: TagSpec) -> str:
    return ", ".join(f"{dim} {value:+d}" for dim, value in spec.points.items()) or "-"


def render_tags(rubric: RubricSpec) -> str:
    """The tag vocabulary of a rubric, grouped by kind, in both languages."""
    lines = [
        f"# {rubric.title.en} / {rubric.title.zh} (`{rubric.id}`)",
        "",
        "Generated from the rubric by `docs/gen_reference.py`; do not edit by hand. "
        "本文件自动生成，请勿手工修改。",
        "",
        "Points are added per soft dimension for every trainee turn carrying the tag; compliance "
        "comes from the rule packs (see rules.md). 每个带该标签的学员发言按维度累加分值；"
        "合规分由规则包扣分决定（见 rules.md）。",
        "",
        "| tag | kind 类别 | 说明 | description | points 分值 |",
        "| --- | --- | --- | --- | --- |",
    ]
    for tag, spec in rubric.tags.items():
        lines.append(
            f"| `{tag}` | {spec.kind} | {_cell(spec.description.zh)} | "
            f"{_cell(spec.description.en)} | {_points(spec)} |"
        )
    return "\n".join(lines) + "\n"


def _detection(rule: TagRule | SequenceRule | RequiredRule | OutcomeRule | TimeRule) -> str:
    """How a rule is detected, in a few words derived from its data."""
    if isinstance(rule, TagRule):
        text = "any agent turn tagged " + ", ".join(f"`{t}`" for t in rule.tags)
        if rule.parties:
            text += " while " + " or ".join(rule.parties) + " is on the line"
        return text
    if isinstance(rule, SequenceRule):
        text = ", ".join(f"`{t}`" for t in rule.tags)
        needs = []
        if rule.require_state and rule.require_state.verified:
            needs.append("identity verified")
        if rule.require_state and rule.require_state.parties:
            needs.append("party " + " or ".join(rule.require_state.parties))
        if rule.require_before:
            needs.append("an earlier " + " or ".join(f"`{t}`" for t in rule.require_before))
        text += " needs " + " and ".join(needs)
        return text + (f" (once `{rule.after_flag}` is set)" if rule.after_flag else "")
    if isinstance(rule, RequiredRule):
        groups = " and ".join("/".join(f"`{t}`" for t in group) for group in rule.tags)
        window = (
            f"in the first {rule.turns} agent turns"
            if rule.window == "opening"
            else f"within {rule.seconds} s after verification"
        )
        return f"{groups} {window}"
    if isinstance(rule, OutcomeRule):
        parts = []
        if rule.forbid_agent_end:
            parts.append("the agent must not end the call")
        if rule.require_tags:
            groups = " and ".join("/".join(f"`{t}`" for t in group) for group in rule.require_tags)
            scope = " or ".join(f"`{o}`" for o in rule.outcomes) or "any"
            parts.append(f"a {scope} ending needs {groups} in the call")
        text = "; ".join(parts)
        return text + (f" (if `{rule.if_flag}` was set)" if rule.if_flag else "")
    text = f"call placed between {rule.start} and {rule.end} local time"
    return text + (f" unless `{rule.consent_flag}`" if rule.consent_flag else "")


def render_rules(packs: Sequence[RulePackSpec]) -> str:
    """The rule tables of the given packs, in both languages."""
    lines = [
        "# Compliance rule packs / 合规规则包",
        "",
        "Generated from the rule packs by `docs/gen_reference.py`; do not edit by hand. "
        "本文件自动生成，请勿手工修改。",
        "",
    ]
    for pack in packs:
        p = pack.penalties
        lines += [
            f"## `{pack.id}`: {pack.title.en} / {pack.title.zh}",
            "",
            f"Default for {pack.locale}. Penalties 扣分: critical {p.critical}, major {p.major}, "
            f"minor {p.minor}.",
            "",
            "| id | kind | severity 严重程度 | 规则 | rule | detection 判定 | citation 出处 |",
            "| --- | --- | --- | --- | --- | --- | --- |",
        ]
        for rule in pack.rules:
            lines.append(
                f"| `{rule.id}` | {rule.kind} | {rule.severity} | {_cell(rule.statement.zh)} | "
                f"{_cell(rule.statement.en)} | {_cell(_detection(rule))} | "
                f"{_cell(rule.citation) or '-'} |"
            )
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def render_codes() -> str:
    """Every diagnostic code of the validator, its level and meaning, in both languages."""
    lines = [
        "# Diagnostic codes / 诊断代码",
        "",
        "Generated from `simulator/spec/messages.py` by `docs/gen_reference.py`; do not edit by "
        "hand. 本文件自动生成，请勿手工修改。",
        "",
        "`calldojo validate` prints `path:line:col: CODE message (hint)`, in the language of "
        "`--lang zh|en` (default: the system locale, else English). An error makes it exit 1; a "
        "warning (CD5xx) does not. `calldojo validate` 按 `--lang zh|en` 输出 "
        "`路径:行:列: 代码 说明 (提示)`（默认跟随系统语言，否则为英文）。有错误时退出码为 1，"
        "警告（CD5xx）不影响退出码。",
        "",
        "| code 代码 | level 级别 | meaning | 含义 |",
        "| --- | --- | --- | --- |",
    ]
    for code, (level, zh, en) in CODES.items():
        lines.append(f"| {code} | {level} | {_cell(en)} | {_cell(zh)} |")
    return "\n".join(lines) + "\n"
