"""The one timing helper the benchmarks share."""

from __future__ import annotations

import time
from collections.abc import Callable


def best_of(function: Callable[[], object], runs: int) -> float:
    """The shortest of ``runs`` timings of ``function()`` in seconds: the least disturbed run."""
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        function()
        best = min(best, time.perf_counter() - start)
    return best
