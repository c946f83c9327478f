"""Edit as tables: steps, lanes, phases, flows and standards in ``st.data_editor``.

A table edit goes back into the YAML through :func:`blueprint.edit.apply_rows`, which changes only
the cells that changed (comments, key order and formatting elsewhere stay) and renames every
reference when an id changes.

The grid is one widget for as long as it is being edited: it is built from the text it was
opened on (:class:`~blueprint.ui.view.TableBase`) and keeps that data and key while the user's
edits are written into the draft, so the browser keeps its cursor, its open cell editor and the
keyboard focus across the reruns (a grid rebuilt under the user's hands once took the typing for
the cell's whole new value). It is rebuilt only when the text changes elsewhere (the editor,
undo, another table) or when an edit changed more than the grid shows (a renamed id's
references).
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from ... import edit
from ...edit.rows import REQUIRED
from .. import cached, session
from ..components import grid_focus
from ..i18n import UiPhrase, t
from ..text import md_escape
from ..view import TableBase, view
from .common import draft_page, load_error_words, translator
from .tables_add import box_key, take_reveal, unfilled
from .tables_add import control as add_control

__all__ = ["GRID_BOX", "TAB_KEY", "column_widths", "page", "table_key"]

TAB_KEY = "bp_table_tab"
#: The grid's box (its height, the screen's less what is above it, is in ``assets/app.css``).
GRID_BOX = "bp_grid_box"
_ROW_PX = 35
#: A table this short is shown whole rather than in a screen-high box (which is at least 400 px:
#: a header and ten rows fit in it).
_SHORT_ROWS = 11


def table_key(name: str, nonce: int) -> str:
    """The data editor's key: one per build of the table (see the module's docstring)."""
    return f"bp_table_{name}_{nonce}"


@draft_page
def page(text: str, locale: str) -> None:
    tr = translator(locale)
    st.caption(tr("tables.intro"))
    error = cached.load_error(text)
    if error is not None:
        st.error(load_error_words("tables.broken", error, locale))
        return
    tabs = st.tabs([tr(f"tables.{name}") for name in edit.TABLES], key=TAB_KEY, on_change="rerun")
    reveal = None
    for name, tab in zip(edit.TABLES, tabs):
        # Only the open tab runs: a 500-step table is not built for nothing.
        if tab.open is False:
            continue
        with tab:
            reveal = _table(text, name, locale) or reveal
    grid_focus(reveal)


#: What an empty select box cell holds and shows (Streamlit would show an empty one as "None").
_EMPTY = "—"
#: The select box columns of each table, and whether a row must fill them.
_SELECTS: dict[str, dict[str, bool]] = {
    "steps": {"lane": True, "phase": False, "touchpoint": False, "recovery": False},
    "lanes": {"zone": False},
    "flows": {"from": True, "to": True, "kind": False},
    "standards": {"from": False, "to": False},
}
#: Select boxes whose options are words of the format, shown in the UI's language.
_WORDS = {"touchpoint": "touchpoint", "zone": "zone", "kind": "flow"}
#: Select boxes whose options are this file's ids, shown with their labels.
_IDS = {"lane": "lane", "phase": "phase", "recovery": "step", "from": "step", "to": "step"}
#: Column widths in pixels: ids whole, labels and descriptions wide enough to read.
_WIDTH = {"id": 170, "label": 230, "description": 320, "lane": 250, "phase": 170, "next": 200,
          "owner": 140, "touchpoint": 110, "channel": 120, "evidence": 200, "duration": 90, "wait": 90,
          "fail": 180, "recovery": 150, "emotion": 90, "kpis": 160, "notes": 200, "zone": 140,
          "from": 150, "to": 150, "kind": 110, "steps": 220, "max": 90}


def column_widths(name: str) -> list[int]:
    """The pixel width of each column of table ``name``, in order."""
    return [_WIDTH.get(column, 140) for column in edit.COLUMNS[name]]


def _header(name: str, column: str, locale: str) -> str:
    """A column's title in the UI's language, marked with * where a new row must fill it."""
    title = t(f"field.{column}", locale)
    return f"{title} *" if column in REQUIRED.get(name, ()) else title


def _column_config(name: str, text: str, locale: str) -> dict:
    tr = translator(locale)
    choices = cached.choices(text)  # the edit module's options: this file's ids, the format's words
    labels = cached.labels(text, locale)
    config: dict = {}
    for column, width in zip(edit.COLUMNS[name], column_widths(name)):
        label = _header(name, column, locale)
        required = column in REQUIRED.get(name, ())
        if column in _SELECTS.get(name, {}):
            # A new row starts on the dash, required or not: the check of a row's required cells
            # (_missing) says what is left to fill, in the UI's words, instead of the grid's "None".
            config[column] = st.column_config.SelectboxColumn(
                label, width=width, default=_EMPTY, options=[_EMPTY, *choices[column]],
                format_func=_formatter(column, labels, locale))
        elif column in edit.LIST_COLUMNS:
            config[column] = st.column_config.ListColumn(label, width=width, help=tr("tables.list_help"), default=[])
        elif column == "emotion":
            config[column] = st.column_config.NumberColumn(label, width=width, min_value=-2, max_value=2,
                                                           step=1, format="%d")
        else:
            config[column] = st.column_config.TextColumn(label, width=width, required=required, default="")
    return config


def _formatter(column: str, labels: dict[str, dict[str, str]], locale: str):
    """How a select box shows a value: a format word in the UI's language, an id with its label."""
    if column in _WORDS:
        prefix = _WORDS[column]
        return lambda value: value if value == _EMPTY else t(f"{prefix}.{value}", locale)
    names = labels.get(_IDS.get(column, ""), {})
    if _IDS.get(column) == "step":
        # A step's label can be long: its id first, so the cell never cuts the id off.
        return lambda value: f"{value} · {names[value]}" if value in names and names[value] != value else value
    return lambda value: f"{names[value]} · {value}" if value in names and names[value] != value else value


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


