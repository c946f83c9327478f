"""Carrying out a table edit: match the edited rows to the old ones, refuse what cannot be written,
then write the changes in passes (:mod:`blueprint.edit.passes`: renames, changed cells, deletions,
insertions, each over one parse of the text), and check that the result loads and reads back as the
edited table."""

from __future__ import annotations

import difflib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..errors import BlueprintError, Problem
from ..loader import ZONE_NAMES, loads
from ..phrases import IdList, Listed, say
from .document import Document, is_map
from .passes import change_pass, delete_pass, insert_pass, rename_pass, section_pass, surviving
from .quoting import EditError
from .rows import (
    COLUMNS,
    REQUIRED,
    ROW_THING,
    normal_row,
    read_rows,
    read_table,
    ref_value,
    valid_id,
)

__all__ = ["Plan", "align", "execute"]


# -- plans ----------------------------------------------------------------------------------------

@dataclass
class Plan:
    """What changes in one table: cells of existing rows (by index), deleted rows, and new rows
    inserted after an existing row (-1: before the first)."""

    table: str
    old: list[dict[str, object]]
    changes: dict[int, dict[str, object]] = field(default_factory=dict)
    deletes: set[int] = field(default_factory=set)
    inserts: list[tuple[int, dict[str, object]]] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.changes or self.deletes or self.inserts)


def _key(name: str, row: Mapping[str, object]) -> tuple:
    return (row["from"], row["to"]) if name == "flows" else (row["id"],)


def _hashable(row: Mapping[str, object]) -> tuple:
    return tuple(row.values())


