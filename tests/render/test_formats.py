"""PNG and PDF with real CJK glyphs, the DOT format, determinism, and the Python API's types."""

from __future__ import annotations

import io
import re
import struct
import subprocess
from datetime import datetime, timedelta, timezone

import pytest
from PIL import Image

from blueprint import load, loads, render
from blueprint.layout import layout
from blueprint.render import FORMATS, render_layout
from blueprint.render.dot import FONT
from tests.conftest import TEMPLATES

ZH = next(path for path in TEMPLATES if path.name == "starter.zh.yaml")


def test_the_font_in_the_dot_resolves_to_a_cjk_font():
    """fontconfig (which Graphviz's cairo renderer asks) maps the font name to a font with Chinese."""
    found = subprocess.run(["fc-match", "-f", "%{family}\\n%{lang}\\n", FONT], capture_output=True, text=True,
                           check=True)
    family, languages = found.stdout.splitlines()[:2]
    assert "Noto Sans CJK" in family
    assert "zh-cn" in languages.split("|")


def _pdf_fonts(pdf: bytes) -> set[str]:
    return {name.decode() for name in re.findall(rb"/BaseFont\s*/([^\s/<>\[\]]+)", pdf)}


def test_pdf_embeds_only_the_cjk_font_so_no_glyph_is_a_tofu_box():
    pdf = render(load(ZH), "pdf")
    assert pdf.startswith(b"%PDF-")
    fonts = _pdf_fonts(pdf)
    assert fonts, "the PDF has text"
    # Subset names look like ABCDEF+NotoSansCJKsc-Regular; a missing glyph would pull in a fallback font.
    assert all("NotoSansCJK" in name for name in fonts), fonts


def _png_size(png: bytes) -> tuple[int, int]:
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", png[16:24])


def test_png_is_drawn_at_144_dpi():
    bp = load(ZH)
    grid = layout(bp)
    width, height = _png_size(render_layout(grid, "png"))
    assert abs(width - grid.width * 2) <= 2 and abs(height - grid.height * 2) <= 2


def test_png_draws_chinese_as_glyphs_not_boxes():
    """A tofu box is a hollow rectangle; the glyphs of 营业厅 fill their cell quite differently
    from one another. Two different characters must give two different pictures."""
    def ink(label: str) -> bytes:
        bp = loads(f"blueprint: 1\ntitle: x\nsteps:\n- {{id: a, lane: customer, label: {label}}}\n")
        picture = Image.open(io.BytesIO(render(bp, "png", evidence=False))).convert("L")
        card = layout(bp, evidence=False).cards[0].box
        # The first character sits at the card's left padding, in the middle of the card.
        x, y = int((card.x + 7) * 2), int(card.cy * 2)
        return picture.crop((x, y - 12, x + 22, y + 12)).tobytes()

    glyphs = {ch: ink(ch) for ch in "营业厅"}
    assert len(set(glyphs.values())) == 3
    assert all(min(cell) < 100 for cell in glyphs.values()), "the glyphs leave dark ink"
    assert ink("\ue000") not in glyphs.values()  # a private-use character: surely a box or nothing


@pytest.mark.parametrize("format", ["png", "pdf", "svg", "dot"])
def test_the_same_file_gives_the_same_bytes(format, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # a PDF otherwise says when it was made
    assert render(load(ZH), format) == render(load(ZH), format)


def _pdf_dates(pdf: bytes) -> list[datetime]:
    found = re.findall(rb"/(CreationDate|ModDate) \(D:(\d{14})", pdf)
    assert found and found[0][0] == b"CreationDate"
    return [datetime.strptime(stamp.decode(), "%Y%m%d%H%M%S").replace(tzinfo=timezone.utc) for _k, stamp in found]


def test_a_pdf_says_when_it_was_made(monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    before = datetime.now(timezone.utc).replace(microsecond=0) - timedelta(seconds=1)
    pdf = render(load(ZH), "pdf")
    after = datetime.now(timezone.utc) + timedelta(seconds=1)
    assert all(before <= date <= after for date in _pdf_dates(pdf))


def test_a_pdf_made_with_source_date_epoch_carries_that_date(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    pdf = render(load(ZH), "pdf")
    assert set(_pdf_dates(pdf)) == {datetime(2026, 1, 1, tzinfo=timezone.utc)}
    # Offsets stay valid: the cross-reference table still points at each object.
    xref = int(re.findall(rb"startxref\s+(\d+)", pdf)[-1])
    assert pdf[xref:xref + 4] == b"xref"


def test_a_png_says_its_resolution():
    png = render(load(ZH), "png")
    dpi = Image.open(io.BytesIO(png)).info["dpi"]
    assert [round(d) for d in dpi] == [144, 144]
    # The card's pixels are twice its points: the picture is drawn at the resolution it declares.
    bp = load(ZH)
    assert Image.open(io.BytesIO(png)).size[0] == pytest.approx(layout(bp).width * 2, abs=4)


def test_formats_and_types():
    bp = load(ZH)
    assert FORMATS == ("svg", "png", "pdf", "dot")
    assert isinstance(render(bp, "svg"), str) and isinstance(render(bp, "dot"), str)
    assert isinstance(render(bp, "png"), bytes) and isinstance(render(bp, "pdf"), bytes)
    with pytest.raises(ValueError, match="unknown format"):
        render(bp, "gif")


def test_locale_changes_the_pictures_own_words_only():
    bp = load(ZH)
    zh, en = render(bp, "svg"), render(bp, "svg", locale="en")
    assert "互动分界线" in zh and "有形展示" in zh and "line of interaction" not in zh
    assert "line of interaction" in en and "Physical evidence" in en and "互动分界线" not in en
    assert "迎候问候" in en  # the file's own labels stay as written
