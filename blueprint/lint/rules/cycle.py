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

__all__ = ["ID", "LEVEL", "DOC_ZH", "check"]

ID = "cycle"
LEVEL = "warning"

#: The documentation in Chinese: the docstring's sections, the same examples.
DOC_ZH = """没有用 `kind: return` 连线闭合的循环。

## 发现什么
沿连线（`flow` 和 `support` 类型）兜圈子的一组步骤。`return`
类型的连线是把东西交回去，不沿着走，`recovery:`
补救链接也不走。对每个循环，在回到文件中更早写出的步骤（或回到自身）的那些连线的引用处报告：把它们都标为
`kind: return`，所有循环就都消除了。

## 为什么重要
旅程是从左往右读的；没有标明的循环无法按时间顺序排布，其中的步骤没有最长路径（覆盖它们的服务标准无法核对）；而真实的循环（“再解释一遍”“再修一次”）是一次交回，蓝图应当把它画成交回。
"""


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
