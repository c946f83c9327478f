"""The file is too large, too deeply nested, or holds an alias bomb.

## What it finds
Hostile or broken input that would exhaust time or memory: a file over 5 MB, nesting deeper than
64 levels, or aliases that expand to more than 2,000,000 nodes (the "billion laughs") or to more
text than ten times the file (at least 1,000,000 and at most 50,000,000 characters: one long label
used a thousand times). The loader refuses the file where the limit is crossed, so a config cannot
disable or lower this rule.

## Why it matters
The linter runs in CI and in a pre-commit hook on files anyone can submit; one crafted file must
not hang the build or crash the interpreter. Real blueprints stay far below these limits.

## Failing example
```yaml
blueprint: 1
title: Deep
steps: [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[
  [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[
  ]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]
  ]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]
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

ID = "input-limit"
LEVEL = "error"
CONFIGURABLE = False

#: The documentation in Chinese: the docstring's sections, the same examples.
DOC_ZH = """文件太大、嵌套太深，或含有“别名炸弹”。

## 发现什么
会耗尽时间或内存的恶意或损坏的输入：超过 5 MB 的文件、嵌套超过 64 层，或展开后超过 2,000,000
个节点的别名（即 “billion laughs”），或展开后的文本超过文件本身的十倍（至少 1,000,000、最多 50,000,000
个字符：例如一个很长的标签被引用一千次）。加载器在越过上限的地方拒绝这个文件，所以配置无法关闭或降低这条规则。

## 为什么重要
检查器会在 CI 和 pre-commit
钩子里运行，检查任何人提交的文件；一个精心构造的文件不能卡住构建，也不能让解释器崩溃。真实的蓝图远远达不到这些上限。
"""
