"""The blueprint's lists as table rows, and table edits written back into the YAML text.

Rows are plain dicts for ``st.data_editor``; :func:`apply_rows` takes the edited table back and
changes only the keys whose cells changed (see :mod:`blueprint.edit` for the rules).
"""

from __future__ import annotations

import difflib
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import yaml

from ..errors import BlueprintError, did_you_mean
from ..loader import FLOW_KINDS, KEYS, TOUCHPOINTS, ZONE_NAMES, loads
from ..safeyaml import _resolve_plain
from .document import Document, Node, is_map, is_scalar, is_seq
from .quoting import EditError, Plain, flow_value

__all__ = [
    "TABLES", "COLUMNS", "LIST_COLUMNS", "table_rows", "choices", "apply_rows", "step_fields", "set_step_fields",
    "rename_step", "rename_lane", "rename_phase", "add_step", "delete_step", "add_lane", "delete_lane",
    "add_phase", "delete_phase",
]

#: The tables, each the list of the same name at the top of the file.
TABLES: tuple[str, ...] = ("steps", "lanes", "phases", "flows", "standards")
_WHAT = {"steps": "step", "lanes": "lane", "phases": "phase", "flows": "flow", "standards": "standard"}
#: The columns of each table: the keys format.md allows on its objects, in that order.
COLUMNS: dict[str, tuple[str, ...]] = {table: KEYS[_WHAT[table]] for table in TABLES}
#: Columns whose cells are lists of text (``st.column_config.ListColumn``).
LIST_COLUMNS = frozenset({"next", "evidence", "kpis", "notes", "steps"})

# How a cell is read and written: "id" and "text" are text, "ids" and "texts" lists of text,
# "duration" the text as written (plain when YAML reads it as text or a number), "wait" true, false
# or a duration, "number" a whole number (emotion).
_KIND = {
    "id": "id", "lane": "id", "phase": "id", "recovery": "id", "from": "id", "to": "id",
    "touchpoint": "text", "kind": "text", "zone": "text", "label": "text", "description": "text",
    "owner": "text", "channel": "text", "fail": "text",
    "next": "ids", "steps": "ids", "evidence": "texts", "kpis": "texts", "notes": "texts",
    "duration": "duration", "max": "duration", "wait": "wait", "emotion": "number",
}
# The order keys are written in, as the examples and templates write them (``next`` last): new
# keys go after the last key that comes before them, new rows list their keys in this order.
_WRITE_ORDER = {
    "steps": ("id", "lane", "phase", "label", "description", "owner", "touchpoint", "channel",
              "evidence", "duration", "wait", "fail", "recovery", "emotion", "kpis", "notes", "next"),
    "lanes": ("id", "label", "zone"),
    "phases": ("id", "label"),
    "flows": ("from", "to", "kind", "label"),
    "standards": ("id", "label", "from", "to", "steps", "max"),
}
#: Cells a row cannot do without (the loader reports them missing).
_REQUIRED = {"steps": ("id", "lane", "label"), "lanes": ("id",), "phases": ("id",),
             "flows": ("from", "to"), "standards": ("id", "max")}
# Step keys that hold step ids, and which key of a step refers to a lane or a phase.
_STEP_REFS = ("next", "recovery")
_ROW_REF = {"lanes": "lane", "phases": "phase"}


# -- cells ----------------------------------------------------------------------------------------

def _missing(value: object) -> bool:
    """None, NaN, and pandas' NA / NaT (without importing pandas)."""
    return (value is None or (isinstance(value, float) and math.isnan(value))
            or type(value).__name__ in ("NAType", "NaTType"))


def _python(value: object) -> object:
    """numpy scalars and arrays to plain Python (data_editor hands them back)."""
    if not isinstance(value, (str, bytes, list, tuple, dict)) and hasattr(value, "tolist"):
        return value.tolist()
    return value


