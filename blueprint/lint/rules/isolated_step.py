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

__all__ = ["ID", "LEVEL", "check"]

ID = "isolated-step"
LEVEL = "warning"


def check(ctx, options):
    into, out = ctx.link_in, ctx.link_out
    for i, step in enumerate(ctx.steps):
        if not into[i] and not out[i]:
            yield step.where("id"), say("lint.isolated-step.no-flow", step=step.id)
