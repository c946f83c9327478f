"""A mapping has the same key twice, so YAML would silently keep only one of the values.

## What it finds
A key written twice in one mapping (two `next:` on a step, two `title:` at the top), reported at
the second one with the line and column of the first. The loader stops there, so a config cannot
disable or lower this rule.

## Why it matters
Most YAML readers keep the last value without a word: a step loses its first `next:` and the
blueprint quietly changes shape. Refusing the file is the only safe answer.

## Failing example
```yaml
blueprint: 1
title: Hall visit
steps:
  - id: enter
    lane: customer
    label: Enter the hall
    label: Walk in
    next: greet
  - {id: greet, lane: frontstage, label: Greet the customer}
```

## Passing example
```yaml
blueprint: 1
title: Hall visit
steps:
  - id: enter
    lane: customer
    label: Enter the hall
    next: greet
  - {id: greet, lane: frontstage, label: Greet the customer}
```
"""

__all__ = ["ID", "LEVEL", "DOC_ZH", "CONFIGURABLE"]

ID = "duplicate-key"
LEVEL = "error"
CONFIGURABLE = False

#: The documentation in Chinese: the docstring's sections, the same examples.
DOC_ZH = """同一个键值对里一个键写了两次，YAML 会悄悄只保留其中一个值。

## 发现什么
在同一个键值对里写了两次的键（一个步骤有两个 `next:`，顶层有两个
`title:`），在第二个处报告，并给出第一个所在的行和列。加载器在这里停下，所以配置无法关闭或降低这条规则。

## 为什么重要
大多数 YAML 读取器会一声不响地保留最后一个值：一个步骤丢了它的第一个
`next:`，蓝图就悄悄变了样。拒绝这个文件是唯一安全的做法。
"""
