"""Journey time: the customer's way through the blueprint, its critical path and where the time goes.

The journey follows flows of kind ``flow`` and ``support`` (``return`` flows hand back; in a
cycle, the flow back to an earlier step is left out so the journey has an order). It starts at the entry steps (no flow
comes in) and ends at the customer step that finishes last: back-office work that runs on
after the customer has left does not make the customer's journey longer, but work the
customer waits for does. Each step takes its ``duration``; a range ``2-4min`` counts its middle,
and its ends give the ``best`` and ``worst`` totals. Steps without a duration count as nothing
and are listed in ``unmeasured``.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import timedelta

from ..model import Blueprint, Zone

__all__ = ["journey", "timeline", "step_times", "customer_paths"]

_VISIBLE = (Zone.CUSTOMER, Zone.FRONTSTAGE)


def _context(bp: Blueprint):
    from ..lint.context import Context

    return Context(bp)


def _order(ctx) -> tuple[list[int], list[list[int]]]:
    """Steps in topological order and, per step, its predecessors along acyclic forward flows.

    Inside a cycle, a flow back to a step written earlier in the file is the one that closes it
    and is left out; the rest of the cycle keeps its order.
    """
    components = ctx.components
    order = sorted(range(len(ctx.steps)), key=lambda i: (components[i], i))
    into: list[list[int]] = [[] for _ in ctx.steps]
    for edge in ctx.forward_edges:
        source, target = edge.source, edge.target
        if components[source] != components[target] or source < target:
            into[target].append(source)
    return order, into


def _minutes(value: timedelta) -> float:
    return value.total_seconds() / 60


def _schedule(ctx, order, into, pick) -> tuple[list[float], list[float], list[int]]:
    """Earliest start and finish (minutes) of each step, and its latest-finishing predecessor."""
    start = [0.0] * len(ctx.steps)
    finish = [0.0] * len(ctx.steps)
    before = [-1] * len(ctx.steps)
    for i in order:
        begin, previous = 0.0, -1
        for j in into[i]:
            if finish[j] > begin or previous == -1:
                begin, previous = max(begin, finish[j]), j
        start[i], before[i] = begin, previous
        finish[i] = begin + pick(ctx.steps[i])
    return start, finish, before


def _expected(step) -> float:
    return _minutes(step.duration) if step.duration is not None else 0.0


def _best(step) -> float:
    if step.duration_range is not None:
        return _minutes(step.duration_range[0])
    return _expected(step)


def _worst(step) -> float:
    if step.duration_range is not None:
        return _minutes(step.duration_range[1])
    return _expected(step)


def _end(ctx, finish: list[float]) -> int | None:
    """The step where the journey ends: the customer step finishing last (any step if none)."""
    candidates = [i for i, zone in enumerate(ctx.zones) if zone is Zone.CUSTOMER] or range(len(ctx.steps))
    return max(candidates, key=lambda i: (finish[i], -i), default=None)


def journey(bp: Blueprint, *, ctx=None) -> dict:
    """The journey's time as plain data (minutes throughout).

    Keys: ``total_minutes`` {``best``, ``expected``, ``worst``}; ``critical_path`` (step ids);
    ``wait_share`` (of the expected total, on waits); ``by_phase``, ``by_lane``, ``by_owner``
    (frontstage time per owner, else per lane) and ``visibility`` {``visible``, ``backstage``}:
    the expected minutes of the critical path's steps; ``entries``, ``end``; ``unmeasured``
    (critical steps without a duration); ``paths`` (the customer's steps along each way through,
    at most ten).

    >>> from blueprint import loads
    >>> bp = loads("blueprint: 1\\ntitle: t\\nsteps:\\n"
    ...            "- {id: a, lane: customer, label: A, next: [b, c], duration: 1min}\\n"
    ...            "- {id: b, lane: frontstage, label: B, next: d, duration: 2-4min}\\n"
    ...            "- {id: c, lane: backstage, label: C, next: d, duration: 5min}\\n"
    ...            "- {id: d, lane: customer, label: D, duration: 1min, wait: true}\\n")
    >>> j = journey(bp)
    >>> j["total_minutes"], j["critical_path"], j["wait_share"]
    ({'best': 7.0, 'expected': 7.0, 'worst': 7.0}, ['a', 'c', 'd'], 0.14285714285714285)

    ``ctx``, a lint :class:`~blueprint.lint.context.Context` of ``bp``, shares its graph work
    with other analyses of the same blueprint.
    """
    ctx = ctx or _context(bp)
    order, into = _order(ctx)
    _start, finish, before = _schedule(ctx, order, into, _expected)
    end = _end(ctx, finish)
    result: dict = {
        "total_minutes": {"best": 0.0, "expected": 0.0, "worst": 0.0}, "critical_path": [],
        "wait_share": 0.0, "by_phase": {}, "by_lane": {}, "by_owner": {},
        "visibility": {"visible": 0.0, "backstage": 0.0}, "entries": [], "end": None,
        "unmeasured": [], "paths": [],
    }
    if end is None:
        return result
    critical = [end]
    while before[critical[-1]] != -1:
        critical.append(before[critical[-1]])
    critical.reverse()
    totals = {}
    for name, pick in (("best", _best), ("worst", _worst)):
        totals[name] = _schedule(ctx, order, into, pick)[1][end] if bp.steps else 0.0
    result["total_minutes"] = {"best": totals["best"], "expected": finish[end], "worst": totals["worst"]}
    steps = [ctx.steps[i] for i in critical]
    result["critical_path"] = [step.id for step in steps]
    by_phase: dict[str, float] = defaultdict(float)
    by_lane: dict[str, float] = defaultdict(float)
    by_owner: dict[str, float] = defaultdict(float)
    visibility = {"visible": 0.0, "backstage": 0.0}
    waiting = 0.0
    for step in steps:
        minutes = _expected(step)
        by_phase[step.phase or ""] += minutes
        by_lane[step.lane] += minutes
        if step.zone is Zone.FRONTSTAGE:
            by_owner[step.owner or step.lane] += minutes
        visibility["visible" if step.zone in _VISIBLE else "backstage"] += minutes
        if step.wait:
            waiting += minutes
    total = finish[end]
    result.update(
        wait_share=waiting / total if total else 0.0, by_phase=dict(by_phase), by_lane=dict(by_lane),
        by_owner=dict(by_owner), visibility=visibility,
        entries=[ctx.steps[i].id for i in order if not into[i]], end=ctx.steps[end].id,
        unmeasured=[step.id for step in steps if step.duration is None],
        paths=customer_paths(bp, ctx=ctx, order=(order, into)),
    )
    return result


def timeline(bp: Blueprint, *, ctx=None) -> list[dict]:
    """Every step with its earliest ``start`` and ``end`` (minutes from the journey's start),
    lane, phase, wait and emotion: the data of a Gantt chart by lane, in time order."""
    ctx = ctx or _context(bp)
    order, into = _order(ctx)
    start, finish, _before = _schedule(ctx, order, into, _expected)
    rows = [
        {"id": step.id, "label": step.label, "lane": step.lane, "zone": step.zone.value if step.zone else None,
         "phase": step.phase, "start": start[i], "end": finish[i], "minutes": _expected(step),
         "measured": step.duration is not None, "wait": step.wait, "emotion": step.emotion}
        for i, step in enumerate(ctx.steps)
    ]
    return sorted(rows, key=lambda row: (row["start"], row["end"]))


def step_times(bp: Blueprint, *, ctx=None) -> dict[str, dict]:
    """Per step id: ``minutes`` (expected, None without a duration), ``start``, ``end``, the
    tightest bound on it (``max_minutes``: its wait standard or a ``steps:`` standard) and
    ``status`` (``met``, ``exceeded`` or None without a bound): for drawing on the picture."""
    from .standards import checks

    ctx = ctx or _context(bp)
    order, into = _order(ctx)
    start, finish, _before = _schedule(ctx, order, into, _expected)
    bounds: dict[str, timedelta] = {}
    for check in checks(ctx):
        if check.step is not None:
            bounds[check.step.id] = min(check.bound, bounds.get(check.step.id, check.bound))
    result = {}
    for i, step in enumerate(ctx.steps):
        minutes = _expected(step) if step.duration is not None else None
        bound = bounds.get(step.id)
        status = None
        if bound is not None and minutes is not None:
            status = "exceeded" if step.duration > bound else "met"
        result[step.id] = {"minutes": minutes, "start": start[i], "end": finish[i],
                           "max_minutes": _minutes(bound) if bound is not None else None, "status": status}
    return result


def customer_paths(bp: Blueprint, limit: int = 10, *, ctx=None, order=None) -> list[list[str]]:
    """The customer's steps along each way from an entry to an end of the flow (at most ``limit``
    distinct ways, found depth first; ways that differ only behind the line are one)."""
    ctx = ctx or _context(bp)
    order, into = order or _order(ctx)
    out: list[list[int]] = [[] for _ in ctx.steps]
    for i, sources in enumerate(into):
        for j in sources:
            out[j].append(i)
    customer = [zone is Zone.CUSTOMER for zone in ctx.zones]
    found: list[list[str]] = []
    seen: set[tuple[str, ...]] = set()
    budget = 50 * limit + len(ctx.steps)  # bounds the search on graphs with very many ways through
    for entry in (i for i in order if not into[i]):
        # Each entry of the stack is (step, the customer steps so far as a linked list): pushing
        # a step costs nothing whatever the length of the way, so a long journey stays linear.
        stack: list[tuple[int, tuple | None]] = [(entry, None)]
        while stack and len(found) < limit and budget > 0:
            node, trail = stack.pop()
            budget -= 1
            if customer[node]:
                trail = (node, trail)
            if not out[node]:
                ids = []
                while trail is not None:
                    ids.append(ctx.steps[trail[0]].id)
                    trail = trail[1]
                key = tuple(reversed(ids))
                if key and key not in seen:
                    seen.add(key)
                    found.append(list(key))
                continue
            for nxt in reversed(out[node]):
                stack.append((nxt, trail))
    return found
