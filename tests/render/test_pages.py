"""Print pages: A3, A4 and Letter sheets split by phase, no text under 7 pt, one PDF or a file per page."""

from __future__ import annotations

import io
import re
from collections import Counter

import pytest
from generate import generate, isolated
from pypdf import PdfReader

from blueprint import load, loads
from blueprint.cli import main
from blueprint.layout import layout
from blueprint.layout.place import renumbered as _renumbered
from blueprint.layout.pages import (MIN_TEXT, PAGE_SIZES, PageSpec, head_height, plan_pages, printed_height,
                                    smallest_text)
from blueprint.render import MAX_PIXELS, RenderError, render, render_pages
from tests.conftest import EXAMPLES

A3 = PAGE_SIZES["a3"]
GENERATED = loads(generate(300))


def _cases():
    for path in EXAMPLES:
        yield path.name, load(path)
    yield "generated-300", GENERATED


CASES = list(_cases())


@pytest.mark.parametrize("name, bp", CASES, ids=[name for name, _ in CASES])
def test_at_a3_every_step_is_printed_once_and_no_text_is_under_7_pt(name, bp):
    pages = plan_pages(bp, PageSpec("a3"))
    for page in pages:
        assert (page.width, page.height) in (A3, A3[::-1])
        assert page.scale * smallest_text(page.sheet.style) >= MIN_TEXT - 1e-9
        # The sheet fits the page's width at that scale; a taller one goes on in parts.
        assert page.sheet.width * page.scale <= page.width + 0.5
        assert page.parts * page.height >= printed_height(page.sheet) * page.scale - 0.5
        assert page.sheet.height - printed_height(page.sheet) <= page.sheet.style.margin  # only blank margin is cut
    printed = Counter(card.step.index for page in pages if page.part == 0 for card in page.sheet.cards)
    assert sorted(printed) == [step.index for step in bp.steps if step.lane in {lane.id for lane in bp.lanes}]
    assert set(printed.values()) == {1}
    # Every flow between two sheets is tagged on both: "→ 3" beside its source, "1 →" beside its target.
    sheets = {card.step.id: page.sheet.window.number for page in pages if page.part == 0 for card in page.sheet.cards}
    tags = {(link.card.step.id, link.outgoing, link.sheet) for page in pages if page.part == 0 for link in page.sheet.links}
    for flow in [*bp.flows, *bp.recoveries]:
        a, b = sheets.get(flow.source.id), sheets.get(flow.target.id)
        if a is not None and b is not None and a != b:
            assert (flow.source.id, True, b) in tags and (flow.target.id, False, a) in tags


def test_sheets_are_cut_between_phases_and_numbered_in_their_titles():
    bp = load(EXAMPLES[0])
    pages = plan_pages(bp, PageSpec("a4", orientation="portrait"))
    count = pages[-1].sheet.window.count
    assert count > 1
    sheets_of: dict[str, set[int]] = {}
    for page in pages:
        window = page.sheet.window
        assert page.sheet.title.endswith(f"({window.number}/{count})")
        assert (page.width, page.height) == PAGE_SIZES["a4"]
        for band in page.sheet.phases:
            if band.phase is not None:
                sheets_of.setdefault(band.phase.id, set()).add(window.number)
    # A phase is cut only when it is wider than a sheet may be (in the grid the print chose).
    whole = layout(bp, stack=pages[0].sheet.stacks)
    widest = PAGE_SIZES["a4"][0] / (MIN_TEXT / smallest_text(whole.style))
    for band in whole.phases:
        if band.phase is not None and len(sheets_of[band.phase.id]) > 1:
            assert whole.column_x[0] + band.box.w > widest


def test_a_multi_page_pdf_has_a3_pages_with_the_fonts_embedded(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # the same bytes for the same file
    bp = load(EXAMPLES[0])
    pages = plan_pages(bp, PageSpec("a3", orientation="landscape"))
    reader = PdfReader(io.BytesIO(render(bp, "pdf", page="a3", orientation="landscape")))
    assert len(reader.pages) == len(pages) > 1
    for page in reader.pages:
        assert [round(float(v)) for v in page.mediabox] == [0, 0, 1191, 842]
        fonts = page["/Resources"]["/Font"]
        for font in fonts.values():
            descendant = font.get_object()
            if "/DescendantFonts" in descendant:
                descendant = descendant["/DescendantFonts"][0].get_object()
            descriptor = descendant["/FontDescriptor"].get_object()
            assert any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))
    assert render(bp, "pdf", page="a3", orientation="landscape") == reader.stream.getvalue()  # same bytes again