def _norm(kind: str, value: object) -> object:
    """A cell as the plain value it stands for: None when empty, a tuple of text for lists."""
    value = _python(value)
    if _missing(value):
        return None
    if kind in ("ids", "texts"):
        if isinstance(value, str):
            items: Iterable[object] = value.split(",")
        elif isinstance(value, (list, tuple)):
            items = value
        else:
            items = [value]
        found = tuple(text for text in (_norm("text", item) for item in items) if text)
        return found or None
    if isinstance(value, bool):
        return "true" if value else "false"
    if kind == "wait" and str(value).strip().lower() in ("true", "false"):
        return str(value).strip().lower()
    if kind == "number":
        if isinstance(value, float) and value.is_integer():
            return int(value)
        if isinstance(value, (int, float)):
            return value
        text = str(value).strip()
        for number in (int, float):
            try:
                return number(text)
            except ValueError:
                pass
        return text or None
    if isinstance(value, (dict, set)):
        raise EditError(f"a table cell cannot hold a {type(value).__name__}")
    return str(value).strip() or None


def _spec(kind: str, value: object) -> object:
    """The value to write for a normalised cell (see :mod:`blueprint.edit.quoting`)."""
    if value is None:
        return None
    if kind in ("ids", "texts"):
        return [str(item) for item in value]
    if kind == "duration":
        return Plain(value)
    if kind == "wait":
        return {"true": True, "false": False}.get(str(value).lower(), Plain(value))
    return value


def _valid_id(value: object) -> bool:
    return isinstance(value, str) and bool(value) and not any(ch.isspace() for ch in value)


# -- reading the file -----------------------------------------------------------------------------

@dataclass
class _Table:
    """One table of one parse: the list node (None when the file has none) and its items."""

    name: str
    seq: yaml.SequenceNode | None
    items: list[Node] = field(default_factory=list)


def _open(text: str) -> Document:
    """Parse text the loader can load; anything else is an :class:`EditError`."""
    if not isinstance(text, str):
        raise EditError(f"expected the YAML text as str, not {type(text).__name__}")
    try:
        loads(text, "<edit>")
    except BlueprintError as exc:
        raise EditError(f"the text cannot be edited as tables until it loads: {exc.message} "
                        f"(line {exc.pos.line}, column {exc.pos.column})") from None
    return Document(text)


def _table(doc: Document, name: str) -> _Table:
    if name not in TABLES:
        raise EditError(f"unknown table '{name}': one of {', '.join(TABLES)}{did_you_mean(name, TABLES)}")
    entry = doc.entries(doc.root).get(name)
    if entry is None or (is_scalar(entry[1]) and _is_null(entry[1])):
        return _Table(name, None)
    seq = entry[1]
    if not is_seq(seq):
        raise EditError(f"line {seq.start_mark.line + 1}: '{name}' is not a list: fix it in the text first")
    for item in seq.value:
        if not (is_map(item) or (is_scalar(item) and name in ("lanes", "phases"))):
            raise EditError(f"line {item.start_mark.line + 1}: this {_WHAT[name]} is not a mapping: "
                            "fix it in the text first")
    return _Table(name, seq, list(seq.value))


def _is_null(node: Node) -> bool:
    return not node.style and node.value in ("", "~", "null", "Null", "NULL")


def _cell(doc: Document, node: Node | None, kind: str) -> object:
    """A cell as table_rows shows it: the text written in the file, lists as lists."""
    if node is None:
        return [] if kind in ("ids", "texts") else None
    if kind in ("ids", "texts"):
        if is_seq(node):
            return [item.value if is_scalar(item) else _source(doc, item) for item in node.value]
        if is_scalar(node):
            return [] if _is_null(node) else [node.value]
        return [_source(doc, node)]
    if not is_scalar(node):
        return _source(doc, node)
    if _is_null(node):
        return None
    if kind == "number" and not node.style:
        value = _resolve_plain(node.value)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return value
    return node.value


