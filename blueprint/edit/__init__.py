"""Edit a blueprint's YAML text from tables and forms, keeping everything else byte for byte.

The Streamlit app shows the file's lists as tables (:func:`table_rows`) and a step's keys in a
form (:func:`step_fields`); the edits go back into the text (:func:`apply_rows`,
:func:`set_step_fields`, the ``rename_*``, ``add_*`` and ``delete_*`` functions). All of them take
the YAML text and return the new text.

How the text is changed: the file is parsed once per step of an edit with the loader's own YAML
reader, which gives every value's span in the text, and only the spans of changed values are
replaced. Nothing is dumped, so comments, blank lines, key order, quoting, flow ``{...}`` or block
style, hand alignment and indentation everywhere else stay exactly as the user wrote them. New keys
go after the last key that comes before them in the format's order; new rows are written like their
neighbours (``- {id: ...}`` or block mappings, blank lines between items if the list has them).
Values are quoted only where YAML needs it (:mod:`blueprint.edit.quoting`). Every result is loaded
again and read back as a table before it is returned: an edit that would break the file raises
:class:`EditError` and the text stays as it was.
"""

from .quoting import EditError
from .tables import (
    COLUMNS,
    LIST_COLUMNS,
    TABLES,
    add_lane,
    add_phase,
    add_step,
    apply_rows,
    choices,
    delete_lane,
    delete_phase,
    delete_step,
    rename_lane,
    rename_phase,
    rename_step,
    set_step_fields,
    step_fields,
    table_rows,
)

__all__ = [
    "EditError", "TABLES", "COLUMNS", "LIST_COLUMNS", "table_rows", "choices", "apply_rows", "step_fields",
    "set_step_fields", "rename_step", "rename_lane", "rename_phase", "add_step", "delete_step",
    "add_lane", "delete_lane", "add_phase", "delete_phase",
]