def test_the_cli_writes_one_svg_per_page_into_a_directory_and_refuses_one_file(tmp_path, capsys):
    path = EXAMPLES[0]
    pages = plan_pages(load(path), PageSpec("a3", orientation="portrait"))
    assert main(["render", str(path), "--page", "a3", "--orientation", "portrait", "-f", "svg",
                 "-o", f"{tmp_path}/out/"]) == 0
    written = sorted((tmp_path / "out").iterdir())
    assert [p.name for p in written] == sorted(f"{path.name[:-5]}-{page.suffix}.svg" for page in pages)
    links = 0
    for svg in written:
        text = svg.read_text(encoding="utf-8")
        assert re.search(r'<svg width="842pt" height="1191pt"', text)
        links += len(re.findall(r'class="node sheet-link"', text))
    assert links == sum(len(page.sheet.links) for page in pages if page.part == 0)  # a tag prints on one part
    assert main(["render", str(path), "--page", "a3", "-f", "png", "-o", str(tmp_path / "one.png")]) == 2
    assert "-o DIR/" in capsys.readouterr().err


def test_fit_width_fills_the_page_width_and_a_small_blueprint_is_enlarged():
    small = loads("blueprint: 1\ntitle: t\nsteps:\n- {id: a, lane: customer, label: A, next: b}\n"
                  "- {id: b, lane: frontstage, label: B}\n")
    (page,) = plan_pages(small, PageSpec("a4", orientation="landscape"))
    assert page.scale == pytest.approx(min(page.width / page.sheet.width, page.height / page.sheet.height, 2))
    assert page.scale > 1
    wide = plan_pages(small, PageSpec("a4", orientation="landscape", fit="width"))
    assert wide[0].scale == pytest.approx(min(page.width / page.sheet.width, 2))
    assert wide[0].scale > page.scale
    assert len(wide) == wide[0].parts > 1  # what does not fit the height goes on the next page
    ((_, data),) = render_pages(small, "png", page="a4", orientation="landscape", dpi=72)
    assert data[16:24] == (842).to_bytes(4, "big") + (595).to_bytes(4, "big")


def test_a_png_too_large_for_graphviz_is_refused_not_shrunk():
    assert layout(GENERATED).width * 144 / 72 > MAX_PIXELS
    with pytest.raises(RenderError, match="--page a3"):
        render(GENERATED, "png")


# ------------------------------------------------------------------------------------------------
# Pages are drawn by one Graphviz process per run of pages; the drawings are the ones a process per
# page makes, and the choice of orientation is the one laying out both would make.

def _one_by_one(pages, format):
    from blueprint.render import draw_pages
    return [draw_pages([page], format, 72)[0] for page in pages]


def test_pages_drawn_together_are_the_pages_drawn_one_by_one():
    bp = load(EXAMPLES[0])
    drawn = render_pages(bp, "svg", page="a4")
    assert len(drawn) > 2
    assert [svg for _, svg in drawn] == _one_by_one([page for page, _ in drawn], "svg")
    pdfs = render_pages(bp, "pdf", page="a4")
    assert [len(PdfReader(io.BytesIO(pdf)).pages) for _, pdf in pdfs] == [1] * len(drawn)
    pngs = render_pages(bp, "png", page="a4", dpi=30)
    assert all(png.startswith(b"\x89PNG\r\n\x1a\n") and png.count(b"IEND") == 1 for _, png in pngs)


def test_graphviz_draws_pages_as_svg_dot_or_png_only_pdf_pages_are_painted():
    from blueprint.render import draw_pages
    pages = plan_pages(load(EXAMPLES[0]), PageSpec("a4"))[:2]
    with pytest.raises(ValueError, match="svg, dot or png, not 'pdf'"):
        draw_pages(pages, "pdf")


def test_a_label_that_reads_like_the_start_of_a_document_does_not_cut_a_drawing():
    bp = loads("blueprint: 1\ntitle: t\nphases: [{id: a}, {id: b}]\nsteps:\n"
               + "".join(f"- {{id: s{i}, lane: customer, phase: {'a' if i < 20 else 'b'}, "
                         f"label: '<?xml %PDF- {i}'}}\n" for i in range(40)))
    drawn = render_pages(bp, "svg", page="a4")
    assert len(drawn) > 1
    assert [svg for _, svg in drawn] == _one_by_one([page for page, _ in drawn], "svg")
    assert all(svg.count("<svg") == 1 for _, svg in drawn)
    assert all("&lt;?xml" in svg for page, svg in drawn if page.part == 0)  # a lower part may hold no card


