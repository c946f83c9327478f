"""Two lanes, phases, steps or standards share an id.

## What it finds
An id used a second time in the same list, reported at the second one with the position of the
first. Only the first object with an id is used by flows, the renderer and the other rules. The
loader reports it.

## Why it matters
References by id become ambiguous: a `next: greet` could mean either step, and the second one
silently disappears from the drawing and the analyses.

## Failing example
```yaml
blueprint: 1
title: Hall visit
steps:
  - {id: enter, lane: customer, label: Enter the hall, next: greet}
  - {id: greet, lane: frontstage, label: Greet the customer}
  - {id: greet, lane: frontstage, label: Ask what they need}
```

## Passing example
```yaml
blueprint: 1
title: Hall visit
steps:
  - {id: enter, lane: customer, label: Enter the hall, next: greet}
  - {id: greet, lane: frontstage, label: Greet the customer, next: ask}
  - {id: ask, lane: frontstage, label: Ask what they need}
```
"""

__all__ = ["ID", "LEVEL"]

ID = "duplicate-id"
LEVEL = "error"

