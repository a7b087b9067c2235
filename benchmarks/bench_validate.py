"""Validation cost versus bare parsing: 1,000 generated scenarios (~10 nodes x 3 choices, Chinese).

Run: `python benchmarks/bench_validate.py [count]`. Prints (a) the time to merely parse every file
with `yaml.load(CSafeLoader)`, (b) the full validation (load_library + references) and the ratio.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from a checkout without install
from simulator.spec.library import load_library  # noqa: E402

FIXTURES = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "lib_ok"
NODES = 10


def scenario_text(number: int) -> str:
    """One realistic scenario: a case file, 10 nodes of 3 choices, mood variants, 3 endings."""
    lines = [
        f"id: bench_{number:04d}",
        f"title: 压测场景{number}：客户称手头紧，需要协商还款",
        "locale: zh-CN",
        "persona: tiny_debtor",
        "difficulty: 2",
        "summary: 客户逾期四十五天，上月被裁员。学员需要核实身份、表达理解，并取得明确的还款承诺。",
        "agent: {name: 李明, employee_id: A1023, institution: XX银行信用卡中心}",
        'call: {at: "2026-03-12T10:20:00+08:00"}',
        "case_file:",
        "  case: [{label: 逾期天数, value: 45天, key: true}, {label: 食言次数, value: 1次}]",
        "  contacts: [{name: 王丽, relation: 本人, phone: 138****1234, note: 可联}]",
        '  account: [{label: 欠款, value: "12,850.00元", key: true}, {label: 最低还款, value: 1285元}]',
        "objective: 取得三日内至少两千元的还款承诺，并复述金额、日期和渠道。",
        "start: n0",
        "nodes:",
    ]
    for index in range(NODES):
        following = f"n{index + 1}" if index + 1 < NODES else "ptp"
        lines += [
            f"  n{index}:",
            "    debtor:",
            "      default: 我知道欠款的事，但是最近真的没有收入，你们能不能宽限几天？",
            "      variants:",
            '        - {when: "patience <= 2", say: 又打来了？我说了没钱，你们烦不烦！}',
            '        - {when: "trust >= 6", say: [好吧，我跟你说实话，我这个月只能拿出一点。, 我想想办法吧。]}',
            "    choices:",
            "      - id: empathize",
            "        say: 理解您最近的难处，我们一起看看有没有可行的还款办法，您看可以吗？",
            "        tags: [acknowledge_feelings]",
            f'        next: [{{when: "trust >= 5", to: {following}}}, {{to: {following}}}]',
            "      - id: demand",
            "        say: 今天之内必须还清，不然后果自负。",
            "        tags: [demand_payment]",
            f"        next: {following}",
            "        feedback: 一味催促会让客户抵触。先表达理解，再给出可行方案（阶梯式还款）。",
            "      - id: threaten",
            "        say: 不还钱就等着瞧！",
            "        tags: [threaten]",
            "        next: hung_up",
            "        feedback: 威胁违反 CN-THREAT，属于严重违规。应平和地说明事实后果。",
        ]
    lines += [
        "endings:",
        "  ptp: {outcome: promise_to_pay, debtor: 好，周五前我先还两千。, summary: 客户承诺周五前还款两千元。}",
        "  refused: {outcome: refused, debtor: 我没钱，你们爱怎么样就怎么样。}",
        "  hung_up: {outcome: hung_up, summary: 客户挂断了电话。}",
    ]
    return "\n".join(lines) + "\n"


def build(root: Path, count: int) -> list[Path]:
    """The fixture library's persona, rubric and rules, plus `count` generated scenarios."""
    shutil.copytree(FIXTURES, root)
    (root / "scenarios" / "tiny_call.scenario.yaml").unlink()
    paths = []
    for number in range(count):
        path = root / "scenarios" / f"bench_{number:04d}.scenario.yaml"
        path.write_text(scenario_text(number), encoding="utf-8")
        paths.append(path)
    return paths


def best_of(runs: int, action: object) -> float:
    """The fastest of `runs` timings of a callable, in seconds."""
    assert callable(action)
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return min(times)


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    with tempfile.TemporaryDirectory() as temp:
        root = Path(temp) / "lib"
        paths = build(root, count)
        size = sum(p.stat().st_size for p in paths)
        loader = yaml.CSafeLoader

        def parse_only() -> None:
            for path in paths:
                yaml.load(path.read_text("utf-8"), Loader=loader)  # noqa: S506

        library = load_library(root, (root / "data",))
        assert len(library.scenarios) == count, [d.format() for d in library.errors[:5]]
        assert not library.errors, [d.format() for d in library.errors[:5]]
        parse = best_of(3, parse_only)
        full = best_of(3, lambda: load_library(root, (root / "data",)))
    print(
        f"files: {count} scenarios + 1 persona, {size / 1e6:.1f} MB, {NODES} nodes x 3 choices each"
    )
    print(f"(a) parse only, yaml.load(CSafeLoader):     {parse * 1000:8.0f} ms")
    print(f"(b) full validation (load_library + refs):  {full * 1000:8.0f} ms")
    print(f"ratio (b)/(a): {full / parse:.2f}x  (goal <= 2x)")


if __name__ == "__main__":
    main()