def _source(doc: Document, node: Node) -> str:
    return " ".join(doc.text[node.start_mark.index:doc.content_end(node)].split())


def _rows(doc: Document, table: _Table) -> list[dict[str, object]]:
    if table.seq is None:
        if table.name == "lanes":  # a file without lanes has the four standard ones
            return [_row(table.name, {"id": zone}) for zone in ZONE_NAMES]
        return []
    rows = []
    for item in table.items:
        if is_scalar(item):
            rows.append(_row(table.name, {"id": item.value}))
            continue
        values = doc.merged(item)
        rows.append({column: _cell(doc, values.get(column, (None, None))[0], _KIND[column])
                     for column in COLUMNS[table.name]})
    return rows


def _row(name: str, values: dict[str, object]) -> dict[str, object]:
    return {column: values.get(column, [] if _KIND[column] in ("ids", "texts") else None)
            for column in COLUMNS[name]}


def _normal_row(name: str, row: Mapping[str, Any], base: Mapping[str, object] | None = None) -> dict:
    """A row with every cell normalised; cells the row lacks are taken from ``base`` (or empty)."""
    if not isinstance(row, Mapping):
        raise EditError(f"a table row must be a mapping of column to value, not {type(row).__name__}")
    out = {}
    for column in COLUMNS[name]:
        if column in row:
            out[column] = _norm(_KIND[column], row[column])
        else:
            out[column] = base[column] if base is not None else None
    return out


def table_rows(text: str, table: str) -> list[dict[str, object]]:
    """The rows of one table, for ``st.data_editor``.

    Each row has every column of ``COLUMNS[table]``. Cells are ``str`` (text as written in the
    file, durations too: ``"3min"``; ``wait`` is ``"true"``, ``"false"`` or a duration), ``int``
    for ``emotion``, ``list[str]`` for ``LIST_COLUMNS`` (``[]`` when empty, a single ``next: a`` is
    ``["a"]``), else None. A shorthand lane or phase (``- frontstage``) is a row with its id only;
    a file without ``lanes:`` has the four standard lanes as rows.

    >>> text = "blueprint: 1\\ntitle: t\\nsteps:\\n  - {id: a, lane: customer, label: Hi, next: b}\\n"
    >>> row = table_rows(text, "steps")[0]
    >>> row["id"], row["label"], row["next"], row["emotion"]
    ('a', 'Hi', ['b'], None)

    Raises:
        EditError: the text does not load, or the table's list is not a list of mappings.
    """
    doc = _open(text)
    return _rows(doc, _table(doc, table))


def choices(text: str) -> dict[str, list[str]]:
    """The options of the select-box columns, by column: ``lane``, ``phase``, ``touchpoint``,
    ``kind`` (of a flow), ``zone``, and step ids for ``recovery``, ``from`` and ``to``.

    >>> choices("blueprint: 1\\ntitle: t\\nsteps:\\n  - {id: a, lane: customer, label: A}\\n")["lane"]
    ['customer', 'frontstage', 'backstage', 'support']
    """
    doc = _open(text)
    ids = {name: [str(row["id"]) for row in _rows(doc, _table(doc, name)) if row["id"] is not None]
           for name in ("steps", "lanes", "phases")}
    return {
        "lane": ids["lanes"], "phase": ids["phases"], "touchpoint": list(TOUCHPOINTS),
        "kind": list(FLOW_KINDS), "zone": list(ZONE_NAMES),
        "recovery": ids["steps"], "from": ids["steps"], "to": ids["steps"],
    }


# -- plans ----------------------------------------------------------------------------------------

@dataclass
class _Plan:
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