@pytest.mark.parametrize("size", ["a3", "a4"])
def test_the_orientation_with_fewer_pages_is_chosen_landscape_on_a_tie(size):
    for _, bp in CASES[:4]:
        chosen = plan_pages(bp, PageSpec(size))
        counts = {o: len(plan_pages(bp, PageSpec(size, o))) for o in ("landscape", "portrait")}
        landscape = chosen[0].width > chosen[0].height
        assert len(chosen) == min(counts.values())
        assert landscape == (counts["landscape"] <= counts["portrait"])


# ------------------------------------------------------------------------------------------------
# A printed PDF is painted page by page into one document: each page shows its own sheet only, and
# the fonts are embedded once.

def test_a_printed_page_carries_its_own_sheet_only():
    pages = plan_pages(GENERATED, PageSpec("a3"))
    reader = PdfReader(io.BytesIO(render(GENERATED, "pdf", page="a3")))
    assert len(reader.pages) == len(pages) > 20
    sizes = []
    for page, printed in zip(pages, reader.pages):
        # The title "... (3/45)": on a narrow sheet the title gives way, never the sheet's number.
        # A sheet taller than the page prints in parts, each part under a head with the number too.
        titles = re.findall(r" \((\d+)/%d\)" % len(set(p.sheet.window.number for p in pages)),
                            printed.extract_text())
        assert set(titles) == {str(page.sheet.window.number)}
        assert len(titles) == 1 or page.part  # a later part: its head, and the title the part before shows
        sizes.append(len(printed.get_contents().get_data()))
    assert max(sizes) < sum(sizes) / 10  # no page holds the drawing of the whole run
    fonts = {font.get_object()["/BaseFont"].split("+")[-1] for page in reader.pages
             for font in page["/Resources"]["/Font"].values()}
    assert fonts == {"NotoSansCJKsc-Regular", "NotoSansCJKsc-Bold"}
    # The fonts are embedded once for the whole document, not once per page.
    embedded = {font.idnum for page in reader.pages for font in page["/Resources"]["/Font"].values()}
    assert len(embedded) == 2


# ------------------------------------------------------------------------------------------------
# A sheet taller than the page prints in parts: each part after the first has a running head with
# the title, the sheet's number and the part, over what the part before already showed.

def _parted(bp, size="a3"):
    pages = plan_pages(bp, PageSpec(size))
    return pages, [page for page in pages if page.parts > 1]


@pytest.mark.parametrize("name, bp", [*CASES, ("tall", None)], ids=[*(name for name, _ in CASES), "tall"])
def test_a_running_head_covers_nothing_the_part_before_did_not_show(name, bp):
    pages, parted = _parted(bp or loads(_tall("en")))
    assert parted or name != "tall"
    for page in parted:
        sheet, scale = page.sheet, page.scale
        head = head_height(sheet.style) if page.part else 0.0
        if page.part:  # the head covers exactly the foot of what the part before showed
            before = pages[pages.index(page) - 1]
            assert abs(before.end - (page.top + head)) < 1e-6
        if page.part == page.parts - 1:
            assert page.top + page.height / scale >= printed_height(sheet) - 1e-6
        else:  # what a part shows ends on the page, at least a quarter of a page under its head
            assert page.top + head + page.height / scale / 4 - 1e-6 <= page.end <= page.top + page.height / scale


@pytest.mark.parametrize("size", ["a3", "a4", "letter"])
@pytest.mark.parametrize("orientation", ["landscape", "portrait"])
def test_a_tall_sheet_is_cut_where_no_card_note_or_label_is_cut_in_two(size, orientation):
    """Parts of a sheet are cut in a gap, so every card, evidence note and flow label is whole on a page."""
    cut_anything = False
    for name, bp in [*CASES, ("tall", loads(_tall("zh")))]:
        pages = plan_pages(bp, PageSpec(size, orientation))
        for page in pages:
            if page.part == page.parts - 1:
                continue
            cut_anything = True
            boxes = [card.box for card in page.sheet.cards] + [note.box for note in page.sheet.evidence]
            boxes += [route.label.box for route in page.sheet.routes if route.label is not None]
            assert not [box for box in boxes if box.y < page.end < box.bottom], (name, page.suffix)
        whole = {card.step.id for page in pages for card in page.sheet.cards
                 if page.top + (head_height(page.sheet.style) if page.part else 0) <= card.box.y
                 and card.box.bottom <= min(page.end, page.top + page.height / page.scale)}
        assert whole == {card.step.id for page in pages for card in page.sheet.cards}, name
    assert cut_anything


