"""Text from a blueprint made safe to show in Markdown (titles, labels, descriptions).

Streamlit renders Markdown in titles, captions and labels: a title like ``**x**``,
``[click](javascript:...)``, ``<img src=x>``, ``:red[...]`` or ``$x$`` must show as written, not
as formatting, a link, HTML or a formula.

Escaping cannot stop GitHub-flavoured Markdown from linking a bare ``www.example.com`` or
``a@example.com`` (it finds them in the text after escapes are undone): text that other people see,
such as the names in the Start page's Recent list, is shown with ``st.text``, never as Markdown.
"""

from __future__ import annotations

import string

__all__ = ["md_escape"]

# CommonMark lets a backslash escape any ASCII punctuation character, and then shows it as is.
_ESCAPES = {ord(char): "\\" + char for char in string.punctuation}


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
