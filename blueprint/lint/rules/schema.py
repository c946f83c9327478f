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

__all__ = ["ID", "LEVEL"]

ID = "schema"
LEVEL = "error"

