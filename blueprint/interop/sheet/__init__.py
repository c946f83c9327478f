"""Step tables in spreadsheets: export every step as CSV or XLSX (:mod:`.write`), import steps from a
table (:mod:`.read`, over :mod:`.tables` and :mod:`.columns`).

The step table is the touchpoint inventory's layout (``blueprint.export``: the same columns, headings
and words, in the same order) for every step, followed by the columns the inventory leaves out:
phase and lane ids, ``next``, description, KPIs and notes. So an inventory export imports as it is,
and a step table round-trips everything but flow labels and kinds, extra ``flows:`` and standards.

The import reads XLSX (openpyxl) and CSV (UTF-8 with or without a byte order mark, else GBK/GB18030;
comma, semicolon or tab separated). The heading row is found in the first rows; each heading is
mapped to a step field (:data:`HEADINGS`: the inventory's own headings and common words in Chinese
and English, such as 步骤/环节, 泳道/角色, 阶段, 下一步, 时长, 触点, 失误点), or by a mapping the user
gives. A cell that cannot be read is refused with its sheet, row and column; what the table cannot
say is noted (a lane's zone guessed from its name, rows chained in order when there is no ``next``
column, columns nobody maps).
"""

from __future__ import annotations

from .columns import EXTRA_COLUMNS, HEADINGS, STEP_COLUMNS, guess_mapping, heading
from .read import import_sheet
from .tables import Table, column_letter, read_table
from .write import export_sheet

__all__ = [
    "EXTRA_COLUMNS", "HEADINGS", "STEP_COLUMNS", "Table", "column_letter", "export_sheet", "guess_mapping",
    "heading", "import_sheet", "read_table",
]
