"""Edit as tables: steps, lanes, phases, flows and standards in ``st.data_editor``.

A table edit goes back into the YAML through :func:`blueprint.edit.apply_rows`, which changes only
the cells that changed (comments, key order and formatting elsewhere stay) and renames every
reference when an id changes.
"""

from __future__ import annotations

import hashlib

import pandas as pd
import streamlit as st

from ... import edit
from ...loader import FLOW_KINDS, TOUCHPOINTS, ZONE_NAMES
from .. import cached, session
from ..i18n import t
from ..text import md_escape
from .common import no_draft, translator

__all__ = ["TAB_KEY", "page", "table_key"]

TAB_KEY = "bp_table_tab"


def table_key(name: str, text: str, nonce: int = 0) -> str:
    """The data editor's key: a new text (from any edit) starts the table afresh from that text."""
    return f"bp_table_{name}_{hashlib.sha1(text.encode('utf-8')).hexdigest()[:12]}_{nonce}"


def page() -> None:
    locale = session.ui_locale()
    tr = translator(locale)
    text = session.text()
    if text is None:
        no_draft(locale)
        return
    st.caption(tr("tables.intro"))
    error = cached.load_error(text)
    if error is not None:
        st.error(tr("tables.broken", line=error.line, column=error.column, message=md_escape(error.message)))
        return
    tabs = st.tabs([tr(f"tables.{name}") for name in edit.TABLES], key=TAB_KEY, on_change="rerun")
    for name, tab in zip(edit.TABLES, tabs):
        # Only the open tab runs: a 500-step table is not built for nothing.
        if tab.open is False:
            continue
        with tab:
            _table(text, name, locale)


def _options(text: str) -> dict[str, list[str]]:
    info = cached.completions(text)
    return {"lane": info["lanes"], "phase": info["phases"], "step": info["steps"]}


def _column_config(name: str, text: str, locale: str) -> dict:
    tr = translator(locale)
    options = _options(text)
    config: dict = {}
    for column in edit.COLUMNS[name]:
        label = tr(f"field.{column}")
        if column in edit.LIST_COLUMNS:
            config[column] = st.column_config.ListColumn(label, help=tr("tables.list_help"))
        elif column == "lane" and name == "steps":
            config[column] = st.column_config.SelectboxColumn(label, options=options["lane"], required=True)
        elif column == "phase" and name == "steps":
            config[column] = st.column_config.SelectboxColumn(label, options=options["phase"])
        elif column == "touchpoint":
            config[column] = st.column_config.SelectboxColumn(
                label, options=list(TOUCHPOINTS), format_func=lambda kind: t(f"touchpoint.{kind}", locale))
        elif column == "zone":
            config[column] = st.column_config.SelectboxColumn(
                label, options=list(ZONE_NAMES), format_func=lambda zone: t(f"zone.{zone}", locale))
        elif column == "kind" and name == "flows":
            config[column] = st.column_config.SelectboxColumn(
                label, options=list(FLOW_KINDS), format_func=lambda kind: t(f"flow_kind.{kind}", locale))
        elif column in ("recovery", "from", "to"):
            config[column] = st.column_config.SelectboxColumn(label, options=options["step"])
        elif column == "emotion":
            config[column] = st.column_config.NumberColumn(label, min_value=-2, max_value=2, step=1, format="%d")
        else:
            config[column] = st.column_config.TextColumn(label, required=column == "id")
    return config


def _frame(rows: list[dict], name: str) -> pd.DataFrame:
    columns = list(edit.COLUMNS[name])
    frame = pd.DataFrame(rows, columns=columns)
    for column in columns:
        if column == "emotion":
            frame[column] = frame[column].astype("Int64")
        elif column not in edit.LIST_COLUMNS:
            # An empty cell shows empty, not as "None" (apply_rows reads "" as no value).
            frame[column] = frame[column].astype("string").fillna("")
    return frame


def _table(text: str, name: str, locale: str) -> None:
    tr = translator(locale)
    rows, why = cached.table(text, name)
    if rows is None:
        st.warning(tr("tables.unreadable", message=md_escape(why)))
        return
    frame = _frame(rows, name)
    key = table_key(name, text, st.session_state.get("bp_table_nonce", 0))
    edited = st.data_editor(
        frame, key=key, num_rows="dynamic", hide_index=True, width="stretch",
        height=min(len(frame) + 2, 16) * 35 + 3, column_config=_column_config(name, text, locale),
    )
    state = st.session_state.get(key) or {}
    if not (state.get("edited_rows") or state.get("added_rows") or state.get("deleted_rows")):
        st.caption(tr(f"tables.{name}_help"))
        return
    try:
        new_text = edit.apply_rows(text, name, _records(edited))
    except edit.EditError as error:
        st.error(tr("tables.refused", message=md_escape(str(error))))
        if st.button(tr("tables.discard"), key=f"{key}_discard"):
            st.session_state["bp_table_nonce"] = st.session_state.get("bp_table_nonce", 0) + 1
            st.rerun()
        return
    if session.commit(new_text, "table"):
        st.rerun()


def _records(frame: pd.DataFrame) -> list[dict]:
    """The edited table as plain rows (pandas' missing values become None)."""
    records = []
    for record in frame.to_dict("records"):
        records.append({column: (None if _is_missing(value) else value) for column, value in record.items()})
    return records


def _is_missing(value: object) -> bool:
    if isinstance(value, (list, tuple)):
        return False
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False

