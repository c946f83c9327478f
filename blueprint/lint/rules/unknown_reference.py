"""A reference to a lane, phase or step that does not exist, with a did-you-mean suggestion.

## What it finds
A step's `lane` or `phase`, a `next:` item, a flow's `from`/`to`, a `recovery:`, or a standard's
`from`, `to` or `steps` that names nothing declared (a lane `backstagee` suggests `backstage`).
The loader reports these at the reference. The linter also reports here a disable comment that
names a rule that does not exist, or a word without `rule:`.

## Why it matters
A dangling reference drops a flow from the drawing, puts a step in no lane, or makes a standard
uncheckable, all without any visible sign in the rendered blueprint.

## Failing example
```yaml
blueprint: 1
title: Hall visit
steps:
  - {id: enter, lane: customer, label: Enter the hall, next: greeet}
  - {id: greet, lane: frontstagee, label: Greet the customer}
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

ID = "unknown-reference"
LEVEL = "error"