def _align(name: str, old: list[dict], new_rows: Sequence[Mapping[str, Any]]) -> _Plan:
    """Match the edited rows to the old ones: unchanged runs stay, within a changed run rows pair
    up by id (flows: by from and to), then by position; the rest are deleted or inserted."""
    if isinstance(new_rows, (str, bytes)) or not isinstance(new_rows, Sequence):
        raise EditError("rows must be a list of row mappings")
    new, given = [], []
    for row in new_rows:
        normal = _normal_row(name, row)
        if any(value is not None for value in normal.values()):  # skip the editor's fresh empty row
            new.append(normal)
            given.append(set(row))
    plan = _Plan(name, old)
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

def _final_rows(plan: _Plan, ref_map: dict[str, str], gone: set[str]) -> list[dict[str, object]]:
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


def _check_plan(plan: _Plan, doc: Document) -> tuple[dict[int, tuple[str, str]], set[str]]:
    """Refuse what cannot be written; return the renames (row -> old, new) and the ids deleted."""
    name, what = plan.table, _WHAT[plan.table]
    old = plan.old
    for index, changed in plan.changes.items():
        label = f"{what} '{old[index].get('id') or index + 1}'" if name != "flows" else f"flow {index + 1}"
        for column in _REQUIRED[name]:
            if column in changed and changed[column] is None:
                raise EditError(f"{label}: '{column}' cannot be empty")
    for _anchor, row in plan.inserts:
        missing = [column for column in _REQUIRED[name] if row[column] is None]
        if missing:
            raise EditError(f"new {what}: fill in {', '.join(missing)}")
    renames: dict[int, tuple[str, str]] = {}
    if name == "flows":
        return renames, set()
    final_ids = [plan.changes.get(i, {}).get("id", row["id"])
                 for i, row in enumerate(old) if i not in plan.deletes]
    final_ids += [row["id"] for _anchor, row in plan.inserts]
    touched = [plan.changes[i]["id"] for i in plan.changes if "id" in plan.changes[i]]
    touched += [row["id"] for _anchor, row in plan.inserts]
    for ident in touched:
        if not _valid_id(ident):
            raise EditError(f"'{ident}' is not a valid {what} id: an id is not empty and has no spaces")
        if final_ids.count(ident) > 1:
            raise EditError(f"there is already a {what} '{ident}': ids must be unique")
    for index, changed in plan.changes.items():
        if "id" in changed and old[index]["id"] is not None:
            renames[index] = (old[index]["id"], changed["id"])
    gone = {old[i]["id"] for i in plan.deletes if old[i]["id"] is not None} - set(final_ids)
    if name == "steps" and not final_ids:
        raise EditError("a blueprint needs at least one step: add another step before deleting this one")
    if name == "lanes" and gone:
        steps = _table(doc, "steps")
        for lane in sorted(gone):
            used = [str(_value(doc, item, "id")) for item in steps.items
                    if is_map(item) and _value(doc, item, "lane") == lane]
            if used:
                shown = ", ".join(used[:5]) + (", ..." if len(used) > 5 else "")
                raise EditError(f"lane '{lane}' still has {len(used)} step(s) ({shown}): "
                                "move them to another lane or delete them first")
    return renames, gone


def _value(doc: Document, mapping: Node, key: str) -> str | None:
    node = doc.merged(mapping).get(key, (None, None))[0]
    return node.value if node is not None and is_scalar(node) else None


def _execute(text: str, doc: Document, plan: _Plan) -> str:
    """Carry out a plan in passes (renames, cell changes, deletions, insertions), one parse each,
    then check that the result loads and reads back as the table meant."""
    if plan.empty:
        return text
    name = plan.table
    renames, gone = _check_plan(plan, doc)
    remaining = {row.get("id") for i, row in enumerate(plan.old) if i not in plan.deletes and i not in renames}
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
    absent = _table(doc, name).seq is None
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


