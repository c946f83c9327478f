"""A step that no path reaches from an entry step.

## What it finds
A step that cannot be reached from any entry step along flows and `recovery:` links. An entry
step is one with no flow of kind `flow` or `support` coming in (a `return` flow or a recovery
link leads back to where the journey has been, so it does not count). Unreachable steps lead
only into one another: a loop that nothing enters. Reported at each such step's id.

## Why it matters
The journey never gets there: the steps are drawn but no customer can walk them, and no standard
on the main path can cover them. Usually the flow into the loop was forgotten or points at the
wrong step.

## Failing example
```yaml
blueprint: 1
title: Hall visit
steps:
  - {id: enter, lane: customer, label: Enter the hall, next: greet}
  - {id: greet, lane: frontstage, label: Greet the customer}
  - {id: browse, lane: customer, label: Try the demo phones, next: explain}
  - {id: explain, lane: frontstage, label: Explain the offer, next: browse}
```

## Passing example
```yaml
blueprint: 1
title: Hall visit
steps:
  - {id: enter, lane: customer, label: Enter the hall, next: greet}
  - {id: greet, lane: frontstage, label: Greet the customer, next: browse}
  - {id: browse, lane: customer, label: Try the demo phones, next: explain}
  - {id: explain, lane: frontstage, label: Explain the offer}
flows:
  - {from: explain, to: browse, kind: return, label: Try another one}
```
"""

from __future__ import annotations

from ...phrases import say

__all__ = ["ID", "LEVEL", "DOC_ZH", "check"]

ID = "unreachable-step"
LEVEL = "warning"

#: The documentation in Chinese: the docstring's sections, the same examples.
DOC_ZH = """从任何入口步骤出发都走不到的步骤。

## 发现什么
沿连线和 `recovery:` 补救链接，从任何入口步骤都到达不了的步骤。入口步骤是没有 `flow` 或 `support`
类型连线进入的步骤（`return`
连线和补救链接回到的是旅程已经走过的地方，不算）。走不到的步骤只会互相连接：一个没有入口的循环。在每个这样的步骤的编号处报告。

## 为什么重要
旅程永远到不了那里：这些步骤画出来了，却没有顾客能走到，主路径上的服务标准也覆盖不到它们。通常是漏了进入这个循环的连线，或者连线指错了步骤。
"""


def check(ctx, options):
    reached = ctx.reached_from_entries
    for i, step in enumerate(ctx.steps):
        if not reached[i]:
            yield step.where("id"), say("lint.unreachable-step.unreached", step=step.id)
