"""A time standard that cannot be checked: steps without `duration`, no path, or a cycle.

## What it finds
- A `from`/`to` standard with steps on its path that have no `duration` (a step is on the path
  when it lies on some flow path from `from` to `to`). Reported at the standard's id with the
  steps concerned. When the known durations already exceed `max`, `standard-exceeded` reports it
  instead.
- A `from`/`to` standard whose `to` cannot be reached from `from` along flows of kind `flow`
  and `support` (reported at `to:`), or whose path goes round a cycle that no `return` flow
  closes (reported at the standard's id), so it has no longest path.
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

__all__ = ["ID", "LEVEL", "check"]

ID = "standard-unmeasured"
LEVEL = "info"


def check(ctx, options):
    steps = ctx.bp.step_by_id
    for standard in ctx.bp.standards:
        if standard.max is None:
            continue  # the loader reports a missing or bad 'max'
        name = f"standard '{standard.id}'"
        if standard.kind == "steps":
            for ref in standard.steps:
                step = steps.get(ref.id)
                if step is not None and step.duration is None:
                    yield ref.pos, (
                        f"{name} cannot be checked for step '{ref.id}': the step has no "
                        "'duration'; add one"
                    )
            continue
        measured = ctx.standard_paths.get(id(standard))
        if measured is None:
            continue  # 'from' or 'to' is missing or unknown: the loader reports it
        start, end = standard.from_step.id, standard.to_step.id
        if not measured.steps:
            yield standard.to_step.pos, (
                f"{name} cannot be checked: no flow leads from '{start}' to '{end}' (flows of kind "
                "return are not followed); check 'from' and 'to', or the flows between them"
            )
        elif measured.cycle:
            yield standard.where("id"), (
                f"{name} cannot be checked: the flow from '{start}' to '{end}' goes round a cycle "
                f"through {ctx.list_text(measured.cycle)}; mark the flow that hands back 'kind: return'"
            )
        elif measured.unmeasured and measured.longest <= standard.max:
            missing = measured.unmeasured
            listed = ctx.list_text(missing)
            yield standard.where("id"), (
                f"{name} cannot be checked: {len(missing)} step{'s' if len(missing) > 1 else ''} "
                f"on its path {'have' if len(missing) > 1 else 'has'} no 'duration' ({listed}); "
                "add the durations"
            )