def _check_result(text: str, name: str, expected: list[dict]) -> None:
    """Never hand back text that does not load or does not read back as the edited table."""
    try:
        loads(text, "<edit>")
        doc = Document(text)
        got = [_normal_row(name, row) for row in _rows(doc, _table(doc, name))]
    except (BlueprintError, EditError) as exc:
        raise EditError(f"internal error: the edit would break the file ({exc}); nothing was changed") from None
    if got != expected:
        raise EditError(f"internal error: the edited {name} would not read back as typed; nothing was changed")


def _refs(doc: Document, mapping: Node, key: str) -> list[tuple[Node, bool]]:
    """The scalar nodes a key holds (one, or a list's items), each with its flow-ness."""
    node, parent = doc.merged(mapping).get(key, (None, None))
    if node is None:
        return []
    if is_scalar(node):
        return [(node, bool(parent.flow_style))]
    if is_seq(node):
        return [(item, bool(node.flow_style)) for item in node.value if is_scalar(item)]
    return []


def _rename_pass(text: str, name: str, renames: dict[int, tuple[str, str]], ref_map: dict[str, str],
                 absent: bool) -> str:
    doc = Document(text)
    if not absent:
        table = _table(doc, name)
        for index, (_old, new) in renames.items():
            item = table.items[index]
            if is_scalar(item):
                doc.set_scalar(item, new, flow=bool(table.seq.flow_style))
            else:
                doc.set_value(item, "id", new)
    places: list[tuple[str, tuple[str, ...]]] = []  # nothing refers to a standard by its id
    if name == "steps":
        places = [("steps", _STEP_REFS), ("flows", ("from", "to")), ("standards", ("from", "to", "steps"))]
    elif name in _ROW_REF:
        places = [("steps", (_ROW_REF[name],))]
    if ref_map:
        for table_name, keys in places:
            for item in _table(doc, table_name).items:
                if not is_map(item):
                    continue
                for key in keys:
                    for node, flow in _refs(doc, item, key):
                        if node.value in ref_map:
                            doc.set_scalar(node, ref_map[node.value], flow=flow)
    return doc.result()


def _list_hints(doc: Document, table: _Table) -> dict[str, str]:
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
    columns = _WRITE_ORDER[name]
    return columns.index(column) if column in columns else len(columns)


def _set_fields(doc: Document, item: Node, table: _Table, fields: dict[str, object],
                hints: dict[str, str]) -> None:
    """Write changed cells into one item: replace, remove or add keys (added keys go after the
    last key that comes before them in the format's order)."""
    name = table.name
    specs = {column: _spec(_KIND[column], value) for column, value in fields.items()}
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
                raise EditError(f"line {item.start_mark.line + 1}: '{column}' comes from a YAML merge "
                                "(<<) and cannot be removed here: edit it as text")
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
    table = _table(doc, name)
    hints = _list_hints(doc, table)
    for index, fields in changes.items():
        if fields:
            _set_fields(doc, table.items[index], table, fields, hints)
    return doc.result()


def _delete_items(doc: Document, table: _Table, indices: set[int]) -> None:
    if not indices:
        return
    if len(indices) == len(table.items):
        doc.remove_key(doc.root, table.name)
    else:
        doc.delete_items(table.seq, sorted(indices))


def _delete_pass(text: str, name: str, deletes: set[int], gone: set[str]) -> str:
    """Delete rows; references to deleted steps and phases go too (see :mod:`blueprint.edit`)."""
    doc = Document(text)
    table = _table(doc, name)
    _delete_items(doc, table, deletes)
    if not gone:
        return doc.result()
    if name == "phases":
        for item in _table(doc, "steps").items:
            if is_map(item) and _value(doc, item, "phase") in gone:
                _set_fields(doc, item, _table(doc, "steps"), {"phase": None}, {})
    if name == "steps":
        steps_hints = _list_hints(doc, table)
        for index, item in enumerate(table.items):
            if index in deletes or not is_map(item):
                continue
            fields: dict[str, object] = {}
            nexts = [node.value for node, _flow in _refs(doc, item, "next")]
            if any(ident in gone for ident in nexts):
                fields["next"] = tuple(ident for ident in nexts if ident not in gone) or None
            if _value(doc, item, "recovery") in gone:
                fields["recovery"] = None
            if fields:
                _set_fields(doc, item, table, fields, steps_hints)
        flows = _table(doc, "flows")
        _delete_items(doc, flows, {i for i, item in enumerate(flows.items)
                                   if is_map(item) and ({_value(doc, item, "from"), _value(doc, item, "to")} & gone)})
        standards = _table(doc, "standards")
        for item in standards.items:
            ids = [node.value for node, _flow in _refs(doc, item, "steps")]
            kept = tuple(ident for ident in ids if ident not in gone)
            if kept and len(kept) < len(ids):  # a promise is never left without steps: the linter reports it
                _set_fields(doc, item, standards, {"steps": kept}, _list_hints(doc, standards))
    return doc.result()


