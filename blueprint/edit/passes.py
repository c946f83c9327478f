"""The passes that write a table edit into the text, each over one parse of it: renames (with the
references to a renamed id), changed cells, deletions (with the references to what is gone),
insertions, and a whole list the file does not have yet."""

from __future__ import annotations

from ..loader import KEYS
from ..phrases import say
from .document import Document, Node, is_map, is_scalar
from .quoting import EditError, flow_value
from .rows import (
    COLUMNS,
    KIND,
    LIST_COLUMNS,
    ROW_REF,
    STEP_REFS,
    WRITE_ORDER,
    Table,
    read_table,
    ref_nodes,
    ref_value,
    to_write,
)

__all__ = ["change_pass", "delete_pass", "insert_pass", "rename_pass", "section_pass", "surviving"]


def surviving(anchor: int, deletes: set[int]) -> int:
    """The row a new row goes after once ``deletes`` are gone: ``anchor`` or the nearest before it."""
    while anchor >= 0 and anchor in deletes:
        anchor -= 1
    return anchor


def rename_pass(text: str, name: str, renames: dict[int, tuple[str, str]], ref_map: dict[str, str],
                absent: bool) -> str:
    """Write renamed ids, and (``ref_map``: old -> new) the references to them elsewhere in the file."""
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


def change_pass(text: str, name: str, changes: dict[int, dict[str, object]]) -> str:
    """Write changed cells (row index -> column -> value)."""
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


def delete_pass(text: str, name: str, deletes: set[int], gone: set[str]) -> str:
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


def insert_pass(text: str, name: str, inserts: list[tuple[int, dict[str, object]]], deletes: set[int]) -> str:
    """Write new rows after their anchors (rows that survive the deletions)."""
    doc = Document(text)
    table = read_table(doc, name)
    items = table.items
    block = any(is_map(item) and not item.flow_style for item in items)
    shorthand = bool(items) and all(is_scalar(item) for item in items)
    style = "block-items" if block else "flow-items"
    by_anchor: dict[int, list[object]] = {}
    for anchor, row in inserts:
        anchor = surviving(anchor, deletes)
        position = anchor - sum(1 for index in deletes if index < anchor) if anchor >= 0 else -1
        by_anchor.setdefault(position, []).append(_item_value(name, row, shorthand))
    hints = _list_hints(doc, table)
    for position, values in by_anchor.items():
        doc.insert_items(table.seq, position, values, style=style, hints=hints)
    return doc.result()


def section_pass(text: str, name: str, rows: list[dict[str, object]]) -> str:
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
