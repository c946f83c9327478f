"""Charts of the touchpoint analysis as Vega-Lite specs: the analysis gives the counts, the app the colours."""

from __future__ import annotations

from collections.abc import Iterable

import networkx as nx

from ..analysis import touchpoints as tp

__all__ = ["KIND_COLORS", "chart_spec"]

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
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "data": {"values": values},
        "mark": {"type": "bar"},
        "encoding": {
            "x": {"field": "phase", "type": "nominal", "title": tp.column_label("phase_label", lang),
                  "sort": _unique(row["label"] for row in matrix["rows"]), "axis": {"labelAngle": 0}},
            "y": {"field": "count", "type": "quantitative", "title": tp.column_label("count", lang),
                  "stack": "zero"},
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


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))
