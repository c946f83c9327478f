"""Start: the examples with thumbnails, a new blueprint from a template, an upload, recent drafts."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from ...safeyaml import DEFAULT_LIMITS
from ...templates import starter
from .. import cached, interop, pipeline, recent, session
from ..i18n import LOCALES, t
from ..navigation import go
from ..text import md_escape
from ..view import view
from .common import relative_time, show_notice, translator, uploader_words

__all__ = ["CREATE_KEY", "EXAMPLES_DIR", "NEW_LOCALE_KEY", "NEW_TITLE_KEY", "UPLOAD_KEY", "UPLOAD_TYPES", "example_key",
           "page"]

#: The widget keys of the new-blueprint form and the uploader.
NEW_TITLE_KEY = "bp_new_title"
NEW_LOCALE_KEY = "bp_new_locale"
CREATE_KEY = "bp_create"
UPLOAD_KEY = "bp_upload"

#: The gallery's files: ``examples/`` next to ``app.py``.
EXAMPLES_DIR = Path(__file__).resolve().parents[3] / "examples"
#: The extensions a blueprint has, named on the upload (any file is taken: its content is checked).
UPLOAD_TYPES = ["yaml", "yml", "txt", "json"]
_GALLERY_COLUMNS = 3
_BOX_HEIGHT = 250


def example_key(file_name: str) -> str:
    """The key of an example's Open button (also its CSS class ``st-key-...``, so no dots).

    >>> example_key("hall-walk.zh.yaml")
    'bp_example_hall-walk_zh'
    """
    return "bp_example_" + file_name.removesuffix(".yaml").replace(".", "_")


def page() -> None:
    locale = session.ui_locale()
    tr = translator(locale)
    st.header(tr("start.title"), anchor=False)
    st.caption(tr("start.intro"))
    show_notice(locale)
    new_col, upload_col, recent_col = st.columns(3, gap="medium")
    with new_col, st.container(border=True, height=_BOX_HEIGHT):
        _new_blueprint(locale)
    with upload_col, st.container(border=True, height=_BOX_HEIGHT):
        _upload(locale)
    with recent_col, st.container(border=True, height=_BOX_HEIGHT):
        _recent(locale)
    with st.container(border=True):
        interop.import_section(locale)
    _gallery(locale)


def _new_blueprint(locale: str) -> None:
    tr = translator(locale)
    st.markdown(f"**{tr('start.new')}**")
    title = st.text_input(tr("start.new_title"), placeholder=tr("start.new_title_placeholder"), key=NEW_TITLE_KEY)
    language_col, button_col = st.columns([3, 2], vertical_alignment="bottom")
    language = language_col.segmented_control(
        tr("start.new_language"), options=list(LOCALES), default=locale, key=NEW_LOCALE_KEY,
        format_func=lambda code: t(f"language.{code}", locale),
    )
    if button_col.button(tr("start.create"), type="primary", key=CREATE_KEY, width="stretch"):
        chosen = language if language in LOCALES else locale
        text = starter(chosen, title.strip() or None)
        if session.open_text(text, name=title.strip() or tr("app.untitled")) is not None:
            go("editor")
        st.rerun()


def _upload(locale: str) -> None:
    tr = translator(locale)
    st.markdown(f"**{tr('start.upload')}**")
    limit_mb = DEFAULT_LIMITS.max_bytes / (1024 * 1024)
    uploader_words(UPLOAD_KEY, tr("start.upload_button"),
                   tr("start.upload_types", types=", ".join(UPLOAD_TYPES), mb=f"{limit_mb:g}"))
    # Any file is taken (no ``type=``): Streamlit would refuse a picture with a red icon and an
    # English tooltip; the content is checked here and refused in the UI's words, by name. No
    # ``help=`` either: Streamlit names its icon "Help for ..." in English whatever the language,
    # so the note is said under the drop zone (the limit is in the drop zone's own words).
    upload = st.file_uploader(tr("start.upload_label"), key=UPLOAD_KEY)
    st.caption(tr("start.upload_note"))
    if upload is None:
        return
    done = view().uploads_done
    if upload.file_id in done:
        return
    done.add(upload.file_id)
    result = pipeline.read_upload(upload.getvalue())
    if result.kind is not None:
        view().notice = ("upload_not_text", {"name": upload.name, "kind": tr(f"filekind.{result.kind}")})
        st.rerun()
    if result.text is None:
        error = result.error
        view().notice = ("upload_failed", {
            "name": upload.name, "line": error.line, "column": error.column,
            "message": error.text(locale),
        })
        st.rerun()
    if session.open_text(result.text, name=upload.name) is not None:
        go("editor")
    st.rerun()


def _recent(locale: str) -> None:
    recent.show(locale, relative_time, go)


def _gallery(locale: str) -> None:
    tr = translator(locale)
    st.subheader(tr("start.examples"), anchor=False)
    found = cached.examples(str(EXAMPLES_DIR))
    columns = st.container(key="bp_gallery").columns(_GALLERY_COLUMNS)
    for index, example in enumerate(found):
        with columns[index % _GALLERY_COLUMNS], st.container(border=True):
            picture = cached.thumbnail(example.path)
            if picture:
                st.image(picture, width="stretch")
            st.markdown(f"**{md_escape(example.title)}**")
            st.caption(tr("start.example_meta", steps=example.steps,
                          language=t(f"language.{example.locale}", locale)) + " · " + md_escape(example.description))
            name = Path(example.path).name
            if st.button(tr("start.open_example"), key=example_key(name)):
                # Opening an example again reopens this browser's untouched copy of it.
                if session.open_text(Path(example.path).read_text(encoding="utf-8"), name=name,
                                     source=f"example:{name}") is not None:
                    go("editor")
                st.rerun()
