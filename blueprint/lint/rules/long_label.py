"""A title or label longer than a card could ever show: cut at load, with this warning.

## What it finds
A `title` or a `label` (of a step, lane, phase, flow or standard) of more than 300 characters. A
card shows six short lines, about 150 characters; the loader keeps the first 300 characters (the
last one an ellipsis) and reports the label at its value. The file itself is not changed.

## Why it matters
A label that long is a description pasted into the wrong key: it cannot be read on the card, and
wrapping it, character by character, would cost the drawing seconds or minutes (a 1 MB label). A
short label and the detail in `description` or `notes` read better on the wall and in the tables.

## Failing example
```yaml
blueprint: 1
title: Hall visit
steps:
  - {id: enter, lane: customer, label: Enter the hall, next: greet}
  - id: greet
    lane: frontstage
    label: >-
      Greet the customer at the door, ask what brings them in today, check whether they have an appointment, look at their ID card if the business needs real-name checks, explain the waiting time, hand them a queue ticket or send them to the self-service terminals when their business can be done there, and tell them where the seats, the water and the restrooms are while they wait
```

## Passing example
```yaml
blueprint: 1
title: Hall visit
steps:
  - {id: enter, lane: customer, label: Enter the hall, next: greet}
  - id: greet
    lane: frontstage
    label: Greet the customer
    description: >-
      Greet the customer at the door, ask what brings them in today, check whether they have an appointment, look at their ID card if the business needs real-name checks, explain the waiting time, hand them a queue ticket or send them to the self-service terminals when their business can be done there, and tell them where the seats, the water and the restrooms are while they wait
```
"""

from __future__ import annotations

__all__ = ["ID", "LEVEL"]

ID = "long-label"
LEVEL = "warning"

