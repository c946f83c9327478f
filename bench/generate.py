"""Generate realistic blueprints of any size for the benchmarks.

The shape follows the example halls: a customer journey that hands off to frontstage staff,
which hand off to backstage and support and get an answer back; phases of 20 steps; durations on
every step, wait points with standards, fail points with recoveries, some support and return
flows (some of them labelled). Deterministic for a given size and seed.

    python bench/generate.py 1000 > /tmp/b1000.yaml
"""

from __future__ import annotations

import random
import sys

LANES = [
    ("customer", "customer", "顾客"),
    ("guide", "frontstage", "导购员"),
    ("clerk", "frontstage", "营业员"),
    ("terminal", "frontstage", "自助终端"),
    ("backoffice", "backstage", "后台"),
    ("boss", "support", "BOSS系统"),
    ("repair", "support", "维护团队"),
]
# Lanes a step may flow to without skipping the frontstage (customer never meets the back office).
NEXT_LANES = {
    "customer": ["guide", "clerk", "terminal"],
    "guide": ["customer", "clerk", "backoffice"],
    "clerk": ["customer", "backoffice", "boss"],
    "terminal": ["customer", "boss"],
    "backoffice": ["boss", "repair", "clerk"],
    "boss": ["clerk", "terminal"],
    "repair": ["guide", "clerk"],
}
LABELS = ["迎候问候", "核对证件", "取号等候", "柜台办理", "打印协议", "系统受理", "报障维修", "确认结果",
          "Check the ID", "Explain the offer", "Record in BOSS", "Hand over the invoice"]


def generate(n: int, seed: int = 1) -> str:
    """A blueprint of ``n`` steps as YAML text (block style, like hand-written files)."""
    rng = random.Random(seed)
    phases = max(1, n // 20)
    out = [
        "blueprint: 1",
        f"title: Generated hall journey with {n} steps",
        "locale: zh",
        "lanes:",
        *(f"  - {{id: {lane}, label: {label}, zone: {zone}}}" for lane, zone, label in LANES),
        "phases:",
        *(f"  - {{id: p{i}, label: 阶段 {i + 1}}}" for i in range(phases)),
        "steps:",
    ]
    lane = "customer"
    lanes = []
    for i in range(n):
        lanes.append(lane)
        lane = rng.choice(NEXT_LANES[lane])
    for i in range(n):
        lane = lanes[i]
        step = [
            f"  - id: s{i}",
            f"    lane: {lane}",
            f"    phase: p{min(i * phases // n, phases - 1)}",
            f"    label: {rng.choice(LABELS)} {i}",
            f"    owner: {dict((l, lb) for l, _z, lb in LANES)[lane]}",
            f"    duration: {rng.choice(['30s', '1min', '90s', '2min', '3min'])}",
        ]
        if lane == "customer":
            step.append("    touchpoint: environment")
            step.append("    evidence: [排队号票, 叫号屏]")
            step.append(f"    emotion: {rng.randint(-2, 2)}")
            if rng.random() < 0.3:
                step.append("    wait: 10min")
        elif lane in ("guide", "clerk"):
            step.append("    touchpoint: people")
        if i > 0 and rng.random() < 0.1:
            step.append("    fail: 系统响应慢")
            step.append(f"    recovery: s{i - 1}")
        if i + 1 < n:
            step.append(f"    next: s{i + 1}")
        out.extend(step)
    out.append("flows:")
    for i in range(0, n - 2, 10):
        if lanes[i] in ("clerk", "backoffice") and lanes[i + 2] not in ("customer",):
            out.append(f"  - {{from: s{i}, to: s{i + 2}, kind: support, label: 转交资料}}")
    # The back office answers the counter: a labelled return on the request's route.
    for i in range(1, n):
        if lanes[i] == "backoffice" and lanes[i - 1] == "clerk" and i % 3 == 0:
            out.append(f"  - {{from: s{i}, to: s{i - 1}, kind: return, label: 回复办理结果}}")
    out.append("standards:")
    for i in range(0, n - 5, 50):
        out.append(f"  - {{id: std{i}, label: 办理不超过30分钟, from: s{i}, to: s{i + 5}, max: 30min}}")
    out.append("  - {id: single, label: 单笔业务不超过3分钟, steps: [s0], max: 3min}")
    return "\n".join(out) + "\n"


def isolated(n: int) -> str:
    """``n`` steps with no flows and no phases, spread over the seven lanes."""
    out = ["blueprint: 1", f"title: {n} isolated steps", "lanes:",
           *(f"  - {{id: {lane}, label: {label}, zone: {zone}}}" for lane, zone, label in LANES), "steps:"]
    for i in range(n):
        out.append(f"  - {{id: s{i}, lane: {LANES[i % len(LANES)][0]}, label: Step {i}}}")
    return "\n".join(out) + "\n"


def dense(n: int, flows: int = 10, window: int = 30, seed: int = 1) -> str:
    """``n`` steps in phases of 20, each with ``flows`` ``next`` to steps among the following ``window``."""
    rng = random.Random(seed)
    phases = max(1, n // 20)
    out = ["blueprint: 1", f"title: {n} steps with {flows} flows each", "lanes:",
           *(f"  - {{id: {lane}, label: {label}, zone: {zone}}}" for lane, zone, label in LANES), "phases:",
           *(f"  - {{id: p{i}, label: Phase {i + 1}}}" for i in range(phases)), "steps:"]
    for i in range(n):
        later = list(range(i + 1, min(n, i + 1 + window)))
        targets = sorted(rng.sample(later, min(flows, len(later))))
        lane = rng.choice(LANES)[0]
        out.append(f"  - {{id: s{i}, lane: {lane}, phase: p{min(i * phases // n, phases - 1)}, "
                   f"label: Step {i}, duration: 1min, next: [{', '.join(f's{t}' for t in targets)}]}}")
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    sys.stdout.write(generate(int(sys.argv[1]) if len(sys.argv) > 1 else 100))
