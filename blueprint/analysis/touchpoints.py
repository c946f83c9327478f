"""Touchpoint inventory: every point of contact by kind, channel and phase, who and what serves it.

The source documents call this touchpoint management (服务触点管理): customer touchpoints, employee
touchpoints (员工触点) and equipment touchpoints (设备触点). Each function takes the blueprint graph
``G`` (from ``Blueprint.to_graph()``) first and returns plain data: lists of dicts with the machine
keys of :data:`INVENTORY_COLUMNS` (headed by :func:`column_label`), or dicts of counts.

Definitions
-----------
touchpoint
    A step that names a ``touchpoint:`` kind, wherever its lane is, or a step in the customer or
    frontstage zone (above the line of visibility), where the customer meets the service even when
    the file does not say how; such a step counts under ``"unspecified"``. A backstage or support
    step with no kind is internal work, not a point of contact, and is left out.
employee touchpoint
    A touchpoint staff perform: outside the customer zone, kind ``people``; or in a frontstage or
    backstage lane (the rows of contact employees) with any kind but ``equipment`` and ``digital``,
    so a clerk handing over a printed agreement or a guide without a stated kind counts, and a
    self-service terminal does not.
equipment touchpoint
    A touchpoint of kind ``equipment`` or ``digital``, in any lane: self-service terminals, queue
    machines, counter PCs, apps and the customer's own use of them.
fail point
    Any step with ``fail:`` (touchpoint or not), with its ``recovery:`` step if the file names one.

Rows come in journey order: by the phase's position in ``phases:`` (steps naming an undeclared phase
next, then steps with no phase), then by position in the file.
"""

from __future__ import annotations

from collections import Counter
from datetime import timedelta

import networkx as nx

from ..durations import format_duration
from ..model import Touchpoint, Zone
from ..words import normalize, word

__all__ = [
    "FAIL_POINT_COLUMNS",
    "INVENTORY_COLUMNS",
    "KINDS",
    "UNSPECIFIED",
    "by_channel",
    "by_kind",
    "column_label",
    "employee_touchpoints",
    "equipment_touchpoints",
    "fail_points",
    "graph_locale",
    "inventory",
    "is_touchpoint",
    "kind_label",
    "phase_kind_matrix",
    "value_label",
]

#: The key for steps (or channels) the file gives no kind (or channel).
UNSPECIFIED = "unspecified"

#: Touchpoint kinds in display order, then :data:`UNSPECIFIED`: the columns of every count.
KINDS: tuple[str, ...] = (*(kind.value for kind in Touchpoint), UNSPECIFIED)

#: Keys of an :func:`inventory` row (also the rows of the employee and equipment lists), in order.
INVENTORY_COLUMNS: tuple[str, ...] = (
    "step", "label", "phase", "phase_label", "lane", "lane_label", "zone", "kind", "channel", "owner",
    "evidence", "duration", "duration_min", "wait", "wait_max", "fail", "recovery", "recovery_label",
    "emotion",
)

#: Keys of a :func:`fail_points` row, in order.
FAIL_POINT_COLUMNS: tuple[str, ...] = (
    "step", "label", "phase", "phase_label", "lane", "lane_label", "fail", "recovery",
    "recovery_label", "recovery_lane", "recovery_lane_label", "recovery_exists",
)

_VISIBLE_ZONES = {Zone.CUSTOMER.value, Zone.FRONTSTAGE.value}
_STAFF_ZONES = {Zone.FRONTSTAGE.value, Zone.BACKSTAGE.value}
_MACHINE_KINDS = {Touchpoint.EQUIPMENT.value, Touchpoint.DIGITAL.value}


def graph_locale(G: nx.MultiDiGraph, locale: str | None = None) -> str:
    """``locale``, else the blueprint's own, normalised."""
    return normalize(locale if locale is not None else G.graph.get("locale"))


def column_label(key: str, locale: str = "en") -> str:
    """The heading of column ``key`` in ``locale`` (the key itself when it has none).

    >>> column_label("kind", "zh"), column_label("kind")
    ('触点类型', 'Touchpoint kind')
    """
    return word(f"column.{key}", locale, default=key)


def kind_label(kind: str | None, locale: str = "en") -> str:
    """A touchpoint kind for people; ``None`` reads as unspecified.

    >>> kind_label("equipment", "zh"), kind_label(None)
    ('设备', 'Unspecified')
    """
    return word(f"kind.{kind or UNSPECIFIED}", locale, default=kind or UNSPECIFIED)


