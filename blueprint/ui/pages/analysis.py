"""Analysis: journey time, standards and queues of the open blueprint, with what-if sliders.

The numbers are :mod:`blueprint.analysis` (journey, standards, Erlang C queues); the charts are
:mod:`blueprint.ui.charts`. Sliders start from the wait point's ``queue:`` and change nothing in
the file: they answer "what if" before the hall changes.
"""

from __future__ import annotations

import math

import pandas as pd
import streamlit as st

from ...analysis import queues as q
from .. import cached, charts
from ..i18n import t
from ..text import md_escape
from .common import draft_page, load_error_words, translator

__all__ = ["WHATIF_KEY", "WAIT_POINT_KEY", "page"]

WHATIF_KEY = "bp_whatif"
WAIT_POINT_KEY = "bp_whatif_step"
#: Without a queue in the file, the sliders start from a busy hall's figures.
_DEFAULTS = {"arrivals": 40.0, "servers": 4, "service": 5.0, "diversion": 0.0, "standard": 10.0}


@draft_page
def page(text: str, locale: str) -> None:
    tr = translator(locale)
    result = cached.analysis(text)
    if result is None:
        st.error(load_error_words("analysis.broken", cached.load_error(text), locale))
        return
    st.caption(tr("analysis.intro"))
    _journey(result, locale)
    _standards(result, locale)
    _what_if(result, locale)


