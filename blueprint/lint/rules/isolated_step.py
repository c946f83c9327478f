"""A step with no flow in or out.

## What it finds
A step that no flow enters or leaves: no `next:`, no flow in `flows:`, and no `recovery:` link
either way. Reported at the step's id. A blueprint of a single step has one.

## Why it matters
A step outside the flow is not part of the journey: it is drawn in a column of its own, it is
on no path a standard measures, and usually a `next:` was forgotten.

## Failing example
```yaml
blueprint: 1
title: Hall visit
steps:
  - {id: enter, lane: customer, label: Enter the hall, next: greet}
  - {id: greet, lane: frontstage, label: Greet the customer}
  - {id: water, lane: frontstage, label: Offer a glass of water}
```

## Passing example
```yaml
blueprint: 1
title: Hall visit
steps:
  - {id: enter, lane: customer, label: Enter the hall, next: greet}
  - {id: greet, lane: frontstage, label: Greet the customer, next: water}
  - {id: water, lane: frontstage, label: Offer a glass of water}
```
"""

from __future__ import annotations

from ...phrases import say

__all__ = ["ID", "LEVEL", "DOC_ZH", "check"]

ID = "isolated-step"
LEVEL = "warning"

#: The documentation in Chinese: the docstring's sections, the same examples.
DOC_ZH = """没有任何连线进出的步骤。

## 发现什么
没有连线进入、也没有连线离开的步骤：没有 `next:`，`flows:` 里没有它的连线，也没有任何方向的 `recovery:`
补救链接。在步骤的编号处报告。只有一个步骤的蓝图就有一个这样的步骤。

## 为什么重要
流程之外的步骤不属于这段旅程：它被画在单独的一列里，不在任何服务标准衡量的路径上，通常是漏写了一个
`next:`。
"""


def check(ctx, options):
    into, out = ctx.link_in, ctx.link_out
    for i, step in enumerate(ctx.steps):
        if not into[i] and not out[i]:
            yield step.where("id"), say("lint.isolated-step.no-flow", step=step.id)
