"""A wait point that no time standard bounds.

## What it finds
A step with `wait: true` that has no bound of its own (`wait: 10min`), is not listed in a
standard's `steps:`, and is not on the path of any `from`/`to` standard. Reported at the `wait:`
value.

## Why it matters
Waiting is where customers' patience runs out; a wait without a promise ("at most 10 minutes in
the queue") cannot be measured, staffed for or improved.

## Failing example
```yaml
blueprint: 1
title: Counter queue
steps:
  - {id: queue, lane: customer, label: Wait to be called, wait: true, next: serve}
  - {id: serve, lane: frontstage, label: Serve at the counter}
```

## Passing example
```yaml
blueprint: 1
title: Counter queue
steps:
  - {id: queue, lane: customer, label: Wait to be called, wait: 10min, next: serve}
  - {id: serve, lane: frontstage, label: Serve at the counter}
```
"""

from __future__ import annotations

from ...phrases import say

__all__ = ["ID", "LEVEL", "DOC_ZH", "check"]

ID = "wait-without-standard"
LEVEL = "warning"

#: The documentation in Chinese: the docstring's sections, the same examples.
DOC_ZH = """没有任何服务时限约束的等待点。

## 发现什么
写了 `wait: true` 的步骤，既没有自己的时限（`wait: 10min`），也没有列在某条服务标准的 `steps:`
里，也不在任何 `from`/`to` 类服务标准的路径上。在 `wait:` 的值处报告。

## 为什么重要
等待是顾客最容易失去耐心的地方；没有承诺的等待（“排队不超过 10
分钟”）就无法衡量，无法据此排班，也无法改进。
"""


def check(ctx, options):
    covered = ctx.covered_by_standard
    for i, step in enumerate(ctx.steps):
        if step.wait and step.wait_max is None and not covered[i]:
            yield step.where("wait"), say("lint.wait-without-standard.no-standard", step=step.id)
