"""Text from a blueprint made safe to show in Markdown (titles, labels, descriptions).

Streamlit renders Markdown in titles, captions and labels: a title like ``**x**``,
``[click](javascript:...)``, ``<img src=x>``, ``:red[...]`` or ``$x$`` must show as written, not
as formatting, a link, HTML or a formula.

Escaping cannot stop GitHub-flavoured Markdown from linking a bare ``www.example.com`` or
``a@example.com`` (it finds them in the text after escapes are undone): file names, such as those
in the Start page's Recent list, are shown as HTML text (:func:`plain_html`), never as Markdown.
"""

from __future__ import annotations

import html
import string

__all__ = ["md_escape", "plain_html"]

# CommonMark lets a backslash escape any ASCII punctuation character, and then shows it as is.
_ESCAPES = {ord(char): "\\" + char for char in string.punctuation}


def plain_html(text: object, tag: str = "span", css_class: str = "") -> str:
    """``text`` as one HTML element showing exactly ``text``: no Markdown, so never a link.

    >>> plain_html("www.evil.example <b>", "strong")
    '<strong>www.evil.example &lt;b&gt;</strong>'
    """
    shown = html.escape(" ".join(str(text).split()) if text is not None else "")
    attribute = f' class="{html.escape(css_class)}"' if css_class else ""
    return f"<{tag}{attribute}>{shown}</{tag}>"


def md_escape(text: object) -> str:
    """``text`` as Markdown that shows exactly ``text`` on one line.

    >>> md_escape("**bold** [x](javascript:alert(1)) <b>")
    '\\\\*\\\\*bold\\\\*\\\\* \\\\[x\\\\]\\\\(javascript\\\\:alert\\\\(1\\\\)\\\\) \\\\<b\\\\>'
    >>> md_escape("营业厅\\n入网")
    '营业厅 入网'
    """
    if text is None:
        return ""
    return " ".join(str(text).split()).translate(_ESCAPES)
