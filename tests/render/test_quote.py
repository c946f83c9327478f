"""The one escaping module: HTML-like labels, plain labels, SVG text, ids, classes."""

from __future__ import annotations

import subprocess

import graphviz
import pytest

from blueprint.render.quote import (
    css_classes,
    dom_id,
    html_label,
    html_text,
    plain_lines,
    xml_text,
)

HOSTILE = [
    '<script>alert("x")</script>',
    'a"b',
    "x]; y [label=z]",
    "{}",
    "back\\slash \\N \\G \\l \\",
    "<b>bold</b> <br/> <!-- c -->",
    "&amp; &lt; &#60; &",
    "it's",
    "tab\tand\x01control",
    "]]>",
]


@pytest.mark.parametrize("text, expected", [
    ("<b>", "&lt;b&gt;"),
    ('say "hi"', "say &quot;hi&quot;"),
    ("it's", "it&#39;s"),
    ("a & b", "a &amp; b"),
    ("&amp;", "&amp;\u2060amp;"),
    ("]; {}", "]; {}"),
    ("\\N", "\\\\N"),
    ("end\\", "end\\\\"),
    ("nul\x00", "nul\ufffd"),
])
def test_html_text(text, expected):
    assert html_text(text) == expected


@pytest.mark.parametrize("lines, justify, expected", [
    (["a", "b"], "center", "a\\nb\\n"),
    (["a", "b"], "left", "a\\lb\\l"),
    (["\\N"], "center", "\\\\N\\n"),
    (["<b>x</b>"], "left", "<b>x</b>\\l"),
])
def test_plain_lines(lines, justify, expected):
    assert plain_lines(lines, justify) == expected


def test_plain_lines_are_never_taken_for_html_by_the_graphviz_package():
    g = graphviz.Digraph()
    g.node("n", label=plain_lines(["<b>x</b>"]))
    assert 'label="<b>x</b>\\n"' in g.source


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_comes_back_from_graphviz_as_literal_text(text):
    """Both label kinds, through real Graphviz: the SVG shows exactly the text (tab as a space,
    the control character as U+FFFD)."""
    g = graphviz.Digraph()
    g.node("html", label=html_label(html_text(text)))
    g.node("plain", label=plain_lines([text]))
    svg = g.pipe(format="svg", encoding="utf-8")
    import xml.etree.ElementTree as ET

    texts = [t.text for t in ET.fromstring(svg).iter("{http://www.w3.org/2000/svg}text")]
    expected = text.replace("\x01", "\ufffd").replace("\t", " ")
    assert len(texts) == 2
    for shown in texts:
        # Graphviz writes repeated spaces as no-break spaces; the word joiner is invisible.
        assert shown.replace("\xa0", " ").replace("\u2060", "") == expected


def test_dot_with_hostile_text_is_valid_for_graphviz():
    g = graphviz.Digraph()
    for i, text in enumerate(HOSTILE):
        g.node(f"h{i}", label=html_label(html_text(text)))
        g.node(f"p{i}", label=plain_lines([text]))
    result = subprocess.run(["dot", "-Tsvg"], input=g.source.encode(), capture_output=True, check=False)
    assert result.returncode == 0, result.stderr


def test_xml_text_keeps_backslashes():
    assert xml_text('a<b>&"\\N') == "a&lt;b&gt;&amp;&quot;\\N"


@pytest.mark.parametrize("bad", ["Step", "a b", "x;y", 'x"', ""])
def test_css_classes_accept_only_plain_tokens(bad):
    with pytest.raises(ValueError):
        css_classes("step", bad)


@pytest.mark.parametrize("bad", [("step", "a b"), ("x", '"'), ("1",)])
def test_dom_id_accepts_only_safe_ids(bad):
    with pytest.raises(ValueError):
        dom_id(*bad)
