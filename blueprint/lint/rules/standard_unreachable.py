"""A standard whose `to` step cannot be reached from its `from` step.

## What it finds
A `from`/`to` standard where no path of flows of kind `flow` and `support` leads from `from`
to `to` (`return` flows hand back and are not followed). Reported at `to:`.

## Why it matters
The standard measures nothing: either `from` and `to` are swapped or mistyped, or a flow is
missing between them, so the promise ("wait at most 10 minutes") is checked against no path at
all and looks kept whatever the steps take.

## Failing example
```yaml
blueprint: 1
title: Counter queue
steps:
  - {id: take-number, lane: customer, label: Take a number, duration: 1min, next: called}
  - {id: called, lane: frontstage, label: Call the number, duration: 8min}
standards:
  - {id: queue, label: Wait at most 10 minutes, from: called, to: take-number, max: 10min}
```

## Passing example
```yaml
blueprint: 1
title: Counter queue
steps:
  - {id: take-number, lane: customer, label: Take a number, duration: 1min, next: called}
  - {id: called, lane: frontstage, label: Call the number, duration: 8min}
standards:
  - {id: queue, label: Wait at most 10 minutes, from: take-number, to: called, max: 10min}
```
"""

from __future__ import annotations

from ...phrases import say

__all__ = ["ID", "LEVEL", "check"]

ID = "standard-unreachable"
LEVEL = "error"


def check(ctx, options):
    for measured in ctx.standard_paths.values():
        if measured.steps:
            continue
        standard = measured.standard
        start, end = standard.from_step.id, standard.to_step.id
        yield standard.to_step.pos, say("lint.standard-unreachable.nothing", standard=standard.id,
                                        start=start, end=end)
