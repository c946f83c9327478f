"""``st.cache_data`` wrappers over :mod:`blueprint.ui.pipeline`, keyed on the YAML text.

Only what changed is computed again: an edit that changes the text re-lints and re-renders once;
switching pages, the language of the UI or the selected step reuses the cached results. Results
are shared between sessions (the examples' thumbnails are rendered once per server).
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from .. import edit
from ..lint import Finding
from ..render import RenderError, render
from . import pipeline

__all__ = [
    "choices",
    "completions",
    "details",
    "examples",
    "export_file",
    "findings",
    "load_error",
    "summary",
    "svg",
    "table",
    "thumbnail",
    "touchpoints",
]

@st.cache_data(max_entries=64, show_spinner=False)
def findings(text: str) -> list[Finding]:
    """Lint findings in file order, each with its message in both languages (keyed on the text
    alone: a change of language shows the other message, it does not lint again)."""
    return pipeline.findings(text)


@st.cache_data(max_entries=64, show_spinner=False)
def load_error(text: str) -> pipeline.LoadError | None:
    return pipeline.load_text(text).error


@st.cache_data(max_entries=64, show_spinner=False)
def summary(text: str) -> dict:
    return pipeline.summary(text)


@st.cache_data(max_entries=32, show_spinner=False)
def svg(text: str) -> tuple[str | None, str | None]:
    """``(svg, None)``, or ``(None, why)`` when the text does not load or Graphviz fails.

    The defaults of ``blueprint render`` (the file's locale, evidence drawn), so the preview is
    exactly what the command line draws.
    """
    bp = pipeline.load_text(text).blueprint
    if bp is None:
        return None, None
    try:
        return render(bp, "svg"), None
    except RenderError as error:
        return None, str(error)
    except Exception as error:  # noqa: BLE001 - a renderer bug must not take the editor down with it
        return None, f"{type(error).__name__}: {error}"


@st.cache_data(max_entries=16, show_spinner=False)
def touchpoints(text: str, locale: str) -> dict | None:
    return pipeline.touchpoint_report(text, locale)


@st.cache_data(max_entries=32, show_spinner=False)
def table(text: str, name: str) -> tuple[list[dict] | None, edit.EditError | None]:
    """The rows of one table, or ``(None, why)`` when the text cannot be read as tables (``why``
    holds both languages: ``why.text(locale)``)."""
    try:
        return edit.table_rows(text, name), None
    except edit.EditError as error:
        return None, error


@st.cache_data(max_entries=32, show_spinner=False)
def choices(text: str) -> dict[str, list[str]]:
    """The tables' select box options (:func:`blueprint.edit.choices`)."""
    return edit.choices(text)


@st.cache_data(max_entries=32, show_spinner=False)
def completions(text: str) -> dict[str, list[str]]:
    return pipeline.completions(text)


@st.cache_data(max_entries=64, show_spinner=False)
def details(text: str, step_id: str, locale: str) -> dict | None:
    return pipeline.step_details(text, step_id, locale)


@st.cache_data(show_spinner=False)
def examples(directory: str) -> list[pipeline.ExampleInfo]:
    return pipeline.examples(directory)


@st.cache_data(max_entries=32, show_spinner=False)
def thumbnail(path: str) -> str | None:
    """The SVG of an example file, for the gallery (None when it does not render)."""
    content = Path(path).read_text(encoding="utf-8")
    picture_svg, _error = svg(content)
    return pipeline.thumbnail_svg(picture_svg) if picture_svg else None


@st.cache_data(max_entries=16, show_spinner=False)
def export_file(text: str, kind: str, locale: str) -> tuple[bytes, str, str]:
    return pipeline.export_file(text, kind, locale)
