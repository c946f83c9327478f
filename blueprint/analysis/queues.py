"""Queues at wait points as M/M/c (Erlang C): utilisation, waits, service level, fewest servers.

Arrivals are customers per hour, service times minutes. Erlang B is computed by its recursion
``B(k) = A·B(k-1) / (k + A·B(k-1))``, which stays between 0 and 1, so 200 (or 20,000) servers
neither overflow nor lose precision; Erlang C follows from it. A queue whose arrivals reach its
capacity (``A >= c``) grows without end: it is reported ``stable: False`` and no wait is given.
"""

from __future__ import annotations

import math

__all__ = [
    "erlang_b", "erlang_c", "mmc", "servers_for_service_level", "wait_within", "by_hour", "queues",
    "serving_step", "wait_curve", "counters_curve", "MAX_SERVERS",
]

#: The most servers ``servers_for_service_level`` tries.
MAX_SERVERS = 100_000


def erlang_b(servers: int, load: float) -> float:
    """Erlang B: the share of customers who find all ``servers`` busy and are lost, offered
    ``load`` erlangs (arrival rate × mean service time).

    >>> round(erlang_b(2, 1.0), 4)  # 0.5 / 2.5
    0.2
    >>> 0 < erlang_b(200, 180.0) < 1
    True
    """
    blocking = 1.0
    for k in range(1, servers + 1):
        blocking = load * blocking / (k + load * blocking)
    return blocking


def erlang_c(servers: int, load: float) -> float:
    """Erlang C: the probability that an arriving customer waits (all servers busy); 1 when the
    queue is unstable (``load >= servers``).

    >>> round(erlang_c(2, 1.0), 4)  # 1/3
    0.3333
    """
    if load >= servers:
        return 1.0
    if load <= 0:
        return 0.0
    blocking = erlang_b(servers, load)
    return servers * blocking / (servers - load * (1 - blocking))


def wait_within(servers: int, arrivals_per_hour: float, service_minutes: float, minutes: float) -> float:
    """The probability that a customer waits at most ``minutes`` (before service starts).

    ``P(W <= t) = 1 - C · exp(-(c·mu - lambda)·t)``; 0 for an unstable queue.
    """
    rate, mu = arrivals_per_hour / 60, 1 / service_minutes
    load = rate / mu
    if load >= servers:
        return 0.0
    return 1 - erlang_c(servers, load) * math.exp(-(servers * mu - rate) * minutes)


def servers_for_service_level(arrivals_per_hour: float, service_minutes: float, minutes: float,
                              level: float = 0.8) -> int:
    """The fewest servers so that at least ``level`` of customers wait at most ``minutes``.

    >>> servers_for_service_level(120, 6, 10, 0.8)
    13
    """
    load = arrivals_per_hour / 60 * service_minutes
    servers = max(1, math.floor(load) + 1)
    while wait_within(servers, arrivals_per_hour, service_minutes, minutes) < level:
        servers += 1
        if servers > MAX_SERVERS:
            raise ValueError(f"more than {MAX_SERVERS} servers would be needed")
    return servers


def mmc(arrivals_per_hour: float, service_minutes: float, servers: int, *,
        standard_minutes: float | None = None, diversion: float = 0.0, level: float = 0.8) -> dict:
    """An M/M/c queue as plain data.

    ``diversion`` is the share of arrivals sent to self-service or e-channels, off the counters.
    The result always has ``stable``, ``arrivals_per_hour`` (to the counters), ``servers``,
    ``service_minutes``, ``load`` (erlangs) and ``utilisation``; a stable queue also has
    ``wait_probability``, ``mean_wait_minutes``, ``mean_queue_length`` and, with a standard,
    ``within_standard``; with a standard, ``servers_for_service_level`` is given either way. An
    unstable queue has ``None`` for the figures it does not have.

    >>> q = mmc(120, 6, 4)
    >>> q["stable"], q["utilisation"], q["mean_wait_minutes"]
    (False, 3.0, None)
    >>> q = mmc(30, 6, 4)
    >>> round(q["wait_probability"], 4), round(q["mean_wait_minutes"], 3)
    (0.5094, 3.057)
    """
    if servers < 1:
        raise ValueError("servers must be at least 1")
    if service_minutes <= 0 or arrivals_per_hour < 0 or not 0 <= diversion <= 1:
        raise ValueError("arrivals must be >= 0, service > 0 and diversion from 0 to 1")
    offered = arrivals_per_hour * (1 - diversion)
    load = offered / 60 * service_minutes
    result: dict = {
        "arrivals_per_hour": offered,
        "diverted_per_hour": arrivals_per_hour - offered,
        "servers": servers,
        "service_minutes": service_minutes,
        "diversion": diversion,
        "load": load,
        "utilisation": load / servers,
        "stable": load < servers,
        "wait_probability": None,
        "mean_wait_minutes": None,
        "mean_queue_length": None,
    }
    if result["stable"]:
        probability = erlang_c(servers, load)
        spare = servers / service_minutes - offered / 60  # customers per minute the counters can absorb
        mean_wait = probability / spare if offered > 0 else 0.0
        result.update(wait_probability=probability, mean_wait_minutes=mean_wait,
                      mean_queue_length=offered / 60 * mean_wait)
    if standard_minutes is not None:
        result["standard_minutes"] = standard_minutes
        result["level"] = level
        result["within_standard"] = (
            wait_within(servers, offered, service_minutes, standard_minutes) if result["stable"] else None
        )
        result["servers_for_service_level"] = servers_for_service_level(
            offered, service_minutes, standard_minutes, level)
    return result


