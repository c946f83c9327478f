"""A spreadsheet's sheets as cells (XLSX through openpyxl, CSV in UTF-8 or GB18030), each cell
with its sheet, row and column for messages."""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass
from typing import Any

from ...errors import BlueprintError
from ...export import guard_cell
from ...phrases import Listed, Phrase, say
from ..common import check_size, import_error

__all__ = ["Table", "column_letter", "read_table"]

_MAX_UNCOMPRESSED = 100 * 1024 * 1024  # an XLSX that inflates past this is a zip bomb


@dataclass
class Table:
    """A sheet's cells as read: ``rows[i][j]`` is row ``i + 1``, column ``j + 1``."""

    path: str
    sheet: str | None
    rows: list[list[Any]]
    title: str | None = None

    def where(self, row: int, column: int) -> Phrase:
        """``sheet 'Steps', row 5, column C`` (1-based row and column)."""
        if self.sheet:
            return say("interop.sheet.where", sheet=self.sheet, row=row, column=column_letter(column))
        return say("interop.sheet.where-no-sheet", row=row, column=column_letter(column))

    def error(self, row: int, column: int, problem: Phrase) -> BlueprintError:
        """The error for the cell at ``row``, ``column``: ``problem``, after where the cell is."""
        message = say("interop.sheet.at", where=self.where(row, column), problem=problem)
        return import_error(self.path, row, column, message)


def column_letter(column: int) -> str:
    """A spreadsheet's name of the 1-based ``column`` (CSV needs no openpyxl for it).

    >>> column_letter(1), column_letter(26), column_letter(28)
    ('A', 'Z', 'AB')
    """
    letters = ""
    while column > 0:
        column, rest = divmod(column - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def _decode(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("gb18030", errors="replace")  # GBK and its superset


def _unguard(value: str) -> str:
    """Undo :func:`blueprint.export.guard_cell`'s quote before a formula-like text."""
    if value.startswith("'") and guard_cell(value[1:]) == value:
        return value[1:]
    return value


def read_table(data: bytes, path: str, sheet: str | None = None) -> list[Table]:
    """The sheets of an XLSX file, or the one table of a CSV file, as cell values.

    Raises:
        BlueprintError: If the file is too large, not a spreadsheet, or an XLSX that inflates beyond 100 MB.
    """
    check_size(data, path)
    if data[:4] == b"PK\x03\x04":
        return _read_xlsx(data, path, sheet)
    text = _decode(data)
    if "\x00" in text:
        raise import_error(path, 1, 1, say("interop.sheet.binary"))
    # The separator is the one the heading line uses most (csv.Sniffer also guesses quoting, wrongly
    # for cells that hold quotes).
    first = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=first.count)
    rows = [[_unguard(cell) for cell in row]
            for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)]
    return [Table(path, None, rows)]


def _read_xlsx(data: bytes, path: str, sheet: str | None) -> list[Table]:
    try:
        from openpyxl import load_workbook
    except ImportError as error:
        raise ImportError("XLSX import needs openpyxl: pip install 'service-blueprint[app]'") from error
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            inflated = sum(info.file_size for info in archive.infolist())
    except zipfile.BadZipFile:
        raise import_error(path, 1, 1, say("interop.sheet.broken-zip")) from None
    if inflated > _MAX_UNCOMPRESSED:
        raise import_error(path, 1, 1, say("interop.sheet.inflates", size=inflated // 1024 // 1024))
    try:
        # data_only: a formula cell gives its last computed value, never the formula.
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for files that are not workbooks
        raise import_error(path, 1, 1, say("interop.sheet.unreadable", error=type(error).__name__)) from None
    names = workbook.sheetnames
    if sheet is not None and sheet not in names:
        raise import_error(path, 1, 1, say("interop.sheet.no-sheet", sheet=sheet, sheets=Listed(tuple(names))))
    tables = []
    for name in [sheet] if sheet else names:
        rows = [list(row) for row in workbook[name].iter_rows(values_only=True)]
        tables.append(Table(path, name, rows, workbook.properties.title))
    workbook.close()
    return tables
