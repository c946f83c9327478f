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

__all__ = ["ID", "LEVEL", "CONFIGURABLE"]

ID = "yaml-syntax"
LEVEL = "error"
CONFIGURABLE = False

