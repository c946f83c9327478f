"""A backstage or support step with no way out.

## What it finds
A step in the backstage or support zones (the zones are an option) that some flow or link
reaches but that no flow leaves: no `next:` and no flow in `flows:`, of any kind. A `recovery:`
link is not a way out (it is taken only when something fails). A step with no flow at all is
left to `isolated-step`.

## Options
- `zones` (default `[backstage, support]`): the zones whose steps must have a way out.

## Why it matters
Work behind the line of visibility that leads nowhere is a ticket that is never closed, a record
nobody reads: the result never reaches the next step or the customer.

## Failing example
```yaml
blueprint: 1
title: New subscription
steps:
  - {id: apply, lane: customer, label: Ask for a new line, next: serve}
  - {id: serve, lane: frontstage, label: Take the order, next: record}
  - {id: record, lane: support, label: Record the order in BOSS}
```

## Passing example
```yaml
blueprint: 1
title: New subscription
steps:
  - {id: apply, lane: customer, label: Ask for a new line, next: serve}
  - {id: serve, lane: frontstage, label: Take the order, next: record}
  - {id: record, lane: support, label: Record the order in BOSS, next: sign}
  - {id: sign, lane: frontstage, label: Print the agreement}
```
"""

from __future__ import annotations

from ...model import Zone
from ...phrases import say

__all__ = ["ID", "LEVEL", "OPTIONS", "OPTION_CHOICES", "check"]

ID = "dead-end"
LEVEL = "warning"
OPTIONS = {"zones": ["backstage", "support"]}
OPTION_CHOICES = {"zones": tuple(zone.value for zone in Zone)}


def check(ctx, options):
    zones = {Zone(name) for name in options["zones"]}
    out, into, link_out = ctx.journey_out, ctx.link_in, ctx.link_out
    for i, step in enumerate(ctx.steps):
        if step.zone in zones and not out[i] and (into[i] or link_out[i]):
            yield step.where("id"), say("lint.dead-end.no-way-out", zone=say(f"zone.{step.zone.value}"),
                                        step=step.id)