def _base(text: str, name: str) -> TableBase:
    """The build of the table to show: the current one while the grid shows the draft's text."""
    state = view()
    base = state.tables.get(name)
    if base is not None and base.shows == text:
        if table_key(name, base.nonce) in st.session_state:
            return base  # the grid is on the page, edits and all: leave it alone
        if base.text == text and base.pending is None:
            return base  # back after a page switch, nothing to restore: the same build
    # A new build: from the text, or from the rows a refused edit left (a half-filled row).
    pending = base.pending if base is not None and base.shows == text else None
    base = TableBase(text=text, shows=text, nonce=state.next_nonce(), rows=pending,
                     refusal=base.refusal if pending is not None else None)
    state.tables[name] = base
    return base


def _rows(base: TableBase, name: str) -> tuple[list[dict] | None, edit.EditError | None]:
    """The rows the grid of ``base`` was built from."""
    if base.rows is not None:
        return base.rows, None
    return cached.table(base.text, name)


def _table(text: str, name: str, locale: str) -> dict | None:
    """Show table ``name``: its grid, its add line, a refusal or its help. Returns the request to
    show the grid's new last row and give the add line the keyboard (after an add), or None."""
    tr = translator(locale)
    base = _base(text, name)
    rows, why = _rows(base, name)
    if rows is None:
        st.warning(tr("tables.unreadable", message=md_escape(why.text(locale))))
        return None
    key = table_key(name, base.nonce)
    # A long table fills the screen below the tabs (the box's height is the screen's, less what
    # is above it and the line below it); a short one is shown whole.
    short = len(rows) < _SHORT_ROWS
    with st.container(key=f"{GRID_BOX}_{name}" if not short else None):
        st.data_editor(
            # Rows are added with the add line under the grid (see tables_add), deleted in the grid.
            _frame(rows, name), key=key, num_rows="delete", hide_index=True, width="stretch",
            height=(len(rows) + 1) * _ROW_PX + 3 if short else "stretch", placeholder="",
            column_config=_column_config(name, base.text, locale),
            on_change=_write, args=(name, key, locale),
        )
    # The change callback has written the grid's state already; a state set without one (a
    # script driving the app) is written here, once.
    if _write(name, key, locale):
        st.rerun()
    labels = cached.labels(text, locale)
    add_control(name, text, cached.table(text, name)[0] or [], locale, cached.choices(text),
                lambda column: _formatter(column, labels, locale))
    # A refusal is said right under the grid, where new rows are added, inside the screen; the
    # grid above it never moves (and is never rebuilt) when one appears.
    if base.refusal is not None:
        # One line, the way out beside the reason: both fit under the grid on a laptop's screen.
        said, way_out = st.container(key=f"bp_table_refusal_{name}").columns([5, 1], vertical_alignment="center")
        said.error(tr("tables.refused", message=md_escape(base.refusal.text(locale))), icon=":material/block:")
        with way_out:
            if st.button(tr("tables.discard"), key=f"{key}_discard", width="stretch"):
                view().tables.pop(name, None)
                st.rerun()
    else:
        st.caption(tr(f"tables.{name}_help"))
    nonce = take_reveal(name)
    return None if nonce is None else {"table": name, "build": base.nonce, "box": box_key(name), "nonce": nonce}


