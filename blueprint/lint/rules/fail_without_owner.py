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

__all__ = ["ID", "LEVEL", "check"]

ID = "fail-without-owner"
LEVEL = "warning"


def check(ctx, options):
    for step in ctx.steps:
        if step.fail and not step.owner:
            yield step.where("fail"), say("lint.fail-without-owner.no-owner", step=step.id)
