"""Exports a user downloads: the touchpoint inventory as CSV and XLSX, the graph as JSON.

Every function returns the file's content (``bytes`` or ``str``) and writes nothing to disk, so the
app can hand it straight to a download button and tests can read it back.

Spreadsheet safety: a cell whose text starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
return (after any leading spaces) is a formula to Excel and LibreOffice (CSV injection, OWASP). In
CSV such text gets a leading ``'``, as OWASP recommends; in XLSX it is stored as a string cell with
Excel's quote prefix, so the text stays exactly what the user wrote and is never evaluated. Numbers
are never touched: the typed fields (``emotion``, ``duration_min``, counts) are written as numbers,
and text that is a plain decimal number (an owner written ``-1``) is left as it is, since a number
cannot carry a formula. Control characters other than tab, line feed and carriage return are removed
(XLSX cannot hold them and they only hide things in CSV).
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Iterable, Sequence
from typing import Any

import networkx as nx

from .analysis import touchpoints as tp
from .analysis.numbering import graph_numbers
from .graph import graph_to_json
from .model import Zone
from .words import normalize, word

__all__ = [
    "FAIL_POINT_EXPORT_COLUMNS",
    "INVENTORY_EXPORT_COLUMNS",
    "SHEETS",
    "graph_json",
    "guard_cell",
    "inventory_csv",
    "inventory_xlsx",
]

#: Inventory columns written to CSV and XLSX: first the step's number on the picture
#: (:mod:`blueprint.analysis.numbering`); ids of phases and lanes give way to their labels.
INVENTORY_EXPORT_COLUMNS: tuple[str, ...] = ("number", *(
    key for key in tp.INVENTORY_COLUMNS if key not in ("phase", "lane")
))

#: Fail point columns written to XLSX, after the step's number.
FAIL_POINT_EXPORT_COLUMNS: tuple[str, ...] = ("number", *(
    key for key in tp.FAIL_POINT_COLUMNS if key not in ("phase", "lane", "recovery_lane")
))

#: The sheets of the XLSX workbook, in order; their names are the catalogue's ``sheet.<key>`` words
#: (at most 31 characters each).
SHEETS: tuple[str, ...] = ("inventory", "by_kind", "by_channel", "phase_kind", "employees", "equipment",
                           "fail_points")

# ---------------------------------------------------------------------------------------------
# Cells

_FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")
_ILLEGAL_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _looks_like_formula(text: str) -> bool:
    head = text.lstrip(" ")
    return head.startswith(_FORMULA_TRIGGERS) and not _PLAIN_NUMBER.fullmatch(text.strip())


def guard_cell(text: str) -> str:
    """Text made safe for a CSV cell: control characters removed, a formula prefixed with ``'``.

    >>> guard_cell("=cmd|' /C calc'!A0")
    "'=cmd|' /C calc'!A0"
    >>> guard_cell("-1"), guard_cell("-1+1"), guard_cell("迎候问候"), guard_cell("a\\x00b")
    ('-1', "'-1+1", '迎候问候', 'ab')
    """
    text = _ILLEGAL_CONTROLS.sub("", text)
    return f"'{text}" if _looks_like_formula(text) else text


def _display_value(key: str, value: Any, locale: str) -> Any:
    """A row value as it reads in a spreadsheet: words in ``locale``, numbers kept as numbers."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return tp.value_label("yes" if value else "no", locale)
    if key == "kind":
        return tp.kind_label(value, locale)
    if key == "zone":
        return Zone(value).label(locale)
    return value


def _table(rows: Iterable[dict], columns: Sequence[str], locale: str) -> list[list[Any]]:
    return [[_display_value(key, row.get(key), locale) for key in columns] for row in rows]


def _numbered(G: nx.MultiDiGraph, rows: Iterable[dict]) -> list[dict]:
    """``rows`` with the number of their step, the one its card and evidence note show."""
    numbers = graph_numbers(G)
    return [{"number": numbers.get(row["step"]), **row} for row in rows]


def _headings(columns: Sequence[str], locale: str) -> list[str]:
    return [tp.column_label(key, locale) for key in columns]


# ---------------------------------------------------------------------------------------------
# CSV


def inventory_csv(G: nx.MultiDiGraph, locale: str = "en") -> bytes:
    """The touchpoint inventory (:func:`blueprint.analysis.touchpoints.inventory`) as CSV.

    UTF-8 with a byte order mark, so Excel opens Chinese text correctly; comma separated, CRLF line
    ends, headings and words (kinds, zones, yes/no) in ``locale``; columns
    :data:`INVENTORY_EXPORT_COLUMNS`. Text is guarded with :func:`guard_cell`.

    >>> from blueprint import loads
    >>> G = loads("blueprint: 1\\ntitle: t\\nlocale: zh\\nsteps:\\n- {id: a, lane: customer, "
    ...           "label: 进厅, touchpoint: environment, duration: 1}\\n").to_graph()
    >>> data = inventory_csv(G, "zh")
    >>> data[:3] == b"\\xef\\xbb\\xbf", data.decode("utf-8-sig").splitlines()[1]
    (True, '1,a,进厅,,顾客行为,顾客行为,环境,,,,1分钟,1.0,否,,,,,')
    """
    lang = normalize(locale)
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow(_headings(INVENTORY_EXPORT_COLUMNS, lang))
    for line in _table(_numbered(G, tp.inventory(G, lang)), INVENTORY_EXPORT_COLUMNS, lang):
        writer.writerow([guard_cell(value) if isinstance(value, str) else value for value in line])
    return buffer.getvalue().encode("utf-8-sig")


