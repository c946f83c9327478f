"""A cycle of flows that is not closed by a `kind: return` flow.

## What it finds
Steps whose flows (of kind `flow` and `support`) lead round in a circle. Flows of kind `return`
hand something back and are not followed, and neither are `recovery:` links. For each cycle, the
flows that go back to a step written earlier in the file (or to the step itself) are reported at
their reference: marking all of them `kind: return` removes every cycle.

## Why it matters
The journey reads left to right; an unmarked loop cannot be laid out in time order, its steps
have no longest path (a standard over them cannot be checked), and a real loop ("explain again",
"repair again") is a hand-back that the blueprint should show as one.

## Failing example
```yaml
blueprint: 1
title: Choose a plan
steps:
  - {id: ask, lane: customer, label: Ask about plans, next: explain}
  - {id: explain, lane: frontstage, label: Explain the plans, next: ask}
```

## Passing example
```yaml
blueprint: 1
title: Choose a plan
steps:
  - {id: ask, lane: customer, label: Ask about plans, next: explain}
  - {id: explain, lane: frontstage, label: Explain the plans}
flows:
  - {from: explain, to: ask, kind: return, label: Another question}
```
"""

from __future__ import annotations

from collections import defaultdict

from ...phrases import IdList, say

__all__ = ["ID", "LEVEL", "check"]

ID = "cycle"
LEVEL = "warning"


def check(ctx, options):
    components, cyclic = ctx.components, ctx.cyclic
    members: dict[int, list[int]] = defaultdict(list)
    for i, component in enumerate(components):
        if cyclic[i]:
            members[component].append(i)
    for edge in ctx.forward_edges:
        source, target = edge.source, edge.target
        # Step numbers follow the file: a flow to an earlier step (or itself) closes the loop.
        if cyclic[source] and components[source] == components[target] and target <= source:
            a, b = ctx.steps[source], ctx.steps[target]
            loop = members[components[source]]
            fix = say("lint.cycle.fix-flow" if edge.flow.origin == "flows" else "lint.cycle.fix-next")
            yield edge.flow.pos, say("lint.cycle.closes", source=a.id, target=b.id, fix=fix,
                                     through=IdList(tuple(ctx.steps[i].id for i in loop)))
