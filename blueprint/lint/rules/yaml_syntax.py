"""The file is not YAML the tool can read: a bad indent, an unclosed bracket or quote, a tab.

## What it finds
Text the YAML parser stops on, reported where it stopped. Also a file that is binary or not
UTF-8 (or is UTF-16), a second YAML document in the same file, an unknown alias, and tags such as
`!!python/object` that a blueprint never needs. The loader reports it; nothing else is checked in
a file that does not read, so a config cannot disable or lower this rule.

## Why it matters
A workshop file that does not parse cannot be drawn, linted or opened in the app. The parser's
own message is often cryptic, so the finding points at the exact line and column.

## Failing example
```yaml
blueprint: 1
title: Hall visit
steps:
  - {id: enter, lane: customer, label: Enter the hall
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

__all__ = ["ID", "LEVEL", "DOC_ZH", "CONFIGURABLE"]

ID = "yaml-syntax"
LEVEL = "error"
CONFIGURABLE = False

#: The documentation in Chinese: the docstring's sections, the same examples.
DOC_ZH = """文件不是本工具能读取的 YAML：缩进不对、括号或引号没有闭合、用了制表符。

## 发现什么
YAML 解析器读不下去的地方，在它停下的位置报告。还包括：二进制文件、不是 UTF-8 编码（或是
UTF-16）的文件、同一个文件里的第二个 YAML 文档、未知的别名，以及蓝图用不到的标签（比如
`!!python/object`）。由加载器报告；读不了的文件不会再做其他检查，所以配置无法关闭或降低这条规则。

## 为什么重要
工作坊里写的文件如果解析不了，就无法绘制、检查，也无法在应用里打开。解析器自己的报错往往难懂，所以这条结果会指出确切的行和列。
"""
