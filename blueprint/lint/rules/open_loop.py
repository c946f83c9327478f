"""Work handed to the backstage or support never comes back to the frontstage or the customer.

## What it finds
A handoff (a flow of kind `flow` or `support`) from a customer or frontstage step to a backstage
or support step, after which no path of flows (`return` flows included, `recovery:` links not)
ever leads back to a frontstage or customer step. Reported at the reference that makes the
handoff. All handoffs are checked with one reverse search from the frontstage and customer steps.

## Why it matters
An open loop is a fault report that goes to the repair team and is never confirmed back to the
hall, a complaint that reaches an owner and never gets an answer: the customer is left waiting
and the front line cannot tell them anything. Closing the loop is the fix.

## Failing example
```yaml
blueprint: 1
title: Report a fault
steps:
  - {id: report, lane: customer, label: Report a broken terminal, next: log}
  - {id: log, lane: frontstage, label: Log the fault, next: repair}
  - {id: repair, lane: support, label: Repair the terminal, next: close}
  - {id: close, lane: support, label: Close the ticket}
```

## Passing example
```yaml
blueprint: 1
title: Report a fault
steps:
  - {id: report, lane: customer, label: Report a broken terminal, next: log}
  - {id: log, lane: frontstage, label: Log the fault, next: repair}
  - {id: repair, lane: support, label: Repair the terminal, next: close}
  - {id: close, lane: support, label: Close the ticket}
  - {id: confirm, lane: frontstage, label: Confirm the repair to the hall}
flows:
  - {from: close, to: confirm, kind: return, label: Repair confirmed}
```
"""

from __future__ import annotations

from ...model import FlowKind
from ...phrases import say
from ..context import BEHIND

__all__ = ["ID", "LEVEL", "check"]

ID = "open-loop"
LEVEL = "warning"

def check(ctx, options):
    front, zones, comes_back = ctx.front, ctx.zones, ctx.returns_to_front
    for edge in ctx.flows:
        if edge.flow.kind is FlowKind.RETURN:
            continue  # a return flow closes a loop, it does not open one
        if front[edge.source] and zones[edge.target] in BEHIND and not comes_back[edge.target]:
            a, b = ctx.steps[edge.source], ctx.steps[edge.target]
            yield edge.flow.pos, say("lint.open-loop.never-back", source=a.id, target=b.id,
                                     zone=say(f"zone.{b.zone.value}"))
