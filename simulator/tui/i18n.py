"""The one UI message catalogue: message id -> (zh-CN, en). Content text is never translated here.

Whole sentences live here with `{named}` fields; screens and widgets never hold UI literals.
"""

from __future__ import annotations

from typing import Literal

Lang = Literal["zh", "en"]
LANGS: tuple[Lang, ...] = ("zh", "en")

MESSAGES: dict[str, tuple[str, str]] = {
    # app-wide keys and chrome
    "app.title": ("CallDojo 催收通话训练", "CallDojo call practice"),
    "key.quit": ("退出", "Quit"),
    "key.help": ("帮助", "Help"),
    "key.back": ("返回", "Back"),
    "key.lang": ("中/英", "Lang"),
    "key.open": ("打开", "Open"),
    "key.dial": ("拨打", "Dial"),
    "key.close": ("关闭", "Close"),
    "key.casefile": ("案件", "Case file"),
    "key.mood": ("情绪表", "Mood"),
    "key.timer": ("计时", "Timer"),
    "key.hangup": ("离开通话", "Leave call"),
    "key.choose": ("选择", "Choose"),
    "key.next_field": ("下一项", "Next field"),
    "key.replay": ("回放", "Replay"),
    "key.retry": ("再练一次", "Try again"),
    "key.pick": ("换场景", "Pick another"),
    "key.history": ("历史", "History"),
    "key.next": ("下一句", "Next"),
    "key.prev": ("上一句", "Previous"),
    "key.first": ("开头", "Start"),
    "key.last": ("结尾", "End"),
    "key.f_archetype": ("类型", "Type"),
    "key.f_difficulty": ("难度", "Level"),
    "key.f_tag": ("标签", "Tag"),
    "key.f_locale": ("语言", "Locale"),
    "key.f_scenario": ("场景", "Scenario"),
    "key.f_status": ("状态", "Status"),
    "key.f_clear": ("清除筛选", "Clear filters"),
    "key.yes": ("是", "Yes"),
    "key.no": ("否", "No"),
    # home
    "home.name": ("姓名", "Name"),
    "home.employee": ("工号", "Employee no."),
    "home.name_ph": ("请输入您的姓名", "Your name"),
    "home.employee_ph": ("请输入您的工号", "Your employee number"),
    "home.practice": ("开始练习", "Practice"),
    "home.history": ("练习记录", "History"),
    "home.help": ("按键帮助", "Keys and help"),
    "home.language": ("切换语言：English", "Language: 中文"),
    "home.quit": ("退出", "Quit"),
    "home.too_long": (
        "姓名最多 {name_max} 个字，工号最多 {employee_max} 个字符。",
        "A name has at most {name_max} characters, an employee number at most {employee_max}.",
    ),
    "home.need_trainee": (
        "请先填写姓名和工号。",
        "Please enter your name and employee number first.",
    ),
    "home.intro": (
        "先读案件，再接通电话；通话结束后查看评分与逐句点评。",
        "Read the case file, take the call, then read the score and the feedback on every turn.",
    ),
    "home.content_errors": (
        "内容库中有 {count} 个文件有错误，相关场景已跳过；请运行 calldojo validate 查看。",
        "{count} content files have errors and were skipped; run `calldojo validate` to see them.",
    ),
    "app.loading": ("正在加载内容库，请稍候。", "Loading the content library."),
    "app.library_failed": (
        "内容库无法加载：{detail}。请运行 calldojo validate 查看。",
        "The content library could not be loaded: {detail}. Run `calldojo validate`.",
    ),
    # store
    "store.error": ("成绩未能保存：{detail}", "Results not saved: {detail}"),
    "store.retry": (
        "本次练习仍在内存中，下一步会重试保存。",
        "This attempt is kept in memory and saved again on your next step.",
    ),
    # picker
    "picker.title": ("选择场景", "Pick a scenario"),
    "picker.col_title": ("场景", "Scenario"),
    "picker.col_type": ("类型", "Type"),
    "picker.col_level": ("难度", "Level"),
    "picker.col_locale": ("语言", "Locale"),
    "picker.col_tags": ("标签", "Tags"),
    "picker.col_best": ("最佳", "Best"),
    "picker.filters": (
        "筛选 类型：{archetype}  难度：{difficulty}  标签：{tag}  语言：{locale}",
        "Filter type: {archetype}  level: {difficulty}  tag: {tag}  locale: {locale}",
    ),
    "picker.count": ("共 {shown}/{total} 个场景", "{shown} of {total} scenarios"),
    "picker.all": ("全部", "all"),
    "picker.none": (
        "没有符合筛选条件的场景（按 x 清除筛选）。",
        "No scenario matches the filters (x clears them).",
    ),
    "picker.best": ("{score} {verdict}", "{score} {verdict}"),
    "picker.tag_sep": ("、", ", "),
    "picker.never": ("未练", "new"),
    # case file
    "case.title": ("案件：{title}", "Case file: {title}"),
    "case.zone_case": ("一、案件概况", "1. Case"),
    "case.zone_contacts": ("二、客户及联系人", "2. Customer and contacts"),
    "case.zone_account": ("三、账户信息", "3. Account"),
    "case.zone_transactions": ("四、交易记录", "4. Transactions"),
    "case.zone_flags": ("五、特殊标记", "5. Flags"),
    "case.none": ("（无）", "(none)"),
    "case.agent": (
        "您的身份：{name}，工号 {employee_id}，{institution}",
        "You are {name}, employee no. {employee_id}, {institution}",
    ),
    "case.call_at": ("通话时间：{at}", "Call time: {at}"),
    "case.profile": ("对方情况：{profile}", "About the debtor: {profile}"),
    "case.objective": ("目标：{objective}", "Objective: {objective}"),
    "case.debtor": (
        "对方：{name}（{archetype}），难度 {difficulty}",
        "Debtor: {name} ({archetype}), level {difficulty}",
    ),
    "case.pass_marks": ("及格线：{marks}", "Pass marks: {marks}"),
    "case.fail_if": ("不通过条件：{rules}", "The call fails on: {rules}"),
    "case.fail_severity": ("任何{severity}违规", "any {severity} violation"),
    "case.fail_objective": ("没有达成通话目标", "the objective not achieved"),
    "case.fail_red_line": ("触碰任一红线", "any red line"),
    "case.red_lines": ("红线规则：{rules}", "Red lines: {rules}"),
    "case.fail_majors": ("较重违规达到 {count} 项", "{count} or more major violations"),
    "case.key_mark": ("【重点】", "[KEY] "),
    "case.hint_dial": ("按 Enter 拨打电话。", "Press Enter to dial."),
    "case.hint_back": ("按 Esc 返回通话。", "Press Esc to return to the call."),
    "case.cannot": ("无法开始该场景：{detail}", "Cannot start this scenario: {detail}"),
    "case.unknown": ("没有这个场景：{id}。", "There is no scenario {id}."),
    "case.did_you_mean": ("您要找的是不是 {close}？", " Did you mean {close}?"),
    "case.known": ("可用的场景：{ids}", " Known scenarios: {ids}"),
    # call
    "call.clock": ("已通话 {elapsed}", "Elapsed {elapsed}"),
    "call.timer_on": ("计时 {seconds:>2} 秒", "Timer {seconds:>2} s"),
    "call.you": ("我", "You"),
    "call.silence": ("（沉默）", "(silence)"),
    "call.turn": ("第{n}轮", "Turn {n}"),
    "call.choices": (
        "你的回应（按数字键或方向键+Enter）：",
        "Your reply (digit, or arrows + Enter):",
    ),
    "call.ended": ("通话结束，正在评分。", "The call has ended; scoring."),
    "call.leave_q": (
        "离开这通电话？本次练习将记为「放弃」。",
        "Leave this call? The attempt is saved as abandoned.",
    ),
    "call.mood_hidden": ("情绪表已隐藏（按 m 显示）", "Mood meter hidden (m shows it)"),
    # debrief
    "debrief.title": ("通话复盘：{title}", "Debrief: {title}"),
    "debrief.passed": ("结果：通过", "Result: PASSED"),
    "debrief.failed": ("结果：未通过", "Result: NOT PASSED"),
    "debrief.ending": ("结局：{outcome}", "Ending: {outcome}"),
    "debrief.abandoned": ("本次练习已放弃，未评分。", "This attempt was abandoned and not scored."),
    "debrief.scores": ("各项得分（及格线 {marks}）", "Scores (pass marks: {marks})"),
    "debrief.score_line": (
        "{name}  {bar} {score:>3} / 及格 {mark}",
        "{name}  {bar} {score:>3} / pass {mark}",
    ),
    "debrief.violations": ("违规（{count}）", "Violations ({count})"),
    "debrief.no_violations": ("没有违规。", "No violations."),
    "debrief.violation": (
        "[{rule}] {severity} 第{turn}轮",
        "[{rule}] {severity}, turn {turn}",
    ),
    "debrief.feedback": ("逐句点评（{count}）", "Turn-by-turn feedback ({count})"),
    "debrief.no_feedback": ("每一步都是最佳选择。", "Every turn was the best choice."),
    "debrief.you_said": ("你说：{said}", "You said: {said}"),
    "debrief.better": ("更好的说法：{say}", "Better: {say}"),
    "debrief.mood": ("对方情绪变化", "The debtor's mood over the call"),
    "debrief.no_mood": ("对方情绪没有明显变化。", "No notable mood change."),
    "debrief.mood_change": ("{var} {before}->{after}", "{var} {before}->{after}"),
    "debrief.mood_zero": ("{var}降到0", "{var} fell to 0"),
    "debrief.mood_sep": ("，", ", "),
    "debrief.mood_hung_up": ("对方挂断", "the debtor hung up"),
    "debrief.mood_agent_hung_up": ("您挂断了电话", "you hung up"),
    "debrief.mood_ending": ("结局：{outcome}", "ending: {outcome}"),
    "debrief.mood_cause": ("<- 「{cause}」", '<- "{cause}"'),
    "debrief.mood_silent": ("<- （沉默）", "<- (silence)"),
    "debrief.mood_key": ("【关键】", "[KEY] "),
    "text.cut": ("...", "..."),
    "debrief.reasons": ("未通过原因：", "Why not passed:"),
    "reason.severity": ("有{severity}违规 {rule}", "{severity} violation {rule}"),
    "reason.objective": ("未达成通话目标", "objective not achieved"),
    "reason.objective_rule": (
        "未达成通话目标：违反 {rule}",
        "objective not achieved: {rule} broken",
    ),
    "reason.red_line": ("触碰红线 {rule}", "red line crossed: {rule}"),
    "debrief.objective": ("通话目标：{objective}", "Objective: {objective}"),
    "reason.below": ("{dim}低于及格线", "{dim} below the pass mark"),
    "reason.majors": (
        "较重违规共 {count} 项，超过允许的数量",
        "{count} major violations, more than allowed",
    ),
    "debrief.saved": ("已保存到 {where}", "Saved to {where}"),
    # replay
    "replay.title": ("回放：{title}（{step}/{total}）", "Replay: {title} ({step}/{total})"),
    "replay.flag": ("此轮违规：{rules}", "Violations at this turn: {rules}"),
    # history
    "history.title": ("练习记录：{name}（{employee}）", "History: {name} ({employee})"),
    "history.col_when": ("时间", "When"),
    "history.col_scenario": ("场景", "Scenario"),
    "history.col_result": ("结果", "Result"),
    "history.filters": (
        "筛选 场景：{scenario}  状态：{status}",
        "Filter scenario: {scenario}  status: {status}",
    ),
    "history.trend": (
        "各项趋势：{scope}（已完成 {count} 次）",
        "Trend: {scope} ({count} completed)",
    ),
    "history.legend": (
        "从左到右由旧到新，每个字符一次练习：_ 低分，. - = + * 逐级升高，# 满分附近",
        "Old to new, left to right, one mark per call: _ low, then . - = + * higher, # near 100",
    ),
    "history.mismatch": ("记录被改", "altered"),
    "history.all_scenarios": ("全部场景（按 s 按场景查看）", "all scenarios (s: one scenario)"),
    "history.short_empathy": ("共情", "Emp"),
    "history.short_clarity": ("清晰", "Clar"),
    "history.short_control": ("掌控", "Ctrl"),
    "history.short_compliance": ("合规", "Comp"),
    "history.trend_line": (
        "{name} {spark} 最近 {last}  最佳 {best}",
        "{name} {spark} last {last}  best {best}",
    ),
    "history.empty": ("还没有练习记录。", "No attempts yet."),
    "history.loading": ("正在读取。", "Loading"),
    # help
    "help.title": ("按键帮助", "Keys"),
    "help.screen": ("本页按键", "On this screen"),
    "help.global": ("所有页面", "Everywhere"),
    "help.tip": (
        "全程只用键盘：Tab 切换焦点，方向键移动，Enter 确认，Esc 返回。",
        "Keyboard only: Tab moves focus, arrows move, Enter confirms, Esc goes back.",
    ),
    # vocabularies
    "status.completed": ("已完成", "completed"),
    "status.abandoned": ("已放弃", "abandoned"),
    "locale.zh-CN": ("中文", "Chinese"),
    "locale.en-US": ("英文", "English"),
    "verdict.pass": ("通过", "pass"),
    "verdict.fail": ("未通过", "fail"),
    "dim.empathy": ("共情", "Empathy"),
    "dim.clarity": ("清晰", "Clarity"),
    "dim.control": ("掌控", "Control"),
    "dim.compliance": ("合规", "Compliance"),
    "sev.critical": ("严重", "critical"),
    "sev.major": ("较重", "major"),
    "sev.minor": ("轻微", "minor"),
    "mood.patience": ("耐心", "Patience"),
    "mood.trust": ("信任", "Trust"),
    "mood.anger": ("愤怒", "Anger"),
    "outcome.promise_to_pay": ("承诺还款", "promise to pay"),
    "outcome.paid": ("已还款", "paid"),
    "outcome.refused": ("拒绝还款", "refused"),
    "outcome.hung_up": ("对方挂断", "hung up"),
    "outcome.escalated": ("升级处理", "escalated"),
    "outcome.callback": ("约定回电", "callback"),
    "outcome.dispute_logged": ("异议已登记", "dispute logged"),
    "outcome.message_left": ("已留言", "message left"),
    "outcome.rescheduled": ("改约时间", "rescheduled"),
    # scenario tags (picker); an unknown tag shows its id
    "tag.m1": ("M1", "M1"),
    "tag.m2": ("M2", "M2"),
    "tag.m3": ("M3", "M3"),
    "tag.m4": ("M4", "M4"),
    "tag.m5": ("M5", "M5"),
    "tag.us": ("美国", "US"),
    "tag.early": ("早期", "early"),
    "tag.reminder": ("提醒", "reminder"),
    "tag.first_call": ("首次通话", "first call"),
    "tag.rpc": ("本人接听", "right party"),
    "tag.opening": ("开场", "opening"),
    "tag.employee_id": ("工号", "employee ID"),
    "tag.mini_miranda": ("催收声明", "mini-Miranda"),
    "tag.hours": ("通话时段", "call hours"),
    "tag.call_hours": ("通话时段", "call hours"),
    "tag.inconvenient_time": ("不便时间", "inconvenient time"),
    "tag.callback": ("回电", "callback"),
    "tag.hang_up": ("挂断", "hang-up"),
    "tag.hardship": ("困难", "hardship"),
    "tag.dispute": ("异议", "dispute"),
    "tag.validation": ("债务核实", "validation"),
    "tag.fraud": ("盗刷", "fraud"),
    "tag.already_paid": ("已还款", "already paid"),
    "tag.multi_card": ("多张卡", "several cards"),
    "tag.abusive": ("辱骂", "abusive"),
    "tag.de_escalation": ("降温", "de-escalation"),
    "tag.boundary_setting": ("设界限", "boundary setting"),
    "tag.complaint": ("投诉", "complaint"),
    "tag.false_threats": ("虚假威胁", "false threats"),
    "tag.third_party": ("第三方", "third party"),
    "tag.spouse": ("配偶", "spouse"),
    "tag.colleague": ("同事", "colleague"),
    "tag.workplace": ("工作单位", "workplace"),
    "tag.location": ("查找联系方式", "location"),
    "tag.skip_trace": ("失联查找", "skip trace"),
    "tag.leave_message": ("留言", "leave a message"),
    "tag.message": ("留言", "message"),
    "tag.messaging": ("消息", "messaging"),
    "tag.young": ("年轻客户", "young"),
    "tag.elderly": ("老年客户", "elderly"),
    "tag.language_barrier": ("语言障碍", "language barrier"),
    "tag.small_business": ("小微企业", "small business"),
    "tag.procrastinator": ("拖延", "procrastinator"),
    "tag.think_time": ("考虑时间", "think time"),
    "tag.promise_breaker": ("屡次食言", "promise breaker"),
    "tag.broken_promise": ("未兑现承诺", "broken promise"),
    "tag.deliberate_defaulter": ("恶意拖欠", "deliberate default"),
    "tag.ptp": ("承诺还款", "promise to pay"),
    "tag.payment_plan": ("还款计划", "payment plan"),
    "tag.options": ("还款方案", "options"),
    "tag.installment": ("分期", "instalments"),
    "tag.good_faith": ("诚意还款", "good-faith payment"),
    "tag.consequence": ("后果", "consequences"),
    "tag.consequence_factual": ("如实说明后果", "factual consequences"),
    "tag.pre_legal": ("预诉讼", "pre-legal"),
    "arch.hang_up": ("挂断型", "hangs up"),
    "arch.hardship": ("困难型", "hardship"),
    "arch.dispute": ("异议型", "dispute"),
    "arch.abusive": ("辱骂型", "abusive"),
    "arch.procrastinator": ("拖延型", "procrastinator"),
    "arch.deliberate_defaulter": ("恶意拖欠", "deliberate defaulter"),
    "arch.third_party": ("第三方接听", "third party"),
    "arch.complaint_threatener": ("投诉威胁型", "complaint threatener"),
    "arch.promise_breaker": ("屡次食言", "promise breaker"),
    "arch.language_barrier": ("语言障碍", "language barrier"),
    "arch.small_business": ("小微企业主", "small business"),
    "arch.young_messaging": ("年轻客户", "young, prefers messages"),
}


