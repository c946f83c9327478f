"""Printed pages are painted, not drawn by Graphviz: each painted page must show what Graphviz draws of
the same page from the same description, text by text and pixel block by pixel block."""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET

import cairocffi as cairo
import numpy as np
import pytest
from generate import generate
from PIL import Image

from blueprint import load, loads
from blueprint.layout import Box
from blueprint.layout.pages import PageSpec, plan_pages
from blueprint.render import draw_pages
from blueprint.render.paint import Painter, UnknownAttribute, fonts
from blueprint.render.press import drawings, page_png, paint_page
from blueprint.render.quote import plain_lines
from blueprint.render.tables import table
from blueprint.render.writer import FONT, GRAPH
from tests.conftest import EXAMPLES

SVG = "{http://www.w3.org/2000/svg}"
DPI = 72
#: A painted text may start this far (page points) from where Graphviz's SVG writes it: Graphviz
#: prints coordinates to a tenth or two; a centred bold Latin line further, as pango kerns it (the
#: painter centres it on the width cairo gives it, which has no kerning).
WITHIN, CENTRED_BOLD_WITHIN = 0.75, 2.0
#: Pixels (0-255 grey) by which a painted page may differ from Graphviz's PNG away from text (glyphs
#: are rasterised differently: pango hints them), on average and in any 16 x 16 block. Measured on
#: these pages: at most 0.05 and 7.4; with arrowheads left out 0.13 and 28, square corners 0.27 and
#: 23, the SVG's dash lengths 0.27 and 14, a tenth of the edges missing 0.26 and 29, every node half
#: a point to the right 0.53 and 16.
MEAN_DIFFERENCE, BLOCK_DIFFERENCE, BLOCK = 0.1, 11.0, 16

PROBLEMS = ("blueprint: 1\ntitle: t\nsteps:\n- {id: a, lane: customer, label: A, next: [b, ghost]}\n"
            "- {id: b, lane: nowhere, label: B}\n- {id: c, lane: frontstage, label: C, next: d}\n"
            "- {id: d, lane: backstage, label: D, fail: down}\n")


def _first_pages(pages):
    """The first sheet's pages: a later part of a tall sheet comes with its running head."""
    return [page for page in pages if page.sheet is pages[0].sheet]


def _cases():
    for path in EXAMPLES:
        yield path.name, _first_pages(plan_pages(load(path), PageSpec("a3")))
    hotel = load(next(path for path in EXAMPLES if path.name == "hotel-stay.en.yaml"))
    yield "plain", _first_pages(plan_pages(hotel, PageSpec("a3"), analysis=False))
    walk = load(next(path for path in EXAMPLES if path.name == "hall-walk.zh.yaml"))
    details = _first_pages(plan_pages(walk, PageSpec("a3"), details=True))
    assert any(card.details for card in details[0].sheet.cards)  # KPIs and notes in small text
    yield "details", details
    problems = plan_pages(loads(PROBLEMS), PageSpec("a4"))
    assert problems[0].sheet.banner is not None
    yield "problems", problems
    yield "generated-300", plan_pages(loads(generate(300)), PageSpec("a3"))[:3]


CASES = list(_cases())


def _svg_texts(svg: str, scale: float) -> list[tuple[float, float, str, float, bool, str, str]]:
    """Each text Graphviz's SVG writes: where on the page (points) its anchor is, what, size, bold,
    colour and anchor (the SVG's own scale is rounded to two places: the page's is exact)."""
    root = ET.fromstring(svg.encode("utf-8"))
    transform = root.find(f"{SVG}g").get("transform")
    tx, ty = map(float, re.search(r"translate\(([-\d.]+) ([-\d.]+)\)", transform).groups())
    return [((float(t.get("x")) + tx) * scale, (float(t.get("y")) + ty) * scale, (t.text or "").replace("\xa0", " "),
             float(t.get("font-size")), t.get("font-weight") == "bold", t.get("fill"), t.get("text-anchor"))
            for t in root.iter(f"{SVG}text")]


def _painted(page, painter, head):
    """Each text the painter draws on the page: (x, y) of its anchor on the page for ``start`` and
    for ``middle``, text, size, bold, colour."""
    texts = []
    paint_page(cairo.Context(cairo.RecordingSurface(cairo.CONTENT_COLOR_ALPHA, None)), page, painter, head, texts)
    s = page.scale
    return [(x * s, (x + fonts().width(text, bold, size) / 2) * s, (y - page.top) * s, text, size, bold, color.lower())
            for x, y, text, size, bold, color in texts]


def _grey(png: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(png)).convert("L"), dtype=np.float32)


def _without_text(difference: np.ndarray, painted, zoom: float, scale: float) -> np.ndarray:
    """The difference with the boxes of the painted texts (checked one by one) left out; ``zoom``
    pixels to a page's point, ``scale`` page points to a sheet's."""
    difference = difference.copy()
    for x, _, y, text, size, bold, _ in painted:
        width, size = fonts().width(text, bold, size) * scale * zoom, size * scale
        top, bottom = int((y - size) * zoom) - 2, int((y + 0.35 * size) * zoom) + 2
        difference[max(0, top):bottom, max(0, int(x * zoom) - 2):int(x * zoom + width) + 3] = 0
    return difference