def by_hour(hours: list[tuple[str, float]], service_minutes: float, servers: int, *,
            standard_minutes: float | None = None, diversion: float = 0.0, level: float = 0.8) -> list[dict]:
    """One :func:`mmc` row per hour of an arrivals profile, each with its ``hour`` label."""
    return [
        {"hour": label, **mmc(rate, service_minutes, servers, standard_minutes=standard_minutes,
                              diversion=diversion, level=level)}
        for label, rate in hours
    ]


def serving_step(bp, step, flows_from: dict | None = None):
    """The step that serves a wait point's queue: its first next step with a duration, else None.

    ``flows_from`` (step id -> its flows), when given, saves a pass over every flow.
    """
    steps = bp.step_by_id
    flows = flows_from.get(step.id, ()) if flows_from is not None else (
        flow for flow in bp.flows if flow.source.id == step.id)
    for flow in flows:
        if flow.kind.value != "return":
            target = steps.get(flow.target.id)
            if target is not None and target.duration is not None:
                return target
    return None


def queues(bp) -> list[dict]:
    """Every wait point with a ``queue:`` as plain data: :func:`mmc` at the peak (``arrivals``, or
    the busiest hour of ``hours``) with the wait's standard (``wait: 10min``), plus ``step``,
    ``served_by`` (the step whose duration is the service time, when ``service`` is not given) and
    ``by_hour`` (a row per hour of the profile). ``stable`` is None (and ``reason`` says why) when
    the queue lacks a figure: ``no-servers``, ``no-arrivals`` or ``no-service``."""
    found = []
    flows_from: dict[str, list] = {}
    for flow in bp.flows:
        flows_from.setdefault(flow.source.id, []).append(flow)
    for step in bp.steps:
        queue = step.queue
        if queue is None:
            continue
        served_by = None
        service = queue.service
        if service is None:
            server = serving_step(bp, step, flows_from)
            if server is not None:
                served_by, service = server.id, server.duration
        row = {"step": step.id, "label": step.label, "served_by": served_by, "stable": None, "reason": None,
               "by_hour": []}
        peak = queue.peak
        reason = ("no-servers" if queue.servers is None else "no-arrivals" if peak is None
                  else "no-service" if service is None or service.total_seconds() <= 0 else None)
        if reason is not None:
            row["reason"] = reason
            found.append(row)
            continue
        minutes = service.total_seconds() / 60
        standard = step.wait_max.total_seconds() / 60 if step.wait_max is not None else None
        options = {"standard_minutes": standard, "diversion": queue.diversion, "level": queue.level}
        row.update(mmc(peak, minutes, queue.servers, **options))
        row["by_hour"] = by_hour(queue.hours, minutes, queue.servers, **options)
        found.append(row)
    return found


def wait_curve(arrivals_per_hour: float, service_minutes: float, servers: int, up_to_minutes: float,
               points: int = 61) -> list[dict]:
    """``P(wait <= t)`` for ``t`` from 0 to ``up_to_minutes``: rows {``minutes``, ``probability``};
    empty for an unstable queue (there is no steady wait to describe).

    >>> rows = wait_curve(30, 6, 4, 10, points=3)  # 1 - C·exp(-(4/6 - 1/2)·t), C = 0.509
    >>> [(r["minutes"], round(r["probability"], 3)) for r in rows]
    [(0.0, 0.491), (5.0, 0.779), (10.0, 0.904)]
    """
    if arrivals_per_hour / 60 * service_minutes >= servers:
        return []
    step = up_to_minutes / (points - 1)
    return [{"minutes": i * step,
             "probability": wait_within(servers, arrivals_per_hour, service_minutes, i * step)}
            for i in range(points)]


def counters_curve(arrivals_per_hour: float, service_minutes: float, standard_minutes: float,
                   around: int, spread: int = 8) -> list[dict]:
    """Mean wait and share within the standard for each number of counters near ``around``
    (from the fewest that keep the queue stable): rows {``servers``, ``mean_wait_minutes``,
    ``within_standard``}."""
    first = max(1, math.floor(arrivals_per_hour / 60 * service_minutes) + 1, around - spread)
    rows = []
    for servers in range(first, max(first, around) + spread + 1):
        q = mmc(arrivals_per_hour, service_minutes, servers, standard_minutes=standard_minutes)
        rows.append({"servers": servers, "mean_wait_minutes": q["mean_wait_minutes"],
                     "within_standard": q["within_standard"]})
    return rows
