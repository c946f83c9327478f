"""The one place where text from a blueprint file is escaped for Graphviz: DOT, HTML-like labels, SVG.

File names are made safe in :mod:`blueprint.filenames`.

Every word a user wrote reaches Graphviz either inside an HTML-like label (``<...>`` in DOT) whose
text is entity-escaped here, or as a plain label whose backslashes are doubled and which the
``graphviz`` package quotes and never reads as HTML. So ``<script>``, quotes, ``]``, ``;``, ``{}``
and backslashes stay plain characters, and Graphviz prints the text escaped again in SVG. Node names, ids and classes are built by the renderer from indexes and fixed
words, never from the file, and go through the ``graphviz`` package's own quoting.
"""

from __future__ import annotations

import functools
import re

from graphviz.quoting import NoHtml

__all__ = [
    "Plain",
    "css_classes",
    "dom_id",
    "html_label",
    "html_text",
    "plain_lines",
    "shown_text",
    "xml_text",
]

# Characters XML 1.0 cannot carry (and Graphviz's HTML parser, expat, rejects): C0 controls except
# tab, line feed and carriage return, lone surrogates, U+FFFE and U+FFFF.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}
_SPECIAL = re.compile("[&<>\"']")
_TOKEN = re.compile(r"[a-z][a-z0-9-]*")
_ID = re.compile(r"[A-Za-z][A-Za-z0-9_-]*")


# Graphviz 2.43 copies text that looks like an XML entity (``&amp;``, ``&#60;``) into SVG as it is,
# so the picture would show ``&`` for a label that says ``&amp;``. An invisible word joiner after
# such an ``&`` keeps it literal: Graphviz escapes it, and nothing shows in any format.
_ENTITY_LIKE = re.compile(r"&(?=#?\w+;)")
_WORD_JOINER = "\u2060"


def _xml_safe(text: str) -> str:
    # Nearly every label is printable through and through (C, so much faster than the search).
    return text if text.isprintable() else _NOT_XML.sub("\ufffd", text)


def _graphviz_safe(text: str) -> str:
    # Line breaks are the renderer's to make (lines come wrapped): tabs and stray breaks are spaces.
    text = _xml_safe(text).replace("\t", " ").replace("\r", " ").replace("\n", " ")
    return _ENTITY_LIKE.sub("&" + _WORD_JOINER, text)


def shown_text(text: object) -> str:
    r"""The characters Graphviz shows of ``text`` in a label (the invisible word joiner left out).

    >>> shown_text("a\tb\n&amp;")
    'a b &amp;'
    """
    return _xml_safe(str(text)).replace("\t", " ").replace("\r", " ").replace("\n", " ")


def html_text(text: object) -> str:
    r"""Text for an HTML-like Graphviz label: entities for ``& < > " '``, backslashes doubled, and
    no characters XML forbids.

    Graphviz reads ``\N`` and ``\G`` (the node's and the graph's name) and ``\\`` even inside
    HTML-like labels, after decoding entities, so a backslash stays literal only when doubled.

    >>> html_text('<script>alert("x")</script> & ]; {}')
    '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; ]; {}'
    >>> print(html_text("a\x00b \\N \\"))
    a�b \\N \\
    """
    escaped = _SPECIAL.sub(lambda m: _ENTITIES[m.group()], _graphviz_safe(str(text)))
    return escaped.replace("\\", "\\\\")


def xml_text(text: object) -> str:
    r"""Text for SVG/XML character data (``<title>``): entities for ``& < > " '``, no characters
    XML forbids; backslashes are plain characters here.

    >>> print(xml_text("a<b>&c \\N"))
    a&lt;b&gt;&amp;c \N
    """
    return _SPECIAL.sub(lambda m: _ENTITIES[m.group()], _xml_safe(str(text)))


def html_label(markup: str) -> str:
    """Mark finished HTML-like ``markup`` as a DOT HTML string (``<...>``) for the graphviz package.

    Only markup built from :func:`html_text` pieces may come here.

    >>> html_label("<B>x</B>")
    '<<B>x</B>>'
    """
    return f"<{markup}>"


class Plain(NoHtml):
    """A plain DOT label (its text for the graphviz package) with the lines Graphviz shows (made
    when the painter first asks: the screen's picture never paints) and how they are justified
    (``center`` or ``left``), for the painter."""

    written: list[str]
    justify: str

    @functools.cached_property
    def lines(self) -> tuple[str, ...]:
        return tuple(shown_text(line) for line in self.written)


def plain_lines(lines: list[str], justify: str = "center") -> str:
    r"""Lines of text as a plain DOT label that can never turn into HTML.

    Backslashes are doubled, so ``\N``, ``\l`` or a final backslash stay literal text; every
    line ends in ``\n`` (centred) or ``\l`` (left-justified), so the label never ends in a
    backslash of its own; the graphviz package then quotes it (``"`` becomes ``\"``).

    >>> print(plain_lines(["a\\N", "<b>"], "left"))
    a\\N\l<b>\l
    >>> isinstance(plain_lines(["x"]), NoHtml)
    True
    """
    end = "\\l" if justify == "left" else "\\n"
    label = Plain("".join(_graphviz_safe(line).replace("\\", "\\\\") + end for line in lines))
    label.written, label.justify = lines, justify
    return label


@functools.lru_cache(maxsize=1024)  # a few dozen class lists, asked for on every node of every sheet
def css_classes(*tokens: str) -> str:
    """A ``class`` attribute value from the renderer's own lower-case tokens (checked, never escaped).

    >>> css_classes("step", "customer")
    'step customer'
    """
    for token in tokens:
        if not _TOKEN.fullmatch(token):
            raise ValueError(f"not a class token: {token!r}")
    return " ".join(tokens)


def dom_id(*parts: object) -> str:
    """An ``id`` (and DOT node name) from the renderer's own words and indexes, e.g. ``step-3``.

    >>> dom_id("step", 3)
    'step-3'
    """
    value = "-".join(map(str, parts))
    if not _ID.fullmatch(value):
        raise ValueError(f"not a safe id: {value!r}")
    return value
