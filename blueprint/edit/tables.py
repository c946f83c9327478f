"""The operations the app calls: a whole edited table, one step's fields, renames, adds and deletes.

Each takes the YAML text and returns the new text (see :mod:`blueprint.edit`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from ..errors import hint
from ..phrases import say
from .document import Document
from .plan import Plan, align, execute
from .quoting import EditError
from .rows import (
    COLUMNS,
    KIND,
    LIST_COLUMNS,
    ROW_THING,
    TABLES,
    choices,
    normal_row,
    normalize,
    open_text,
    read_rows,
    read_table,
    table_rows,
)

__all__ = [
    "TABLES", "COLUMNS", "LIST_COLUMNS", "table_rows", "choices", "apply_rows", "step_fields",
    "set_step_fields", "rename_step", "rename_lane", "rename_phase", "add_step", "delete_step",
    "add_lane", "delete_lane", "add_phase", "delete_phase",
]


# -- the public operations ------------------------------------------------------------------------

def apply_rows(text: str, table: str, rows: Sequence[Mapping[str, Any]]) -> str:
    """Write an edited table back into the text, changing only what changed.

    ``rows`` is the whole table as the data editor returns it (a list of dicts, or a pandas
    DataFrame: NaN is an empty cell, numpy values are fine): rows changed in place, deleted, or
    added (at the end, or anywhere). Rows are matched to the old ones in order; a row that lacks a
    column keeps that cell, and an all-empty row (the editor's fresh row) is ignored. Only the keys
    of changed cells are written; an emptied cell removes its key (required cells refuse to be
    emptied); new rows take the style of their neighbours. A changed id renames every reference
    (for steps: ``next``, ``recovery``, flows, standards; lanes and phases: the steps' ``lane`` or
    ``phase``). Deleting a step removes it from other steps' ``next``, removes flows from or to it
    and ``recovery:`` naming it, and takes it out of standards' ``steps`` lists that keep other
    steps; a standard's ``from``/``to`` (or a ``steps`` list of only that step) is left for the
    linter to report. Deleting a phase removes ``phase:`` from its steps; a lane that still has
    steps cannot be deleted.

    Returns:
        The new text; the same ``text`` object when nothing changed.

    Raises:
        EditError: the text does not load, a row is refused (invalid or duplicate id, an emptied
            required cell, a lane with steps), or the edit would break the file.
    """
    if hasattr(rows, "to_dict") and not isinstance(rows, Mapping):  # a pandas DataFrame
        rows = rows.to_dict("records")
    doc = open_text(text)
    old = [normal_row(table, row) for row in read_rows(doc, read_table(doc, table))]
    return execute(text, doc, align(table, old, rows))


def _index(table: str, old: list[dict], ident: str) -> int:
    for index, row in enumerate(old):
        if row["id"] == ident:
            return index
    ids = [str(row["id"]) for row in old if row["id"] is not None]
    raise EditError(say("edit.no-such-row", what=ROW_THING[table], id=ident, hint=hint(ident, ids)))


def _refuse_unknown_keys(table: str, keys: Iterable[str]) -> None:
    """Refuse the first key a row of ``table`` cannot have (with the closest one it can)."""
    unknown = [key for key in keys if key not in COLUMNS[table]]
    if unknown:
        raise EditError(say("edit.no-such-key", what=ROW_THING[table], key=unknown[0],
                            hint=hint(unknown[0], COLUMNS[table])))


def _plan(text: str, table: str) -> tuple[Document, Plan]:
    doc = open_text(text)
    return doc, Plan(table, [normal_row(table, row) for row in read_rows(doc, read_table(doc, table))])


def _rename(text: str, table: str, old: str, new: str) -> str:
    doc, plan = _plan(text, table)
    index = _index(table, plan.old, old)
    if new == old:
        return text
    plan.changes[index] = {"id": normalize("id", new) if isinstance(new, str) else new}
    return execute(text, doc, plan)


def rename_step(text: str, old: str, new: str) -> str:
    """Rename a step and every reference to it (``next``, ``recovery``, flows, standards).

    Raises:
        EditError: no step ``old``, ``new`` is not a valid id, or a step ``new`` exists.
    """
    return _rename(text, "steps", old, new)


def rename_lane(text: str, old: str, new: str) -> str:
    """Rename a lane and every step's ``lane:``; a lane whose zone came from its id keeps it."""
    return _rename(text, "lanes", old, new)


def rename_phase(text: str, old: str, new: str) -> str:
    """Rename a phase and every step's ``phase:``."""
    return _rename(text, "phases", old, new)


def step_fields(text: str, step_id: str) -> dict[str, object]:
    """One step's row (as in :func:`table_rows`), for a detail panel."""
    doc, plan = _plan(text, "steps")
    return read_rows(doc, read_table(doc, "steps"))[_index("steps", plan.old, step_id)]


def set_step_fields(text: str, step_id: str, fields: Mapping[str, Any]) -> str:
    """Set some keys of one step (None or an empty value removes the key; a new ``id`` renames).

    >>> text = "blueprint: 1\\ntitle: t\\nsteps:\\n  - id: a  # first\\n    lane: customer\\n    label: Hi\\n"
    >>> print(set_step_fields(text, "a", {"owner": "导购员", "label": "Hello: again"}), end="")
    blueprint: 1
    title: t
    steps:
      - id: a  # first
        lane: customer
        label: 'Hello: again'
        owner: 导购员
    """
    _refuse_unknown_keys("steps", fields)
    doc, plan = _plan(text, "steps")
    index = _index("steps", plan.old, step_id)
    row = plan.old[index]
    changed = {key: normalize(KIND[key], value) for key, value in fields.items()}
    changed = {key: value for key, value in changed.items() if value != row[key]}
    if changed:
        plan.changes[index] = changed
    return execute(text, doc, plan)


def _add(text: str, table: str, row: Mapping[str, Any], after: str | None) -> str:
    doc, plan = _plan(text, table)
    _refuse_unknown_keys(table, row)
    anchor = _index(table, plan.old, after) if after is not None else len(plan.old) - 1
    plan.inserts.append((anchor, normal_row(table, row)))
    return execute(text, doc, plan)


def _delete(text: str, table: str, ident: str) -> str:
    doc, plan = _plan(text, table)
    plan.deletes.add(_index(table, plan.old, ident))
    return execute(text, doc, plan)


def add_step(text: str, step: Mapping[str, Any], after: str | None = None) -> str:
    """Add a step (``id``, ``lane`` and ``label`` at least) after step ``after`` (default: last),
    written like its neighbours."""
    return _add(text, "steps", step, after)


def delete_step(text: str, step_id: str) -> str:
    """Delete a step and the references to it (see :func:`apply_rows` for which)."""
    return _delete(text, "steps", step_id)


def add_lane(text: str, lane: Mapping[str, Any], after: str | None = None) -> str:
    """Add a lane ``{id, label?, zone?}`` after lane ``after`` (default: last)."""
    return _add(text, "lanes", lane, after)


def delete_lane(text: str, lane_id: str) -> str:
    """Delete a lane; refused while steps are in it."""
    return _delete(text, "lanes", lane_id)


def add_phase(text: str, phase: Mapping[str, Any], after: str | None = None) -> str:
    """Add a phase ``{id, label?}`` after phase ``after`` (default: last)."""
    return _add(text, "phases", phase, after)


def delete_phase(text: str, phase_id: str) -> str:
    """Delete a phase; its steps lose their ``phase:``."""
    return _delete(text, "phases", phase_id)