def value_label(key: str, locale: str = "en") -> str:
    """A word of a table cell (``no_phase``, ``yes``, ``no``) in ``locale``.

    >>> value_label("no_phase", "zh")
    '无阶段'
    """
    return word(f"value.{key}", locale)


def is_touchpoint(attrs: dict) -> bool:
    """Whether a node with attributes ``attrs`` is a touchpoint (see the module's definitions).

    >>> is_touchpoint({"touchpoint": None, "zone": "customer"})
    True
    >>> is_touchpoint({"touchpoint": None, "zone": "support"})
    False
    >>> is_touchpoint({"touchpoint": "digital", "zone": "support"})
    True
    """
    return attrs.get("touchpoint") is not None or attrs.get("zone") in _VISIBLE_ZONES


def _phase_rows(G: nx.MultiDiGraph, locale: str) -> list[dict]:
    """Declared phases, then undeclared phase ids steps name, then ``None`` if a step has no phase."""
    rows = [{"phase": p["id"], "label": p["label"]} for p in G.graph.get("phases", [])]
    known = {row["phase"] for row in rows}
    undeclared, without = [], False
    for _node, attrs in _nodes_in_file_order(G):
        phase = attrs.get("phase")
        if phase is None:
            without = True
        elif phase not in known:
            known.add(phase)
            undeclared.append({"phase": phase, "label": phase})
    rows += undeclared
    if without:
        rows.append({"phase": None, "label": value_label("no_phase", locale)})
    return rows


def _nodes_in_file_order(G: nx.MultiDiGraph) -> list[tuple[str, dict]]:
    return sorted(G.nodes(data=True), key=lambda item: item[1].get("index", 0))


def _journey_order(G: nx.MultiDiGraph) -> list[tuple[str, dict]]:
    rank = {row["phase"]: i for i, row in enumerate(_phase_rows(G, "en"))}
    return sorted(
        G.nodes(data=True),
        key=lambda item: (rank.get(item[1].get("phase"), len(rank)), item[1].get("index", 0)),
    )


def _lane_labels(G: nx.MultiDiGraph) -> dict[str, str]:
    return {lane["id"]: lane["label"] for lane in G.graph.get("lanes", [])}


def _phase_labels(G: nx.MultiDiGraph) -> dict[str, str]:
    return {phase["id"]: phase["label"] for phase in G.graph.get("phases", [])}


def _text_duration(value: timedelta | None, locale: str) -> str | None:
    return format_duration(value, locale) if value is not None else None


def _where(node: str, attrs: dict, lanes: dict[str, str], phases: dict[str, str]) -> dict:
    """The columns every table starts with: the step, its phase and its lane, with their labels."""
    phase, lane = attrs.get("phase"), attrs.get("lane")
    return {
        "step": node,
        "label": attrs.get("label"),
        "phase": phase,
        "phase_label": phases.get(phase, phase) if phase is not None else None,
        "lane": lane,
        "lane_label": lanes.get(lane, lane),
    }


def _row(G: nx.MultiDiGraph, node: str, attrs: dict, locale: str,
         lanes: dict[str, str], phases: dict[str, str]) -> dict:
    recovery = attrs.get("recovery")
    duration = attrs.get("duration")
    evidence = attrs.get("evidence") or []
    return {
        **_where(node, attrs, lanes, phases),
        "zone": attrs.get("zone"),
        "kind": attrs.get("touchpoint") or UNSPECIFIED,
        "channel": attrs.get("channel"),
        "owner": attrs.get("owner"),
        "evidence": word("join.evidence", locale).join(evidence) if evidence else None,
        "duration": _text_duration(duration, locale),
        "duration_min": round(duration.total_seconds() / 60, 2) if duration is not None else None,
        "wait": bool(attrs.get("wait")),
        "wait_max": _text_duration(attrs.get("wait_max"), locale),
        "fail": attrs.get("fail"),
        "recovery": recovery,
        "recovery_label": G.nodes[recovery].get("label") if recovery in G else None,
        "emotion": attrs.get("emotion"),
    }


