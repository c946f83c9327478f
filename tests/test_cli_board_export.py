"""``blueprint board export --format xlsx|svg|pdf``: the workbook and the marked picture from the
command line, on SQLite and PostgreSQL; binary output never goes to a terminal; bad options are one line."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader

from blueprint.cli import main
from blueprint.store import open_database
from blueprint.store.boards import BoardStore
from tests.render.helpers import groups, parse
from tests.store import conftest as store_conftest

database_url = store_conftest.database_url
EXAMPLE = Path(__file__).parents[1] / "examples" / "hall-walk.zh.yaml"


@pytest.fixture(autouse=True)
def _data_directory(tmp_path, monkeypatch):
    monkeypatch.setenv("BLUEPRINT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("BLUEPRINT_DATABASE_URL", raising=False)


@pytest.fixture
def board(database_url):
    boards = BoardStore(open_database(database_url))
    made = boards.create(EXAMPLE.read_text(encoding="utf-8"))
    ann = boards.join(made.participant_token, "安")[1]
    note = boards.add_note(ann, "enter", "pain", "=1+1 人太多")
    boards.add_note(ann, "enter", "idea", "门口分流")
    boards.vote(ann, boards.open_round(made.facilitator_token, "pain"), str(note))
    return made.board, database_url


def test_xlsx_svg_and_pdf_to_files_and_svg_to_standard_output(board, tmp_path, capsys):
    board_id, url = board
    book_path, pdf_path = tmp_path / "outcome.xlsx", tmp_path / "outcome.pdf"
    assert main(["board", "export", board_id, "--db", url, "--format", "xlsx", "-o", str(book_path),
                 "--locale", "zh"]) == 0
    book = openpyxl.load_workbook(book_path)
    assert book.sheetnames == ["排名", "按步骤的便签", "行动", "参与者", "修订"]
    assert [cell.value for cell in book["按步骤的便签"][2]][:4] == ["enter", "痛点", "=1+1 人太多", "安"]
    assert book["按步骤的便签"]["C2"].data_type == "s" and book["按步骤的便签"]["C2"].quotePrefix

    assert main(["board", "export", board_id, "--db", url, "--format", "svg"]) == 0
    root = parse(capsys.readouterr().out)
    assert {group.title for group in groups(root, "note-badge")} == {"enter: 1 个痛点", "enter: 1 个想法"}
    assert [group.texts() for group in groups(root, "vote-count")] == [["● 1"]]

    assert main(["board", "export", board_id, "--db", url, "--format", "pdf", "--page", "a4", "-o",
                 str(pdf_path)]) == 0
    assert capsys.readouterr().out == ""
    pages = PdfReader(pdf_path).pages
    assert len(pages) > 1 and "●1" in "".join("".join(page.extract_text().split()) for page in pages)


def test_binary_formats_go_through_a_pipe_but_never_to_a_terminal(board, capsysbinary, monkeypatch):
    board_id, url = board
    assert main(["board", "export", board_id, "--db", url, "--format", "xlsx"]) == 0
    book = openpyxl.load_workbook(io.BytesIO(capsysbinary.readouterr().out))  # piped
    assert book.sheetnames[1] == "Notes by step"
    monkeypatch.setattr("sys.stdout.isatty", lambda: True)
    for fmt in ("xlsx", "pdf"):
        assert main(["board", "export", board_id, "--db", url, "--format", fmt]) == 2
        captured = capsysbinary.readouterr()
        assert captured.out == b"" and captured.err.count(b"\n") == 1 and b"-o FILE" in captured.err


@pytest.mark.parametrize("extra, message", [
    (["--format", "svg", "--page", "a3"], "--page"),
    (["--format", "svg", "--round", "99"], "no vote round 99"),
    (["--format", "pdf", "-o", "no-such-dir/outcome.pdf"], "no-such-dir/outcome.pdf"),
])
def test_bad_export_options_exit_2_with_one_line(board, extra, message, capsys, tmp_path, monkeypatch):
    board_id, url = board
    monkeypatch.chdir(tmp_path)
    assert main(["board", "export", board_id, "--db", url, *extra]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err.count("\n") == 1 and message in captured.err
    assert "Traceback" not in captured.err