def _number(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _minutes(value: float | None, locale: str) -> str:
    return "—" if value is None else t("analysis.minutes", locale, n=_number(value))


def _journey(result: dict, locale: str) -> None:
    tr = translator(locale)
    journey = result["journey"]
    total = journey["total_minutes"]
    st.subheader(tr("analysis.journey"))
    cols = st.columns(4)
    cols[0].metric(tr("analysis.total"), _minutes(total["expected"], locale))
    cols[1].metric(tr("analysis.range"), tr("analysis.best_worst", best=_number(total["best"]),
                                             worst=_number(total["worst"])))
    cols[2].metric(tr("analysis.wait_share"), f"{journey['wait_share']:.0%}")
    cols[3].metric(tr("analysis.visible"), _minutes(journey["visibility"]["visible"], locale))
    labels = result["labels"]
    if journey["critical_path"]:
        path = " → ".join(md_escape(labels.get(i, i)) for i in journey["critical_path"])
        st.markdown(f"**{md_escape(tr('analysis.critical_path'))}** {path}")
    if journey["unmeasured"]:
        st.caption(tr("analysis.unmeasured", steps=", ".join(journey["unmeasured"])))
    words = {"minutes": tr("analysis.axis_minutes"), "lane": tr("analysis.axis_lane"),
             "step": tr("analysis.axis_step"), "wait": tr("analysis.axis_wait"),
             "duration": tr("analysis.axis_duration")}
    if result["timeline"]:
        st.markdown(f"**{md_escape(tr('analysis.timeline'))}**")
        # Up to the customer's exit: back-office work that runs on after it would flatten the rest.
        end = total["expected"] or max(row["end"] for row in result["timeline"])
        rows = [row for row in result["timeline"] if row["start"] < end or row["start"] == 0]
        st.vega_lite_chart(charts.timeline(rows, result["lanes"], words, end), width="stretch",
                           height=max(160, 40 * len(result["lanes"])))
    feelings = [row for row in result["timeline"] if row["emotion"] is not None and row["zone"] == "customer"]
    if feelings:
        st.markdown(f"**{md_escape(tr('analysis.emotion'))}**")
        rows = [{"label": f"{i + 1}. {row['label']}", "emotion": row["emotion"]} for i, row in enumerate(feelings)]
        st.vega_lite_chart(charts.emotion_curve(rows, {"step": tr("analysis.axis_step"),
                                                       "emotion": tr("analysis.axis_emotion")}),
                           width="stretch", height=260)


def _standards(result: dict, locale: str) -> None:
    tr = translator(locale)
    st.subheader(tr("analysis.standards"))
    rows = result["standards"]
    if not rows:
        st.caption(tr("analysis.no_standards"))
        return
    frame = pd.DataFrame([{
        tr("analysis.col_standard"): row["label"] or row["id"],
        tr("analysis.col_step"): result["labels"].get(row["step"], "") if row["step"] else "",
        tr("analysis.col_minutes"): ("≥ " if row["at_least"] else "") + _minutes(row["minutes"], locale),
        tr("analysis.col_max"): _minutes(row["max_minutes"], locale),
        tr("analysis.col_margin"): _minutes(row["margin_minutes"], locale),
        tr("analysis.col_status"): tr(f"analysis.status_{row['status']}"),
    } for row in rows])
    st.dataframe(frame, hide_index=True, width="stretch",
                 height=min(len(frame) + 1, 12) * 35 + 3)


def _what_if(result: dict, locale: str) -> None:
    tr = translator(locale)
    st.subheader(tr("analysis.what_if"))
    queues = result["queues"]
    start = dict(_DEFAULTS)
    step = ""
    if queues:
        ids = [row["step"] for row in queues]
        if st.session_state.get(WAIT_POINT_KEY) not in ids:
            st.session_state[WAIT_POINT_KEY] = ids[0]
        step = st.selectbox(tr("analysis.wait_point"), ids, key=WAIT_POINT_KEY,
                            format_func=lambda i: result["labels"].get(i, i))
        chosen = next(row for row in queues if row["step"] == step)
        if chosen["stable"] is None:
            st.warning(tr(f"analysis.reason_{chosen['reason']}"))
        else:
            start.update(arrivals=chosen["arrivals_per_hour"] + chosen["diverted_per_hour"],
                         servers=chosen["servers"], service=chosen["service_minutes"],
                         diversion=chosen["diversion"])
            if chosen.get("standard_minutes") is not None:
                start["standard"] = chosen["standard_minutes"]
        if chosen["by_hour"]:
            _hours(chosen["by_hour"], locale)
    else:
        st.caption(tr("analysis.no_queue"))
    values = _sliders(start, step, locale)
    figures = q.mmc(values["arrivals"], values["service"], values["servers"], diversion=values["diversion"],
                    standard_minutes=values["standard"])
    cols = st.columns(4)
    cols[0].metric(tr("analysis.utilisation"), f"{figures['utilisation']:.0%}")
    if not figures["stable"]:
        cols[1].metric(tr("analysis.mean_wait"), tr("analysis.unstable_short"))
        st.error(tr("analysis.unstable", servers=figures["servers_for_service_level"],
                    load=f"{figures['load']:.1f}"))
    else:
        cols[1].metric(tr("analysis.mean_wait"), _minutes(figures["mean_wait_minutes"], locale))
        cols[2].metric(tr("analysis.within", minutes=f"{values['standard']:g}"), f"{figures['within_standard']:.0%}")
        cols[3].metric(tr("analysis.counters_needed"), figures["servers_for_service_level"])
    left, right = st.columns(2)
    with left:
        st.markdown(f"**{md_escape(tr('analysis.distribution'))}**")
        curve = q.wait_curve(figures["arrivals_per_hour"], values["service"], values["servers"],
                             max(3 * values["standard"], 1.0))
        if curve:
            st.vega_lite_chart(charts.wait_distribution(curve, values["standard"], {
                "minutes": tr("analysis.axis_wait_minutes"), "probability": tr("analysis.axis_within")}),
                width="stretch", height=260)
        else:
            st.caption(tr("analysis.unstable_short"))
    with right:
        st.markdown(f"**{md_escape(tr('analysis.by_counters'))}**")
        rows = q.counters_curve(figures["arrivals_per_hour"], values["service"], values["standard"],
                                values["servers"])
        st.vega_lite_chart(charts.counters(rows, values["servers"], {
            "servers": tr("analysis.axis_counters"), "mean_wait": tr("analysis.axis_mean_wait"),
            "within": tr("analysis.axis_within")}), width="stretch", height=260)


def _sliders(start: dict, step: str, locale: str) -> dict:
    """The four what-if sliders and the standard, starting from ``start`` for this wait point."""
    tr = translator(locale)
    keys = {name: f"{WHATIF_KEY}_{name}_{step}" for name in start}
    for name, key in keys.items():
        if key not in st.session_state:
            st.session_state[key] = start[name]
    cols = st.columns(5)
    arrivals_top = float(max(300, math.ceil(start["arrivals"] * 2 / 10) * 10))
    values = {
        "arrivals": cols[0].slider(tr("analysis.slider_arrivals"), 0.0, arrivals_top, step=1.0,
                                   key=keys["arrivals"], format="%.0f"),
        "servers": cols[1].slider(tr("analysis.slider_servers"), 1, max(30, start["servers"] * 2),
                                  key=keys["servers"]),
        "service": cols[2].slider(tr("analysis.slider_service"), 0.5, max(30.0, start["service"] * 2), step=0.1,
                                  key=keys["service"], format="%.1f"),
        "diversion": cols[3].slider(tr("analysis.slider_diversion"), 0.0, 1.0, step=0.05, key=keys["diversion"],
                                    format="%.2f"),
        "standard": cols[4].slider(tr("analysis.slider_standard"), 1.0, max(60.0, start["standard"] * 2), step=0.5,
                                   key=keys["standard"], format="%.1f"),
    }
    return values


def _hours(rows: list[dict], locale: str) -> None:
    tr = translator(locale)
    frame = pd.DataFrame([{
        tr("analysis.col_hour"): row["hour"],
        tr("analysis.col_arrivals"): f"{row['arrivals_per_hour']:g}",
        tr("analysis.utilisation"): f"{row['utilisation']:.0%}",
        tr("analysis.mean_wait"): _minutes(row["mean_wait_minutes"], locale) if row["stable"]
        else tr("analysis.unstable_short"),
        tr("analysis.within_short"): f"{row['within_standard']:.0%}" if row.get("within_standard") is not None else "—",
    } for row in rows])
    st.markdown(f"**{md_escape(tr('analysis.peak_hours'))}**")
    st.dataframe(frame, hide_index=True, width="stretch")