def _tall(locale: str) -> str:
    """A blueprint of 14 lanes, every one with a step in every column: taller than an A3 page."""
    zones = ["customer"] * 2 + ["frontstage"] * 5 + ["backstage"] * 4 + ["support"] * 3
    title = "Tall hall: every lane busy" if locale == "en" else "高高的营业厅：每条泳道都忙"
    lines = [f"blueprint: 1\ntitle: '{title}'\nlocale: {locale}\nlanes:"]
    lines += [f"- {{id: l{n}, label: Lane {n}, zone: {zone}}}" for n, zone in enumerate(zones)]
    lines.append("phases: [{id: a, label: First}, {id: b, label: Second}]\nsteps:")
    for column in range(8):
        for n in range(len(zones)):
            after = f"s{column}-{n + 1}" if n + 1 < len(zones) else f"s{column + 1}-0" if column < 7 else None
            lines.append(f"- {{id: s{column}-{n}, lane: l{n}, phase: {'a' if column < 4 else 'b'}, "
                         f"label: Step {column} {n}{', next: ' + after if after else ''}}}")
    return "\n".join(lines) + "\n"


def test_every_part_of_a_tall_sheet_names_its_sheet_and_part():
    bp = loads(_tall("en"))
    pages, parted = _parted(bp)
    assert len(parted) >= 4 and len(pages) > len({id(page.sheet) for page in pages})
    count = pages[-1].sheet.window.count
    drawn = render_pages(bp, "svg", page="a3")
    reader = PdfReader(io.BytesIO(render(bp, "pdf", page="a3")))
    for (page, svg), printed in zip(drawn, reader.pages):
        number = f"({page.sheet.window.number}/{count})"
        text = printed.extract_text()
        assert number in text
        if page.parts > 1 and page.part:
            head = f"{number} · part {page.part + 1} of {page.parts}"
            assert head in svg and 'class="node part-head"' in svg
            assert head in text
            assert bp.title[:12] in text  # the title itself, cut to the page if it must
        else:
            assert "part-head" not in svg
    heads = [svg for page, svg in render_pages(loads(_tall("zh")), "svg", page="a3") if page.part]
    assert heads and all("第 2 部分，共 2 部分" in svg for svg in heads)


# ------------------------------------------------------------------------------------------------
# A sheet is cut at the end of a phase only where it is well filled; else it takes the next
# phase's first columns, so that the pages' width is used.

@pytest.mark.parametrize("name, bp", CASES, ids=[name for name, _ in CASES])
def test_printed_sheets_use_the_page_width(name, bp):
    for orientation in ("portrait", "landscape"):
        pages = plan_pages(bp, PageSpec("a3", orientation))
        sheets = list({id(page.sheet): page.sheet for page in pages}.values())
        for sheet in sheets[:-1]:  # the last one holds what is left
            assert sheet.width * pages[0].scale >= 0.7 * pages[0].width, (orientation, sheet.window)


# ------------------------------------------------------------------------------------------------
# Sheets are laid out once: those laid out to choose the orientation are the ones printed, a
# sheet laid out before the cut changed is numbered again rather than laid out again, and what the
# sheets share (the grid, the card texts, the analysis) makes no sheet differ from the same sheet
# laid out alone.

@pytest.mark.parametrize("name, bp", CASES, ids=[name for name, _ in CASES])
def test_the_printed_sheets_are_the_sheets_laid_out_alone(name, bp):
    for size in ("a3", "a4"):
        pages = plan_pages(bp, PageSpec(size))
        each = {o: plan_pages(bp, PageSpec(size, o)) for o in ("landscape", "portrait")}
        assert len(pages) == min(len(each["landscape"]), len(each["portrait"]))
        chosen = each["landscape"] if pages[0].width > pages[0].height else each["portrait"]
        assert [(p.part, p.parts, p.scale, p.width, p.height) for p in pages] == \
               [(p.part, p.parts, p.scale, p.width, p.height) for p in chosen]
        # Compared as text: a recovery link is a new Flow each time it is asked for, equal only to itself.
        sheets = list({id(page.sheet): page.sheet for page in pages}.values())
        assert [repr(sheet) for sheet in sheets] == [repr(page.sheet) for page in chosen if page.part == 0]
        for sheet in sheets if len(sheets) <= 12 else sheets[::4]:
            assert repr(sheet) == repr(layout(bp, window=sheet.window, stack=sheet.stacks))


def test_without_phases_a_sheet_numbered_again_is_the_sheet_laid_out_alone(monkeypatch):
    # One unlabelled band per sheet, the legend under the picture or beside the title as laid out.
    from blueprint.layout import place

    renumbered = []
    monkeypatch.setattr(place, "renumbered", lambda *args: renumbered.append(args[2]) or _renumbered(*args))
    bp = loads(isolated(300))
    pages = plan_pages(bp, PageSpec("a4"))
    assert not bp.phases and renumbered, "the test must see a sheet numbered again"
    for page in pages:
        if page.part == 0:
            assert repr(page.sheet) == repr(layout(bp, window=page.sheet.window, stack=page.sheet.stacks))


