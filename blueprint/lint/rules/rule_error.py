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

__all__ = ["ID", "LEVEL", "CONFIGURABLE"]

ID = "rule-error"
LEVEL = "error"
CONFIGURABLE = False

