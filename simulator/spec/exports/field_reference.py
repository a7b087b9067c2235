"""The field reference of the authored formats, rendered as Markdown from the pydantic models.

The authoring guide links to these tables instead of repeating them, so the reference cannot drift
from the models: `docs/gen_reference.py` writes them and a test compares the committed files.
English descriptions are the field docstrings; Chinese ones come from `models.descriptions_zh`.
The tags, rules and codes references are in `catalogue_reference`.
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

from simulator.spec.models.common import ID_PATTERN, RULE_ID_PATTERN, VAR_PATTERN, Localized, Spec
from simulator.spec.models.descriptions_zh import field_description_zh, model_description_zh
from simulator.spec.models.persona import PersonaSpec, SilenceSpec, ThresholdSpec
from simulator.spec.models.rubric import RubricSpec, TagSpec
from simulator.spec.models.rulepack import (
    OutcomeRule,
    PenaltySpec,
    RequiredRule,
    RulePackSpec,
    SequenceRule,
    StateGate,
    TagRule,
    TimeRule,
)
from simulator.spec.models.scenario import (
    AgentSpec,
    BranchSpec,
    CalibrationSpec,
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
ModelType = type[Spec]

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
            (CalibrationSpec, "`scoring.calibration`", "策略校准"),
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
        "列出每个字段的类型、是否必填（或默认值）和说明。中文说明与字段的英文文档字符串"
        "（也就是编辑器根据 JSON Schema 显示的提示）逐条对应。",
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
    "description": {"en": "description", "zh": "说明"},
    "yes": {"en": "required", "zh": "必填"},
    "optional": {"en": "optional", "zh": "可选"},
    "default": {"en": "default", "zh": "默认"},
    "where": {"en": "Where", "zh": "位置"},
    "nonempty": {"en": "at least one", "zh": "至少一项"},
}


def _w(key: str, lang: Lang) -> str:
    return _WORDS[key][lang]


def _anchor(model: type[BaseModel]) -> str:
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


def table_cell(text: str | None) -> str:
    """Text folded onto one line, safe inside a Markdown table cell."""
    return " ".join((text or "").split()).replace("|", "\\|")


def render_model(model: ModelType, where: str, zh_name: str, lang: Lang) -> str:
    """One model: heading, docstring, where it appears, and the table of its fields."""
    lines = [f"### {model.__name__}", ""]
    if lang == "zh":
        lines.append(f"**{zh_name}**：{table_cell(model_description_zh(model))}")
    else:
        lines.append(table_cell(model.__doc__))
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
        text = field_description_zh(model, name) if lang == "zh" else info.description
        lines.append(f"| `{name}` | {rendered} | {_requirement(info, lang)} | {table_cell(text)} |")
    return "\n".join(lines) + "\n"


def render_reference(lang: Lang) -> str:
    """The field reference of every authored format, as Markdown, with headings in `lang`."""
    parts = [f"# {_w('title', lang)}", "", _w("intro", lang), "", _w("types", lang), ""]
    for heading_en, heading_zh, models in SECTIONS:
        parts += [f"## {heading_zh if lang == 'zh' else heading_en}", ""]
        for model, where, zh_name in models:
            parts.append(render_model(model, where, zh_name, lang))
    return "\n".join(parts).rstrip() + "\n"