@pytest.mark.parametrize("name, bp", CASES[-2:], ids=[name for name, _ in CASES[-2:]])
def test_a_plain_print_shares_the_grid_and_prints_the_plain_sheets(name, bp):
    pages = plan_pages(bp, PageSpec("a3"), analysis=False)
    for page in pages:
        if page.part == 0:
            alone = layout(bp, window=page.sheet.window, stack=page.sheet.stacks, analysis=False)
            assert repr(page.sheet) == repr(alone)
            assert page.sheet.time_row is None and not any(card.exceeded for card in page.sheet.cards)


# ------------------------------------------------------------------------------------------------
# A print is laid out for its pages: a lane with no step on a sheet closes up to its name, and the
# lanes are stacked as far as the page is tall, so the examples print on fewer, fuller pages than
# when every sheet kept the whole picture's rows (46 A3 and 110 A4 pages for the nine), and a tall
# sheet is still cut only where no card is cut in two.

#: At most this many A3 and A4 pages per example (each was 3-6 A3 and 6-15 A4 pages before).
FEWER_PAGES = {
    "bank-branch.zh.yaml": (5, 10), "clinic-visit.en.yaml": (5, 11), "fault-report.zh.yaml": (3, 6),
    "hall-before.zh.yaml": (3, 8), "hall-walk.en.yaml": (5, 12), "hall-walk.zh.yaml": (5, 10),
    "hotel-stay.en.yaml": (5, 10), "parcel-locker.en.yaml": (3, 6), "remote-support.zh.yaml": (5, 10),
}


def test_the_examples_print_on_few_pages():
    counts = {name: (len(plan_pages(bp, PageSpec("a3"))), len(plan_pages(bp, PageSpec("a4"))))
              for name, bp in CASES if name in FEWER_PAGES}
    assert counts.keys() == FEWER_PAGES.keys()
    for name, (a3, a4) in counts.items():
        assert a3 <= FEWER_PAGES[name][0] and a4 <= FEWER_PAGES[name][1], (name, a3, a4)
    assert sum(a3 for a3, _ in counts.values()) <= 39 and sum(a4 for _, a4 in counts.values()) <= 83


@pytest.mark.parametrize("name, bp", CASES, ids=[name for name, _ in CASES])
def test_a_lane_without_a_step_on_a_sheet_is_only_as_tall_as_its_name(name, bp):
    pages = plan_pages(bp, PageSpec("a3"))
    for sheet in {id(page.sheet): page.sheet for page in pages}.values():
        on_sheet = {card.step.lane for card in sheet.cards}
        lh = sheet.style.lh(sheet.style.header_size)
        for band in sheet.lanes:
            if band.lane.id not in on_sheet:
                assert band.box.h <= max(26.0, len(band.lines) * lh + 12) + 1e-6, (band.lane.id, band.box.h)
            else:  # a lane with steps keeps room for its cards
                cards = [card for card in sheet.cards if card.step.lane == band.lane.id]
                assert all(band.box.contains(card.box) for card in cards)


@pytest.mark.parametrize("name", ["hall-walk.zh.yaml", "hotel-stay.en.yaml"])
def test_every_card_on_a_printed_page_can_be_read_there(name):
    bp = next(bp for case, bp in CASES if case == name)
    pages = plan_pages(bp, PageSpec("a3"))
    reader = PdfReader(io.BytesIO(render(bp, "pdf", page="a3")))
    assert len(reader.pages) == len(pages)
    def plain(text: str) -> str:
        # Noto Sans CJK draws "·" and "•" with one glyph, which the PDF names after the first drawn.
        return "".join(text.split()).replace("•", "·")

    read = set()
    for page, printed in zip(pages, reader.pages):
        text = plain(printed.extract_text())
        top = page.top + (head_height(page.sheet.style) if page.part else 0)  # under the running head
        bottom = min(page.end, page.top + page.height / page.scale)  # blank under a part's cut
        for card in page.sheet.cards:
            if card.box.y >= top and card.box.bottom <= bottom:
                for line in [*card.lines, *card.meta]:
                    assert plain(line) in text, (page.suffix, line)
                read.add(card.step.id)
            elif card.box.y >= bottom:  # under the cut: the next part shows it, this one does not
                assert all(plain(line) not in text for line in card.lines if len(plain(line)) > 6), card.step.id
    assert read == {step.id for step in bp.steps}
