"""A lint rule failed with an exception; the other rules still ran.

## What it finds
A bug in the linter, not in the blueprint: a rule raised an exception on this file. It is
reported once per failing rule at line 1, column 1 of the file, with the exception, and that
rule's findings for the file are left out. A config cannot disable or lower it, and disable
comments do not hide it.

## Why it matters
One broken rule must not hide the findings of every other rule, and a crash must not pass for
a clean file: the run goes on and the exit status is 1.

## Failing example
None: a blueprint cannot cause it on purpose. If you see it, please report the file and the
message.

## Passing example
Every file, as long as the rules work.
"""

__all__ = ["ID", "LEVEL", "DOC_ZH", "CONFIGURABLE"]

ID = "rule-error"
LEVEL = "error"
CONFIGURABLE = False

#: The documentation in Chinese: the docstring's sections, the same examples.
DOC_ZH = """某条检查规则运行时抛出了异常；其他规则照常运行。

## 发现什么
这是检查器的缺陷，不是蓝图的问题：某条规则在这个文件上抛出了异常。每条出错的规则在文件第 1 行第 1
列报告一次，附上异常信息，这条规则在这个文件上的结果被舍弃。配置无法关闭或降低它，禁用注释也隐藏不了它。

## 为什么重要
一条出错的规则不能掩盖其他所有规则的结果，程序崩溃也不能被当成文件没有问题：检查会继续进行，退出状态为 1。

## 错误示例
无：蓝图不可能故意触发它。如果你看到了，请报告这个文件和这条说明。

## 正确示例
所有文件，只要规则本身正常工作。
"""
