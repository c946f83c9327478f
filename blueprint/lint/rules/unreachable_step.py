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

__all__ = ["ID", "LEVEL", "check"]

ID = "unreachable-step"
LEVEL = "warning"


def check(ctx, options):
    reached = ctx.reached_from_entries
    for i, step in enumerate(ctx.steps):
        if not reached[i]:
            yield step.where("id"), say("lint.unreachable-step.unreached", step=step.id)
