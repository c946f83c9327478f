"""A declared lane with no steps.

## What it finds
A lane under `lanes:` that no step uses. Reported at the lane's id. The four standard lanes a
file gets when it has no `lanes:` are never reported.

## Why it matters
An empty row takes space in the drawing and suggests a part of the service was forgotten (no
support process behind a promise, no frontstage person for a handoff) or that the lane was
renamed and its steps still use the old id.

## Failing example
```yaml
blueprint: 1
title: Hall visit
lanes: [customer, frontstage, backstage]
steps:
  - {id: enter, lane: customer, label: Enter the hall, next: greet}
  - {id: greet, lane: frontstage, label: Greet the customer}
```

## Passing example
```yaml
blueprint: 1
title: Hall visit
lanes: [customer, frontstage]
steps:
  - {id: enter, lane: customer, label: Enter the hall, next: greet}
  - {id: greet, lane: frontstage, label: Greet the customer}
```
"""

from __future__ import annotations

from ...phrases import say

__all__ = ["ID", "LEVEL", "check"]

ID = "empty-lane"
LEVEL = "info"


def check(ctx, options):
    used = {step.lane for step in ctx.bp.steps}
    for lane in ctx.bp.lane_by_id.values():
        if not lane.implicit and lane.id not in used:
            yield lane.where("id"), say("lint.empty-lane.no-steps", lane=lane.id)
