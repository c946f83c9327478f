"""``blueprint db``: migrates the database, moves old drafts in, says what it holds; a bad URL is one line."""

from __future__ import annotations

import json

from blueprint.cli import main
from tests.store.test_legacy import old_draft


def test_db_migrates_imports_and_counts(database_url, tmp_path, monkeypatch, capsys):
    old_draft(tmp_path / "drafts", "AbCdEf012345", "title: a\n")
    monkeypatch.setenv("BLUEPRINT_DRAFTS_DIR", str(tmp_path / "drafts"))
    monkeypatch.setenv("BLUEPRINT_DATA_DIR", str(tmp_path / "data"))
    assert main(["db", "--db", database_url, "--format", "json"]) == 0
    first = json.loads(capsys.readouterr().out)
    assert (first["documents"], first["revisions"], first["imported_drafts"]) == (1, 1, 0 + 1)
    assert main(["db", "--db", database_url, "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["imported_drafts"] == 0  # once only


def test_db_on_a_server_that_is_not_there_says_so_in_one_line(capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("BLUEPRINT_DATA_DIR", str(tmp_path / "data"))
    assert main(["db", "--db", "postgresql://bp:secret@127.0.0.1:1/bp"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "cannot open the database" in err and "secret" not in err
