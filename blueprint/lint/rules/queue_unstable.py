"""A queue whose arrivals reach the counters' capacity: the wait grows without end.

## What it finds
A wait point with `queue:` whose customers arrive (after `diversion`) at least as fast as the
`servers` can serve them: arrivals per hour × service time ≥ servers × 60 minutes. At the busiest
hour of `hours:` when there is no `arrivals`. Reported at `servers:`, with the utilisation and
the fewest counters that would keep the queue stable.

## Why it matters
A queue at or over capacity has no steady wait: it lengthens all through the peak, which is how
a hall's wait reaches an hour. Open more counters at the peak, divert simple business to
self-service and e-channels, or shorten the service.

## Failing example
```yaml
blueprint: 1
title: Peak hour
steps:
  - id: wait
    lane: customer
    label: Wait for a number to be called
    wait: 10min
    queue: {arrivals: 120/h, servers: 4, service: 6min}
    next: serve
  - {id: serve, lane: frontstage, label: Serve at the counter, duration: 6min}
```

## Passing example
```yaml
blueprint: 1
title: Peak hour
steps:
  - id: wait
    lane: customer
    label: Wait for a number to be called
    wait: 10min
    queue: {arrivals: 120/h, servers: 10, service: 6min, diversion: 30%}
    next: serve
  - {id: serve, lane: frontstage, label: Serve at the counter, duration: 6min}
```
"""

from __future__ import annotations

import math

from ...phrases import say

__all__ = ["ID", "LEVEL", "check"]

ID = "queue-unstable"
LEVEL = "error"


def check(ctx, options):
    from ...analysis.queues import queues  # here: the analysis package brings networkx

    steps = ctx.bp.step_by_id
    for row in queues(ctx.bp):
        if row["stable"] is not False:
            continue
        step = steps[row["step"]]
        queue = step.queue
        needed = math.floor(row["load"]) + 1
        yield queue.where("servers"), say(
            "lint.queue-unstable.unstable", step=step.id, arrivals=row["arrivals_per_hour"], load=row["load"],
            servers=row["servers"], utilisation=row["utilisation"], needed=needed)
