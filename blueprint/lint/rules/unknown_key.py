"""A key that the file format does not know, usually a typo, with a did-you-mean suggestion.

## What it finds
A key that is not part of format version 1 at the top level or in a lane, phase, step, flow or
standard (`nxt:` for `next:`, `duraton:` for `duration:`), reported at the key with the closest
known key. The loader reports it.

## Why it matters
A misspelt key is silently ignored by everything else: the flow it meant to draw is missing, the
duration it meant to give is not counted against a standard.

## Failing example
```yaml
blueprint: 1
title: Hall visit
steps:
  - {id: enter, lane: customer, label: Enter the hall, nxt: greet}
  - {id: greet, lane: frontstage, label: Greet the customer}
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

ID = "unknown-key"
LEVEL = "error"

#: The documentation in Chinese: the docstring's sections, the same examples.
DOC_ZH = """文件格式不认识的键，通常是拼写错误，并给出“是不是……”的建议。

## 发现什么
格式版本 1 的顶层，或泳道、阶段、步骤、连线、服务标准里没有的键（把 `next:` 写成了 `nxt:`，把 `duration:`
写成了 `duraton:`），在这个键处报告，并给出最接近的已知键。由加载器报告。

## 为什么重要
拼错的键会被其他所有环节悄悄忽略：本该画出的连线不见了，本该计入服务标准的时长也没有算进去。
"""
