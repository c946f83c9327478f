"""A wait point that no time standard bounds.

## What it finds
A step with `wait: true` that has no bound of its own (`wait: 10min`), is not listed in a
standard's `steps:`, and is not on the path of any `from`/`to` standard. Reported at the `wait:`
value.

## Why it matters
Waiting is where customers' patience runs out; a wait without a promise ("at most 10 minutes in
the queue") cannot be measured, staffed for or improved.

## Failing example
```yaml
blueprint: 1
title: Counter queue
steps:
  - {id: queue, lane: customer, label: Wait to be called, wait: true, next: serve}
  - {id: serve, lane: frontstage, label: Serve at the counter}
```

## Passing example
```yaml
blueprint: 1
title: Counter queue
steps:
  - {id: queue, lane: customer, label: Wait to be called, wait: 10min, next: serve}
  - {id: serve, lane: frontstage, label: Serve at the counter}
```
"""

from __future__ import annotations

from ...phrases import say

__all__ = ["ID", "LEVEL", "check"]

ID = "wait-without-standard"
LEVEL = "warning"


def check(ctx, options):
    covered = ctx.covered_by_standard
    for i, step in enumerate(ctx.steps):
        if step.wait and step.wait_max is None and not covered[i]:
            yield step.where("wait"), say("lint.wait-without-standard.no-standard", step=step.id)
