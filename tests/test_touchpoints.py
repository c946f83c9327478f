"""Tests for blueprint.analysis.touchpoints: exact counts on a hand-made fixture, invariants on real files."""

from __future__ import annotations

from pathlib import Path

import pytest

import blueprint
from blueprint.analysis.stats import stats
from blueprint.analysis import touchpoints as tp
from blueprint.words import locales

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "touchpoints"
REAL_FILES = sorted(
    [*(ROOT / "blueprint" / "templates").glob("*.yaml"), *(ROOT / "examples").glob("*.yaml")]
)


def graph(path: Path):
    return blueprint.load(str(path)).to_graph()


def graph_of(text: str):
    return blueprint.loads("blueprint: 1\ntitle: t\n" + text).to_graph()


@pytest.fixture(scope="module")
def G():
    return graph(FIXTURES / "inventory.zh.yaml")


# --------------------------------------------------------------------------- the hand-written fixture

def test_inventory_rows_in_journey_order(G):
    # check (backstage, no kind) and batch (support, no kind) are internal work; app has no phase.
    assert [row["step"] for row in tp.inventory(G)] == [
        "enter", "greet", "ask", "ticket", "wait", "walk", "call-back", "record", "sign", "hand", "app",
    ]


def test_inventory_row_fields(G):
    rows = {row["step"]: row for row in tp.inventory(G)}
    assert all(tuple(row) == tp.INVENTORY_COLUMNS for row in rows.values())
    assert rows["enter"] == {
        "step": "enter", "label": "进入营业厅", "phase": "arrive", "phase_label": "到店",
        "lane": "customer", "lane_label": "客户", "zone": "customer", "kind": "environment",
        "channel": "营业厅", "owner": None, "evidence": "门头；主推海报", "duration": "1分钟",
        "duration_min": 1.0, "wait": False, "wait_max": None, "fail": None, "recovery": None,
        "recovery_label": None, "emotion": 0,
    }
    assert rows["wait"]["wait"] is True and rows["wait"]["wait_max"] == "10分钟"
    assert rows["wait"]["emotion"] == -1
    assert (rows["ticket"]["recovery"], rows["ticket"]["recovery_label"]) == ("greet", "迎候问候")
    assert (rows["record"]["recovery"], rows["record"]["recovery_label"]) == ("ghost", None)
    assert rows["ask"]["kind"] == rows["walk"]["kind"] == tp.UNSPECIFIED
    assert rows["app"]["phase"] is None and rows["app"]["phase_label"] is None


def test_inventory_locale_overrides_the_files(G):
    rows = {row["step"]: row for row in tp.inventory(G, locale="en")}
    assert rows["greet"]["duration"] == "45 s"
    assert rows["enter"]["evidence"] == "门头; 主推海报"


def test_by_kind_exact(G):
    assert tp.by_kind(G) == {
        "people": 2, "environment": 2, "equipment": 1, "digital": 2, "print": 2, "unspecified": 2,
    }
    assert list(tp.by_kind(G)) == list(tp.KINDS)


def test_by_channel_exact_and_ordered(G):
    # 营业厅 includes hand's " 营业厅 "; ties keep journey order; unspecified last.
    assert list(tp.by_channel(G).items()) == [
        ("营业厅", 5), ("叫号机", 1), ("电话", 1), ("BOSS系统", 1), ("App", 1), ("unspecified", 2),
    ]


def test_phase_kind_matrix_exact(G):
    m = tp.phase_kind_matrix(G)
    assert m["rows"] == [
        {"phase": "arrive", "label": "到店"}, {"phase": "serve", "label": "办理"},
        {"phase": "leave", "label": "离店"}, {"phase": "empty", "label": "空阶段"},
        {"phase": None, "label": "无阶段"},
    ]
    assert m["columns"] == ["people", "environment", "equipment", "digital", "print", "unspecified"]
    assert m["cells"] == [
        [1, 1, 1, 0, 0, 1],
        [1, 1, 0, 1, 0, 1],
        [0, 0, 0, 0, 2, 0],
        [0, 0, 0, 0, 0, 0],
        [0, 0, 0, 1, 0, 0],
    ]
    assert m["row_totals"] == [4, 4, 2, 0, 1]
    assert m["column_totals"] == [2, 2, 1, 2, 2, 2]
    assert m["total"] == 11
    assert len(m["records"]) == len(m["rows"]) * len(m["columns"])
    assert {"phase": "leave", "phase_label": "离店", "kind": "print", "count": 2} in m["records"]


def test_phase_kind_matrix_no_phase_row_label_follows_locale(G):
    assert tp.phase_kind_matrix(G, "en")["rows"][-1] == {"phase": None, "label": "No phase"}


def test_phase_kind_matrix_to_dataframe(G):
    import pandas as pd  # comes with streamlit (the app extra)
    m = tp.phase_kind_matrix(G)
    frame = pd.DataFrame(m["cells"], index=[row["label"] for row in m["rows"]], columns=m["columns"])
    assert frame.loc["离店", "print"] == 2
    assert int(frame.to_numpy().sum()) == 11


def test_employee_touchpoints_exact(G):
    assert [row["step"] for row in tp.employee_touchpoints(G)] == ["greet", "walk", "call-back", "hand"]


def test_equipment_touchpoints_exact(G):
    assert [row["step"] for row in tp.equipment_touchpoints(G)] == ["ticket", "record", "app"]


