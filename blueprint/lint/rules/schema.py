"""A required key is missing, or a value has the wrong type or an impossible value.

## What it finds
What the file format (format version 1) does not allow: no `blueprint: 1`, `title` or `steps`; a
step without `id`, `lane` or `label`; text where a list belongs; a duration such as `3 mins later`;
an emotion outside -2..2; a touchpoint kind or flow kind that does not exist (with a suggestion);
a lane that names no zone. The loader reports each at the key or value concerned. An empty file,
or one whose top level is not a mapping, cannot be loaded at all and is always an error.

## Why it matters
The renderer and the analyses rely on these values; a wrong one would be dropped or misdrawn
without a word. Each message says what the value must be.

## Failing example
```yaml
blueprint: 1
title: Hall visit
steps:
  - {id: enter, lane: customer, label: Enter the hall, duration: soon, next: greet}
  - {id: greet, lane: frontstage, label: Greet the customer, emotion: 5}
```

## Passing example
```yaml
blueprint: 1
title: Hall visit
steps:
  - {id: enter, lane: customer, label: Enter the hall, duration: 1min, next: greet}
  - {id: greet, lane: frontstage, label: Greet the customer, emotion: 1}
```
"""

__all__ = ["ID", "LEVEL", "DOC_ZH"]

ID = "schema"
LEVEL = "error"

#: The documentation in Chinese: the docstring's sections, the same examples.
DOC_ZH = """缺少必需的键，或某个值的类型不对、取值不可能。

## 发现什么
文件格式（格式版本 1）不允许的内容：没有 `blueprint: 1`、`title` 或 `steps`；步骤没有 `id`、`lane` 或
`label`；该写列表的地方写了文本；像 `3 mins later` 这样的时长；超出 -2..2
的情绪值；不存在的触点类型或连线类型（会给出建议）；不属于任何区域的泳道。加载器在相关的键或值处逐一报告。空文件，或最外层不是键值对的文件，根本无法读取，始终是错误。

## 为什么重要
绘图和分析都依赖这些值；一个错误的值会被悄悄丢掉或画错。每条说明都会写明这个值应该是什么。
"""
