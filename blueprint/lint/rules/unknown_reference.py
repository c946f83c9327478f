"""A reference to a lane, phase or step that does not exist, with a did-you-mean suggestion.

## What it finds
A step's `lane` or `phase`, a `next:` item, a flow's `from`/`to`, a `recovery:`, or a standard's
`from`, `to` or `steps` that names nothing declared (a lane `backstagee` suggests `backstage`).
The loader reports these at the reference. The linter also reports here a disable comment that
names a rule that does not exist, or a word without `rule:`.

## Why it matters
A dangling reference drops a flow from the drawing, puts a step in no lane, or makes a standard
uncheckable, all without any visible sign in the rendered blueprint.

## Failing example
```yaml
blueprint: 1
title: Hall visit
steps:
  - {id: enter, lane: customer, label: Enter the hall, next: greeet}
  - {id: greet, lane: frontstagee, label: Greet the customer}
```

## Passing example
```yaml
blueprint: 1
title: Hall visit
steps:
  - {id: enter, lane: customer, label: Enter the hall, next: greet}
  - {id: greet, lane: frontstage, label: Greet the customer}
```
"""

__all__ = ["ID", "LEVEL", "DOC_ZH"]

ID = "unknown-reference"
LEVEL = "error"

#: The documentation in Chinese: the docstring's sections, the same examples.
DOC_ZH = """引用了不存在的泳道、阶段或步骤，并给出“是不是……”的建议。

## 发现什么
步骤的 `lane` 或 `phase`、`next:` 中的一项、连线的 `from`/`to`、`recovery:`，或服务标准的
`from`、`to`、`steps`，指向了没有声明的对象（泳道 `backstagee` 会建议
`backstage`）。加载器在引用处报告。检查器也在这里报告禁用注释里写了不存在的规则，或漏写了 `rule:` 的词。

## 为什么重要
悬空的引用会让一条连线从图中消失、让一个步骤不属于任何泳道，或让一条服务标准无法核对，而画出来的蓝图上却看不出任何迹象。
"""
