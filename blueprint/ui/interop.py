"""The app's side of :mod:`blueprint.interop`: export to other tools, import with a preview.

:func:`export_section` goes on the Export page: pick a format, read what it cannot hold, download.
:func:`import_section` goes on the Start page: upload a step table, BPMN file or Mermaid journey,
check the column mapping and the lanes' zones, see the steps that would be created, then create the
blueprint (nothing is created before that click).
"""

from __future__ import annotations

import re

import streamlit as st

from ..errors import BlueprintError
from ..filenames import safe_filename
from ..interop import EXPORT_FORMATS, MAX_IMPORT_BYTES, detect_format, import_file
from ..interop.sheet import HEADINGS, STEP_COLUMNS, guess_mapping, heading, read_table
from ..loader import loads
from ..model import Zone
from ..words import word
from . import cached, session
from .i18n import t
from .text import md_escape

__all__ = ["IMPORT_TYPES", "export_section", "import_section"]

#: Extensions the import offers (the content decides what is read).
IMPORT_TYPES = ["xlsx", "csv", "tsv", "txt", "bpmn", "xml", "mmd"]

_FIELDS = tuple(dict.fromkeys((*STEP_COLUMNS, "recovery_label", *HEADINGS)))


def _w(key: str, locale: str, **fmt: str) -> str:
    return t(f"interop.{key}", locale, **fmt)


def _format_label(fmt: str, locale: str) -> str:
    return word(f"format.{fmt}", locale)


def export_section(text: str, locale: str) -> None:
    """Choose a format, see what it cannot hold, download the file."""
    st.subheader(_w("export_title", locale), anchor=False)
    st.caption(_w("export_intro", locale))
    fmt = st.selectbox(_w("format", locale), EXPORT_FORMATS, key="bp_interop_format",
                       format_func=lambda f: _format_label(f, locale))
    made = cached.converted(text, fmt, locale)
    if made is None:
        st.warning(_w("broken", locale))
        return
    content, extension, lost = made
    name = safe_filename(cached.summary(text)["title"], extension)
    with st.container(border=True):
        st.code(name, language=None, wrap_lines=True)
        st.markdown(f"**{_w('lost', locale)}**")
        if lost:
            st.markdown("\n".join(f"- {md_escape(item)}" for item in lost))
        else:
            st.caption(_w("nothing_lost", locale))
        st.download_button(_w("download", locale), data=content, file_name=name, key="bp_interop_download",
                           on_click="ignore", icon=":material/download:")


def import_section(locale: str) -> None:
    """Upload a file from another tool, adjust the mapping, preview, then create the blueprint."""
    from .navigation import go
    from .pages.common import uploader_words

    st.markdown(f"**{_w('import_title', locale)}**")
    st.caption(_w("import_help", locale))
    mb = f"{MAX_IMPORT_BYTES / 1024 / 1024:g}"
    uploader_words("bp_import", _w("import_button", locale), _w("import_types", locale, mb=mb))
    upload = st.file_uploader(_w("import_label", locale), type=IMPORT_TYPES, key="bp_import")
    if upload is None:
        return
    data = upload.getvalue()
    fmt = detect_format(upload.name, data)
    if fmt is None:
        st.info(_w("unknown_format", locale))
        fmt = st.selectbox(_w("format", locale), ("xlsx", "csv", "bpmn", "mermaid-journey"),
                           key="bp_import_format", format_func=lambda f: _format_label(f, locale))
    else:
        st.caption(_w("detected", locale, format=_format_label(fmt, locale)))
    zones_key = f"bp_import_zones_{upload.file_id}"
    try:
        sheet, mapping = _sheet_options(data, upload.name, locale) if fmt in ("xlsx", "csv") else (None, None)
        imported = import_file(data, upload.name, fmt, sheet=sheet, mapping=mapping,
                               zones=st.session_state.get(zones_key, {}))
    except BlueprintError as error:
        st.error(_w("failed", locale, name=md_escape(upload.name), message=md_escape(error.problem.describe(locale))))
        return
    zones = _zone_options(imported.data, locale)
    if zones != st.session_state.get(zones_key, {}):
        st.session_state[zones_key] = zones
        imported = import_file(data, upload.name, fmt, sheet=sheet, mapping=mapping, zones=zones)
    _preview(imported, locale)
    if st.button(_w("create", locale), type="primary", key="bp_import_create"):
        st.session_state.pop(zones_key, None)
        session.open_text(imported.yaml, name=re.sub(r"\.[A-Za-z0-9]+$", ".yaml", upload.name))
        go("editor")


