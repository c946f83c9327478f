"""schema: missing keys, wrong types, bad values; empty and non-mapping files."""

import pytest

from blueprint.lint import lint

from .helpers import check_invalid, check_valid, fixture, fixtures

RULE = "schema"
INVALID = {
    "invalid-values.yaml": [(7, 15, "soon"), (8, 14, "5"), (9, 17, "persons"), (14, 36, "backward")],
    "invalid-missing-keys.yaml": [(1, 1, "blueprint"), (1, 12, "2"), (3, 5, "id"), (6, 42, "[Greet]"),
                                  (8, 5, "{id")],
    "invalid-empty.yaml": [(1, 1, "")],
    "invalid-top-level-list.yaml": [(1, 1, "- ")],
}


@pytest.mark.parametrize("name", fixtures(RULE, "valid"))
def test_valid(name):
    check_valid(RULE, name)


@pytest.mark.parametrize("name", fixtures(RULE, "invalid"))
def test_invalid(name):
    check_invalid(RULE, name, INVALID[name])


def test_messages():
    messages = [f.message for f in lint(fixture(RULE, "invalid-missing-keys.yaml")) if f.rule == RULE]
    assert messages == [
        "blueprint has no 'title'",
        "'blueprint' is the format version and must be 1, not 2: this tool reads format version 1",
        "step 'enter' has no 'label'",
        "step 'greet': 'label' must be text, not a list",
        "standard 'queue' has no 'max' (the most time it allows)",
    ]


def test_an_empty_file_is_an_error_even_with_schema_disabled():
    findings = lint(fixture(RULE, "invalid-empty.yaml"), {"rules": {"schema": "disable"}})
    assert [(f.rule, f.level) for f in findings] == [("schema", "error")]


def test_disabled_schema_hides_content_problems():
    findings = lint(fixture(RULE, "invalid-values.yaml"), {"rules": {"schema": "disable"}})
    assert RULE not in {f.rule for f in findings}
