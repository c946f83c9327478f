"""yaml-syntax: text the parser cannot read, reported where it stopped."""

import pytest

from blueprint.lint import lint

from .helpers import check_invalid, check_valid, fixture, fixtures

RULE = "yaml-syntax"
INVALID = {
    "invalid-unclosed-bracket.yaml": [(4, 68, "}")],
    "invalid-tab.yaml": [(5, 1, "\t")],
    "invalid-two-documents.yaml": [(5, 1, "---")],
}


@pytest.mark.parametrize("name", fixtures(RULE, "valid"))
def test_valid(name):
    check_valid(RULE, name)


@pytest.mark.parametrize("name", fixtures(RULE, "invalid"))
def test_invalid(name):
    check_invalid(RULE, name, INVALID[name])


@pytest.mark.parametrize("name", fixtures(RULE, "invalid"))
def test_a_file_that_does_not_load_gives_only_that_error(name):
    findings = lint(fixture(RULE, name))
    assert [(f.rule, f.level) for f in findings] == [(RULE, "error")]


def test_not_utf8(tmp_path):
    path = tmp_path / "latin1.yaml"
    path.write_bytes("blueprint: 1\ntitle: caf\xe9\n".encode("latin-1"))
    (finding,) = lint(path)
    assert (finding.rule, finding.line, finding.column) == (RULE, 2, 11)
    assert "UTF-8" in finding.message