def align(name: str, old: list[dict], new_rows: Sequence[Mapping[str, Any]]) -> Plan:
    """Match the edited rows to the old ones: unchanged runs stay, within a changed run rows pair
    up by id (flows: by from and to), then by position; the rest are deleted or inserted."""
    if isinstance(new_rows, (str, bytes)) or not isinstance(new_rows, Sequence):
        raise EditError(say("edit.rows-not-a-list"))
    new, given = [], []
    for row in new_rows:
        normal = normal_row(name, row)
        if any(value is not None for value in normal.values()):  # skip the editor's fresh empty row
            new.append(normal)
            given.append(set(row))
    plan = Plan(name, old)
    matcher = difflib.SequenceMatcher(None, [_hashable(r) for r in old], [_hashable(r) for r in new],
                                      autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        olds, pairs = list(range(i1, i2)), {}
        # The editor never reorders rows: a run of the same length pairs by position (a swap of
        # two ids is two renames). Rows were added or deleted in a run of another length: pair by
        # id first there.
        for j in range(j1, j2) if i2 - i1 != j2 - j1 else ():
            key = _key(name, new[j])
            match = next((i for i in olds if any(key) and _key(name, old[i]) == key), None)
            if match is not None:
                pairs[j] = match
                olds.remove(match)
        for j in range(j1, j2):
            if j not in pairs and olds:
                pairs[j] = olds.pop(0)
        plan.deletes.update(olds)
        anchor = i1 - 1
        for j in range(j1, j2):
            if j in pairs:
                anchor = pairs[j]
                base = old[anchor]
                row = {column: (new[j][column] if column in given[j] else base[column])
                       for column in COLUMNS[name]}
                changed = {column: value for column, value in row.items() if value != base[column]}
                if changed:
                    plan.changes[anchor] = changed
            else:
                plan.inserts.append((anchor, new[j]))
    return plan


# -- carrying out a plan --------------------------------------------------------------------------

def _final_rows(plan: Plan, ref_map: dict[str, str], gone: set[str]) -> list[dict[str, object]]:
    """The table the plan should produce: what the result must read back as. ``ref_map`` renames
    step references in cells the plan does not change; ``gone`` ids leave existing steps' cells."""
    by_anchor: dict[int, list[dict]] = {}
    for anchor, row in plan.inserts:
        by_anchor.setdefault(surviving(anchor, plan.deletes), []).append(dict(row))
    rows = list(by_anchor.get(-1, []))
    for index, row in enumerate(plan.old):
        if index in plan.deletes:
            continue
        row = dict(row)
        if plan.table == "steps":
            if row["next"]:
                row["next"] = tuple(ref_map.get(i, i) for i in row["next"])
            row["recovery"] = ref_map.get(row["recovery"], row["recovery"])
            row.update(plan.changes.get(index, {}))
            if row["next"]:
                row["next"] = tuple(i for i in row["next"] if i not in gone) or None
            if row["recovery"] in gone:
                row["recovery"] = None
        else:
            row.update(plan.changes.get(index, {}))
        rows.append(row)
        rows.extend(by_anchor.get(index, []))
    return rows


def _check_plan(plan: Plan, doc: Document) -> tuple[dict[int, tuple[str, str]], set[str]]:
    """Refuse what cannot be written; return the renames (row -> old, new) and the ids deleted."""
    name, what = plan.table, ROW_THING[plan.table]
    old = plan.old
    for index, changed in plan.changes.items():
        if name == "flows":
            label = say("edit.flow-row", number=index + 1)
        else:
            label = say("thing.named", thing=what, id=old[index].get("id") or index + 1)
        for column in REQUIRED[name]:
            if column in changed and changed[column] is None:
                raise EditError(say("edit.cannot-be-empty", row=label, column=column))
    for _anchor, row in plan.inserts:
        missing = [column for column in REQUIRED[name] if row[column] is None]
        if missing:
            raise EditError(say("edit.fill-in", what=what, columns=Listed(tuple(missing))))
    renames: dict[int, tuple[str, str]] = {}
    if name == "flows":
        return renames, set()
    final_ids = [plan.changes.get(i, {}).get("id", row["id"])
                 for i, row in enumerate(old) if i not in plan.deletes]
    final_ids += [row["id"] for _anchor, row in plan.inserts]
    touched = [plan.changes[i]["id"] for i in plan.changes if "id" in plan.changes[i]]
    touched += [row["id"] for _anchor, row in plan.inserts]
    for ident in touched:
        if not valid_id(ident):
            raise EditError(say("edit.bad-id", id=ident, what=what))
        if final_ids.count(ident) > 1:
            raise EditError(say("edit.id-taken", what=what, id=ident))
    for index, changed in plan.changes.items():
        if "id" in changed and old[index]["id"] is not None:
            renames[index] = (old[index]["id"], changed["id"])
    gone = {old[i]["id"] for i in plan.deletes if old[i]["id"] is not None} - set(final_ids)
    if name == "steps" and not final_ids:
        raise EditError(say("edit.last-step"))
    if name == "lanes" and gone:
        steps = read_table(doc, "steps")
        for lane in sorted(gone):
            used = [str(ref_value(doc, item, "id")) for item in steps.items
                    if is_map(item) and ref_value(doc, item, "lane") == lane]
            if used:
                raise EditError(say("edit.lane-in-use", lane=lane, count=len(used), steps=IdList(tuple(used))))
    return renames, gone


def execute(text: str, doc: Document, plan: Plan) -> str:
    """Carry out a plan in passes (renames, cell changes, deletions, insertions), one parse each,
    then check that the result loads and reads back as the table meant."""
    if plan.empty:
        return text
    name = plan.table
    renames, gone = _check_plan(plan, doc)
    remaining = {row.get("id") for i, row in enumerate(plan.old)
                 if i not in plan.deletes and i not in renames}
    ref_map = {old: new for old, new in renames.values() if old not in remaining}
    if name == "lanes":  # a renamed lane keeps the zone its old id named
        for index, (old, new) in renames.items():
            row = plan.old[index]
            if old in ZONE_NAMES and new != old and row["zone"] is None and "zone" not in plan.changes[index]:
                plan.changes[index]["zone"] = old
    if name == "steps":  # references typed in changed cells and new rows follow the renames too
        for changed in [*plan.changes.values(), *(row for _anchor, row in plan.inserts)]:
            if changed.get("next"):
                changed["next"] = tuple(ref_map.get(i, i) for i in changed["next"])
            if changed.get("recovery") in ref_map:
                changed["recovery"] = ref_map[changed["recovery"]]
    absent = read_table(doc, name).seq is None
    if renames:
        text = rename_pass(text, name, renames, ref_map, absent)
    if absent:
        text = section_pass(text, name, _final_rows(plan, {}, set()))
    else:
        # Ids were renamed above; an id written where the file had none is a plain change.
        cells = {index: {column: value for column, value in changed.items()
                         if not (column == "id" and index in renames)}
                 for index, changed in plan.changes.items()}
        if any(cells.values()):
            text = change_pass(text, name, cells)
        if plan.deletes:
            text = delete_pass(text, name, plan.deletes, gone)
        if plan.inserts:
            text = insert_pass(text, name, plan.inserts, plan.deletes)
    _check_result(text, name, _final_rows(plan, ref_map, gone if name == "steps" else set()))
    return text


@dataclass(frozen=True)
class _Described:
    """A problem as a message's value: its whole line (``path:line:col: message (rule)``) in the
    message's language."""

    problem: Problem

    def text(self, locale: str) -> str:
        return self.problem.describe(locale)


def _check_result(text: str, name: str, expected: list[dict]) -> None:
    """Never hand back text that does not load or does not read back as the edited table."""
    try:
        loads(text, "<edit>")
        doc = Document(text)
        got = [normal_row(name, row) for row in read_rows(doc, read_table(doc, name))]
    except (BlueprintError, EditError) as exc:
        why = _Described(exc.problem) if isinstance(exc, BlueprintError) else exc
        raise EditError(say("edit.would-break", why=why)) from None
    if got != expected:
        raise EditError(say("edit.would-not-read-back", table=say(f"edit.table.{name}")))
