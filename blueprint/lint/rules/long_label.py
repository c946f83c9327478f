"""A title or label longer than a card could ever show: cut at load, with this warning.

## What it finds
A `title` or a `label` (of a step, lane, phase, flow or standard) of more than 300 characters. A
card shows six short lines, about 150 characters; the loader keeps the first 300 characters (the
last one an ellipsis) and reports the label at its value. The file itself is not changed.

## Why it matters
A label that long is a description pasted into the wrong key: it cannot be read on the card, and
wrapping it, character by character, would cost the drawing seconds or minutes (a 1 MB label). A
short label and the detail in `description` or `notes` read better on the wall and in the tables.

## Failing example
```yaml
blueprint: 1
title: Hall visit
steps:
  - {id: enter, lane: customer, label: Enter the hall, next: greet}
  - id: greet
    lane: frontstage
    label: >-
      Greet the customer at the door, ask what brings them in today, check whether they have an appointment, look at their ID card if the business needs real-name checks, explain the waiting time, hand them a queue ticket or send them to the self-service terminals when their business can be done there, and tell them where the seats, the water and the restrooms are while they wait
```

## Passing example
```yaml
blueprint: 1
title: Hall visit
steps:
  - {id: enter, lane: customer, label: Enter the hall, next: greet}
  - id: greet
    lane: frontstage
    label: Greet the customer
    description: >-
      Greet the customer at the door, ask what brings them in today, check whether they have an appointment, look at their ID card if the business needs real-name checks, explain the waiting time, hand them a queue ticket or send them to the self-service terminals when their business can be done there, and tell them where the seats, the water and the restrooms are while they wait
```
"""

from __future__ import annotations

__all__ = ["ID", "LEVEL", "DOC_ZH"]

ID = "long-label"
LEVEL = "warning"

#: The documentation in Chinese: the docstring's sections, the same examples.
DOC_ZH = """标题或标签长到卡片怎么也显示不下：加载时截断，并给出这条警告。

## 发现什么
超过 300 个字符的 `title` 或 `label`（步骤、泳道、阶段、连线或服务标准的标签）。一张卡片只显示六行短文字，约
150 个字符；加载器保留前 300 个字符（最后一个是省略号），并在这个值处报告。文件本身不会被修改。

## 为什么重要
这么长的标签其实是放错了键的说明：卡片上读不了，而逐字折行会让绘图耗费几秒甚至几分钟（1 MB 的标签）。简短的标签加上写在
`description` 或 `notes` 里的细节，在墙上和表格里都更好读。
"""
