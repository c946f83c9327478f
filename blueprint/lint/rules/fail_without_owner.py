"""A fail point whose step has no owner.

## What it finds
A step with `fail:` (what can go wrong there) and no `owner:` saying who performs it. Reported
at the `fail:` value.

## Why it matters
A failure nobody owns is nobody's to prevent, to notice or to report: the source documents
insist that every fault and complaint reaches an owner and comes back with an answer. Name the
role (floor guide, counter clerk, duty manager) or the system that answers for the step.

## Failing example
```yaml
blueprint: 1
title: Self-service payment
steps:
  - {id: pay, lane: customer, label: Pay at the terminal, next: print}
  - {id: print, lane: frontstage, label: Print the receipt, fail: Out of paper, recovery: help, next: help}
  - {id: help, lane: frontstage, label: Guide hands over a written receipt, owner: Floor guide}
```

## Passing example
```yaml
blueprint: 1
title: Self-service payment
steps:
  - {id: pay, lane: customer, label: Pay at the terminal, next: print}
  - id: print
    lane: frontstage
    label: Print the receipt
    owner: Self-service terminal
    fail: Out of paper
    recovery: help
    next: help
  - {id: help, lane: frontstage, label: Guide hands over a written receipt, owner: Floor guide}
```
"""

from __future__ import annotations

from ...phrases import say

__all__ = ["ID", "LEVEL", "DOC_ZH", "check"]

ID = "fail-without-owner"
LEVEL = "warning"

#: The documentation in Chinese: the docstring's sections, the same examples.
DOC_ZH = """失误点所在的步骤没有责任人。

## 发现什么
写了 `fail:`（这里可能出什么问题）却没有 `owner:`（由谁执行）的步骤。在 `fail:` 的值处报告。

## 为什么重要
没有责任人的失误，就没有人去预防、发现和上报：原始资料一再强调，每个故障和投诉都要落到责任人，并且有回复。请写明负责这个步骤的岗位（导购员、营业员、值班长）或系统。
"""


def check(ctx, options):
    for step in ctx.steps:
        if step.fail and not step.owner:
            yield step.where("fail"), say("lint.fail-without-owner.no-owner", step=step.id)
