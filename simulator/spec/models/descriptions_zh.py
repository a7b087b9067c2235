"""Chinese descriptions of the authored models and their fields, for trainers at Chinese banks.

The English descriptions are the docstrings in the model modules (they also feed the JSON Schemas);
this table is their zh-CN counterpart, keyed by model and field, and is what `fields.zh.md` shows.
Fields shared by every rule kind are described once, on `RuleBase`. A test checks that every field
of every model reachable from the four file formats has an entry here, and that no entry is stale.
YAML keys, tag names, codes and examples stay as they are written in the files.
"""

from __future__ import annotations

from simulator.spec.models.common import Localized, Spec
from simulator.spec.models.persona import PersonaSpec, SilenceSpec, ThresholdSpec
from simulator.spec.models.rubric import RubricSpec, TagSpec
from simulator.spec.models.rulepack import (
    OutcomeRule,
    PenaltySpec,
    RequiredRule,
    RuleBase,
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

MODELS_ZH: dict[type[Spec], str] = {
    PersonaSpec: "可在多个场景中复用的客户人设（`*.persona.yaml`）。",
    ThresholdSpec: "全局跳转：每轮对话后只要条件成立，无论当前处于哪个节点都会触发。",
    SilenceSpec: "学员未在应答计时内作答（冷场）时，人设的反应。",
    ScenarioSpec: "一通练习电话（`*.scenario.yaml`）。",
    AgentSpec: "学员在本通电话中扮演的坐席。",
    CallSpec: "电话拨出的时间与方式。",
    CaseFileSpec: "催收系统案件视图的五大区域（拨打前查看的人物画像）。",
    Fact: "案件档案某一区域中的一条带标签的信息。",
    Contact: "案件档案通讯录中的一条记录。",
    Transaction: "账户逾期以来的一笔交易（或此前值得注意的一笔）。",
    ScoringSpec: "本场景的及格规则：只能比规则包更严格，不能更宽松。",
    CalibrationSpec: "哪些脚本化学员策略必须通过、哪些必须不通过（由 `calldojo simulate` 检查）。",
    NodeSpec: "决策点：客户说话，学员选择应答。",
    DebtorLineSpec: "按情绪分档给出不同版本的客户台词。",
    MoodLineSpec: "随人设情绪变化的台词：取第一个条件成立的版本。",
    ChoiceSpec: "学员在某个节点可以说的一句话。",
    BranchSpec: "条件式 `next` 的一个分支：取第一个 `when` 成立的分支。",
    EndingSpec: "电话的一个结局（终止状态）。",
    RubricSpec: "评分细则（`*.rubric.yaml`）：行为标签词表及其分值。",
    TagSpec: "一个行为标签：含义与计分方式。",
    Localized: "同时提供两种界面语言的文本。",
    RulePackSpec: "合规规则包（`*.rules.yaml`）。",
    PenaltySpec: "每次违规按严重程度扣除的合规分（合规分 = 100 减去扣分，最低为 0）。",
    TagRule: "坐席任何一句带有所列标签的发言都算违规。",
    SequenceRule: "带标签的坐席发言必须满足所需状态或之前已出现某个标签，否则算违规。",
    StateGate: "顺序规则要求的引擎状态。",
    RequiredRule: "必须在通话的某个时间窗口内出现的行为。",
    OutcomeRule: "检查通话的结束方式。",
    TimeRule: "电话必须在允许的当地时间段内拨出。",
}

FIELDS_ZH: dict[type[Spec], dict[str, str]] = {
    PersonaSpec: {
        "id": "人设的唯一 id，场景通过 `persona:` 引用；请与文件名（去掉后缀）一致。",
        "name": "通话界面上显示的客户姓名（例如 王丽）。",
        "locale": "该人设使用的语言：`zh-CN` 或 `en-US`。",
        "archetype": "该人设用于训练应对的行为类型（hang_up、hardship、dispute、abusive 等）。",
        "profile": "给培训师看的简短画像：年龄、处境、对欠款的态度。",
        "mood": "各情绪变量的初始值，取值 0..10；`patience` 和 `trust` 必须提供。",
        "reactions": "学员的每个行为标签在所有场景中如何影响情绪：`{threaten: {patience: -4}}`。",
        "thresholds": "每轮对话后按顺序检查的全局跳转（例如 patience <= 0 -> hung_up）。",
        "silence": "学员冷场（应答计时结束仍未作答）时客户的反应。",
        "hang_up": "客户挂断时说的话；结局自带台词时以结局为准。",
    },
    ThresholdSpec: {
        "when": "基于情绪变量和标志的条件，例如 `patience <= 0`；每轮对话后检查。",
        "goto": "触发后跳转到的结局（场景中必须定义同 id 的结局），例如 `hung_up`。",
        "set": "触发时设置的标志，例如 `{opened_up: true}`。",
        "debtor": "触发时客户说的话（例如挂断前的一句）。",
        "once": "每通电话最多触发一次（带 `goto` 的阈值触发后通话即结束）。",
    },
    SilenceSpec: {
        "lines": "冷场时客户说的话；每次冷场按随机种子从中选一句。",
        "effect": "冷场对情绪的影响，例如 `{patience: -2}`。",
    },
    ScenarioSpec: {
        "id": "场景的唯一 id；请与文件名（去掉后缀）一致。",
        "title": "场景选择列表中显示的标题。",
        "locale": "通话内容使用的语言：`zh-CN` 或 `en-US`。",
        "persona": "本通电话中客户所用人设的 id。",
        "difficulty": "难度：1（入职第一周）到 5（认证水平）。",
        "tags": "用于在场景选择列表中筛选的自由标签（例如 m2、hardship、third_party）。",
        "summary": "两三句话的简介：案件情况，以及学员需要达成的目标。",
        "rules": "使用的合规规则包（`cn` 或 `us`），默认按语言选择。",
        "rubric": "定义行为标签与分值的评分细则。",
        "agent": "学员扮演的坐席。",
        "call": "电话拨出的时间。",
        "case_file": "学员拨打前查看的案件档案。",
        "objective": "一通好电话应达成的目标，显示在案件档案中（例如 3 天内承诺还款不少于 ¥2,000）。",
        "scoring": "及格线与直接判不及格的严重程度。",
        "start": "第一个节点。",
        "nodes": "按 id 列出的决策节点。",
        "endings": "按 id 列出的结局（终止状态）。",
    },
    AgentSpec: {
        "name": "坐席的姓名或登记的工作名。",
        "employee_id": "坐席必须如实告知的工号。",
        "institution": "坐席所代表机构的全称。",
    },
    CallSpec: {
        "at": "学员即将拨号的模拟时刻，带 UTC 偏移（客户所在地的当地时间）。",
    },
    CaseFileSpec: {
        "case": "区域 1，案件信息：年龄、性别、逾期天数、食言次数、账龄分组。",
        "contacts": "区域 2，客户及联系人：通讯录，以及哪些人可以联系。",
        "account": "区域 3，账户信息：欠款余额、最低还款额、名下卡片、用于还款的借记卡。",
        "transactions": "区域 4，账户进入催收以来的交易。",
        "flags": "区域 5，标记：敏感客户、VIP、投诉记录、争议、分期申请。",
    },
    Fact: {
        "label": "标签，使用场景的语言（例如 逾期天数）。",
        "value": "按系统显示的取值（例如 45天）。",
        "key": "突出显示该条信息：学员需要它才能做出正确选择。",
    },
    Contact: {
        "name": "联系人：持卡人本人或其联系人。",
        "relation": "与持卡人的关系（本人、配偶、同事……）。",
        "phone": "电话号码，按催收系统中的方式脱敏显示。",
        "note": "可联情况与联系记录，例如 可联、拒接3次。",
    },
    Transaction: {
        "date": "日期，格式 YYYY-MM-DD。",
        "description": "交易内容。",
        "amount": "金额；还款或退款为负数。",
    },
    ScoringSpec: {
        "pass_marks": "各维度的及格线，取值 0..100（每个维度默认 60）。",
        "fail_on": "无论得分多少都直接判不及格的严重程度；critical 始终如此（默认：critical）。",
        "red_lines": "在规则包红线之外，本通电话额外的红线规则（违反即不及格）。",
        "max_major": "违反的不同 major 规则数超过此值即不及格；不得超过规则包的设定（默认：沿用规则包）。",
        "calibration": "本场景必须通过和必须不通过的学员策略（由 `calldojo simulate` 检查）。",
    },
    CalibrationSpec: {
        "must_pass": "必须通过本场景的策略（默认：ideal、empathetic）。",
        "must_fail": "必须不通过本场景的策略（默认：aggressive、opening_then_aggressive、pushy、longest）。",
        "random_pass_max": "随机策略允许的最高通过概率（默认 0.05）。",
    },
    NodeSpec: {
        "debtor": "进入该节点时客户说的话（拨打前的无声节点可省略）。",
        "party": "从此处起接听电话的一方（设置引擎状态），例如亲属接听时为 `third_party`。",
        "verified": "在此处完成身份核实时设为 `true`，核实被撤销时设为 `false`。",
        "set": "进入该节点时设置的标志，例如 `{dispute_raised: true}`。",
        "choices": "学员在此处可以说的话。",
    },
    DebtorLineSpec: {
        "default": "没有任何版本适用时客户说的话。",
        "variants": "按情绪分档的台词版本，按顺序检查。",
    },
    MoodLineSpec: {
        "when": "条件，例如 `patience <= 3`。",
        "say": "客户处于该情绪分档时说的话。",
    },
    ChoiceSpec: {
        "id": "选项 id，在所属节点内唯一；`play --choices` 和测试计划都用它指代选项。",
        "say": "学员说的话。",
        "tags": "取自评分细则词表的行为标签；决定计分、规则判定和人设的情绪变化。",
        "when": "仅在条件成立时提供该选项（例如 `trust >= 5`）。",
        "set": "该选项设置的标志，例如 `{dispute_logged: true}`。",
        "next": "通话的去向：一个节点或结局 id，或一组条件分支。",
        "feedback": "通话结束后显示的辅导意见：该选项为何欠妥或错误，怎样说更好。",
        "best": "标记该节点的标准答案：每个节点恰好一个；分数以它为基准。",
        "dial_at": "用于拨打前的决策：电话（重新）拨出的时刻，带 UTC 偏移。",
    },
    BranchSpec: {
        "when": "条件（本选项的情绪反应生效后的情绪值、标志）；最后一个兜底分支省略。",
        "to": "要前往的节点或结局。",
    },
    EndingSpec: {
        "outcome": "通话的结束方式：promise_to_pay、paid、refused、hung_up、escalated、callback 等。",
        "debtor": "客户的最后一句话（如有）。",
        "summary": "复盘时显示的一句话总结（该结局对账户意味着什么）。",
        "meets_objective": "该结局达成了场景目标；在其他结局结束的通话均判不及格。",
    },
    RubricSpec: {
        "id": "评分细则 id；场景在 `rubric:` 中引用（默认 `default`）。",
        "title": "评分细则标题。",
        "tags": "行为标签词表。",
    },
    TagSpec: {
        "kind": "标签所属类别（在编写指南中按类别分组展示词表）。",
        "label": "向学员显示的简短名称，代替 id（例如 共情回应 / acknowledges feelings）。",
        "description": "该行为的含义，中英文各一份。",
        "points": "各软性维度（empathy、clarity、control）的分值，取值 -10..10；合规分由规则决定。",
    },
    Localized: {
        "zh": "中文文本（zh-CN）。",
        "en": "英文文本（en-US）。",
    },
    RulePackSpec: {
        "id": "规则包 id（`cn`、`us`）；场景通过 `rules:` 选择。",
        "title": "规则包标题。",
        "locale": "以该规则包为默认的语言地区（zh-CN、en-US）。",
        "penalties": "每次违规按严重程度扣除的合规分。",
        "max_major": "违反的不同 major 规则数超过此值即不及格（违反红线本身就会判不及格）。",
        "rules": "规则列表。",
    },
    PenaltySpec: {
        "critical": "一次 critical 违规的扣分（100 表示合规分直接降为 0）。",
        "major": "一次 major 违规的扣分。",
        "minor": "一次 minor 违规的扣分。",
    },
    RuleBase: {
        "id": "稳定的规则 id，例如 `CN-THREAT`；违规记录引用它。",
        "severity": "严重程度：critical（单独即判不及格）、major 或 minor。",
        "statement": "用平实语言表述的规则，中英文各一份。",
        "citation": "出处，仅在合规目录核实过时填写（法律及条款，或内部制度）。",
        "red_line": "违反该规则，在本规则包的所有场景中都判不及格（所有 critical 规则都是红线）。",
        "gates_objective": "一旦违反即视为未达成通话目标（例如还款承诺缺少三要素）。",
    },
    TagRule: {
        "kind": "规则类型。",
        "tags": "坐席发言带有其中任一标签即为违规。",
        "parties": "仅在其中某一方接听时适用（默认：始终适用）。",
    },
    SequenceRule: {
        "kind": "规则类型。",
        "tags": "该规则约束的坐席行为（例如 disclose_account）。",
        "require_state": "发言时必须满足的状态（例如已核实身份的客户本人在线）。",
        "require_before": "其中某个标签必须出现在更早（或同一句）的坐席发言中。",
        "after_flag": "仅在该标志被设置之后适用（例如 dispute_raised）。",
    },
    StateGate: {
        "verified": "必须已核实身份（true）。",
        "parties": "接听方必须是其中之一。",
    },
    RequiredRule: {
        "kind": "规则类型。",
        "tags": "每一项是一组可互相替代的标签；每组都必须满足，例如 [[identify_self], [give_employee_id]]。",
        "window": "opening：在开场的若干句坐席发言内；after_verification：在身份核实后 `seconds` 秒内。",
        "turns": "用于 `opening`：开场包含多少句坐席发言。",
        "seconds": "用于 `after_verification`：身份核实后的模拟秒数。",
        "parties": "仅当电话接通其中某一方时适用（默认：debtor）。",
    },
    OutcomeRule: {
        "kind": "规则类型。",
        "outcomes": "对这些结局（为空表示任何结局），`require_tags` 中的每一组都必须在通话中出现。",
        "require_tags": "若干组可互相替代的标签，例如 [[specific_date], [payment_channel], [specific_amount], [summarize]]。",
        "forbid_agent_end": "坐席主动结束通话即为违规（带 agent_hangs_up 标签的选项导向该结局）。",
        "if_flag": "仅当通话中设置过该标志时适用（例如 hardship_disclosed）。",
    },
    TimeRule: {
        "kind": "规则类型。",
        "start": "允许拨打的最早当地时间，HH:MM。",
        "end": "允许拨打的最晚当地时间，HH:MM（不含）。",
        "consent_flag": "表示客户同意在允许时段之外接听电话的标志。",
    },
}


def model_description_zh(model: type[Spec]) -> str:
    """The Chinese description of a model."""
    return MODELS_ZH[model]


def field_description_zh(model: type[Spec], name: str) -> str:
    """The Chinese description of a field, from the model or the base class that declares it."""
    for cls in model.__mro__:
        if issubclass(cls, Spec) and name in FIELDS_ZH.get(cls, {}):
            return FIELDS_ZH[cls][name]
    raise KeyError(f"{model.__name__}.{name} has no Chinese description")