@pytest.mark.parametrize("name, pages", CASES, ids=[name for name, _ in CASES])
def test_a_painted_page_shows_what_graphviz_draws_of_it(name, pages):
    svgs = draw_pages(pages, "svg")
    pngs = draw_pages(pages, "png", DPI)
    for (page, painter, head), svg, png in zip(drawings(pages), svgs, pngs):
        where = f"{name} page {page.suffix}"
        painted = _painted(page, painter, head)
        theirs = _svg_texts(svg, page.scale)
        # (a) Every text Graphviz writes is painted at its place, in its size, weight and colour;
        # and the painter paints no text Graphviz leaves out.
        assert len(painted) == len(theirs), where
        unmatched = list(painted)
        for x, y, text, size, bold, fill, anchor in theirs:
            within = CENTRED_BOLD_WITHIN if bold and anchor == "middle" else WITHIN
            if anchor == "start" and bold and any("a" <= c.lower() <= "z" for c in text):
                within = CENTRED_BOLD_WITHIN  # a centred table cell writes its line with a start anchor
            same = [mine for mine in unmatched if mine[3] == text and abs(mine[2] - y) <= WITHIN
                    and abs(mine[0 if anchor == "start" else 1] - x) <= within]
            assert same, f"{where}: {text!r} at ({x:.1f}, {y:.1f}) not painted there"
            mine = same[0]
            unmatched.remove(mine)
            assert mine[4:] == (size, bold, fill), f"{where}: {text!r}"
        # (b) The painted PNG is Graphviz's away from text: no element missing or out of place.
        ours, graphviz = _grey(page_png(page, painter, head, DPI)), _grey(png)
        assert ours.shape == graphviz.shape, where
        difference = _without_text(np.abs(ours - graphviz), painted, DPI / 72, page.scale)
        h, w = (d // BLOCK * BLOCK for d in difference.shape)
        blocks = difference[:h, :w].reshape(h // BLOCK, BLOCK, w // BLOCK, BLOCK).mean(axis=(1, 3))
        worst = np.unravel_index(blocks.argmax(), blocks.shape)
        assert difference.mean() <= MEAN_DIFFERENCE, where
        assert blocks.max() <= BLOCK_DIFFERENCE, f"{where}: block at {worst[1] * BLOCK},{worst[0] * BLOCK} px"


def test_the_painter_refuses_what_it_does_not_know():
    grid = plan_pages(loads(PROBLEMS), PageSpec("a4"))[0].sheet
    painter = Painter(grid)
    with pytest.raises(UnknownAttribute, match="peripheries"):
        painter.node(painter.layer(), "x", Box(0, 0, 10, 10), peripheries="2")
    with pytest.raises(UnknownAttribute, match="dir"):
        painter.layer("edge", dir="both")
    with pytest.raises(UnknownAttribute, match="without a width and height"):
        painter.card(painter.layer(), "x", Box(0, 0, 10, 10), "")
    for attrs, message in [({"shape": "hexagon"}, "hexagon"), ({"style": "bold"}, "bold"),
                           ({"fillcolor": "red"}, "red"), ({"fontname": "Arial"}, "Arial"),
                           ({"style": "filled"}, "without a fillcolor"),
                           ({"fillcolor": "#FFFFFF", "label": "plain text"}, "neither a Table nor Plain"),
                           ({"fillcolor": "#FFFFFF", "labelloc": "t"}, "labelloc 't'"),
                           ({"fillcolor": "#FFFFFF", "label": plain_lines(["x"], "right")}, "justify 'right'"),
                           ({"fillcolor": "#FFFFFF", "label": table(["x"], 10, 10, 8, "#000000", "RIGHT")},
                            "ALIGN='RIGHT'")]:
        painter = Painter(grid)
        layer = painter.layer()
        painter.node(layer, "x", Box(0, 0, 10, 10), **attrs)
        with pytest.raises(UnknownAttribute, match=message):
            painter.add(layer)
    assert FONT == "Noto Sans CJK SC"


def test_the_painter_refuses_graph_attributes_it_does_not_draw(monkeypatch):
    grid = plan_pages(loads(PROBLEMS), PageSpec("a4"))[0].sheet
    monkeypatch.setitem(GRAPH, "bgcolor", "black")
    with pytest.raises(UnknownAttribute, match="bgcolor"):
        Painter(grid)


def _fonts_of(pdf: bytes) -> set[str]:
    from pypdf import PdfReader

    names = set()
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for font in page["/Resources"]["/Font"].values():
            names.add(str(font.get_object()["/BaseFont"]).split("+")[-1])
    return names


def test_characters_the_font_lacks_print_in_the_fallback_font_not_as_empty_boxes():
    """Cairo does not fall back as pango does: '✔ 已核验 ☑' is drawn in runs, ✔ and ☑ in DejaVu Sans."""
    from blueprint.render import render

    text = "blueprint: 1\ntitle: t\nsteps:\n- {id: a, lane: customer, label: '%s'}\n"
    assert fonts().runs("✔ 已核验 ☑") == (("✔", True), (" 已核验 ", False), ("☑", True))
    assert fonts().runs("已核验 checked") is None
    checked = _fonts_of(render(loads(text % "✔ 已核验 ☑"), "pdf", page="a4"))
    assert any(name.startswith("DejaVuSans") for name in checked) and any("NotoSansCJK" in n for n in checked)
    plain = _fonts_of(render(loads(text % "已核验 checked"), "pdf", page="a4"))
    assert not any(name.startswith("DejaVuSans") for name in plain)
