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

from ..context import duration_text

__all__ = ["ID", "LEVEL", "check"]

ID = "standard-exceeded"
LEVEL = "error"


def _name(standard) -> str:
    return f"standard '{standard.id}'" + (f" ({standard.label})" if standard.label else "")


def check(ctx, options):
    steps = ctx.bp.step_by_id
    for standard in ctx.bp.standards:
        bound = standard.max
        if bound is None:
            continue  # the loader reports a missing or bad 'max'
        if standard.kind == "steps":
            for ref in standard.steps:
                step = steps.get(ref.id)
                if step is not None and step.duration is not None and step.duration > bound:
                    yield ref.pos, (
                        f"step '{ref.id}' takes {duration_text(step.duration)}, over the "
                        f"{duration_text(bound)} of {_name(standard)}: shorten the step or raise 'max'"
                    )
            continue
        measured = ctx.standard_paths.get(id(standard))
        if measured is None or not measured.steps or measured.cycle or measured.longest <= bound:
            continue
        at_least = "at least " if measured.unmeasured else ""
        yield standard.where("max"), (
            f"{_name(standard)}: the longest path from '{standard.from_step.id}' to "
            f"'{standard.to_step.id}' takes {at_least}{duration_text(measured.longest)} "
            f"({ctx.path_text(measured.critical)}), over the {duration_text(bound)} bound: "
            "shorten those steps or raise 'max'"
        )
    for step in ctx.steps:
        if step.wait_max is not None and step.duration is not None and step.duration > step.wait_max:
            yield step.where("wait"), (
                f"step '{step.id}' takes {duration_text(step.duration)}, over its wait standard of "
                f"{duration_text(step.wait_max)}: shorten the wait or raise 'wait'"
            )
