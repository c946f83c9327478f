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
from .. import cached, session
from ..i18n import t
from ..text import md_escape
from .common import load_error_words, open_text, translator

__all__ = ["TAB_KEY", "page", "table_key"]

TAB_KEY = "bp_table_tab"


def table_key(name: str, text: str, nonce: int = 0) -> str:
    """The data editor's key: a new text (from any edit) starts the table afresh from that text."""
    return f"bp_table_{name}_{hashlib.sha1(text.encode('utf-8')).hexdigest()[:12]}_{nonce}"


def page() -> None:
    locale = session.ui_locale()
    tr = translator(locale)
    text = open_text(locale)
    if text is None:
        return
    st.caption(tr("tables.intro"))
    error = cached.load_error(text)
    if error is not None:
        st.error(load_error_words("tables.broken", error, locale))
        return
    tabs = st.tabs([tr(f"tables.{name}") for name in edit.TABLES], key=TAB_KEY, on_change="rerun")
    for name, tab in zip(edit.TABLES, tabs):
        # Only the open tab runs: a 500-step table is not built for nothing.
        if tab.open is False:
            continue
        with tab:
            _table(text, name, locale)


#: What an empty select box cell holds and shows (Streamlit would show an empty one as "None").
_EMPTY = "—"
#: The select box columns of each table, and whether a row must fill them.
_SELECTS: dict[str, dict[str, bool]] = {
    "steps": {"lane": True, "phase": False, "touchpoint": False, "recovery": False},
    "lanes": {"zone": False},
    "flows": {"from": True, "to": True, "kind": False},
    "standards": {"from": False, "to": False},
}


# Columns whose values are words of the domain catalogue (blueprint.words): column -> key prefix.
_WORDS = {"touchpoint": "touchpoint", "zone": "zone", "kind": "flow"}


def _column_config(name: str, text: str, locale: str) -> dict:
    tr = translator(locale)
    choices = cached.choices(text)  # the edit module's options: this file's ids, the format's words
    config: dict = {}
    for column in edit.COLUMNS[name]:
        label = tr(f"field.{column}")
        if column in _SELECTS.get(name, {}):
            required = _SELECTS[name][column]
            prefix = _WORDS.get(column)
            config[column] = st.column_config.SelectboxColumn(
                label, options=choices[column] if required else [_EMPTY, *choices[column]], required=required,
                format_func=lambda value, prefix=prefix: t(f"{prefix}.{value}", locale)
                if prefix and value != _EMPTY else value)
        elif column in edit.LIST_COLUMNS:
            config[column] = st.column_config.ListColumn(label, help=tr("tables.list_help"))
        elif column == "emotion":
            config[column] = st.column_config.NumberColumn(label, min_value=-2, max_value=2, step=1, format="%d")
        else:
            config[column] = st.column_config.TextColumn(label, required=column == "id")
    return config


def _frame(rows: list[dict], name: str) -> pd.DataFrame:
    """The rows as a table for the data editor: text columns as text, emotion as whole numbers."""
    columns = list(edit.COLUMNS[name])
    frame = pd.DataFrame(rows, columns=columns)
    for column in columns:
        if column == "emotion":
            frame[column] = frame[column].astype("Int64")
        elif column not in edit.LIST_COLUMNS:
            # An empty cell shows empty, not as "None" (apply_rows reads "" as no value); an empty
            # select box shows a dash.
            empty = _EMPTY if column in _SELECTS.get(name, {}) else ""
            frame[column] = frame[column].astype("string").fillna(empty)
    return frame


def _table(text: str, name: str, locale: str) -> None:
    tr = translator(locale)
    rows, why = cached.table(text, name)
    if rows is None:
        st.warning(tr("tables.unreadable", message=md_escape(why.text(locale))))
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
        st.error(tr("tables.refused", message=md_escape(error.text(locale))))
        if st.button(tr("tables.discard"), key=f"{key}_discard"):
            st.session_state["bp_table_nonce"] = st.session_state.get("bp_table_nonce", 0) + 1
            st.rerun()
        return
    if session.commit(new_text, "table"):
        st.rerun()


def _records(frame: pd.DataFrame) -> list[dict]:
    """The edited table as plain rows (pandas' missing values and the dash become None)."""
    records = []
    for record in frame.to_dict("records"):
        records.append({column: (None if _is_missing(value) or value == _EMPTY else value)
                        for column, value in record.items()})
    return records


def _is_missing(value: object) -> bool:
    if isinstance(value, (list, tuple)):
        return False
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False

