"""A time standard that the steps' durations cannot keep.

## What it finds
- A `from`/`to` standard whose longest path, from the start of `from` to the end of `to`, takes
  longer than `max`. The path follows flows of kind `flow` and `support` (`return` flows hand
  back and are not followed); its time is the sum of the steps' `duration`. Steps without a
  duration count as nothing, so the time is then "at least" that much. Reported at `max:`, with
  the time, the bound and the steps of the longest path.
- A standard with `steps:` (a bound on each step alone) and a listed step whose duration is over
  `max`. Reported at the step's reference in `steps:`.
- A wait point with its own standard (`wait: 10min`) whose `duration` is over it. Reported at
  `wait:`.

## Why it matters
A service promise that the designed steps cannot keep will be broken every day: either the
steps must get faster (divert simple business to self-service, prepare documents while the
customer waits) or the promise must change.

## Failing example
```yaml
blueprint: 1
title: Counter queue
steps:
  - {id: take-number, lane: customer, label: Take a number, duration: 1min, next: called}
  - {id: called, lane: frontstage, label: Call the number, duration: 12min}
standards:
  - {id: queue, label: Wait at most 10 minutes, from: take-number, to: called, max: 10min}
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

from ...durations import Duration
from ...phrases import Phrase, say

__all__ = ["ID", "LEVEL", "check"]

ID = "standard-exceeded"
LEVEL = "error"


def _name(standard) -> Phrase:
    if standard.label:
        return say("lint.standard-exceeded.standard-labelled", standard=standard.id, label=standard.label)
    return say("lint.standard-exceeded.standard", standard=standard.id)


def check(ctx, options):
    # The one computation of standards against step times, shared with `blueprint analyze`
    # (imported here: the analysis package brings networkx, which `blueprint --help` must not load).
    from ...analysis.standards import EXCEEDED, checks

    for item in checks(ctx):
        if item.status != EXCEEDED:
            continue
        takes, limit = Duration(item.time), Duration(item.bound)
        if item.kind == "step":
            yield item.pos, say("lint.standard-exceeded.step", step=item.step.id, takes=takes, limit=limit,
                                standard=_name(item.standard))
        elif item.kind == "path":
            standard = item.standard
            at_least = say("lint.standard-exceeded.at-least") if item.unmeasured else ""
            yield item.pos, say(
                "lint.standard-exceeded.path", standard=_name(standard), start=standard.from_step.id,
                end=standard.to_step.id, at_least=at_least, takes=takes, limit=limit,
                path=ctx.path_text([ctx.number[i] for i in item.critical]))
        else:
            yield item.pos, say("lint.standard-exceeded.wait", step=item.step.id, takes=takes, limit=limit)