def inventory(G: nx.MultiDiGraph, locale: str | None = None) -> list[dict]:
    """Every touchpoint of ``G``, one row each, in journey order.

    Args:
        G: The blueprint graph.
        locale: The language of the text the function writes itself (durations, the evidence
            separator); the blueprint's ``locale`` by default.

    Returns:
        Rows with the keys of :data:`INVENTORY_COLUMNS`. ``kind`` is a :data:`KINDS` value,
        ``duration`` and ``wait_max`` are text (``duration_min`` is the duration in minutes),
        ``wait`` is a bool, fields the file leaves out are ``None``.

    >>> from blueprint import loads
    >>> G = loads("blueprint: 1\\ntitle: t\\nsteps:\\n"
    ...           "- {id: ask, lane: customer, label: Ask, duration: 90s, next: log}\\n"
    ...           "- {id: log, lane: backstage, label: Log}\\n").to_graph()
    >>> [(row["step"], row["kind"], row["duration"]) for row in inventory(G)]
    [('ask', 'unspecified', '1.5 min')]
    """
    lang = graph_locale(G, locale)
    lanes, phases = _lane_labels(G), _phase_labels(G)
    return [
        _row(G, node, attrs, lang, lanes, phases)
        for node, attrs in _journey_order(G) if is_touchpoint(attrs)
    ]


def by_kind(G: nx.MultiDiGraph) -> dict[str, int]:
    """How many touchpoints of each kind: every kind of :data:`KINDS`, in that order, zeros kept.

    >>> from blueprint import loads
    >>> G = loads("blueprint: 1\\ntitle: t\\nsteps:\\n"
    ...           "- {id: a, lane: customer, label: A, touchpoint: print}\\n").to_graph()
    >>> by_kind(G)
    {'people': 0, 'environment': 0, 'equipment': 0, 'digital': 0, 'print': 1, 'unspecified': 0}
    """
    counts = Counter(attrs.get("touchpoint") or UNSPECIFIED
                     for _node, attrs in G.nodes(data=True) if is_touchpoint(attrs))
    return {kind: counts.get(kind, 0) for kind in KINDS}


def by_channel(G: nx.MultiDiGraph) -> dict[str, int]:
    """How many touchpoints use each channel, most used first (ties in journey order).

    Channels are compared as written, less surrounding spaces. Touchpoints without a channel count
    under :data:`UNSPECIFIED`, always the last key (0 when every touchpoint names its channel), so
    a file that calls a channel ``unspecified`` shares that row.

    >>> from blueprint import loads
    >>> G = loads("blueprint: 1\\ntitle: t\\nsteps:\\n"
    ...           "- {id: a, lane: customer, label: A, channel: app}\\n"
    ...           "- {id: b, lane: customer, label: B, channel: hall}\\n"
    ...           "- {id: c, lane: customer, label: C, channel: ' hall'}\\n").to_graph()
    >>> by_channel(G)
    {'hall': 2, 'app': 1, 'unspecified': 0}
    """
    counts: Counter[str] = Counter()
    first_seen: dict[str, int] = {}
    unspecified = 0
    for position, (_node, attrs) in enumerate(_journey_order(G)):
        if not is_touchpoint(attrs):
            continue
        channel = (attrs.get("channel") or "").strip()
        if not channel:
            unspecified += 1
            continue
        counts[channel] += 1
        first_seen.setdefault(channel, position)
    ordered = sorted(counts, key=lambda channel: (-counts[channel], first_seen[channel]))
    result = {channel: counts[channel] for channel in ordered}
    result[UNSPECIFIED] = result.get(UNSPECIFIED, 0) + unspecified
    return result


def phase_kind_matrix(G: nx.MultiDiGraph, locale: str | None = None) -> dict:
    """Touchpoints counted by phase (rows) and kind (columns).

    Rows are the declared phases in order, then phases steps name without declaring them, then a
    ``None`` row for steps with no phase (only when there are some). Every phase row is present,
    even with no touchpoints.

    Returns:
        ``rows``: ``[{"phase": id or None, "label": str}]``; ``columns``: :data:`KINDS`;
        ``cells``: one list of counts per row, in column order; ``row_totals``,
        ``column_totals`` and ``total``; ``records``: the same counts in long form,
        ``[{"phase", "phase_label", "kind", "count"}]``, for charts. With pandas:
        ``pd.DataFrame(m["cells"], index=[r["label"] for r in m["rows"]], columns=m["columns"])``.

    >>> from blueprint import loads
    >>> G = loads("blueprint: 1\\ntitle: t\\nphases: [in, out]\\nsteps:\\n"
    ...           "- {id: a, lane: customer, label: A, phase: in, touchpoint: people}\\n"
    ...           "- {id: b, lane: customer, label: B}\\n").to_graph()
    >>> m = phase_kind_matrix(G)
    >>> [row["label"] for row in m["rows"]], m["cells"]
    (['in', 'out', 'No phase'], [[1, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 1]])
    """
    lang = graph_locale(G, locale)
    rows = _phase_rows(G, lang)
    counts = Counter(
        (attrs.get("phase"), attrs.get("touchpoint") or UNSPECIFIED)
        for _node, attrs in G.nodes(data=True) if is_touchpoint(attrs)
    )
    cells = [[counts.get((row["phase"], kind), 0) for kind in KINDS] for row in rows]
    return {
        "rows": rows,
        "columns": list(KINDS),
        "cells": cells,
        "row_totals": [sum(line) for line in cells],
        "column_totals": [sum(column) for column in zip(*cells)] if cells else [0] * len(KINDS),
        "total": sum(map(sum, cells)),
        "records": [
            {"phase": row["phase"], "phase_label": row["label"], "kind": kind, "count": count}
            for row, line in zip(rows, cells) for kind, count in zip(KINDS, line)
        ],
    }


