"""The blueprint's lists as table rows: the cells ``st.data_editor`` shows, read from the YAML nodes.

A cell is the value as written in the file (durations too), lists are lists of text; cells handed
back by the editor are normalised (:func:`normalize`) before they are compared or written.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import yaml

from ..errors import BlueprintError, hint
from ..loader import FLOW_KINDS, KEYS, TOUCHPOINTS, ZONE_NAMES, loads
from ..phrases import Listed, say
from ..safeyaml import MAX_NUMBER_DIGITS, resolve_plain
from .document import Document, Node, is_map, is_scalar, is_seq
from .quoting import EditError, Plain

__all__ = [
    "TABLES", "COLUMNS", "LIST_COLUMNS", "table_rows", "choices", "Table", "open_text", "read_table",
    "read_rows", "normal_row", "normalize", "to_write", "valid_id", "ref_value", "ref_nodes",
]

#: The tables, each the list of the same name at the top of the file.
TABLES: tuple[str, ...] = ("steps", "lanes", "phases", "flows", "standards")
WHAT = {"steps": "step", "lanes": "lane", "phases": "phase", "flows": "flow", "standards": "standard"}
#: What one row is, in every language (the loader's words for the same objects).
ROW_THING = {table: say(f"thing.{what}") for table, what in WHAT.items()}
#: The columns of each table: the keys format.md allows on its objects, in that order.
#: Columns whose cells are lists of text (``st.column_config.ListColumn``).
LIST_COLUMNS = frozenset({"next", "evidence", "kpis", "notes", "steps"})

# How a cell is read and written: "id" and "text" are text, "ids" and "texts" lists of text,
# "duration" the text as written (plain when YAML reads it as text or a number), "wait" true, false
# or a duration, "number" a whole number (emotion).
KIND = {
    "id": "id", "lane": "id", "phase": "id", "recovery": "id", "from": "id", "to": "id",
    "touchpoint": "text", "kind": "text", "zone": "text", "label": "text", "description": "text",
    "owner": "text", "channel": "text", "fail": "text",
    "next": "ids", "steps": "ids", "evidence": "texts", "kpis": "texts", "notes": "texts",
    "duration": "duration", "max": "duration", "wait": "wait", "emotion": "number",
}
# A table has a column for every key a cell can hold; a mapping (a wait point's ``queue:``) is
# edited in the text, and a table edit leaves it as it is.
COLUMNS: dict[str, tuple[str, ...]] = {table: tuple(key for key in KEYS[WHAT[table]] if key in KIND)
                                       for table in TABLES}
# The order keys are written in, as the examples and templates write them (``next`` last): new
# keys go after the last key that comes before them, new rows list their keys in this order.
WRITE_ORDER = {
    "steps": ("id", "lane", "phase", "label", "description", "owner", "touchpoint", "channel",
              "evidence", "duration", "wait", "fail", "recovery", "emotion", "kpis", "notes", "next"),
    "lanes": ("id", "label", "zone"),
    "phases": ("id", "label"),
    "flows": ("from", "to", "kind", "label"),
    "standards": ("id", "label", "from", "to", "steps", "max"),
}
#: Cells a row cannot do without (the loader reports them missing).
REQUIRED = {"steps": ("id", "lane", "label"), "lanes": ("id",), "phases": ("id",),
             "flows": ("from", "to"), "standards": ("id", "max")}
# Step keys that hold step ids, and which key of a step refers to a lane or a phase.
STEP_REFS = ("next", "recovery")
ROW_REF = {"lanes": "lane", "phases": "phase"}


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


def normalize(kind: str, value: object) -> object:
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
        found = tuple(text for text in (normalize("text", item) for item in items) if text)
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
        if len(text) > MAX_NUMBER_DIGITS and isinstance(resolve_plain(text), str):
            return text  # as the loader reads it: an integer Python could not print stays text
        for number in (int, float):
            try:
                return number(text)
            except ValueError:
                pass
        return text or None
    if isinstance(value, (dict, set)):
        held = type(value).__name__
        raise EditError(say("edit.cell-type", type=held))
    return str(value).strip() or None


def to_write(kind: str, value: object) -> object:
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


def valid_id(value: object) -> bool:
    return isinstance(value, str) and bool(value) and not any(ch.isspace() for ch in value)


# -- reading the file -----------------------------------------------------------------------------

@dataclass
class Table:
    """One table of one parse: the list node (None when the file has none) and its items."""

    name: str
    seq: yaml.SequenceNode | None
    items: list[Node] = field(default_factory=list)


def open_text(text: str) -> Document:
    """Parse text the loader can load; anything else is an :class:`EditError`."""
    if not isinstance(text, str):
        kind = type(text).__name__
        raise EditError(say("edit.text-not-str", type=kind))
    try:
        loads(text, "<edit>")
    except BlueprintError as exc:
        line, column = exc.pos.line, exc.pos.column
        raise EditError(say("edit.does-not-load", why=exc.problem, line=line, column=column)) from None
    return Document(text)


def read_table(doc: Document, name: str) -> Table:
    if name not in TABLES:
        raise EditError(say("edit.unknown-table", table=name, tables=Listed(TABLES), hint=hint(name, TABLES)))
    entry = doc.entries(doc.root).get(name)
    if entry is None or (is_scalar(entry[1]) and _is_null(entry[1])):
        return Table(name, None)
    seq = entry[1]
    if not is_seq(seq):
        line = seq.start_mark.line + 1
        raise EditError(say("edit.not-a-list", line=line, table=name))
    for item in seq.value:
        if not (is_map(item) or (is_scalar(item) and name in ("lanes", "phases"))):
            line = item.start_mark.line + 1
            raise EditError(say("edit.item-not-a-mapping", line=line, what=ROW_THING[name]))
    return Table(name, seq, list(seq.value))


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
        value = resolve_plain(node.value)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return value
    return node.value


def _source(doc: Document, node: Node) -> str:
    return " ".join(doc.text[node.start_mark.index:doc.content_end(node)].split())


def read_rows(doc: Document, table: Table) -> list[dict[str, object]]:
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
        rows.append({column: _cell(doc, values.get(column, (None, None))[0], KIND[column])
                     for column in COLUMNS[table.name]})
    return rows


def _row(name: str, values: dict[str, object]) -> dict[str, object]:
    return {column: values.get(column, [] if KIND[column] in ("ids", "texts") else None)
            for column in COLUMNS[name]}


def normal_row(name: str, row: Mapping[str, Any], base: Mapping[str, object] | None = None) -> dict:
    """A row with every cell normalised; cells the row lacks are taken from ``base`` (or empty)."""
    if not isinstance(row, Mapping):
        kind = type(row).__name__
        raise EditError(say("edit.row-not-a-mapping", type=kind))
    out = {}
    for column in COLUMNS[name]:
        if column in row:
            out[column] = normalize(KIND[column], row[column])
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
    doc = open_text(text)
    return read_rows(doc, read_table(doc, table))


def choices(text: str) -> dict[str, list[str]]:
    """The options of the select-box columns, by column: ``lane``, ``phase``, ``touchpoint``,
    ``kind`` (of a flow), ``zone``, and step ids for ``recovery``, ``from`` and ``to``.

    >>> choices("blueprint: 1\\ntitle: t\\nsteps:\\n  - {id: a, lane: customer, label: A}\\n")["lane"]
    ['customer', 'frontstage', 'backstage', 'support']
    """
    doc = open_text(text)
    ids = {name: [str(row["id"]) for row in read_rows(doc, read_table(doc, name)) if row["id"] is not None]
           for name in ("steps", "lanes", "phases")}
    return {
        "lane": ids["lanes"], "phase": ids["phases"], "touchpoint": list(TOUCHPOINTS),
        "kind": list(FLOW_KINDS), "zone": list(ZONE_NAMES),
        "recovery": ids["steps"], "from": ids["steps"], "to": ids["steps"],
    }


def ref_value(doc: Document, mapping: Node, key: str) -> str | None:
    node = doc.merged(mapping).get(key, (None, None))[0]
    return node.value if node is not None and is_scalar(node) else None


def ref_nodes(doc: Document, mapping: Node, key: str) -> list[tuple[Node, bool]]:
    """The scalar nodes a key holds (one, or a list's items), each with its flow-ness."""
    node, parent = doc.merged(mapping).get(key, (None, None))
    if node is None:
        return []
    if is_scalar(node):
        return [(node, bool(parent.flow_style))]
    if is_seq(node):
        return [(item, bool(node.flow_style)) for item in node.value if is_scalar(item)]
    return []
