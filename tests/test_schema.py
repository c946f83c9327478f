"""The JSON Schema: valid for every example, invalid for every broken fixture, in step with the loader."""

from __future__ import annotations

from pathlib import Path

import jsonschema
import pytest

import blueprint
from blueprint import BlueprintError
from blueprint.durations import MAX_MINUTES, PATTERN
from blueprint.loader import FLOW_KINDS, KEYS, TOUCHPOINTS, ZONE_NAMES
from blueprint.words import locales
from blueprint.safeyaml import read_yaml, to_plain
from blueprint.schema import schema

from .conftest import EXAMPLES, ROOT, TEMPLATES

FIXTURES = Path(__file__).parent / "fixtures"
VALID = sorted((FIXTURES / "valid").glob("*.yaml"))
INVALID = sorted((FIXTURES / "invalid").glob("*.yaml"))
#: Loader rules that the schema can express (references and duplicate ids it cannot).
STRUCTURAL = {"schema", "unknown-key"}

VALIDATOR = jsonschema.Draft202012Validator(schema())


def schema_errors(text: str) -> list[str]:
    return [e.message for e in VALIDATOR.iter_errors(to_plain(read_yaml(text)))]


def structural_problems(text: str) -> list[str]:
    """The loader's verdict on what the schema can express: problems, or the fatal error."""
    try:
        bp = blueprint.loads(text)
    except BlueprintError as exc:
        return [exc.rule]
    return [p.rule for p in bp.problems if p.rule in STRUCTURAL]


def test_schema_is_a_valid_draft_2020_12_schema():
    jsonschema.Draft202012Validator.check_schema(schema())
    assert schema()["$schema"] == "https://json-schema.org/draft/2020-12/schema"


@pytest.mark.parametrize("path", [*EXAMPLES, *TEMPLATES, *VALID], ids=lambda p: p.name)
def test_every_example_is_valid(path):
    text = path.read_text(encoding="utf-8")
    assert schema_errors(text) == []
    assert structural_problems(text) == []


def test_there_are_examples_to_check():
    assert len(EXAMPLES) >= 7, "examples/ should hold the example blueprints"


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.name)
def test_every_invalid_fixture_fails_schema_and_loader(path):
    text = path.read_text(encoding="utf-8")
    expected = text.splitlines()[0].removeprefix("# expect: ").split()
    assert schema_errors(text), "the schema accepts it"
    assert set(structural_problems(text)) & set(expected), "the loader does not report it"


def test_object_keys_match_the_loader():
    s = schema()
    defs = s["$defs"]
    objects = {
        "blueprint": s,
        "lane": defs["lane"]["oneOf"][1],
        "phase": defs["phase"]["oneOf"][1],
        "step": defs["step"],
        "flow": defs["flow"],
        "standard": defs["standard"],
    }
    for name, obj in objects.items():
        assert tuple(obj["properties"]) == KEYS[name], name
        assert obj["additionalProperties"] is False, name


def test_enumerations_and_patterns_match_the_loader():
    defs = schema()["$defs"]
    assert tuple(defs["step"]["properties"]["touchpoint"]["enum"]) == TOUCHPOINTS
    assert tuple(defs["flow"]["properties"]["kind"]["enum"]) == FLOW_KINDS
    assert tuple(defs["zone"]["enum"]) == ZONE_NAMES
    assert tuple(schema()["properties"]["locale"]["enum"]) == locales()
    number, text = defs["duration"]["oneOf"]
    assert text["pattern"] == PATTERN and number["maximum"] == MAX_MINUTES


def test_examples_carry_the_schema_comment_for_editors():
    for path in EXAMPLES:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == "# yaml-language-server: $schema=../blueprint/schema.json", path.name
    assert (ROOT / "blueprint" / "schema.json").is_file()


def test_the_id_pattern_refuses_what_the_loader_refuses():
    import re

    from blueprint.controls import BIDI_CONTROLS, first_control

    pattern = re.compile(schema()["$defs"]["id"]["pattern"])
    for ident in ("进厅", "greet", "a-b_c.1", "a\x1b[2J", "a\tb", "a\x9bb", "x\u202egpj", "\u2066x", "a b", ""):
        refused_by_loader = not ident or any(ch.isspace() for ch in ident) or first_control(ident) is not None
        assert (pattern.fullmatch(ident) is None) == refused_by_loader, repr(ident)
    assert all(pattern.fullmatch(f"a{ch}") is None for ch in BIDI_CONTROLS)
