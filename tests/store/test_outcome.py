"""A board's outcome as an Excel workbook and as the blueprint with its notes and votes drawn on it,
from real boards on SQLite and PostgreSQL; read back with openpyxl, the SVG parser and pypdf."""

from __future__ import annotations

import io
from collections import Counter
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader

from blueprint import loads
from blueprint.render import render_pages
from blueprint.render.svg import check_svg
from blueprint.store import open_database
from blueprint.store.boards import BoardStore
from blueprint.store.outcome import marks, to_markdown, to_picture, to_xlsx
from blueprint.words import word
from tests.render.helpers import groups, parse

HALL = (Path(__file__).parents[2] / "examples" / "hall-walk.en.yaml").read_text(encoding="utf-8")
HOSTILE = ["=HYPERLINK(\"http://evil\")", "@SUM(A1)", "+1-2", "<b>bold</b> & \"q\"", "-3"]


@pytest.fixture
def workshop(database_url, monkeypatch, tmp_path):
    """A board after a workshop: two participants, notes on steps and a phase, a round on pain
    points and one on steps, actions; its blueprint edited once."""
    monkeypatch.setenv("BLUEPRINT_DATA_DIR", str(tmp_path / "data"))
    boards = BoardStore(open_database(database_url))
    made = boards.create(HALL, title="Hall =workshop")
    ann = boards.join(made.participant_token, "Ann")[1]
    bo = boards.join(made.participant_token, "=Bo")[1]
    phase = loads(HALL).phases[0].id
    pains = [boards.add_note(ann, "enter", "pain", HOSTILE[0]), boards.add_note(bo, "greet", "pain", HOSTILE[1]),
             boards.add_note(bo, "enter", "pain", "long queue")]
    boards.add_note(ann, "enter", "idea", HOSTILE[2])
    boards.add_note(bo, "triage", "question", HOSTILE[3])
    boards.add_note(ann, phase, "positive", HOSTILE[4])
    steps = boards.open_round(made.facilitator_token, "step", dots=2)
    boards.vote(ann, steps, "divert")
    boards.vote(bo, steps, "divert")
    boards.vote(bo, steps, "greet")
    boards.close_round(made.facilitator_token, steps)
    round_id = boards.open_round(made.facilitator_token, "pain", dots=3, allow_stacking=True)
    for token, note in ((ann, pains[0]), (ann, pains[0]), (bo, pains[0]), (bo, pains[1]), (ann, pains[2])):
        boards.vote(token, round_id, str(note))
    boards.add_action(made.facilitator_token, "@door greeter", step="greet", owner="Li", due="2026-12-01")
    boards.add_action(made.facilitator_token, "Fix kiosk", step="enter", owner="Wu", status="in_progress")
    document = boards.board(made.facilitator_token).document
    head = boards.documents.get(document)
    boards.documents.save(document, head.revision, HALL.replace("Enters the hall", "Walks in"), author="Li")
    return boards, made, boards.board_outcome(made.board), {"steps": steps, "pain": round_id, "pains": pains}


def _rows(sheet) -> list[list]:
    return [[cell.value for cell in row] for row in sheet.iter_rows()]


@pytest.mark.parametrize("locale", ["en", "zh"])
def test_the_workbook_holds_every_part_of_the_outcome(workshop, locale):
    boards, made, outcome, ids = workshop
    book = openpyxl.load_workbook(io.BytesIO(to_xlsx(outcome, locale)))
    assert book.sheetnames == [word(f"outcome.{key}", locale)
                               for key in ("ranking", "notes", "actions", "participants", "revisions")]
    ranking, notes, actions, people, revisions = book.worksheets

    head, *rows = _rows(ranking)
    assert head == [word(f"outcome.{key}", locale) for key in ("round", "topic", "place", "item", "dots", "voters")]
    texts = {str(note["id"]): f"{note['step']}: {note['text']}" for note in outcome["notes"]}
    expected = [[found["id"], place, texts.get(entry["item"], entry["item"]) if found["topic"] != "step"
                 else entry["item"], entry["dots"], entry["voters"]]
                for found in outcome["rounds"] for place, entry in enumerate(found["ranking"], 1)]
    assert [[row[0], row[2], row[3], row[4], row[5]] for row in rows] == expected
    assert rows[0][3:5] == ["divert", 2] and rows[-3][3:5] == [f"enter: {HOSTILE[0]}", 3]
    assert {row[1] for row in rows} == {word("outcome.step", locale), word("note-kind.pain", locale)}

    head, *rows = _rows(notes)
    assert len(rows) == len(outcome["notes"]) == 6
    assert [row[0] for row in rows] == sorted(row[0] for row in rows)  # by step
    assert sorted(row[2] for row in rows) == sorted([*HOSTILE, "long queue"])
    assert all(isinstance(row[4], datetime) for row in rows)
    assert word("note-kind.question", locale) in {row[1] for row in rows}
    # What a spreadsheet would run as a formula stays text, and Excel keeps it text when edited;
    # a plain negative number is text too, with nothing to guard.
    for cell in notes["C"][1:]:
        assert cell.data_type == "s"
        assert cell.quotePrefix == (cell.value[:1] in "=+-@" and cell.value != "-3")

    head, *rows = _rows(actions)
    assert [(row[0], row[1], row[2], row[3]) for row in rows] == [
        ("@door greeter", "greet", "Li", datetime(2026, 12, 1)), ("Fix kiosk", "enter", "Wu", None)]
    assert actions["A2"].quotePrefix and actions["A2"].data_type == "s"
    assert rows[1][4] == word("outcome.status.in_progress", locale)

    assert [row[0] for row in _rows(people)[1:]] == ["Ann", "=Bo"] and people["A3"].data_type == "s"
    head, *rows = _rows(revisions)
    assert [row[0] for row in rows] == [revision["id"] for revision in outcome["revisions"]] and len(rows) == 2
    assert rows[1][2] == "Li"