def _item_value(name: str, row: dict[str, object], only_id_as_scalar: bool) -> object:
    """A new row as the value to write: a mapping of its filled cells in column order, or the bare
    id for a lane or phase with nothing else when its neighbours are written that way."""
    values = {column: _spec(_KIND[column], row[column]) for column in _WRITE_ORDER[name]
              if row[column] is not None}
    if only_id_as_scalar and set(values) == {"id"}:
        return values["id"]
    return values


def _insert_pass(text: str, name: str, plan: _Plan) -> str:
    doc = Document(text)
    table = _table(doc, name)
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
    doc = _open(text)
    old = [_normal_row(table, row) for row in _rows(doc, _table(doc, table))]
    return _execute(text, doc, _align(table, old, rows))


def _index(table: str, old: list[dict], ident: str) -> int:
    for index, row in enumerate(old):
        if row["id"] == ident:
            return index
    ids = [str(row["id"]) for row in old if row["id"] is not None]
    raise EditError(f"there is no {_WHAT[table]} '{ident}'{did_you_mean(ident, ids)}")


def _plan(text: str, table: str) -> tuple[Document, _Plan]:
    doc = _open(text)
    return doc, _Plan(table, [_normal_row(table, row) for row in _rows(doc, _table(doc, table))])


def _rename(text: str, table: str, old: str, new: str) -> str:
    doc, plan = _plan(text, table)
    index = _index(table, plan.old, old)
    if new == old:
        return text
    plan.changes[index] = {"id": _norm("id", new) if isinstance(new, str) else new}
    return _execute(text, doc, plan)


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
    return _rows(doc, _table(doc, "steps"))[_index("steps", plan.old, step_id)]


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
    unknown = [key for key in fields if key not in COLUMNS["steps"]]
    if unknown:
        raise EditError(f"a step has no key '{unknown[0]}'{did_you_mean(unknown[0], COLUMNS['steps'])}")
    doc, plan = _plan(text, "steps")
    index = _index("steps", plan.old, step_id)
    row = plan.old[index]
    changed = {key: _norm(_KIND[key], value) for key, value in fields.items()}
    changed = {key: value for key, value in changed.items() if value != row[key]}
    if changed:
        plan.changes[index] = changed
    return _execute(text, doc, plan)


def _add(text: str, table: str, row: Mapping[str, Any], after: str | None) -> str:
    doc, plan = _plan(text, table)
    unknown = [key for key in row if key not in COLUMNS[table]]
    if unknown:
        raise EditError(f"a {_WHAT[table]} has no key '{unknown[0]}'{did_you_mean(unknown[0], COLUMNS[table])}")
    anchor = _index(table, plan.old, after) if after is not None else len(plan.old) - 1
    plan.inserts.append((anchor, _normal_row(table, row)))
    return _execute(text, doc, plan)


def _delete(text: str, table: str, ident: str) -> str:
    doc, plan = _plan(text, table)
    plan.deletes.add(_index(table, plan.old, ident))
    return _execute(text, doc, plan)


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
