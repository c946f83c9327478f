"""Export: the pictures (SVG, PNG, PDF), the YAML, the graph as JSON, the touchpoint inventory."""

from __future__ import annotations

import functools

import streamlit as st

from .. import cached, interop, pipeline
from .common import draft_page, load_error_words, translator

__all__ = ["DEFERRED", "GROUPS", "page"]

#: The downloads, grouped as on the page.
GROUPS: dict[str, tuple[str, ...]] = {
    "pictures": ("svg", "png", "pdf"),
    "data": ("yaml", "json"),
    "inventory": ("csv", "xlsx"),
}
#: The PDF's page sizes (``blueprint render --page``).
PAGE_SIZES = ("none", "a3", "a4", "letter")
#: Made only when clicked (Graphviz or a workbook: slower than the page should wait for).
DEFERRED = frozenset({"png", "pdf", "xlsx"})


@draft_page
def page(text: str, locale: str) -> None:
    tr = translator(locale)
    st.caption(tr("export.intro"))
    error = cached.load_error(text)
    if error is not None:
        st.warning(load_error_words("export.broken", error, locale))
    for group, kinds in GROUPS.items():
        st.subheader(tr(f"export.group_{group}"), anchor=False)
        page_size = "none"
        if group == "pictures":
            page_size = st.selectbox(tr("export.page"), PAGE_SIZES, format_func=lambda p: tr(f"export.page_{p}"),
                                     key="bp_export_page", help=tr("export.page_help"))
        columns = st.columns(3)
        for column, kind in zip(columns, kinds):
            with column, st.container(border=True):
                _download(text, kind, locale, loads=error is None, page_size=page_size)
    interop.export_section(text, locale)


def _download(text: str, kind: str, locale: str, loads: bool, page_size: str = "none") -> None:
    tr = translator(locale)
    name = cached.export_name(text, kind)
    st.markdown(f"**{tr(f'export.{kind}')}**")
    st.caption(tr(f"export.{kind}_help"))
    st.code(name, language=None, wrap_lines=True)
    usable = loads or kind == "yaml"
    mime = pipeline.EXPORT_KINDS[kind][1]
    if not usable:
        data: bytes | object = b""
    elif kind in DEFERRED:
        # Deferred: made in the download request, outside the script run, with the pure function.
        data = functools.partial(_content, text, kind, locale, page_size if kind == "pdf" else "none")
    else:
        data = cached.export_file(text, kind, locale)[0]
    st.download_button(
        tr("export.download"), data=data, file_name=name, mime=mime, key=f"bp_download_{kind}",
        disabled=not usable, on_click="ignore", icon=":material/download:", width="stretch",
    )


def _content(text: str, kind: str, locale: str, page_size: str = "none") -> bytes:
    return pipeline.export_file(pipeline.load_text(text), kind, locale, page_size)[0]
