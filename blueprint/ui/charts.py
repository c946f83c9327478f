"""Vega-Lite specs for the app's charts, from the plain data of :mod:`blueprint.analysis`.

The analysis page's functions take rows and the words to show (already in the UI language);
:func:`chart_spec` draws the touchpoint matrix with one colour per kind. Each returns a spec for
``st.vega_lite_chart``: the analyses stay free of charting and colours, the pages free of spec details.
"""

from __future__ import annotations

from collections.abc import Iterable

import networkx as nx

from ..analysis import touchpoints as tp

__all__ = ["wait_distribution", "counters", "timeline", "emotion_curve", "KIND_COLORS", "chart_spec"]

# No "$schema": Streamlit bundles its own Vega-Lite (v6 in Streamlit 1.67) and logs a warning in the
# browser for a spec that names another version; a spec without one is read as the bundled version.
_BLUE, _ORANGE, _RED, _GREY = "#4c78a8", "#f58518", "#e45756", "#9d9d9d"


def wait_distribution(rows: list[dict], standard: float | None, words: dict) -> dict:
    """``P(wait <= t)`` against minutes, with the standard as a rule.

    ``words``: ``minutes``, ``probability``.
    """
    layers: list[dict] = [{
        "mark": {"type": "area", "line": True, "opacity": 0.3, "color": _BLUE},
        "encoding": {
            "x": {"field": "minutes", "type": "quantitative", "title": words["minutes"],
                  "scale": {"domain": [0, max(_highest(rows, "minutes"), standard or 0)]}},
            "y": {"field": "probability", "type": "quantitative", "title": words["probability"],
                  "scale": {"domain": [0, 1]}, "axis": {"format": "%"}},
            "tooltip": [{"field": "minutes", "format": ".1f", "title": words["minutes"]},
                        {"field": "probability", "format": ".1%", "title": words["probability"]}],
        },
    }]
    if standard is not None:
        layers.append({"data": {"values": [{"minutes": standard}]},
                       "mark": {"type": "rule", "color": _RED, "strokeDash": [4, 3]},
                       "encoding": {"x": {"field": "minutes", "type": "quantitative"}}})
    return {"data": {"values": rows}, "layer": layers}


def counters(rows: list[dict], chosen: int, words: dict) -> dict:
    """Mean wait (bars) and share within the standard (line) for each number of counters.

    ``words``: ``servers``, ``mean_wait``, ``within``.
    """
    values = [{**row, "chosen": row["servers"] == chosen} for row in rows]
    x = {"field": "servers", "type": "ordinal", "title": words["servers"], "axis": {"labelAngle": 0}}
    return {
        "data": {"values": values},
        "resolve": {"scale": {"y": "independent"}},
        "layer": [
            {"mark": {"type": "bar", "opacity": 0.8},
             "encoding": {
                 "x": x,
                 "y": {"field": "mean_wait_minutes", "type": "quantitative", "title": words["mean_wait"],
                       "scale": {"domain": [0, _highest(rows, "mean_wait_minutes")], "nice": True}},
                 "color": {"condition": {"test": "datum.chosen", "value": _ORANGE}, "value": _BLUE},
                 "tooltip": [{"field": "servers", "title": words["servers"]},
                             {"field": "mean_wait_minutes", "format": ".1f", "title": words["mean_wait"]},
                             {"field": "within_standard", "format": ".0%", "title": words["within"]}],
             }},
            {"mark": {"type": "line", "point": True, "color": _RED},
             "encoding": {
                 "x": x,
                 "y": {"field": "within_standard", "type": "quantitative", "title": words["within"],
                       "scale": {"domain": [0, 1]}, "axis": {"format": "%"}},
             }},
        ],
    }


def timeline(rows: list[dict], lanes: list[str], words: dict, end: float | None = None) -> dict:
    """The journey as a Gantt chart: one row per lane, a bar per step from its start to its end
    (cut at ``end`` minutes when given).

    ``rows`` from :func:`blueprint.analysis.journey.timeline` with ``lane`` as the lane's label;
    ``lanes`` the lane labels top to bottom; ``words``: ``minutes``, ``lane``, ``step``, ``wait``.
    """
    values = [{**row, "kind": words["wait"] if row["wait"] else words["step"]} for row in rows]
    return {
        "data": {"values": values},
        "mark": {"type": "bar", "cornerRadius": 2, "height": {"band": 0.7}, "clip": True},
        "encoding": {
            "y": {"field": "lane", "type": "nominal", "sort": lanes, "title": None},
            "x": {"field": "start", "type": "quantitative", "title": words["minutes"],
                  "scale": {"domain": [0, end or _highest(rows, "end")]}},
            "x2": {"field": "end"},
            "color": {"field": "kind", "type": "nominal", "title": None,
                      "scale": {"domain": [words["step"], words["wait"]], "range": [_BLUE, _ORANGE]}},
            "tooltip": [{"field": "label", "title": words["step"]},
                        {"field": "lane", "title": words["lane"]},
                        {"field": "start", "format": ".1f", "title": words["minutes"]},
                        {"field": "minutes", "format": ".1f", "title": words["duration"]}],
        },
    }


