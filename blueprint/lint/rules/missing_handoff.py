"""A flow goes straight between the customer and the backstage or support zones.

## What it finds
A flow (from `next:` or `flows:`, of any kind) between a step in the customer zone and a step in
the backstage or support zones, in either direction: it crosses the line of interaction and the
line of visibility at once. Reported at the reference that makes the flow (the `next:` item or
the flow's `to:`). `recovery:` links are not flows and are not checked.

## Why it matters
The customer cannot deal with what is behind the line of visibility: someone or something in the
frontstage (a person, a terminal, an app screen, a text message) must carry the handoff. A
blueprint without it hides the very contact the customer will judge the service by.

## Failing example
```yaml
blueprint: 1
title: Report a fault
steps:
  - {id: report, lane: customer, label: Report a broken terminal, next: repair}
  - {id: repair, lane: backstage, label: Repair the terminal}
```

## Passing example
```yaml
blueprint: 1
title: Report a fault
steps:
  - {id: report, lane: customer, label: Report a broken terminal, next: log}
  - {id: log, lane: frontstage, label: Log the fault and apologise, next: repair}
  - {id: repair, lane: backstage, label: Repair the terminal, next: confirm}
  - {id: confirm, lane: frontstage, label: Confirm the repair to the customer}
```
"""

from __future__ import annotations

from ...model import Zone
from ...phrases import say
from ..context import BEHIND

__all__ = ["ID", "LEVEL", "check"]

ID = "missing-handoff"
LEVEL = "error"


def check(ctx, options):
    zones = ctx.zones
    for edge in ctx.flows:
        source, target = zones[edge.source], zones[edge.target]
        if (source is Zone.CUSTOMER and target in BEHIND) or (target is Zone.CUSTOMER and source in BEHIND):
            a, b = ctx.steps[edge.source], ctx.steps[edge.target]
            yield edge.flow.pos, say("lint.missing-handoff.skips-frontstage", source=a.id, target=b.id,
                                     source_zone=say(f"zone.{source.value}"),
                                     target_zone=say(f"zone.{target.value}"))
