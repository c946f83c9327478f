"""Carrying out a table edit: match the edited rows to the old ones, then write the changes in
passes (renames, changed cells, deletions, insertions), each over one parse of the text, and check
that the result loads and reads back as the edited table."""

from __future__ import annotations

import difflib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..errors import BlueprintError, Problem
from ..loader import KEYS, ZONE_NAMES, loads
from ..phrases import Listed, say
from .document import Document, Node, is_map, is_scalar
from .quoting import EditError, flow_value
from .rows import (
    COLUMNS,
    KIND,
    LIST_COLUMNS,
    REQUIRED,
    ROW_REF,
    ROW_THING,
    STEP_REFS,
    WRITE_ORDER,
    Table,
    normal_row,
    read_rows,
    read_table,
    ref_nodes,
    ref_value,
    to_write,
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
        by_anchor.setdefault(_surviving(anchor, plan.deletes), []).append(dict(row))
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


def _surviving(anchor: int, deletes: set[int]) -> int:
    while anchor >= 0 and anchor in deletes:
        anchor -= 1
    return anchor


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
                more = say("edit.and-more") if len(used) > 5 else ""
                raise EditError(say("edit.lane-in-use", lane=lane, count=len(used), steps=Listed(tuple(used[:5])),
                                    more=more))
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
        text = _rename_pass(text, name, renames, ref_map, absent)
    if absent:
        text = _section_pass(text, name, _final_rows(plan, {}, set()))
    else:
        # Ids were renamed above; an id written where the file had none is a plain change.
        cells = {index: {column: value for column, value in changed.items()
                         if not (column == "id" and index in renames)}
                 for index, changed in plan.changes.items()}
        if any(cells.values()):
            text = _change_pass(text, name, cells)
        if plan.deletes:
            text = _delete_pass(text, name, plan.deletes, gone)
        if plan.inserts:
            text = _insert_pass(text, name, plan)
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


def _rename_pass(text: str, name: str, renames: dict[int, tuple[str, str]], ref_map: dict[str, str],
                 absent: bool) -> str:
    doc = Document(text)
    if not absent:
        table = read_table(doc, name)
        for index, (_old, new) in renames.items():
            item = table.items[index]
            if is_scalar(item):
                doc.set_scalar(item, new, flow=bool(table.seq.flow_style))
            else:
                doc.set_value(item, "id", new)
    places: list[tuple[str, tuple[str, ...]]] = []  # nothing refers to a standard by its id
    if name == "steps":
        places = [("steps", STEP_REFS), ("flows", ("from", "to")), ("standards", ("from", "to", "steps"))]
    elif name in ROW_REF:
        places = [("steps", (ROW_REF[name],))]
    if ref_map:
        for table_name, keys in places:
            for item in read_table(doc, table_name).items:
                if not is_map(item):
                    continue
                for key in keys:
                    for node, flow in ref_nodes(doc, item, key):
                        if node.value in ref_map:
                            doc.set_scalar(node, ref_map[node.value], flow=flow)
    return doc.result()


def _list_hints(doc: Document, table: Table) -> dict[str, str]:
    """How this file writes each list key (the first item that has it): ``flow``, ``block`` or a
    lone ``scalar``; ``next`` defaults to a lone scalar (``next: greet``), the others to flow."""
    hints: dict[str, str] = {}
    for column in LIST_COLUMNS & set(COLUMNS[table.name]):
        hints[column] = "scalar" if column == "next" else "flow"
        for item in table.items:
            node = doc.entries(item).get(column) if is_map(item) else None
            if node is not None:
                value = node[1]
                hints[column] = "scalar" if is_scalar(value) else "flow" if value.flow_style else "block"
                break
    return hints


def _order(name: str, column: str) -> int:
    columns = WRITE_ORDER[name]
    return columns.index(column) if column in columns else len(columns)


def _set_fields(doc: Document, item: Node, table: Table, fields: dict[str, object],
                hints: dict[str, str]) -> None:
    """Write changed cells into one item: replace, remove or add keys (added keys go after the
    last key that comes before them in the format's order)."""
    name = table.name
    specs = {column: to_write(KIND[column], value) for column, value in fields.items()}
    if is_scalar(item):  # shorthand lane or phase: becomes {id: ..., label: ...}
        values = {"id": specs.pop("id", item.value), **{k: v for k, v in specs.items() if v is not None}}
        if len(values) > 1:
            doc.check_free(item)
            doc.replace(item.start_mark.index, doc.content_end(item), flow_value(values))
        elif "id" in fields:
            doc.set_scalar(item, values["id"], flow=bool(table.seq.flow_style))
        return
    own = doc.entries(item)
    merged = doc.merged(item)
    additions = []
    for column, spec in specs.items():
        if spec is None:
            if column in own:
                doc.remove_key(item, column)
            elif column in merged:
                line = item.start_mark.line + 1
                raise EditError(say("edit.merged-key", line=line, column=column))
        elif column in own:
            doc.set_value(item, column, spec)
        else:
            additions.append((column, spec))
    removed = {column for column, spec in specs.items() if spec is None}
    groups: dict[str | None, list[tuple[str, object]]] = {}
    for column, spec in sorted(additions, key=lambda pair: _order(name, pair[0])):
        anchor = None
        for key in own:
            if key not in removed and _order(name, key) < _order(name, column):
                anchor = key
        groups.setdefault(anchor, []).append((column, spec))
    for anchor, entries in groups.items():
        doc.add_entries(item, entries, anchor, hints)


def _change_pass(text: str, name: str, changes: dict[int, dict[str, object]]) -> str:
    doc = Document(text)
    table = read_table(doc, name)
    hints = _list_hints(doc, table)
    for index, fields in changes.items():
        if fields:
            _set_fields(doc, table.items[index], table, fields, hints)
    return doc.result()


def _delete_items(doc: Document, table: Table, indices: set[int]) -> None:
    if not indices:
        return
    if len(indices) == len(table.items):
        doc.remove_key(doc.root, table.name)
    else:
        doc.delete_items(table.seq, sorted(indices))


def _delete_pass(text: str, name: str, deletes: set[int], gone: set[str]) -> str:
    """Delete rows; references to deleted steps and phases go too (see :mod:`blueprint.edit`)."""
    doc = Document(text)
    table = read_table(doc, name)
    _delete_items(doc, table, deletes)
    if not gone:
        return doc.result()
    if name == "phases":
        for item in read_table(doc, "steps").items:
            if is_map(item) and ref_value(doc, item, "phase") in gone:
                _set_fields(doc, item, read_table(doc, "steps"), {"phase": None}, {})
    if name == "steps":
        steps_hints = _list_hints(doc, table)
        for index, item in enumerate(table.items):
            if index in deletes or not is_map(item):
                continue
            fields: dict[str, object] = {}
            nexts = [node.value for node, _flow in ref_nodes(doc, item, "next")]
            if any(ident in gone for ident in nexts):
                fields["next"] = tuple(ident for ident in nexts if ident not in gone) or None
            if ref_value(doc, item, "recovery") in gone:
                fields["recovery"] = None
            if fields:
                _set_fields(doc, item, table, fields, steps_hints)
        flows = read_table(doc, "flows")
        _delete_items(doc, flows, {
            i for i, item in enumerate(flows.items)
            if is_map(item) and {ref_value(doc, item, "from"), ref_value(doc, item, "to")} & gone
        })
        standards = read_table(doc, "standards")
        for item in standards.items:
            ids = [node.value for node, _flow in ref_nodes(doc, item, "steps")]
            kept = tuple(ident for ident in ids if ident not in gone)
            if kept and len(kept) < len(ids):  # a promise is never left without steps: the linter reports it
                _set_fields(doc, item, standards, {"steps": kept}, _list_hints(doc, standards))
    return doc.result()


def _item_value(name: str, row: dict[str, object], only_id_as_scalar: bool) -> object:
    """A new row as the value to write: a mapping of its filled cells in column order, or the bare
    id for a lane or phase with nothing else when its neighbours are written that way."""
    values = {column: to_write(KIND[column], row[column]) for column in WRITE_ORDER[name]
              if row[column] is not None}
    if only_id_as_scalar and set(values) == {"id"}:
        return values["id"]
    return values


def _insert_pass(text: str, name: str, plan: Plan) -> str:
    doc = Document(text)
    table = read_table(doc, name)
    items = table.items
    block = any(is_map(item) and not item.flow_style for item in items)
    shorthand = bool(items) and all(is_scalar(item) for item in items)
    style = "block-items" if block else "flow-items"
    by_anchor: dict[int, list[object]] = {}
    for anchor, row in plan.inserts:
        anchor = _surviving(anchor, plan.deletes)
        position = anchor - sum(1 for index in plan.deletes if index < anchor) if anchor >= 0 else -1
        by_anchor.setdefault(position, []).append(_item_value(name, row, shorthand))
    hints = _list_hints(doc, table)
    for position, values in by_anchor.items():
        doc.insert_items(table.seq, position, values, style=style, hints=hints)
    return doc.result()


def _section_pass(text: str, name: str, rows: list[dict[str, object]]) -> str:
    """Write a whole list the file does not have yet (``lanes:`` of a file on the standard lanes)."""
    doc = Document(text)
    entry = doc.entries(doc.root).get(name)
    if entry is not None:
        doc.remove_key(doc.root, name)
    if not rows:
        return doc.result()
    values = [_item_value(name, row, name in ("lanes", "phases")) for row in rows]
    anchor = None
    for key in doc.entries(doc.root):
        if key != name and _top_order(key) < _top_order(name):
            anchor = key
    style = "block-items" if name == "steps" else "flow-items"
    doc.add_entries(doc.root, [(name, values)], anchor, {name: style})
    return doc.result()


def _top_order(key: str) -> int:
    top = KEYS["blueprint"]
    return top.index(key) if key in top else len(top)
