"""``blueprint board``: create a board from a file and get its links, export its outcome; bad input is one line."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from blueprint.cli import main
from blueprint.store import open_database
from blueprint.store.boards import BoardStore
from tests.store import conftest as store_conftest

#: The storage tests' fixture: each test here runs on SQLite and on PostgreSQL.
database_url = store_conftest.database_url
EXAMPLE = Path(__file__).parents[1] / "examples" / "hall-walk.en.yaml"


@pytest.fixture(autouse=True)
def _data_directory(tmp_path, monkeypatch):
    monkeypatch.setenv("BLUEPRINT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("BLUEPRINT_DATABASE_URL", raising=False)


def created(capsys, *argv):
    assert main(["board", "create", str(EXAMPLE), *argv]) == 0
    return json.loads(capsys.readouterr().out)


def test_create_prints_two_working_links_and_export_gives_the_outcome(database_url, capsys):
    made = created(capsys, "--db", database_url, "--title", "Hall workshop", "--base-url", "https://bp.example.org/",
                   "--format", "json")
    links = {}
    for role in ("facilitator", "participant"):
        parts = urlsplit(made[f"{role}_url"])
        assert (parts.scheme, parts.netloc, parts.path) == ("https", "bp.example.org", "/board")
        query = parse_qs(parts.query)
        assert query["board"] == [made["board"]]
        links[role] = query["token"][0]
    boards = BoardStore(open_database(database_url))
    assert boards.resolve(links["facilitator"]).role == "facilitator"
    assert boards.resolve(links["participant"]).role == "participant"
    assert boards.board(links["participant"]).title == "Hall workshop"
    ann = boards.join(links["participant"], "Ann")[1]
    note = boards.add_note(ann, "greet", "pain", "Nobody greets | <i>me</i>")
    boards.vote(ann, boards.open_round(links["facilitator"], "pain"), str(note))
    boards.add_action(links["facilitator"], "Greeter at the door", step="greet", owner="Li")

    assert main(["board", "export", made["board"], "--db", database_url, "--format", "json"]) == 0
    outcome = json.loads(capsys.readouterr().out)
    assert [(n["step"], n["kind"], n["text"], n["author"]) for n in outcome["notes"]] == \
        [("greet", "pain", "Nobody greets | <i>me</i>", "Ann")]
    assert [(v["item"], v["participant"]) for v in outcome["votes"]] == [(str(note), "Ann")]
    assert [a["title"] for a in outcome["actions"]] == ["Greeter at the door"]
    assert [p["name"] for p in outcome["participants"]] == ["Ann"]
    assert len(outcome["revisions"]) == 1

    assert main(["board", "export", made["board"], "--db", database_url, "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert ("note", "greet", "Ann") in {(row["section"], row["step"], row["author"]) for row in rows}
    assert main(["board", "export", made["board"], "--db", database_url, "--format", "md", "--locale", "zh"]) == 0
    markdown = capsys.readouterr().out
    assert "状态: 进行中" in markdown and "## 行动" in markdown and "Nobody greets \\| &lt;i&gt;me&lt;/i&gt;" in markdown


def test_the_database_comes_from_the_environment_then_the_data_directory(tmp_path, monkeypatch, capsys):
    made = created(capsys)
    assert (tmp_path / "data" / "blueprint.db").is_file()
    assert main(["board", "export", made["board"]]) == 0
    assert json.loads(capsys.readouterr().out)["notes"] == []
    other = f"sqlite:///{tmp_path / 'elsewhere.db'}"
    monkeypatch.setenv("BLUEPRINT_DATABASE_URL", other)
    assert main(["board", "export", made["board"]]) == 2  # not in that database
    assert "no board" in capsys.readouterr().err
    assert main(["board", "create", str(EXAMPLE), "--format", "text"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split(":")[0] for line in lines] == ["board", "facilitator link (keep it)",
                                                      "participant link (share it)"]
    board = lines[0].split(": ")[1]
    assert main(["board", "export", board]) == 0  # made in $BLUEPRINT_DATABASE_URL
    assert (tmp_path / "elsewhere.db").is_file()


@pytest.mark.parametrize("argv, message", [
    (["board", "create", "missing.yaml"], "missing.yaml"),
    (["board", "create", "{broken}"], "broken"),
    (["board", "export", "no-such-board"], "no board"),
    (["board", "export", "../../etc/passwd"], "no board"),
    (["board", "create", str(EXAMPLE), "--base-url", "javascript:alert(1)"], "--base-url"),
    (["board", "create", str(EXAMPLE), "--db", "postgresql://bp:secret@127.0.0.1:1/bp"], "cannot open the database"),
    (["board", "create", str(EXAMPLE), "--db", "not a url"], "database"),
])
def test_bad_input_exits_2_with_one_line(argv, message, tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "{broken}").write_text("title: [unclosed\n", encoding="utf-8")
    assert main(argv) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err.count("\n") == 1 and message in captured.err
    assert "secret" not in captured.err and "Traceback" not in captured.err


def test_create_reads_standard_input(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(EXAMPLE.read_bytes())))
    assert main(["board", "create", "-", "--title", "from a pipe"]) == 0
    made = json.loads(capsys.readouterr().out)
    assert main(["board", "export", made["board"]]) == 0
    assert json.loads(capsys.readouterr().out)["board"]["title"] == "from a pipe"