def emotion_curve(rows: list[dict], words: dict) -> dict:
    """The customer's feeling (-2 … 2) along the journey, step by step in time order.

    ``rows``: {``order``, ``label``, ``emotion``}; ``words``: ``step``, ``emotion``.
    """
    return {
        "data": {"values": rows},
        "layer": [
            {"mark": {"type": "rule", "color": _GREY},
             "encoding": {"y": {"datum": 0}}},
            {"mark": {"type": "line", "point": {"size": 60}, "interpolate": "monotone", "color": _BLUE},
             "encoding": {
                 "x": {"field": "label", "type": "ordinal", "sort": None, "title": words["step"],
                       "axis": {"labelAngle": -40, "labelLimit": 140}},
                 "y": {"field": "emotion", "type": "quantitative", "title": words["emotion"],
                       "scale": {"domain": [-2, 2]}, "axis": {"tickCount": 5}},
                 "tooltip": [{"field": "label", "title": words["step"]},
                             {"field": "emotion", "title": words["emotion"]}],
             }},
        ],
    }


#: One colour per kind, shared by charts so a kind looks the same everywhere.
KIND_COLORS: dict[str, str] = {
    "people": "#4e79a7", "environment": "#59a14f", "equipment": "#f28e2b", "digital": "#b07aa1",
    "print": "#edc948", tp.UNSPECIFIED: "#bab0ac",
}


def chart_spec(G: nx.MultiDiGraph, locale: str | None = None) -> dict:
    """A Vega-Lite spec of the phase x kind matrix: one stacked bar per phase, coloured by kind.

    Plain data for ``st.vega_lite_chart(spec)`` or ``altair.Chart.from_dict(spec)``; labels in
    ``locale`` (the blueprint's by default), phases in journey order, kinds in the order of
    :data:`blueprint.analysis.touchpoints.KINDS` with :data:`KIND_COLORS`. Cells with no touchpoint
    are left out of ``data``.

    >>> from blueprint import loads
    >>> G = loads("blueprint: 1\\ntitle: t\\nsteps:\\n"
    ...           "- {id: a, lane: customer, label: A, touchpoint: people}\\n").to_graph()
    >>> spec = chart_spec(G, "zh")
    >>> spec["data"]["values"], spec["encoding"]["y"]["title"]
    ([{'phase': '无阶段', 'kind': '人员', 'count': 1, 'order': 0}], '数量')
    """
    lang = tp.graph_locale(G, locale)
    matrix = tp.phase_kind_matrix(G, lang)
    values = [
        {"phase": record["phase_label"], "kind": tp.kind_label(record["kind"], lang),
         "count": record["count"], "order": tp.KINDS.index(record["kind"])}
        for record in matrix["records"] if record["count"]
    ]
    return {
        "data": {"values": values},
        "mark": {"type": "bar"},
        "encoding": {
            "x": {"field": "phase", "type": "nominal", "title": tp.column_label("phase_label", lang),
                  "sort": _unique(row["label"] for row in matrix["rows"]), "axis": {"labelAngle": 0}},
            # The domain is given: Streamlit draws the chart once before its data arrives, and
            # Vega would log "Infinite extent" for a stack computed over no rows.
            "y": {"field": "count", "type": "quantitative", "title": tp.column_label("count", lang),
                  "stack": "zero", "scale": {"domain": [0, _highest_stack(values)], "nice": True}},
            "color": {
                "field": "kind", "type": "nominal", "title": tp.column_label("kind", lang),
                "scale": {"domain": [tp.kind_label(kind, lang) for kind in tp.KINDS],
                          "range": [KIND_COLORS[kind] for kind in tp.KINDS]},
            },
            "order": {"field": "order", "type": "quantitative"},  # stack kinds in tp.KINDS order
            "tooltip": [
                {"field": "phase", "title": tp.column_label("phase_label", lang)},
                {"field": "kind", "title": tp.column_label("kind", lang)},
                {"field": "count", "title": tp.column_label("count", lang)},
            ],
        },
    }


def _highest(rows: list[dict], field: str) -> float:
    """The largest ``field`` in ``rows`` (1 with none, so the axis still has a range).

    Every quantitative axis gets its domain from the data: Streamlit draws a chart once before its
    data arrives, and Vega logs "Infinite extent" for a scale computed over no rows.
    """
    return max((row[field] for row in rows if isinstance(row.get(field), (int, float))), default=1) or 1


def _highest_stack(values: list[dict]) -> int:
    """The tallest bar: the most touchpoints in one phase (1 with none, so the axis still has a range)."""
    totals: dict[str, int] = {}
    for row in values:
        totals[row["phase"]] = totals.get(row["phase"], 0) + row["count"]
    return max(totals.values(), default=1)


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))