def tr(lang: str, key: str, **fields: object) -> str:
    """The message `key` in `lang` ("zh" or "en") with its fields filled in.

    An unknown id shows itself (so a missing entry is visible, never a crash); an unknown
    vocabulary word (e.g. a new outcome) falls back to the word after the dot.
    """
    pair = MESSAGES.get(key)
    if pair is None:
        return key.split(".", 1)[-1] if "." in key else key
    text = pair[0] if lang == "zh" else pair[1]
    return text.format(**fields) if fields else text


def reason(lang: str, code: str) -> str:
    """A scorer reason code (`objective`, `red_line:CN-THREAT`, `below:empathy`) as words."""
    kind, _, value = code.partition(":")
    if kind == "objective":
        return (
            tr(lang, "reason.objective_rule", rule=value) if value else tr(lang, "reason.objective")
        )
    if kind == "red_line":
        return tr(lang, "reason.red_line", rule=value)
    if kind in ("critical", "major", "minor"):
        return tr(lang, "reason.severity", severity=word(lang, "sev", kind), rule=value)
    if kind == "below":
        return tr(lang, "reason.below", dim=word(lang, "dim", value))
    if kind == "majors":
        return tr(lang, "reason.majors", count=value)
    return code


def word(lang: str, family: str, value: str) -> str:
    """A vocabulary word (dimension, severity, outcome, archetype, mood variable, tag) in `lang`."""
    return tr(lang, f"{family}.{value}")


# Content text shown in chrome (title bars, table cells) whose width the terminal may disagree on:
# East-Asian "ambiguous" characters are drawn double-width by many CJK terminals, single by Rich.
NARROW = str.maketrans(
    {
        "\u201c": '"',
        "\u201d": '"',
        "\u2018": "'",
        "\u2019": "'",
        "\u2026": "...",
        "\u2014": "-",
        "\u2013": "-",
        "\u00b7": ".",
    }
)


def chrome(text: str) -> str:
    """Content text made safe for chrome: common ambiguous-width glyphs become ASCII."""
    return text.translate(NARROW)