def _write(name: str, key: str, locale: str) -> bool:
    """Write the grid's rows into the draft (the data editor's change callback, run before the page).

    The grid's state is its edits since it was built, all of them: writing them again changes
    only what is new. Each state is written once. True when the draft's text changed.
    """
    text = session.text()
    base = view().tables.get(name)
    state = st.session_state.get(key) or {}
    if text is None or base is None or repr(state) == base.written:
        return False
    base.written = repr(state)
    if not (state.get("edited_rows") or state.get("added_rows") or state.get("deleted_rows")):
        return False
    rows, _why = _rows(base, name)
    records = _records(_edited(rows or [], state))
    try:
        missing = _missing(name, records)
        if missing:
            raise edit.EditError(missing)
        new_text = edit.apply_rows(text, name, records)
    except edit.EditError as error:
        # Kept with the build: a half-filled row stays in the grid across a page switch.
        base.pending, base.refusal = records, error
        return False
    base.pending = base.refusal = None
    if new_text is text:
        return False
    # The grid shows the new text when writing its rows into it changes nothing more: then it
    # stays as it is; otherwise (a renamed id's references, new choices) it is rebuilt.
    in_step = (edit.apply_rows(new_text, name, records) is new_text
               and cached.choices(new_text) == cached.choices(base.text))
    base.shows = new_text if in_step else None
    return session.commit(new_text, "table")


def _edited(rows: list[dict], state: dict) -> list[dict]:
    """``rows`` with the data editor's edits: cells changed, rows deleted, rows added (its order)."""
    edited = [dict(row) for row in rows]
    for index, changes in (state.get("edited_rows") or {}).items():
        if 0 <= int(index) < len(edited):
            edited[int(index)].update(changes)
    deleted = {int(index) for index in state.get("deleted_rows") or []}
    edited = [row for index, row in enumerate(edited) if index not in deleted]
    columns = list(rows[0]) if rows else []
    for added in state.get("added_rows") or []:
        edited.append({**dict.fromkeys(columns), **added})
    return edited


def _missing(name: str, records: list[dict]) -> UiPhrase | None:
    """The first row that leaves a required cell empty, said in the UI's words (None: none does)."""
    for number, record in enumerate(records, start=1):
        if all(value in (None, "", []) for value in record.values()):
            continue  # the grid's fresh empty row
        empty = unfilled(name, record)
        if empty is not None:
            return UiPhrase.of("tables.fill_in", row=number, columns=empty)
    return None


def _records(rows: list[dict]) -> list[dict]:
    """The edited table as plain rows (pandas' missing values and the dash become None)."""
    records = []
    for record in rows:
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
