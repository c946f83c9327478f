"""The touchpoint chart: counts from the analysis, words from the catalogue, one colour per kind."""

from __future__ import annotations

import blueprint
from blueprint.analysis import touchpoints as tp
from blueprint.ui.charts import KIND_COLORS, chart_spec

from ..conftest import ROOT


def test_chart_spec():
    G = blueprint.load(ROOT / "tests" / "fixtures" / "touchpoints" / "inventory.zh.yaml").to_graph()
    spec = chart_spec(G, "en")
    values = spec["data"]["values"]
    assert sum(value["count"] for value in values) == 11
    assert all(value["count"] > 0 for value in values)
    assert spec["encoding"]["x"]["sort"] == ["到店", "办理", "离店", "空阶段", "No phase"]
    assert spec["encoding"]["color"]["scale"]["domain"] == [
        "People", "Environment", "Equipment", "Digital", "Print", "Unspecified",
    ]
    assert spec["encoding"]["color"]["scale"]["range"] == [KIND_COLORS[kind] for kind in tp.KINDS]
    assert spec["encoding"]["y"]["title"] == "Count"


def test_every_kind_has_its_own_colour():
    assert set(KIND_COLORS) == set(tp.KINDS)
    assert len(set(KIND_COLORS.values())) == len(KIND_COLORS)


def test_no_touchpoints_no_bars():
    G = blueprint.loads("blueprint: 1\ntitle: t\nsteps:\n- {id: x, lane: support, label: X, fail: down}\n").to_graph()
    assert chart_spec(G)["data"]["values"] == []
