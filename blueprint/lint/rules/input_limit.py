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

__all__ = ["ID", "LEVEL", "CONFIGURABLE"]

ID = "input-limit"
LEVEL = "error"
CONFIGURABLE = False