# ---------------------------------------------------------------------------------------------
# XLSX

_MAX_COLUMN_WIDTH = 60


def _display_width(value: Any) -> int:
    """Columns a value takes on screen: wide (CJK) characters count double, the longest line wins."""
    lines = str(value).split("\n") if value is not None else [""]
    return max(
        sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in line) for line in lines
    )


def _write_sheet(workbook: Any, title: str, headings: Sequence[str], lines: Sequence[Sequence[Any]]) -> None:
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    sheet = workbook.create_sheet(title=title)
    bold = Font(bold=True)
    wrap = Alignment(wrap_text=True, vertical="top")
    widths = [_display_width(heading) + 3 for heading in headings]  # room for the filter button
    for column, heading in enumerate(headings, start=1):
        sheet.cell(row=1, column=column, value=heading).font = bold
    for row, line in enumerate(lines, start=2):
        for column, value in enumerate(line, start=1):
            cell = sheet.cell(row=row, column=column)
            if isinstance(value, str):
                text = _ILLEGAL_CONTROLS.sub("", value)
                # Assign then force the string type: openpyxl would take a leading "=" for a formula.
                cell.value = text
                cell.data_type = "s"
                if _looks_like_formula(text):
                    cell.quotePrefix = True  # Excel keeps it text even when the user edits the cell
            else:
                cell.value = value
            width = _display_width(value)
            if width > _MAX_COLUMN_WIDTH or (isinstance(value, str) and "\n" in value):
                cell.alignment = wrap
            widths[column - 1] = max(widths[column - 1], width + 2)
    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = min(width, _MAX_COLUMN_WIDTH)
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(headings))}{max(len(lines) + 1, 1)}"


def inventory_xlsx(G: nx.MultiDiGraph, locale: str = "en") -> bytes:
    """The touchpoint analyses as an Excel workbook, one sheet each, in ``locale``.

    Sheets (:data:`SHEETS`): the inventory, counts by kind, counts by channel, the phase x
    kind matrix with row totals, the employee touchpoints, the equipment touchpoints, the fail
    points. Each sheet has a bold header row frozen above an autofilter, and columns as wide as
    their text (wide CJK characters count double, at most 60). Needs ``openpyxl`` (the ``app``
    extra).

    Raises:
        ImportError: If openpyxl is not installed.
    """
    try:
        from openpyxl import Workbook
    except ImportError as error:  # the core install stays light; the app extra brings openpyxl
        raise ImportError(
            "XLSX export needs openpyxl: pip install 'service-blueprint[app]'"
        ) from error

    lang = normalize(locale)
    workbook = Workbook()
    workbook.remove(workbook.active)
    workbook.properties.title = _ILLEGAL_CONTROLS.sub("", str(G.graph.get("title") or ""))
    workbook.properties.creator = "service-blueprint"

    def title(key: str) -> str:
        return word(f"sheet.{key}", lang)

    inventory = _numbered(G, tp.inventory(G, lang))
    _write_sheet(workbook, title("inventory"), _headings(INVENTORY_EXPORT_COLUMNS, lang),
                 _table(inventory, INVENTORY_EXPORT_COLUMNS, lang))

    counts_headings = _headings(("kind", "count"), lang)
    _write_sheet(workbook, title("by_kind"), counts_headings,
                 [[tp.kind_label(kind, lang), count] for kind, count in tp.by_kind(G).items()])

    channels = tp.by_channel(G)
    _write_sheet(workbook, title("by_channel"), _headings(("channel", "count"), lang),
                 [[tp.kind_label(channel, lang) if channel == tp.UNSPECIFIED else channel, count]
                  for channel, count in channels.items()])

    matrix = tp.phase_kind_matrix(G, lang)
    _write_sheet(
        workbook, title("phase_kind"),
        [tp.column_label("phase_label", lang), *(tp.kind_label(kind, lang) for kind in matrix["columns"]),
         tp.column_label("total", lang)],
        [[row["label"], *line, total]
         for row, line, total in zip(matrix["rows"], matrix["cells"], matrix["row_totals"])],
    )

    employees = {row["step"] for row in tp.employee_touchpoints(G, lang)}
    equipment = {row["step"] for row in tp.equipment_touchpoints(G, lang)}
    for key, steps in (("employees", employees), ("equipment", equipment)):
        chosen = (row for row in inventory if row["step"] in steps)
        _write_sheet(workbook, title(key), _headings(INVENTORY_EXPORT_COLUMNS, lang),
                     _table(chosen, INVENTORY_EXPORT_COLUMNS, lang))

    _write_sheet(workbook, title("fail_points"), _headings(FAIL_POINT_EXPORT_COLUMNS, lang),
                 _table(_numbered(G, tp.fail_points(G)), FAIL_POINT_EXPORT_COLUMNS, lang))

    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


# ---------------------------------------------------------------------------------------------
# JSON


def graph_json(G: nx.MultiDiGraph) -> str:
    """The graph as node-link JSON (see :func:`blueprint.graph.graph_to_json`); each step also
    carries its ``number`` on the picture."""
    numbered = G.copy()
    for node, number in graph_numbers(G).items():
        numbered.nodes[node]["number"] = number
    return graph_to_json(numbered)
