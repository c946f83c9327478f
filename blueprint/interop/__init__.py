"""Other tools' formats: BPMN 2.0, Mermaid, draw.io and spreadsheets, one module each.

:func:`export` writes a blueprint in a format of :data:`EXPORT_FORMATS`; :func:`import_file` reads
one of :data:`IMPORT_FORMATS` into a blueprint's YAML. Both say what the other format could not
hold (``Exported.lost``, ``Imported.notes``), as catalogue messages in every language.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from ..model import Blueprint
from ..phrases import say
from .common import MAX_IMPORT_BYTES, Exported, Imported, import_error

__all__ = [
    "EXPORT_FORMATS", "IMPORT_FORMATS", "MAX_IMPORT_BYTES", "Exported", "Imported",
    "detect_format", "export", "import_file",
]

#: Formats a blueprint exports to, in the order menus show them.
EXPORT_FORMATS: tuple[str, ...] = ("bpmn", "mermaid", "mermaid-journey", "drawio", "xlsx", "csv")

#: Formats a blueprint imports from.
IMPORT_FORMATS: tuple[str, ...] = ("xlsx", "csv", "bpmn", "mermaid-journey")

_EXTENSIONS = {
    ".bpmn": "bpmn", ".bpmn2": "bpmn", ".xml": "bpmn", ".mmd": "mermaid-journey", ".mermaid": "mermaid-journey",
    ".md": "mermaid-journey", ".txt": "csv", ".xlsx": "xlsx", ".xlsm": "xlsx", ".csv": "csv", ".tsv": "csv",
}


def export(bp: Blueprint, fmt: str, locale: str | None = None) -> Exported:
    """``bp`` in format ``fmt`` (one of :data:`EXPORT_FORMATS`); ``locale`` for the words it writes."""
    if fmt == "bpmn":
        from .bpmn import export_bpmn

        return export_bpmn(bp, locale)
    if fmt == "mermaid":
        from .mermaid import export_flowchart

        return export_flowchart(bp, locale)
    if fmt == "mermaid-journey":
        from .mermaid import export_journey

        return export_journey(bp, locale)
    if fmt == "drawio":
        from .drawio import export_drawio

        return export_drawio(bp, locale)
    if fmt in ("xlsx", "csv"):
        from .sheet import export_sheet

        return export_sheet(bp, fmt, locale)
    raise ValueError(f"unknown export format {fmt!r} (one of {', '.join(EXPORT_FORMATS)})")


def detect_format(path: str, data: bytes) -> str | None:
    """The import format of a file, from its extension, else from its first bytes; None if unknown.

    >>> detect_format("steps.CSV", b""), detect_format("x", b"<?xml version='1.0'?><definitions/>")
    ('csv', 'bpmn')
    """
    found = _EXTENSIONS.get(os.path.splitext(path)[1].lower())
    if found:
        return found
    head = data[:2048].lstrip(b"\xef\xbb\xbf").lstrip()
    if head.startswith(b"PK\x03\x04"):
        return "xlsx"
    if head.startswith(b"<"):
        return "bpmn"
    if head.startswith((b"journey", b"---")):
        return "mermaid-journey"
    return None


def import_file(data: bytes, path: str, fmt: str | None = None, *, sheet: str | None = None,
                mapping: Mapping[str, str] | None = None, zones: Mapping[str, str] | None = None) -> Imported:
    """A blueprint from ``data`` (the content of the file ``path``) in format ``fmt`` (detected if None).

    ``sheet`` and ``mapping`` (heading -> field) apply to spreadsheets; ``zones`` (lane name -> zone)
    to every format with lanes.

    Raises:
        BlueprintError: When the file cannot be read, with where (``file:line:col``, or sheet, row and column).
    """
    fmt = fmt or detect_format(path, data)
    if fmt in ("xlsx", "csv"):
        from .sheet import import_sheet

        return import_sheet(data, path, sheet=sheet, mapping=mapping, zones=zones)
    if fmt == "bpmn":
        from .bpmn import import_bpmn

        return import_bpmn(data, path, zones=zones)
    if fmt == "mermaid-journey":
        from .mermaid import import_journey

        return import_journey(data, path, zones=zones)
    raise import_error(path, 1, 1, say("interop.unknown-format", formats=", ".join(IMPORT_FORMATS)))
