"""A declared lane with no steps.

## What it finds
A lane under `lanes:` that no step uses. Reported at the lane's id. The four standard lanes a
file gets when it has no `lanes:` are never reported.

## Why it matters
An empty row takes space in the drawing and suggests a part of the service was forgotten (no
support process behind a promise, no frontstage person for a handoff) or that the lane was
renamed and its steps still use the old id.

## Failing example
```yaml
blueprint: 1
title: Hall visit
lanes: [customer, frontstage, backstage]
steps:
  - {id: enter, lane: customer, label: Enter the hall, next: greet}
  - {id: greet, lane: frontstage, label: Greet the customer}
```

## Passing example
```yaml
blueprint: 1
title: Hall visit
lanes: [customer, frontstage]
steps:
  - {id: enter, lane: customer, label: Enter the hall, next: greet}
  - {id: greet, lane: frontstage, label: Greet the customer}
```
"""

from __future__ import annotations

from ...phrases import say

__all__ = ["ID", "LEVEL", "DOC_ZH", "check"]

ID = "empty-lane"
LEVEL = "info"

#: The documentation in Chinese: the docstring's sections, the same examples.
DOC_ZH = """声明了却没有步骤的泳道。

## 发现什么
`lanes:` 下没有任何步骤使用的泳道。在泳道的编号处报告。文件没有 `lanes:` 时得到的四条标准泳道从不报告。

## 为什么重要
空的一行会占用图上的空间，还暗示服务的某个部分被遗忘了（承诺背后没有支持流程、交接时没有前台人员），或者泳道改了名，而步骤还在用旧编号。
"""


def check(ctx, options):
    used = {step.lane for step in ctx.bp.steps}
    for lane in ctx.bp.lane_by_id.values():
        if not lane.implicit and lane.id not in used:
            yield lane.where("id"), say("lint.empty-lane.no-steps", lane=lane.id)
