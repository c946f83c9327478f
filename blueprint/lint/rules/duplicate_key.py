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

__all__ = ["ID", "LEVEL", "CONFIGURABLE"]

ID = "duplicate-key"
LEVEL = "error"
CONFIGURABLE = False

