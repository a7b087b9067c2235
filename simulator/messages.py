"""What the command line says, in zh-CN and English: help, errors, headings, and its exit codes.

The catalogue of `calldojo` and of preparing a scenario (`simulator.practice`), in the shape of the
diagnostics catalogue (`simulator.spec.messages`): id -> (zh-CN, English) with `{named}` fields.
Content diagnostics are not here. Imports nothing heavy: `simulator.cli` builds its help from it
before anything else is loaded.
"""

from __future__ import annotations

from simulator.wording import Pair, Text, Value, entry

EXIT_OK, EXIT_FOUND, EXIT_USAGE = 0, 1, 2
"""Exit codes of the headless commands: done, something found (errors, a failed call), bad usage."""
EXIT_INTERRUPTED = 130
"""Ctrl-C."""

MESSAGES: dict[str, Pair] = {
    # the parser: descriptions, epilogs (exit codes), options
    "cli.description": (
        "CallDojo：用脚本化的客户人设练习催收通话。不带命令时打开练习程序。",
        "CallDojo: practise debt-collection calls against scripted debtor personas. "
        "With no command, opens the practice app.",
    ),
    "cli.epilog": (
        "每个命令的说明和退出码：calldojo 命令 --help",
        "each command's options and exit codes: calldojo COMMAND --help",
    ),
    "cli.commands": ("命令", "commands"),
    "cli.usage": ("用法：", "usage: "),
    "cli.positionals": ("参数", "positional arguments"),
    "cli.options": ("选项", "options"),
    "opt.version": ("显示版本号并退出", "show the version and exit"),
    "opt.help": ("显示此帮助并退出", "show this help message and exit"),
    "opt.content": (
        "内容库：含 personas/ 和 scenarios/ 的文件夹（默认：自带内容库；环境变量 CALLDOJO_CONTENT）",
        "a content library with personas/ and scenarios/ "
        "(default: the bundled library; env CALLDOJO_CONTENT)",
    ),
    "opt.lang": (
        "界面语言（命令行默认：系统语言，否则英文；练习程序默认：上次选择的语言，否则系统语言，否则中文）",
        "UI language (commands: the system locale, else English; the app: the one chosen last "
        "time, else the system locale, else zh)",
    ),
    "opt.db": (
        "成绩数据库 URL（默认：用户数据目录中的 SQLite；PostgreSQL 写作 "
        "postgresql+psycopg://user@host/db；环境变量 CALLDOJO_DB）",
        "results database URL (default: SQLite in the user data folder; "
        "postgresql+psycopg://user@host/db for PostgreSQL; env CALLDOJO_DB)",
    ),
    "opt.json": ("输出 JSON", "print JSON"),
    "opt.paths": (
        "要检查的文件或文件夹（默认：整个内容库）",
        "files or folders (default: the whole content library)",
    ),
    "opt.scenario": ("场景 id", "the scenario id"),
    "opt.scenarios": ("场景 id（默认：整个内容库）", "scenarios (default: the whole library)"),
    "opt.choices": (
        "逗号分隔的选项 id（_silence 表示沉默，让应答计时器走完）",
        "comma-separated choice ids (_silence for a silence)",
    ),
    "opt.seed": ("决定台词措辞的随机种子（默认 0）", "seed for line wording (default 0)"),
    "opt.max_states": (
        "状态数超过这个值就停止（默认 300000）",
        "stop past this many states (default 300000)",
    ),
    "opt.policy": (
        "只运行这个策略（可重复）：{policies}",
        "only this policy (repeatable): {policies}",
    ),
    "opt.kind": ("内容格式", "the content format"),
    "cmd.validate": (
        "检查内容文件；输出 路径:行:列: 代码 说明 (提示)",
        "check content files; prints path:line:col: CODE message (hint)",
    ),
    "cmd.list": ("列出内容库中的场景", "list the scenarios of the library"),
    "cmd.play": (
        "按给定的选项 id 无界面地打一通电话并评分",
        "play a scenario headless from a list of choice ids and score it",
    ),
    "cmd.analyze": (
        "遍历场景的所有可达状态并报告",
        "explore every reachable state of a scenario and report",
    ),
    "cmd.coverage": (
        "每条合规规则可能在哪些场景中被违反",
        "per compliance rule, the scenarios where it can be violated",
    ),
    "cmd.simulate": (
        "脚本化的学员策略试打场景：对照每个场景的校准要求给出及格率和分数",
        "scripted trainee policies play scenarios; pass rates and scores against each "
        "scenario's calibration",
    ),
    "cmd.schema": (
        "输出某种内容格式的 JSON Schema（用于编辑器自动补全）",
        "print the JSON Schema of a content format (for editor autocompletion)",
    ),
    "cmd.practice": (
        "打开练习程序，直接进入某个场景的案件档案",
        "open the app straight on a scenario's case file",
    ),
    "exit.validate": (
        "退出码：0 没有错误（可以有警告），1 发现错误，2 用法错误（参数不对、路径不存在、不是内容库）",
        "exit codes: 0 no errors (warnings allowed), 1 errors found, "
        "2 usage (bad option, no such path, not a content library)",
    ),
    "exit.list": (
        "退出码：0 已列出，2 用法错误（参数不对、不是内容库）",
        "exit codes: 0 listed, 2 usage (bad option, not a content library)",
    ),
    "exit.play": (
        "退出码：0 已打完并评分（及格与否都是 0），1 未知场景、内容有错误或选项不可用，2 用法错误",
        "exit codes: 0 played and scored (passed or not), 1 unknown scenario, content errors "
        "or an unavailable choice, 2 usage",
    ),
    "exit.analyze": (
        "退出码：0 已输出报告，1 未知场景、内容有错误或状态太多，2 用法错误",
        "exit codes: 0 report printed, 1 unknown scenario, content errors or too many states, "
        "2 usage",
    ),
    "exit.coverage": (
        "退出码：0 已输出，1 有场景无法分析，2 用法错误",
        "exit codes: 0 printed, 1 a scenario could not be analysed, 2 usage",
    ),
    "exit.simulate": (
        "退出码：0 每个场景都符合校准要求，1 有场景未通过校准或无法试打，2 用法错误（如未知策略）",
        "exit codes: 0 every scenario calibrated, 1 a scenario miscalibrated or not playable, "
        "2 usage (e.g. an unknown policy)",
    ),
    "exit.schema": ("退出码：0 已输出，2 用法错误", "exit codes: 0 printed, 2 usage"),
    "exit.practice": (
        "退出码：0 正常退出，2 用法错误（参数不对、不是内容库）",
        "exit codes: 0 closed normally, 2 usage (bad option, not a content library)",
    ),
    # errors (printed after `calldojo: `)
    "err.not_library": (
        "{root} 不是内容库（里面没有 scenarios/ 文件夹）；请用 --content（或 CALLDOJO_CONTENT）"
        "指向含 personas/ 和 scenarios/ 的文件夹",
        "{root} is not a content library (no scenarios/ folder inside); point --content "
        "(or CALLDOJO_CONTENT) at a folder holding personas/ and scenarios/",
    ),
    "err.content_errors": (
        "有 {count} 个内容文件有错误（无法加载的文件已跳过）；运行 `calldojo validate` 查看",
        "{count} content file(s) have errors (files that do not load are left out); "
        "run `calldojo validate` to see them",
    ),
    "err.no_such_path": ("文件或文件夹不存在：{paths}", "no such file or folder: {paths}"),
    "err.unknown_policy": (
        "未知的策略 {policies}；可用：{known}",
        "unknown policy {policies}; known: {known}",
    ),
    "calibration.must_pass": (
        "{policy} 应当通过，却没有通过（{reasons}）",
        "{policy} must pass but fails ({reasons})",
    ),
    "calibration.must_fail": (
        "{policy} 应当不通过，却通过了（路径 {path}）",
        "{policy} must fail but passes (path {path})",
    ),
    "calibration.random": (
        "随机作答的通过率是 {rate}，超过了允许的 {limit}",
        "random passes {rate}, above the allowed {limit}",
    ),
    "note.model_unplayable": ("参考答案走不通：{detail}", "the model answer cannot play: {detail}"),
    "note.model_fails": ("参考答案本身不通过：{reasons}", "the model answer fails: {reasons}"),
    "note.no_objective": (
        "没有任何可到达的结局达成通话目标：给达成目标的结局加上 `meets_objective: true`",
        "no reachable ending meets the objective: mark one with `meets_objective: true`",
    ),
    "err.empty_choice": (
        "--choices 里有空的一项：{choices!r}（两个逗号之间或首尾没有选项 id）",
        "--choices has an empty item: {choices!r} (nothing between two commas, or at an end)",
    ),
    "err.call_ended": (
        "第 {position} 个选项（{action!r}）之前，通话已在 {node!r} 结束",
        "the call already ended at {node!r} before choice {position} ({action!r})",
    ),
    "err.unavailable": (
        "第 {position} 个选项（{action!r}）在节点 {node!r} 不可用；这里可选：{valid}，或 _silence",
        "choice {position} ({action!r}) is not available at node {node!r}; "
        "valid here: {valid}, or _silence",
    ),
    "err.too_large": (
        "场景 {scenario!r} 的可达状态超过 {limit:,} 个（节点 x 情绪 x 标志 x 规则状态）；"
        "请简化情绪条件，或调高 --max-states",
        "scenario {scenario!r}: more than {limit:,} reachable states "
        "(node x mood x flags x rule states); simplify the mood conditions or raise --max-states",
    ),
    "err.model_answer": (
        "场景 {scenario!r} 的标准答案无法走完：{detail}",
        "scenario {scenario!r}: the model answer cannot be played: {detail}",
    ),
    "none": ("（无）", "(none)"),
    # preparing a scenario (simulator.practice)
    "practice.unknown": (
        "未知的场景 {scenario!r}；{suggestion}",
        "unknown scenario {scenario!r}; {suggestion}",
    ),
    "practice.known": ("已有场景：{ids}", "known: {ids}"),
    "practice.missing": (
        "场景 {scenario!r} 引用的内容不存在：{missing}；运行 `calldojo validate`",
        "scenario {scenario!r} refers to missing content {missing}; run `calldojo validate`",
    ),
    "practice.model_answer": (
        "{detail}；运行 `calldojo validate`",
        "{detail}; run `calldojo validate`",
    ),
    "practice.broken": (
        "场景 {scenario!r} 的内容有错误，请先修正（`calldojo validate`）：",
        "scenario {scenario!r} has content errors; fix them first (`calldojo validate`):",
    ),
    "practice.more": ("另有 {count} 个错误未列出", "... and {count} more"),
    # validate
    "validate.summary": (
        "{errors} 个错误，{warnings} 个警告",
        "{errors} error(s), {warnings} warning(s)",
    ),
    # list
    "list.id": ("id", "id"),
    "list.locale": ("语言", "locale"),
    "list.difficulty": ("难度", "difficulty"),
    "list.persona": ("人设", "persona"),
    "list.archetype": ("类型", "archetype"),
    "list.title": ("标题", "title"),
    "list.tags": ("标签", "tags"),
    # play
    "play.agent": ("坐席  ", "AGENT "),
    "play.debtor": ("客户  ", "DEBTOR"),
    "play.silence": ("（沉默）", "(silence)"),
    "play.not_ended": (
        "（通话还没有结束：再加几个选项把它打完）",
        "(the call has not ended: add more choices to finish it)",
    ),
    "play.ending": ("结局：{ending} ({outcome})", "ending: {ending} ({outcome})"),
    "play.scores": ("得分：{scores}", "scores: {scores}"),
    "play.violation": (
        "违规：{rule}（{severity}），第 {turn} 句",
        "violation: {rule} ({severity}) at turn {turn}",
    ),
    "play.passed": ("及格", "PASSED"),
    "play.not_passed": ("不及格：{reasons}", "NOT PASSED: {reasons}"),
    # analyze
    "analyze.header": (
        "场景 {scenario}：{states} 个状态，{edges} 条转移",
        "scenario {scenario}: {states} states, {edges} transitions",
    ),
    "analyze.unreachable": ("不可达的节点", "unreachable"),
    "analyze.dead_ends": ("死胡同", "dead_ends"),
    "analyze.loops_without_exit": ("没有出口的循环", "loops_without_exit"),
    "analyze.never_offered": ("从未出现的选项", "never_offered"),
    "analyze.branches_never_taken": ("从未走过的分支", "branches_never_taken"),
    "analyze.endings": ("可到达的结局", "endings"),
    "analyze.violations": ("可能发生的违规", "violations"),
    "analyze.row": ("{label}：{values}", "{label}: {values}"),
    "analyze.bounds": (
        "{dimension}：{low:g} .. {high:g}   最高分路径：{path}",
        "{dimension}: {low:g} .. {high:g}   best path: {path}",
    ),
    "analyze.model": ("标准答案：{path}", "model answer: {path}"),
    "analyze.model_scores": ("标准答案得分：{scores}", "model answer scores: {scores}"),
    "analyze.pass_possible": (
        "能否及格（标准答案及格）：{answer}",
        "pass possible (the model answer passes): {answer}",
    ),
    "analyze.objective_endings": ("达成目标的结局：{endings}", "objective endings: {endings}"),
    "analyze.pass_without_objective": (
        "未达成目标也能及格：{endings}",
        "pass without objective: {endings}",
    ),
    "analyze.note": ("注：{note}", "note: {note}"),
    "yes": ("是", "True"),
    "no": ("否", "False"),
    # coverage
    "coverage.progress": (
        "正在分析 {number}/{total} {scenario}",
        "analysing {number}/{total} {scenario}",
    ),
    "coverage.pack": ("规则包 {pack}", "rule pack {pack}"),
    "coverage.never": ("（不会被违反）", "(never violable)"),
    # simulate
    "simulate.progress": (
        "正在模拟 {number}/{total} {scenario}",
        "simulating {number}/{total} {scenario}",
    ),
    "simulate.scenario": ("场景", "scenario"),
    "simulate.pass": ("及格", "PASS"),
    "simulate.fail": ("未过 {reason}", "fail {reason}"),
    "simulate.passes": ("{total} 个场景中各策略的及格数：{counts}", "passes of {total}: {counts}"),
    "simulate.calibrated": (
        "{total} 个场景中 {good} 个符合校准要求",
        "{good} of {total} scenario(s) calibrated",
    ),
}


def say(key: str, /, **fields: Value) -> Text:
    """The command-line message `key` with its field values."""
    return entry(MESSAGES, key, **fields)
