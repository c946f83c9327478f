"""Touchpoints: the inventory of every point of contact (服务触点管理) as tables and a chart.

The analyses are :mod:`blueprint.analysis.touchpoints`; this page only lays them out, with the
module's bilingual column headings.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from ...analysis import touchpoints as tp
from .. import cached
from ..i18n import t
from .common import draft_page, load_error_words, translator

__all__ = ["INVENTORY_SHOWN", "TAB_KEY", "page"]

TAB_KEY = "bp_touchpoint_tab"
#: Inventory columns on the page (ids of phases and lanes give way to their labels).
INVENTORY_SHOWN = ("step", "label", "phase_label", "lane_label", "kind", "channel", "owner", "evidence",
                   "duration", "wait", "wait_max", "fail", "recovery_label", "emotion")
_FAIL_SHOWN = ("step", "label", "phase_label", "lane_label", "fail", "recovery", "recovery_label",
               "recovery_lane_label", "recovery_exists")
_TABS = ("inventory", "by_kind", "by_channel", "matrix", "employees", "equipment", "fail_points")


@draft_page
def page(text: str, locale: str) -> None:
    tr = translator(locale)
    report = cached.touchpoints(text, locale)
    if report is None:
        error = cached.load_error(text)
        st.error(load_error_words("tables.broken", error, locale))
        return
    st.caption(tr("touchpoints.intro"))
    fails = report["fail_points"]
    recovered = sum(1 for row in fails if row["recovery_exists"])
    metrics = st.columns(4)
    metrics[0].metric(tr("touchpoints.total"), len(report["inventory"]))
    metrics[1].metric(tr("touchpoints.employees"), len(report["employees"]))
    metrics[2].metric(tr("touchpoints.equipment"), len(report["equipment"]))
    metrics[3].metric(tr("touchpoints.fail_points"), len(fails),
                      delta=tr("touchpoints.recovered", n=recovered, total=len(fails)) if fails else None,
                      delta_color="off", delta_arrow="off")
    if report["chart"]["data"]["values"]:
        st.vega_lite_chart(report["chart"], width="stretch", height=240)
    tabs = st.tabs([tr(f"touchpoints.tab_{name}") for name in _TABS], key=TAB_KEY, on_change="rerun")
    for name, tab in zip(_TABS, tabs):
        if tab.open is False:
            continue
        with tab:
            _tab(name, report, locale)


def _rows_table(rows: list[dict], columns: tuple[str, ...], locale: str) -> pd.DataFrame:
    frame = pd.DataFrame([{column: _cell(column, row.get(column), locale) for column in columns} for row in rows],
                         columns=list(columns))
    return frame.rename(columns={column: tp.column_label(column, locale) for column in columns})


def _cell(column: str, value: object, locale: str) -> object:
    """A cell as people read it: kinds and yes/no in the UI language, nothing for no value.

    (Streamlit shows a missing value as "None", in English, whatever the language.)
    """
    if column == "kind":
        return tp.kind_label(value, locale)
    if isinstance(value, bool):
        return tp.value_label("yes" if value else "no", locale)
    if value is None:
        return ""
    return str(value) if column == "emotion" else value


def _show(frame: pd.DataFrame, locale: str) -> None:
    if frame.empty:
        st.caption(t("touchpoints.none", locale))
        return
    st.dataframe(frame, hide_index=True, width="stretch", height=min(len(frame) + 1, 15) * 35 + 3)


def _tab(name: str, report: dict, locale: str) -> None:
    if name in ("inventory", "employees", "equipment"):
        _show(_rows_table(report[name], INVENTORY_SHOWN, locale), locale)
    elif name == "fail_points":
        _show(_rows_table(report[name], _FAIL_SHOWN, locale), locale)
    elif name == "by_kind":
        _show(pd.DataFrame({tp.column_label("kind", locale): [tp.kind_label(kind, locale) for kind in report[name]],
                            tp.column_label("count", locale): list(report[name].values())}), locale)
    elif name == "by_channel":
        channels = report[name]
        _show(pd.DataFrame({
            tp.column_label("channel", locale): [tp.kind_label(c, locale) if c == tp.UNSPECIFIED else c
                                                 for c in channels],
            tp.column_label("count", locale): list(channels.values()),
        }), locale)
    else:
        matrix = report["matrix"]
        frame = pd.DataFrame(matrix["cells"], columns=[tp.kind_label(kind, locale) for kind in matrix["columns"]])
        frame.insert(0, tp.column_label("phase_label", locale), [row["label"] for row in matrix["rows"]])
        frame[tp.column_label("total", locale)] = matrix["row_totals"]
        _show(frame, locale)
