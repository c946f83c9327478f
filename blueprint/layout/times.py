"""Elapsed time along the flow for the picture's time row: when each step finishes, and how long
each phase adds to the journey.

When a step finishes is the analysis package's journey timeline
(:func:`blueprint.analysis.journey.timeline`: a step starts when the last step flowing into it has
finished). A phase's running total is the latest finish of the steps counted in it (the picture
counts the customer's and frontstage steps) and in those before it; its own time is what it adds
to the total.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import timedelta

from ..analysis.journey import timeline
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
    by_id = bp.step_by_id
    ends = {by_id[row["id"]].index: timedelta(minutes=row["end"]) for row in timeline(bp)}
    return dict(sorted(ends.items()))


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
