"""A flow goes straight between the customer and the backstage or support zones.

## What it finds
A flow (from `next:` or `flows:`, of any kind) between a step in the customer zone and a step in
the backstage or support zones, in either direction: it crosses the line of interaction and the
line of visibility at once. Reported at the reference that makes the flow (the `next:` item or
the flow's `to:`). `recovery:` links are not flows and are not checked.

## Why it matters
The customer cannot deal with what is behind the line of visibility: someone or something in the
frontstage (a person, a terminal, an app screen, a text message) must carry the handoff. A
blueprint without it hides the very contact the customer will judge the service by.

## Failing example
```yaml
blueprint: 1
title: Report a fault
steps:
  - {id: report, lane: customer, label: Report a broken terminal, next: repair}
  - {id: repair, lane: backstage, label: Repair the terminal}
```

## Passing example
```yaml
blueprint: 1
title: Report a fault
steps:
  - {id: report, lane: customer, label: Report a broken terminal, next: log}
  - {id: log, lane: frontstage, label: Log the fault and apologise, next: repair}
  - {id: repair, lane: backstage, label: Repair the terminal, next: confirm}
  - {id: confirm, lane: frontstage, label: Confirm the repair to the customer}
```
"""

from __future__ import annotations

from ...model import Zone
from ...phrases import say

__all__ = ["ID", "LEVEL", "DOC_ZH", "check"]

ID = "missing-handoff"
LEVEL = "error"

_BEHIND = (Zone.BACKSTAGE, Zone.SUPPORT)

#: The documentation in Chinese: the docstring's sections, the same examples.
DOC_ZH = """连线在顾客与后台或支持之间直来直去，没有经过前台。

## 发现什么
一条连线（来自 `next:` 或 `flows:`，任何类型）直接连接顾客区的步骤和后台或支持区的步骤，方向不限（顾客 →
后台，或支持 → 顾客）：它同时跨过了互动分界线和可视分界线。在形成这条连线的引用处报告（`next:`
中的那一项，或连线的 `to:`）。`recovery:` 补救链接不是连线，不做检查。

## 为什么重要
顾客接触不到可视分界线后面的事：必须由前台的某个人或某样东西（一位员工、一台终端、一个 App
页面、一条短信）来完成交接。缺了这一步的蓝图，恰恰藏起了顾客评判这项服务时最在意的那次接触。
"""


def check(ctx, options):
    zones = ctx.zones
    for edge in ctx.flows:
        source, target = zones[edge.source], zones[edge.target]
        if (source is Zone.CUSTOMER and target in _BEHIND) or (target is Zone.CUSTOMER and source in _BEHIND):
            a, b = ctx.steps[edge.source], ctx.steps[edge.target]
            yield edge.flow.pos, say("lint.missing-handoff.skips-frontstage", source=a.id, target=b.id,
                                     source_zone=say(f"zone.{source.value}"),
                                     target_zone=say(f"zone.{target.value}"))