def test_marks_count_notes_per_step_and_dots_of_a_round(workshop):
    boards, made, outcome, ids = workshop
    notes, heat = marks(outcome)
    assert notes == {step: dict(Counter(note["kind"] for note in outcome["notes"] if note["step"] == step))
                     for step in {note["step"] for note in outcome["notes"]}}
    assert notes["enter"] == {"pain": 2, "idea": 1}
    # The latest round is on pain points: a dot on a note heats the note's step.
    assert heat == {"enter": 4, "greet": 1}
    assert marks(outcome, ids["steps"])[1] == {"divert": 2, "greet": 1}
    with pytest.raises(ValueError, match="no vote round"):
        marks(outcome, 999)


def test_the_picture_shows_the_notes_and_votes_on_the_cards(workshop):
    boards, made, outcome, ids = workshop
    text = boards.board_text(made.board)
    assert "Walks in" in text  # the head revision
    svg = to_picture(text, outcome, "svg", "zh")
    check_svg(svg)
    root = parse(svg)
    cards = {group.title: group for group in groups(root, "step")}
    badges = {(group.title.split(": ")[0], next(c for c in group.classes if c.startswith("note-") and c != "note-badge"))
              : group.texts() for group in groups(root, "note-badge")}
    assert badges[("enter", "note-pain")] == ["2"] and badges[("enter", "note-idea")] == ["1"]
    assert badges[("triage", "note-question")] == ["1"]
    assert (loads(HALL).phases[0].id, "note-positive") in badges
    counts = {group.title.split(": ")[0]: group.texts() for group in groups(root, "vote-count")}
    assert counts == {"enter": ["● 4"], "greet": ["● 1"]}
    for step in counts:
        assert next(g for g in groups(root, "vote-count") if g.title.startswith(step)).rect().overlaps(
            cards[step].rect())
    legend = groups(root, "overlay-legend")[0].texts()
    assert word("note-kind.pain", "zh") in legend and word("overlay.votes", "zh") in legend

    step_round = parse(to_picture(text, outcome, "svg", round_id=ids["steps"]))
    assert {group.title.split(": ")[0] for group in groups(step_round, "vote-count")} == {"divert", "greet"}


def test_the_picture_as_pdf_one_page_or_print_sheets(workshop):
    boards, made, outcome, ids = workshop
    text = boards.board_text(made.board)
    pdf = PdfReader(io.BytesIO(to_picture(text, outcome, "pdf")))
    (page,) = pdf.pages
    svg = to_picture(text, outcome, "svg")
    width = float(svg.split('width="')[1].split("pt")[0])
    assert float(page.mediabox.width) == pytest.approx(width, abs=1)
    words = "".join(page.extract_text().split())  # pypdf reads cairo's text without its spaces
    assert "Walksin" in words and "●4" in words and "painpoint" in words
    fonts = {font.get_object()["/BaseFont"] for font in page["/Resources"]["/Font"].values()}
    assert any("NotoSansCJK" in str(font) for font in fonts)  # embedded, as Graphviz's PDFs

    sheets = PdfReader(io.BytesIO(to_picture(text, outcome, "pdf", page="a3")))
    assert len(sheets.pages) == len(render_pages(loads(text), "svg", page="a3")) > 1
    assert {(round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in sheets.pages} <= {
        (842, 1191), (1191, 842)}
    assert "●4" in "".join("".join(p.extract_text().split()) for p in sheets.pages)
    with pytest.raises(ValueError, match="pages"):
        to_picture(text, outcome, "svg", page="a3")


def test_markdown_headings_come_from_the_catalogue(workshop):
    boards, made, outcome, ids = workshop
    for locale in ("en", "zh"):
        markdown = to_markdown(outcome, locale)
        for key in ("ranking", "notes", "actions", "participants", "revisions"):
            assert f"## {word(f'outcome.{key}', locale)}\n" in markdown
        assert f"**{word('note-kind.question', locale)}**" in markdown
        assert word("outcome.status.in_progress", locale) in markdown
    assert date(2026, 12, 1).isoformat() in to_markdown(outcome)
