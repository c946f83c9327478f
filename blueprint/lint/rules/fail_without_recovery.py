"""A fail point has no recovery.

## What it finds
A step with `fail:` (what can go wrong there) and no `recovery:` naming the step that puts it
right. Reported at the `fail:` value.

## Why it matters
Marking where the service fails is half the work; the blueprint should also show what the staff
do when it happens (apologise and divert to the counter, call the customer back), so that the
recovery is designed, trained and measured rather than improvised.

## Failing example
```yaml
blueprint: 1
title: Self-service payment
steps:
  - {id: pay, lane: customer, label: Pay at the terminal, fail: Terminal swallows the card, next: help}
  - {id: help, lane: frontstage, label: Guide helps at the terminal}
```

## Passing example
```yaml
blueprint: 1
title: Self-service payment
steps:
  - id: pay
    lane: customer
    label: Pay at the terminal
    owner: Customer, helped by the floor guide
    fail: Terminal swallows the card
    recovery: help
    next: done
  - {id: help, lane: frontstage, label: Guide retrieves the card and diverts to the counter}
  - {id: done, lane: frontstage, label: Receipt printed}
```
"""

from __future__ import annotations

from ...phrases import say

__all__ = ["ID", "LEVEL", "DOC_ZH", "check"]

ID = "fail-without-recovery"
LEVEL = "warning"

#: The documentation in Chinese: the docstring's sections, the same examples.
DOC_ZH = """失误点没有补救。

## 发现什么
写了 `fail:`（这里可能出什么问题）却没有 `recovery:`（由哪个步骤来补救）的步骤。在 `fail:` 的值处报告。

## 为什么重要
标出服务会在哪里出错只完成了一半；蓝图还应该写明出错时员工怎么做（致歉并引导到柜台、给顾客回电），这样补救才是设计过、培训过、可衡量的，而不是临场发挥。
"""


def check(ctx, options):
    for step in ctx.steps:
        if step.fail and step.recovery is None:
            yield step.where("fail"), say("lint.fail-without-recovery.no-recovery", step=step.id)
