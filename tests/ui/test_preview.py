"""The editor's preview after an edit: the edited text's drawing, drawn once, named font once."""

from __future__ import annotations

import json
import re
import threading
import xml.etree.ElementTree as ET

import pytest

import blueprint
from blueprint.render import render
from blueprint.ui import pipeline
from tests.conftest import EXAMPLES
from tests.ui.conftest import draft_text, open_example, type_in_editor

SVG_NS = "{http://www.w3.org/2000/svg}"


def preview_svg(at) -> str:
    """The SVG the editor's preview was given in the last run."""
    return next(json.loads(element.proto.json)["svg"] for element in at.get("bidi_component")
                if "preview" in element.proto.component_name)


def test_an_edit_is_drawn_once_and_shown(app, monkeypatch):
    at = open_example(app)
    drawn = []
    draw = pipeline.svg
    monkeypatch.setattr(pipeline, "svg", lambda loaded: drawn.append(
        (loaded.text, threading.current_thread().name.split("_")[0])) or draw(loaded))
    edited = draft_text(at).replace("label: 进入营业厅", "label: 进入营业厅（预取）", 1)
    type_in_editor(at, edited)
    assert not at.exception, at.exception
    assert draft_text(at) == edited
    assert "进入营业厅（预取）" in preview_svg(at)
    # Started right after the save, in the drawing thread, while the page was built; taken by the
    # preview, not drawn twice.
    assert drawn == [(edited, "blueprint-drawing")]
    type_in_editor(at, edited)  # the same edit again (a rerun): nothing new to draw
    assert len(drawn) == 1


def fonts(svg: str) -> list[tuple[str, str | None]]:
    """Each text and the font it is set in: its own, else the nearest ancestor's."""
    found = []

    def walk(element, inherited):
        font = element.get("font-family", inherited)
        if element.tag == SVG_NS + "text":
            found.append(("".join(element.itertext()), font))
        for child in element:
            walk(child, font)

    walk(ET.fromstring(re.sub(r"^<\?xml[^>]*\?>", "", svg)), None)
    return found


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda path: path.name)
def test_the_preview_names_the_font_once_and_draws_the_same_texts(path):
    svg = render(blueprint.load(path), "svg")
    shown = pipeline.preview_svg(svg)
    assert len(shown) < len(svg)
    assert shown.count("font-family=") == 1
    assert fonts(shown) == fonts(svg)  # the same texts, each in the same font
    assert re.sub(r' font-family="[^"]*"', "", shown) == re.sub(r' font-family="[^"]*"', "", svg)
