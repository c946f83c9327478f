"""The line under each table that adds a row: its id, label and the cells a row needs, then "Add".

A new row is typed into plain inputs, never into the grid: the keys go where the person typed
them, at any speed (a grid's new row gets the keyboard only some time after it appears, and
keys typed meanwhile went to the grid's selected cell, an existing row). Required choices start
on a sensible value (a new step takes the lane and phase of the last one); what is still missing
or refused is said right under the inputs, in the UI's words, and what was typed stays. Enter
in a text input adds the row (``assets/grid.js``); the grid then shows it and the id input has
the keyboard for the next one. What is typed and not yet added is kept across page switches.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import streamlit as st

from ... import edit
from ...edit.rows import REQUIRED
from ...phrases import Listed
from .. import cached, session
from ..i18n import UiPhrase, t
from ..text import md_escape
from ..view import view

__all__ = ["FIELDS", "box_key", "control", "field_key", "take_reveal", "unfilled"]

#: The cells the line asks for, in the order the keyboard goes through them (id, then label).
FIELDS: dict[str, tuple[str, ...]] = {
    "steps": ("id", "label", "lane", "phase"),
    "lanes": ("id", "label", "zone"),
    "phases": ("id", "label"),
    "flows": ("from", "to", "kind", "label"),
    "standards": ("id", "label", "from", "to", "max"),
}
#: A new step starts in the lane and phase of the table's last step.
_LIKE_LAST = {"steps": ("lane", "phase")}


def box_key(name: str) -> str:
    return f"bp_add_{name}"


def field_key(name: str, column: str) -> str:
    return f"bp_add_{name}_{column}"


def control(name: str, text: str, rows: list[dict], locale: str, choices: dict[str, list[str]],
            formatter: Callable[[str], Callable[[str], str]]) -> None:
    """Show the add line of table ``name`` under its grid.

    ``rows`` are the table's rows in ``text``; ``choices`` the options of its select cells (by
    column) and ``formatter(column)`` how an option is shown.
    """
    fields = FIELDS[name]
    _restore(name, fields, rows, choices)
    box = st.container(key=box_key(name))
    widths = [2 if column == "label" else 1.4 for column in fields]
    *cells, go = box.columns([*widths, 1.3], vertical_alignment="center", gap="small")
    for column, cell in zip(fields, cells):
        title = t(f"field.{column}", locale)
        shown = f"{title} *" if column in REQUIRED[name] else title
        key = field_key(name, column)
        if column in choices:
            cell.selectbox(title, choices[column], key=key, format_func=formatter(column), placeholder=shown,
                           label_visibility="collapsed", on_change=_keep, args=(name,))
        else:
            cell.text_input(title, key=key, placeholder=shown, label_visibility="collapsed",
                            on_change=_keep, args=(name,))
    go.button(t(f"tables.add_{name}", locale), key=f"{box_key(name)}_go", icon=":material/add:", width="stretch",
              on_click=_add, args=(name, locale))
    refusal = view().add_refusals.get(name)
    if refusal is not None:
        box.error(t("tables.add_refused", locale, message=md_escape(refusal.text(locale))), icon=":material/block:")


def _restore(name: str, fields: tuple[str, ...], rows: list[dict], choices: dict[str, list[str]]) -> None:
    """Give each input what was typed before a page switch, or where a new row starts; a choice
    that is no longer offered (a renamed lane) starts over."""
    kept = view().adding.setdefault(name, {})
    last = rows[-1] if rows else {}
    for column in fields:
        key = field_key(name, column)
        options = choices.get(column)
        if key in st.session_state and (options is None or st.session_state[key] in (None, *options)):
            continue
        value = kept.get(column)
        if options is not None and value not in options:
            value = None  # a choice nobody made is left to the person (a flow's ends), except:
            if column in _LIKE_LAST.get(name, ()):
                value = last.get(column)
                if value not in options:
                    value = options[0] if column in REQUIRED[name] and options else None
        if options is None and not value:
            continue  # an empty input is the widget's own start; setting it would also blank
            # what the page gives back to the input after a page switch (assets/grid.js)
        st.session_state[key] = value


def _keep(name: str) -> None:
    """Remember what is typed: the inputs are gone after a page switch, the view is not."""
    view().adding[name] = {column: st.session_state.get(field_key(name, column)) for column in FIELDS[name]}


def _add(name: str, locale: str) -> None:
    """The Add button's callback: write the new row at the end of the table, or say why not."""
    _keep(name)
    state = view()
    values = {column: (value.strip() if isinstance(value, str) else value)
              for column, value in state.adding[name].items()}
    try:
        new_text = _written(name, values)
    except edit.EditError as error:
        state.add_refusals[name] = error
        return
    state.add_refusals.pop(name, None)
    chosen = cached.choices(new_text)
    session.commit(new_text, "table")
    for column in FIELDS[name]:
        if column not in chosen:  # the typed cells start empty; the choices stay for the next row
            st.session_state[field_key(name, column)] = ""
            state.adding[name][column] = ""
    # The grid shows the new row (its last) and the id input takes the keyboard for the next one.
    state.reveal = (name, state.next_nonce())


def _written(name: str, values: dict[str, object]) -> str:
    """The draft's text with the new row added at the end of table ``name``."""
    empty = unfilled(name, values)
    if empty is not None:
        raise edit.EditError(UiPhrase.of("tables.add_fill_in", columns=empty))
    table = view().tables.get(name)
    if table is not None and table.pending is not None:
        raise edit.EditError(UiPhrase.of("tables.add_after_refusal"))
    text = session.text() or ""
    rows, why = cached.table(text, name)
    if rows is None:
        raise why
    return edit.apply_rows(text, name, [*rows, {column: value or None for column, value in values.items()}])


def unfilled(name: str, row: Mapping[str, object]) -> Listed | None:
    """The cells of table ``name`` that ``row`` must fill and leaves empty, named in the UI's words
    (None: it fills them all). The add line and the grid's rows (``tables``) ask the same."""
    empty = [column for column in REQUIRED.get(name, ()) if row.get(column) in (None, "", [])]
    return Listed(tuple(UiPhrase(f"field.{column}") for column in empty)) if empty else None


def take_reveal(name: str) -> int | None:
    """The request to show table ``name``'s new last row, handed out once (its nonce), or None."""
    state = view()
    if state.reveal is None or state.reveal[0] != name:
        return None
    nonce = state.reveal[1]
    state.reveal = None
    return nonce
