"""input-limit: too large, too deep, or an alias bomb: refused quickly, at the place it happens."""

import time

import pytest

from blueprint.lint import lint

from .helpers import check_invalid, check_valid, fixtures

RULE = "input-limit"
INVALID = {
    "invalid-deep-nesting.yaml": [(5, 27, "[")],
    "invalid-alias-bomb.yaml": [(8, 50, "*a4")],  # a million characters of x
}


@pytest.mark.parametrize("name", fixtures(RULE, "valid"))
def test_valid(name):
    check_valid(RULE, name)


@pytest.mark.parametrize("name", fixtures(RULE, "invalid"))
def test_invalid(name):
    (finding,) = check_invalid(RULE, name, INVALID[name])
    assert finding.level == "error"


def test_file_too_large(tmp_path):
    path = tmp_path / "huge.yaml"
    path.write_text("blueprint: 1\n" + "# padding\n" * 600_000, encoding="utf-8")  # about 6 MB
    started = time.perf_counter()
    (finding,) = lint(path)
    assert (finding.rule, finding.line, finding.column) == (RULE, 1, 1)
    assert "limit" in finding.message
    # Refused from its size, before reading it (generous bound: this is not a benchmark).
    assert time.perf_counter() - started < 5
