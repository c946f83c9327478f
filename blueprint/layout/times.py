"""Elapsed time along the flow for the picture's time row: when each step finishes, and how long
each phase adds to the journey.

A step starts when the last of the steps that flow into it (kinds ``flow`` and ``support``;
``return`` flows hand back, and inside a cycle the flow back to an earlier step is left out)
has finished, and takes its ``duration`` (nothing when it has none). A phase's running total is
the latest finish of the steps counted in it (the picture counts the customer's and frontstage
steps) and in those before it; its own time is what it adds to the total.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import timedelta

from ..lint.context import Context
from ..model import Blueprint

__all__ = ["finish_times", "phase_times"]


def finish_times(bp: Blueprint) -> dict[int, timedelta]:
    """When each step finishes, from the start of the blueprint, by the step's ``index``.

    >>> from blueprint import loads
    >>> bp = loads("blueprint: 1\\ntitle: t\\nsteps:\\n"
    ...            "- {id: a, lane: customer, label: A, duration: 2min, next: [b, c]}\\n"
    ...            "- {id: b, lane: frontstage, label: B, duration: 5min, next: d}\\n"
    ...            "- {id: c, lane: frontstage, label: C, duration: 1min, next: d}\\n"
    ...            "- {id: d, lane: customer, label: D, duration: 1min}\\n")
    >>> [int(t.total_seconds() // 60) for t in finish_times(bp).values()]
    [2, 7, 3, 8]
    """
    ctx = Context(bp)
    components = ctx.components
    order = sorted(range(len(ctx.steps)), key=lambda i: (components[i], i))
    into: list[list[int]] = [[] for _ in ctx.steps]
    for edge in ctx.forward_edges:
        if components[edge.source] != components[edge.target] or edge.source < edge.target:
            into[edge.target].append(edge.source)
    finish = [timedelta(0)] * len(ctx.steps)
    for i in order:
        begin = max((finish[j] for j in into[i]), default=timedelta(0))
        finish[i] = begin + (ctx.steps[i].duration or timedelta(0))
    return {ctx.steps[i].index: finish[i] for i in sorted(range(len(ctx.steps)), key=lambda i: ctx.steps[i].index)}


def phase_times(bands: dict[int, int], finish: dict[int, timedelta]) -> dict[int, tuple[timedelta, timedelta]]:
    """Per band (phase index, in order): the time it adds and the running total.

    ``bands`` maps a step's ``index`` to its band.

    >>> minutes = lambda m: timedelta(minutes=m)
    >>> phase_times({0: 0, 1: 1, 2: 1}, {0: minutes(2), 1: minutes(7), 2: minutes(3)})[1]
    (datetime.timedelta(seconds=300), datetime.timedelta(seconds=420))
    """
    latest: dict[int, timedelta] = defaultdict(timedelta)
    for index, band in bands.items():
        if index in finish:
            latest[band] = max(latest[band], finish[index])
    result: dict[int, tuple[timedelta, timedelta]] = {}
    running = timedelta(0)
    for band in sorted(set(bands.values())):
        total = max(running, latest[band])
        result[band] = (total - running, total)
        running = total
    return result
