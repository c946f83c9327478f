"""The two custom components (Streamlit Custom Components v2, no iframe): the YAML editor and the preview.

Both are registered once, at import, with their JavaScript and CSS inlined, so the browser never
fetches anything from the internet. CodeMirror 5 (vendored in ``vendor/codemirror``, MIT, 430 KB)
is a component of its own with no data: its element is the same on every rerun, so Streamlit
sends it once and then only its hash (the message cache), while the editor's element, which
changes with every edit, carries just the editor's own code. The wrappers return plain values:
the editor's latest edit, the id of a clicked step.
"""

from __future__ import annotations

from importlib import resources
from typing import Any

import streamlit as st

__all__ = ["CODEMIRROR_KEY", "EDITOR_KEY", "GRID_FOCUS_KEY", "PREVIEW_KEY", "blueprint_preview", "code_editor",
           "grid_focus"]

EDITOR_KEY = "yaml_editor"
PREVIEW_KEY = "blueprint_preview"

_CODEMIRROR_JS = ("codemirror.js", "yaml.js", "show-hint.js", "lint.js", "active-line.js")
_CODEMIRROR_CSS = ("codemirror.css", "show-hint.css", "lint.css")


def _read(relative: str) -> str:
    return resources.files("blueprint.ui").joinpath(relative).read_text(encoding="utf-8")


def _vendor(names: tuple[str, ...]) -> str:
    return "\n;\n".join(_read(f"vendor/codemirror/{name}") for name in names)


# The vendored files are UMD scripts: inside the component's ES module `this` is undefined, so
# CodeMirror takes the browser branch and sets window.CodeMirror, which the addons then use.
# Its styles go to the page (not a shadow root): the editor and its hint boxes use them.
_codemirror = st.components.v2.component(
    "service_blueprint_codemirror",
    css=_vendor(_CODEMIRROR_CSS),
    js=_vendor(_CODEMIRROR_JS) + "\n;\nexport default function () {}\n",
    isolate_styles=False,
)
CODEMIRROR_KEY = "bp_codemirror"

_editor = st.components.v2.component(
    "service_blueprint_editor",
    html='<div class="bp-editor"></div>',
    css=_read("assets/editor.css"),
    js=_read("assets/editor.js"),
    # The editor lives in the page: CodeMirror's hint and tooltip boxes are attached to <body>.
    isolate_styles=False,
)

_preview = st.components.v2.component(
    "service_blueprint_preview",
    # The toolbar and the hint sit in bars of their own, above and below the drawing: never on it.
    html=('<div class="bp-preview"><div class="bp-toolbar"><select class="bp-phase"></select>'
          '<span class="bp-gap"></span><button type="button" data-action="in">+</button>'
          '<button type="button" data-action="out">&minus;</button>'
          '<button type="button" data-action="actual">1:1</button>'
          '<button type="button" data-action="width">&#x2194;</button>'
          '<button type="button" data-action="fit">&#x2922;</button></div>'
          '<div class="bp-canvas"></div><div class="bp-empty"></div>'
          '<div class="bp-hint"></div></div>'),
    css=_read("assets/preview.css"),
    js=_read("assets/preview.js"),
    isolate_styles=True,
)


_grid_focus = st.components.v2.component("service_blueprint_grid_focus", js=_read("assets/grid.js"))
GRID_FOCUS_KEY = "bp_grid_focus"


def grid_focus(reveal: dict | None = None) -> None:
    """Keep the keyboard in a table's open cell editor (see ``assets/grid.js``); shows nothing.

    ``reveal`` (``{"table", "build", "box", "nonce"}``) scrolls that build of the table's grid to
    its last row and gives the keyboard to the first input of the add line ``box``, once per nonce.
    """
    _grid_focus(key=GRID_FOCUS_KEY, data={"reveal": reveal})


def code_editor(text: str, *, draft: str, rev: int, taken: int | None, findings: list[dict],
                completions: dict[str, list[str]], goto: dict | None = None, height: str = "60vh",
                key: str = EDITOR_KEY) -> dict | None:
    """Show the YAML editor; return its latest edit ``{"text", "base", "seq"}`` or None.

    ``draft`` names the document: the browser keeps each draft's text, undo history and cursor
    while the page is open, across reruns, page switches and remounts of the component.
    ``rev`` names the version of ``text`` Python holds: the editor replaces its own text only
    when ``rev`` changes, and tags each edit with the ``rev`` it was made on (``base``).
    ``taken`` is the ``seq`` of the last edit Python took: until it has the editor's last one,
    the editor keeps its text (``text`` was made without it; see ``assets/editor.js``).
    ``findings`` are ``{line, column, level, rule, message}`` dicts shown as gutter markers and
    underlines; ``goto`` (``{line, column, nonce}``) moves the cursor there once per nonce.
    """
    _codemirror(key=CODEMIRROR_KEY)  # before the editor, which waits for window.CodeMirror
    result = _editor(
        key=key,
        data={"draft": draft, "text": text, "rev": rev, "taken": taken, "findings": findings, "completions": completions,
              "goto": goto, "height": height},
        default={"edit": None},
        on_edit_change=_ignore,
    )
    edit = result.edit
    if isinstance(edit, dict) and isinstance(edit.get("text"), str):
        return edit
    return None


def blueprint_preview(svg: str | None, *, labels: dict[str, str], highlight: dict | None = None,
                      empty: str = "", height: str = "65vh", key: str = PREVIEW_KEY) -> str | None:
    """Show the SVG with pan and zoom; return the id of the step clicked in this rerun, or None.

    ``highlight`` (``{"id", "nonce"}``) outlines a step; a new ``nonce`` also brings it into view.
    ``labels`` gives the button titles (``in``, ``out``, ``actual``, ``width``, ``fit``), the phase
    jump list's first line (``phase``) and the ``hint`` line;
    ``empty`` is shown when there is no SVG.
    """
    result = _preview(
        key=key,
        data={"svg": svg, "highlight": highlight, "labels": labels, "empty": empty, "height": height},
        on_clicked_change=_ignore,
    )
    clicked: Any = result.clicked
    return clicked if isinstance(clicked, str) and clicked else None


def _ignore() -> None:
    """Components need a callback per value; the app reads the values from the result instead."""
