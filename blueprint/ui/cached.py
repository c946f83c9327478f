"""The app's one cache: :mod:`blueprint.ui.pipeline`'s results, keyed on the YAML text.

A text is loaded once (:func:`_loaded`, kept as a Streamlit resource and handed to nobody but
the pipeline, whose functions only read it); everything the pages get is a fresh value from
``st.cache_data``, a copy they may change without touching anyone else's. Only what changed is
computed again: an edit that changes the text re-lints and re-renders once; switching pages,
the language of the UI or the selected step reuses the results. Results are shared between
sessions (the examples' thumbnails are rendered once per server).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import streamlit as st

from .. import edit
from ..lint import Finding
from . import pipeline

__all__ = [
    "analysis",
    "choices",
    "comparison",
    "converted",
    "completions",
    "details",
    "examples",
    "export_file",
    "export_name",
    "findings",
    "labels",
    "load_error",
    "marked_svg",
    "prefetch_svg",
    "preview_svg",
    "step_at_line",
    "step_ids",
    "step_line",
    "summary",
    "svg",
    "table",
    "thumbnail",
    "touchpoints",
]


@st.cache_resource(max_entries=16, show_spinner=False)
def _loaded(text: str) -> pipeline.Loaded:
    """The one load of a text, read by the pipeline only (never returned to a page)."""
    return pipeline.load_text(text)


@st.cache_data(max_entries=64, show_spinner=False)
def findings(text: str) -> list[Finding]:
    """Lint findings in file order, each with its message in both languages (keyed on the text
    alone: a change of language shows the other message, it does not lint again)."""
    return pipeline.findings(_loaded(text))


@st.cache_data(max_entries=64, show_spinner=False)
def load_error(text: str) -> pipeline.LoadError | None:
    return _loaded(text).error


@st.cache_data(max_entries=64, show_spinner=False)
def summary(text: str) -> dict:
    return pipeline.summary(_loaded(text))


@st.cache_data(max_entries=32, show_spinner=False)
def svg(text: str) -> tuple[str | None, str | None]:
    """The drawing (:func:`pipeline.svg`), taken from :func:`prefetch_svg` when it started it."""
    with _drawing_lock:
        started = _drawing.pop(text, None)
        _drawn[text] = None
        while len(_drawn) > 32:
            _drawn.popitem(last=False)
    if started is not None and started.cancel():
        started = None  # still waiting behind other sessions' drawings: drawn here, at once
    return started.result() if started is not None else pipeline.svg(_loaded(text))


# Drawings started ahead of the page that shows them, by text: a few, for the latest edits; and
# the texts drawn lately (an undo comes back to one: its drawing is in the cache already).
_drawing: OrderedDict[str, Future] = OrderedDict()
_drawn: OrderedDict[str, None] = OrderedDict()
_drawing_lock = threading.Lock()
_drawer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="blueprint-drawing")


def prefetch_svg(text: str) -> None:
    """Start drawing ``text`` now, in a thread, for :func:`svg` to take later in this run.

    Called right after an edit is saved: Graphviz then draws while the page's other parts (lint,
    findings, the editor) are built, instead of after them. The text is loaded here, in the
    run's thread (the one load the page's other parts share).
    """
    loaded = _loaded(text)
    with _drawing_lock:
        if text in _drawing or text in _drawn:
            return
        _drawing[text] = _drawer.submit(pipeline.svg, loaded)
        while len(_drawing) > 4:  # never taken (a run stopped by the next edit): let it go
            _drawing.popitem(last=False)


@st.cache_data(max_entries=16, show_spinner=False)
def preview_svg(text: str) -> tuple[str | None, str | None]:
    """The drawing as the preview shows it (:func:`pipeline.preview_svg`)."""
    picture, why = svg(text)
    return (pipeline.preview_svg(picture) if picture else picture), why


@st.cache_data(max_entries=64, show_spinner=False)
def marked_svg(text: str, notes: tuple[tuple[str, str, int], ...], heat: tuple[tuple[str, int], ...],
               locale: str) -> tuple[str | None, str | None]:
    """The drawing with a workshop's marks on its cards (:func:`blueprint.render.overlay.overlay`):
    ``notes`` as ``(step or phase, kind, count)``, ``heat`` as ``(step or phase, dots)``."""
    from ..render.overlay import overlay

    picture, why = svg(text)
    if picture is None or not (notes or heat):
        return picture, why
    counts: dict[str, dict[str, int]] = {}
    for target, kind, count in notes:
        counts.setdefault(target, {})[kind] = count
    return overlay(picture, notes=counts, heat=dict(heat), locale=locale), why


@st.cache_data(max_entries=64, show_spinner=False)
def step_at_line(text: str, line: int) -> str | None:
    return pipeline.step_at_line(_loaded(text), line)


@st.cache_data(max_entries=64, show_spinner=False)
def step_line(text: str, step_id: str) -> int | None:
    return pipeline.step_line(_loaded(text), step_id)


@st.cache_data(max_entries=32, show_spinner=False)
def step_ids(text: str) -> list[str]:
    return pipeline.step_ids(_loaded(text))


@st.cache_data(max_entries=32, show_spinner=False)
def labels(text: str, locale: str) -> dict[str, dict[str, str]]:
    return pipeline.labels(_loaded(text), locale)


@st.cache_data(max_entries=16, show_spinner=False)
def touchpoints(text: str, locale: str) -> dict | None:
    return pipeline.touchpoint_report(_loaded(text), locale)


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
    return pipeline.completions(_loaded(text))


@st.cache_data(max_entries=64, show_spinner=False)
def details(text: str, step_id: str, locale: str) -> dict | None:
    return pipeline.step_details(_loaded(text), step_id, locale)


@st.cache_data(show_spinner=False)
def examples(directory: str) -> list[pipeline.ExampleInfo]:
    return pipeline.examples(directory)


@st.cache_data(max_entries=32, show_spinner=False)
def thumbnail(path: str) -> str | None:
    """The SVG of an example file, for the gallery (None when it does not render)."""
    content = Path(path).read_text(encoding="utf-8")
    picture_svg, _error = svg(content)
    return pipeline.thumbnail_svg(picture_svg) if picture_svg else None


@st.cache_data(max_entries=64, show_spinner=False)
def export_name(text: str, kind: str) -> str:
    return pipeline.export_name(_loaded(text), kind)


@st.cache_data(max_entries=16, show_spinner=False)
def export_file(text: str, kind: str, locale: str) -> tuple[bytes, str, str]:
    return pipeline.export_file(_loaded(text), kind, locale)


@st.cache_data(max_entries=32, show_spinner=False)
def analysis(text: str) -> dict | None:
    return pipeline.analysis_report(_loaded(text))


@st.cache_data(max_entries=16, show_spinner=False)
def converted(text: str, fmt: str, locale: str) -> tuple[bytes, str, list[str]] | None:
    return pipeline.converted(_loaded(text), fmt, locale)


@st.cache_data(max_entries=8, show_spinner=False)
def comparison(before: str, after: str, locale: str) -> dict | None:
    """The diff of two texts with both pictures marked (:func:`pipeline.comparison`)."""
    return pipeline.comparison(_loaded(before), _loaded(after), locale)