def test_fail_points_exact(G):
    rows = tp.fail_points(G)
    assert all(tuple(row) == tp.FAIL_POINT_COLUMNS for row in rows)
    assert [(r["step"], r["fail"], r["recovery"], r["recovery_label"], r["recovery_lane"],
             r["recovery_lane_label"], r["recovery_exists"]) for r in rows] == [
        ("ticket", "叫号机卡纸", "greet", "迎候问候", "guide", "导购员", True),
        ("wait", "等候过长", "walk", "走动服务", "guide", "导购员", True),
        ("record", "系统宕机", "ghost", None, None, None, False),
        ("batch", "批处理失败", None, None, None, None, False),
    ]
    assert rows[0]["phase_label"] == "到店" and rows[0]["lane_label"] == "叫号机"


def test_column_labels_cover_every_key_in_every_language():
    keys = {*tp.INVENTORY_COLUMNS, *tp.FAIL_POINT_COLUMNS, "count", "total"}
    for locale in locales():
        headings = [tp.column_label(key, locale) for key in sorted(keys)]
        assert all(heading not in keys for heading in headings), locale  # none falls back to its key
        # Headings differ between columns, so a table never has two columns with the same name.
        assert len(headings) == len(set(headings))
        assert len({tp.kind_label(kind, locale) for kind in tp.KINDS}) == len(tp.KINDS)


# --------------------------------------------------------------------------- small cases

def test_undeclared_phase_gets_its_own_row_before_no_phase():
    G = graph_of(
        "phases: [a]\nsteps:\n"
        "- {id: x, lane: customer, label: X}\n"
        "- {id: y, lane: customer, label: Y, phase: typo, touchpoint: people}\n"
        "- {id: z, lane: customer, label: Z, phase: a}\n"
    )
    m = tp.phase_kind_matrix(G)
    assert [row["phase"] for row in m["rows"]] == ["a", "typo", None]
    assert m["row_totals"] == [1, 1, 1]
    assert [row["step"] for row in tp.inventory(G)] == ["z", "y", "x"]
    assert tp.inventory(G)[1]["phase_label"] == "typo"


def test_no_no_phase_row_when_every_step_has_a_phase():
    G = graph_of("phases: [a]\nsteps:\n- {id: x, lane: customer, label: X, phase: a}\n")
    assert [row["phase"] for row in tp.phase_kind_matrix(G)["rows"]] == ["a"]


def test_blueprint_without_touchpoints():
    G = graph_of("steps:\n- {id: x, lane: support, label: X, fail: down}\n")
    assert tp.inventory(G) == []
    assert tp.by_kind(G) == dict.fromkeys(tp.KINDS, 0)
    assert tp.by_channel(G) == {"unspecified": 0}
    m = tp.phase_kind_matrix(G)
    assert m["total"] == 0 and m["column_totals"] == [0] * len(tp.KINDS)
    assert [row["step"] for row in tp.fail_points(G)] == ["x"]


def test_step_in_an_unknown_lane_counts_only_with_a_kind():
    G = graph_of(
        "steps:\n- {id: x, lane: ghost, label: X}\n- {id: y, lane: ghost, label: Y, touchpoint: people}\n"
    )
    rows = tp.inventory(G)
    assert [(row["step"], row["lane_label"], row["zone"]) for row in rows] == [("y", "ghost", None)]
    assert [row["step"] for row in tp.employee_touchpoints(G)] == ["y"]


def test_hostile_text_is_kept_as_data():
    G = graph(FIXTURES / "hostile.yaml")
    rows = {row["step"]: row for row in tp.inventory(G)}
    assert rows["formula"]["label"] == "=cmd|' /C calc'!A0"
    assert rows["script"]["label"] == "<script>alert(1)</script>"
    assert rows["chinese"]["owner"] == "a\x00b"


# --------------------------------------------------------------------------- real files

@pytest.mark.parametrize("path", REAL_FILES, ids=lambda path: path.name)
def test_real_file_invariants(path):
    G = graph(path)
    rows = tp.inventory(G)
    steps = [row["step"] for row in rows]
    assert len(steps) == len(set(steps))
    total = len(rows)
    assert sum(tp.by_kind(G).values()) == total
    assert sum(tp.by_channel(G).values()) == total
    matrix = tp.phase_kind_matrix(G)
    assert matrix["total"] == total
    assert matrix["column_totals"] == list(tp.by_kind(G).values())
    # Every declared phase has a row, in order, and every kind a column.
    declared = [phase["id"] for phase in G.graph["phases"]]
    assert [row["phase"] for row in matrix["rows"]][: len(declared)] == declared
    assert matrix["columns"] == list(tp.KINDS)
    # Explicit kinds are all touchpoints, so they agree with stats().
    counted = stats(G)["touchpoints_by_kind"]
    assert {k: v for k, v in tp.by_kind(G).items() if k != "unspecified"} == {
        k: v for k, v in counted.items() if k != "unspecified"
    }
    # Internal work without a kind stays out.
    for node, attrs in G.nodes(data=True):
        if attrs["zone"] in ("backstage", "support") and attrs["touchpoint"] is None:
            assert node not in steps
    employees = {row["step"] for row in tp.employee_touchpoints(G)}
    equipment = {row["step"] for row in tp.equipment_touchpoints(G)}
    assert employees <= set(steps) and equipment <= set(steps)
    assert not employees & equipment
    assert all(G.nodes[step]["zone"] != "customer" for step in employees)
    fails = tp.fail_points(G)
    assert len(fails) == stats(G)["fail_points"]
    for row in fails:
        assert row["recovery_exists"] == (row["recovery"] in G)


def test_starter_templates_have_the_same_touchpoints_in_both_languages():
    en, zh = (graph(ROOT / "blueprint" / "templates" / f"starter.{lang}.yaml") for lang in ("en", "zh"))
    assert tp.by_kind(en) == tp.by_kind(zh)
    assert [row["step"] for row in tp.inventory(en)] == [row["step"] for row in tp.inventory(zh)]
    assert tp.phase_kind_matrix(en)["cells"] == tp.phase_kind_matrix(zh)["cells"]
