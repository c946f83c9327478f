"""A phase where the customer does nothing.

## What it finds
A phase (declared under `phases:`) in which no step is in a customer lane. Reported at the
phase's id.

## Why it matters
Phases are stages of the customer's journey: a stage where the customer does nothing is either
back-office work that belongs inside a customer-facing phase, or a stretch where the customer is
waiting with no step to show it (a wait the blueprint hides, and so nobody manages).

## Failing example
```yaml
blueprint: 1
title: Fault repair
phases: [report, repair]
steps:
  - {id: call, lane: customer, label: Report the fault, phase: report, next: ticket}
  - {id: ticket, lane: frontstage, label: Open a ticket, phase: report, next: fix}
  - {id: fix, lane: backstage, label: Repair the line, phase: repair, next: confirm}
  - {id: confirm, lane: frontstage, label: Call back to confirm, phase: repair}
```

## Passing example
```yaml
blueprint: 1
title: Fault repair
phases: [report, repair]
steps:
  - {id: call, lane: customer, label: Report the fault, phase: report, next: ticket}
  - {id: ticket, lane: frontstage, label: Open a ticket, phase: report, next: fix}
  - {id: fix, lane: backstage, label: Repair the line, phase: repair, next: confirm}
  - {id: confirm, lane: frontstage, label: Call back to confirm, phase: repair, next: hear}
  - {id: hear, lane: customer, label: Hear that the line works, phase: repair}
```
"""

from __future__ import annotations

from ...model import Zone
from ...phrases import say

__all__ = ["ID", "LEVEL", "check"]

ID = "phase-without-customer"
LEVEL = "warning"


def check(ctx, options):
    with_customer = {step.phase for step in ctx.steps if step.zone is Zone.CUSTOMER}
    for phase in ctx.bp.phase_by_id.values():
        if phase.id not in with_customer:
            yield phase.where("id"), say("lint.phase-without-customer.no-customer", phase=phase.id)
