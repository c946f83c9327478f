"""A time standard that cannot be checked: steps without `duration`, or a cycle.

## What it finds
- A `from`/`to` standard with steps on its path that have no `duration` (a step is on the path
  when it lies on some flow path from `from` to `to`). Reported at the standard's id with the
  steps concerned. When the known durations already exceed `max`, `standard-exceeded` reports it
  instead.
- A `from`/`to` standard whose path goes round a cycle that no `return` flow closes (reported
  at the standard's id), so it has no longest path. (A `to` that cannot be reached at all is
  `standard-unreachable`, an error.)
- A standard with `steps:` listing a step without `duration` (reported at that reference).

## Why it matters
A promise that cannot be checked against the design gives false comfort: the blueprint looks
compliant only because the times are missing. Add the expected (or measured) durations.

## Failing example
```yaml
blueprint: 1
title: Counter queue
steps:
  - {id: take-number, lane: customer, label: Take a number, duration: 1min, next: called}
  - {id: called, lane: frontstage, label: Call the number}
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

from ...phrases import IdList, say

__all__ = ["ID", "LEVEL", "check"]

ID = "standard-unmeasured"
LEVEL = "info"


def check(ctx, options):
    steps = ctx.bp.step_by_id
    for standard in ctx.bp.standards:
        if standard.max is None:
            continue  # the loader reports a missing or bad 'max'
        name = standard.id
        if standard.kind == "steps":
            for ref in standard.steps:
                step = steps.get(ref.id)
                if step is not None and step.duration is None:
                    yield ref.pos, say("lint.standard-unmeasured.step", standard=name, step=ref.id)
            continue
        measured = ctx.standard_paths.get(id(standard))
        if measured is None:
            continue  # 'from' or 'to' is missing or unknown: the loader reports it
        start, end = standard.from_step.id, standard.to_step.id
        if not measured.steps:
            continue  # standard-unreachable reports it
        if measured.cycle:
            yield standard.where("id"), say("lint.standard-unmeasured.cycle", standard=name, start=start, end=end,
                                            through=_ids(ctx, measured.cycle))
        elif measured.unmeasured and measured.longest <= standard.max:
            missing = measured.unmeasured
            key = "lint.standard-unmeasured.many-missing" if len(missing) > 1 else "lint.standard-unmeasured.one-missing"
            yield standard.where("id"), say(key, standard=name, count=len(missing), steps=_ids(ctx, missing))


def _ids(ctx, numbers: list[int]) -> IdList:
    """The ids of steps by number, for a message."""
    return IdList(tuple(ctx.steps[i].id for i in numbers))
