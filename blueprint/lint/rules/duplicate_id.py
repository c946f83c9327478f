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

__all__ = ["ID", "LEVEL", "DOC_ZH"]

ID = "duplicate-id"
LEVEL = "error"

#: The documentation in Chinese: the docstring's sections, the same examples.
DOC_ZH = """两个泳道、阶段、步骤或服务标准用了同一个编号。

## 发现什么
同一个列表里第二次使用的编号，在第二个处报告，并给出第一个的位置。连线、绘图和其他规则只会用第一个带这个编号的对象。由加载器报告。

## 为什么重要
按编号的引用变得含糊：`next: greet` 可能指其中任何一个步骤，而第二个步骤会从图中和分析里悄悄消失。
"""
