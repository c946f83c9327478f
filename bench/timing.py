"""What the benchmarks share: timing, CPU time, percentiles, and the databases the store benchmarks run on."""

from __future__ import annotations

import resource
import statistics
import tempfile
import time
from collections.abc import Callable
from contextlib import ExitStack


def best_of(function: Callable[[], object], runs: int) -> float:
    """The shortest of ``runs`` timings of ``function()`` in seconds: the least disturbed run."""
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        function()
        best = min(best, time.perf_counter() - start)
    return best


def cpu_seconds() -> float:
    """CPU seconds, user and system, of this process and of the children it waited for (Graphviz):
    on a shared machine the wall clock mostly measures the others."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def timed(function: Callable[[], object]) -> float:
    """One timing of ``function()`` in seconds."""
    start = time.perf_counter()
    function()
    return time.perf_counter() - start


def percentiles(samples: list[float]) -> str:
    """The median and 95th percentile of ``samples`` (seconds) in milliseconds, as a table cell."""
    ms = sorted(s * 1000 for s in samples)
    p95 = ms[min(len(ms) - 1, int(round(0.95 * (len(ms) - 1))))]
    return f"{statistics.median(ms):7.1f} {p95:7.1f}"


def databases(stack: ExitStack) -> list[tuple[str, Callable[[], str]]]:
    """``(name, make_url)`` for a fresh SQLite file and, when a server can start here, a fresh
    PostgreSQL database (as ``make test`` starts one); says why when PostgreSQL is not measured."""
    places = [("sqlite", lambda: f"sqlite:///{stack.enter_context(tempfile.TemporaryDirectory())}/b.db")]
    try:
        from tests.postgres import Unavailable, new_database, running_server

        server = stack.enter_context(running_server())
        places.append(("postgresql", lambda: new_database(server)))
    except (ImportError, Unavailable, RuntimeError) as reason:
        print(f"postgresql: not measured ({reason})")
    return places