def _is_employee(attrs: dict) -> bool:
    zone, kind = attrs.get("zone"), attrs.get("touchpoint")
    if zone == Zone.CUSTOMER.value:
        return False
    if kind == Touchpoint.PEOPLE.value:
        return True
    return zone in _STAFF_ZONES and kind not in _MACHINE_KINDS


def employee_touchpoints(G: nx.MultiDiGraph, locale: str | None = None) -> list[dict]:
    """The touchpoints staff perform (员工触点), as :func:`inventory` rows.

    Outside the customer zone: kind ``people`` anywhere, or any kind but ``equipment`` and
    ``digital`` in a frontstage or backstage lane.

    >>> from blueprint import loads
    >>> G = loads("blueprint: 1\\ntitle: t\\nsteps:\\n"
    ...           "- {id: ask, lane: customer, label: Ask, touchpoint: people}\\n"
    ...           "- {id: greet, lane: frontstage, label: Greet}\\n"
    ...           "- {id: kiosk, lane: frontstage, label: Kiosk, touchpoint: equipment}\\n"
    ...           "- {id: call, lane: support, label: Call back, touchpoint: people}\\n").to_graph()
    >>> [row["step"] for row in employee_touchpoints(G)]
    ['greet', 'call']
    """
    return [row for row in inventory(G, locale) if _is_employee(G.nodes[row["step"]])]


def equipment_touchpoints(G: nx.MultiDiGraph, locale: str | None = None) -> list[dict]:
    """The touchpoints of kind ``equipment`` or ``digital`` (设备触点), as :func:`inventory` rows.

    >>> from blueprint import loads
    >>> G = loads("blueprint: 1\\ntitle: t\\nsteps:\\n"
    ...           "- {id: ticket, lane: customer, label: Take a ticket, touchpoint: equipment}\\n"
    ...           "- {id: app, lane: support, label: App, touchpoint: digital}\\n"
    ...           "- {id: sign, lane: customer, label: Sign, touchpoint: print}\\n").to_graph()
    >>> [row["step"] for row in equipment_touchpoints(G)]
    ['ticket', 'app']
    """
    return [row for row in inventory(G, locale) if row["kind"] in _MACHINE_KINDS]


def fail_points(G: nx.MultiDiGraph) -> list[dict]:
    """Every step with a ``fail:``, with its recovery, in journey order.

    Returns:
        Rows with the keys of :data:`FAIL_POINT_COLUMNS`. ``recovery`` is the id the file names
        (``None`` without ``recovery:``); ``recovery_exists`` says whether that step is in the
        blueprint; the recovery's label and lane are ``None`` when it is not.

    >>> from blueprint import loads
    >>> G = loads("blueprint: 1\\ntitle: t\\nsteps:\\n"
    ...           "- {id: pay, lane: customer, label: Pay, fail: card refused, recovery: cash}\\n"
    ...           "- {id: cash, lane: frontstage, label: Take cash}\\n"
    ...           "- {id: go, lane: customer, label: Leave, fail: lost}\\n").to_graph()
    >>> [(r["step"], r["recovery"], r["recovery_lane"], r["recovery_exists"]) for r in fail_points(G)]
    [('pay', 'cash', 'frontstage', True), ('go', None, None, False)]
    """
    lanes, phases = _lane_labels(G), _phase_labels(G)
    rows = []
    for node, attrs in _journey_order(G):
        if not attrs.get("fail"):
            continue
        recovery = attrs.get("recovery")
        target = G.nodes[recovery] if recovery is not None and recovery in G else None
        recovery_lane = target.get("lane") if target is not None else None
        rows.append({
            **_where(node, attrs, lanes, phases),
            "fail": attrs.get("fail"),
            "recovery": recovery,
            "recovery_label": target.get("label") if target is not None else None,
            "recovery_lane": recovery_lane,
            "recovery_lane_label": lanes.get(recovery_lane, recovery_lane) if target is not None else None,
            "recovery_exists": target is not None,
        })
    return rows
