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

__all__ = ["ID", "LEVEL", "check"]

ID = "fail-without-recovery"
LEVEL = "warning"


def check(ctx, options):
    for step in ctx.steps:
        if step.fail and step.recovery is None:
            yield step.where("fail"), say("lint.fail-without-recovery.no-recovery", step=step.id)