def _sheet_options(data: bytes, name: str, locale: str) -> tuple[str | None, dict[str, str]]:
    """The sheet to read and the column mapping, as the user adjusts them."""
    tables = read_table(data, name)
    sheet = None
    if len(tables) > 1:
        sheet = st.selectbox(_w("sheet", locale), [t.sheet for t in tables], key="bp_import_sheet")
    table = next((t for t in tables if t.sheet == sheet), tables[0])
    header = next((row for row in table.rows[:10] if len(guess_mapping(row)) >= 2), table.rows[0] if table.rows else [])
    guessed = guess_mapping(header)
    mapping: dict[str, str] = {}
    options = ("", *_FIELDS)
    with st.expander(_w("mapping", locale)):
        st.caption(_w("mapping_help", locale))
        columns = st.columns(3)
        for index, title in enumerate(header):
            if title is None or not str(title).strip():
                continue
            default = guessed.get(index, "")
            chosen = columns[index % 3].selectbox(
                str(title), options, index=options.index(default), key=f"bp_import_map_{index}",
                format_func=lambda f: _w("not_imported", locale) if not f else heading(f, locale)
                if f in STEP_COLUMNS else f)
            mapping[str(title)] = chosen
    return sheet, mapping  # "" for a column set to "not imported"


def _zone_options(data: dict, locale: str) -> dict[str, str]:
    zones: dict[str, str] = {}
    lanes = data.get("lanes", [])
    if not lanes:
        return zones
    with st.expander(_w("zones", locale)):
        columns = st.columns(3)
        for index, lane in enumerate(lanes):
            name = lane.get("label") or lane["id"]
            values = [zone.value for zone in Zone]
            chosen = columns[index % 3].selectbox(
                name, values, index=values.index(lane["zone"]), key=f"bp_import_zone_{lane['id']}",
                format_func=lambda z: Zone(z).label(locale))
            zones[name] = chosen
    return zones


def _preview(imported, locale: str) -> None:
    data = imported.data
    steps = data.get("steps", [])
    lanes = {lane["id"]: lane for lane in data.get("lanes", [])}
    phases = {phase["id"]: phase.get("label", phase["id"]) for phase in data.get("phases", [])}
    st.markdown(f"**{_w('preview', locale, steps=str(len(steps)), lanes=str(len(lanes)))}**")
    rows = [{
        _w("col_step", locale): step["id"],
        _w("col_label", locale): step["label"],
        _w("col_lane", locale): lanes[step["lane"]].get("label", step["lane"]),
        _w("col_zone", locale): Zone(lanes[step["lane"]]["zone"]).label(locale),
        _w("col_phase", locale): phases.get(step.get("phase"), step.get("phase") or ""),
        _w("col_next", locale): ", ".join(step.get("next", [])),
    } for step in steps]
    st.dataframe(rows, hide_index=True, width="stretch")
    if imported.notes:
        with st.expander(_w("notes", locale), expanded=True):
            st.markdown("\n".join(f"- {md_escape(note.text(locale))}" for note in imported.notes))
    with st.expander(_w("yaml", locale)):
        st.code(imported.yaml, language="yaml")
    problems = loads(imported.yaml, "imported.yaml").problems
    for problem in problems:
        st.warning(md_escape(problem.describe(locale)))
