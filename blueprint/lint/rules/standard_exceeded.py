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

__all__ = ["ID", "LEVEL", "DOC_ZH", "check"]

ID = "standard-exceeded"
LEVEL = "error"

#: The documentation in Chinese: the docstring's sections, the same examples.
DOC_ZH = """各步骤的时长兑现不了的服务标准（时限）。

## 发现什么
- `from`/`to` 类服务标准：从 `from` 开始到 `to` 结束的最长路径，用时超过 `max`。路径沿 `flow` 和 `support`
  类型的连线走（`return` 连线是交回，不沿着走）；用时是各步骤 `duration`
  之和。没有时长的步骤按零计，这时的用时是“至少”这么多。在 `max:`
  处报告，并给出用时、上限和最长路径上的步骤。
- 带 `steps:` 的服务标准（给每个步骤单独设上限）：所列步骤的时长超过 `max`。在 `steps:`
  中这个步骤的引用处报告。
- 有自己时限的等待点（`wait: 10min`），它的 `duration` 超过了这个时限。在 `wait:` 处报告。

## 为什么重要
设计出来的步骤兑现不了的服务承诺，每天都会被打破：要么让步骤更快（把简单业务分流到自助渠道，在顾客等候时就把材料准备好），要么改变承诺。
"""


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
