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

__all__ = ["ID", "LEVEL"]

ID = "unknown-key"
LEVEL = "error"

