"""Property tests: any text and any YAML structure gives a Blueprint or a clean BlueprintError,
quickly; and on any structure the loader and the JSON Schema agree on what is malformed."""

from __future__ import annotations

import time

import jsonschema
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import blueprint
from blueprint import Blueprint, BlueprintError
from blueprint.loader import KEYS
from blueprint.safeyaml import read_yaml, to_plain
from blueprint.schema import schema

SETTINGS = settings(max_examples=300, deadline=2000, suppress_health_check=[HealthCheck.too_slow])
VALIDATOR = jsonschema.Draft202012Validator(schema())


def load_within(text, seconds: float = 2.0) -> Blueprint | BlueprintError:
    start = time.perf_counter()
    try:
        result: Blueprint | BlueprintError = blueprint.loads(text, "h.yaml")
    except BlueprintError as exc:
        result = exc
        assert exc.pos.path == "h.yaml" and exc.pos.line >= 1 and exc.pos.column >= 1
        assert "\n" not in str(exc)
    assert time.perf_counter() - start < seconds
    return result


@SETTINGS
@given(st.text())
def test_any_text_loads_or_fails_cleanly(text):
    result = load_within(text)
    if isinstance(result, Blueprint):
        for problem in result.problems:
            assert problem.pos.line >= 1 and problem.rule


@SETTINGS
@given(st.binary())
def test_any_bytes_load_or_fail_cleanly(data):
    load_within(data)


YAML_TOKENS = st.sampled_from(
    ["blueprint: 1\n", "title: t\n", "steps:\n", "  - ", "{", "}", "[", "]", "id: a", "lane: customer",
     "label: x", ", ", "\n", "  ", "&a ", "*a", "<<: ", "!!str ", "- ", ": ", "'", '"', "#", "next: ", "---\n",
     "? ", "|\n", ">\n", "\t", "进厅", "\\", "%YAML 1.2\n"]
)


@SETTINGS
@given(st.lists(YAML_TOKENS, max_size=60).map("".join))
def test_yaml_like_token_soup_loads_or_fails_cleanly(text):
    load_within(text)


# --- structures: blueprint-shaped data with random mistakes ------------------------------------

IDS = st.sampled_from(["a", "b", "c", "进厅", "customer", "frontstage", "guide", "x y", ""])
SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(-5, 5), st.floats(-3, 3, allow_nan=False),
    st.sampled_from(["text", "3min", "90s", "1.5h", "soon", "-1", "yes", "people", "phone",
                     "customer", "support", "flow", "return", "sideways", "en", "zh", "fr"]),
    IDS,
)
VALUES = st.recursive(SCALARS, lambda inner: st.one_of(st.lists(inner, max_size=3),
                                                       st.dictionaries(IDS, inner, max_size=3)), max_leaves=6)


TEXTS = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=8)
VALID_VALUES = {
    "label": TEXTS, "description": TEXTS, "owner": TEXTS, "channel": TEXTS, "fail": TEXTS,
    "touchpoint": st.sampled_from(["people", "environment", "equipment", "digital", "print"]),
    "duration": st.sampled_from(["90s", "3min", "1.5h", "10m", 5, 0.5]),
    "wait": st.sampled_from([True, False, "10min", 3]), "emotion": st.integers(-2, 2),
    "evidence": st.lists(TEXTS, max_size=2), "kpis": st.lists(TEXTS, max_size=2), "notes": TEXTS,
}


@st.composite
def valid_blueprints(draw):
    """A blueprint the loader and the schema both accept."""
    ids = draw(st.lists(st.sampled_from(["a", "b", "c", "进厅", "迎候", "s1"]), min_size=1, max_size=4, unique=True))
    steps = []
    for ident in ids:
        step = {"id": ident, "lane": draw(st.sampled_from(["customer", "frontstage", "guide"])),
                "label": draw(TEXTS)}
        for key in draw(st.lists(st.sampled_from(sorted(VALID_VALUES)), max_size=3, unique=True)):
            step[key] = draw(VALID_VALUES[key])
        if draw(st.booleans()):
            step["next"] = draw(st.sampled_from(ids))
        steps.append(step)
    data = {"blueprint": 1, "title": draw(TEXTS), "locale": draw(st.sampled_from(["en", "zh"])),
            "lanes": ["customer", "frontstage", {"id": "guide", "zone": "frontstage"}], "steps": steps}
    if draw(st.booleans()):
        data["flows"] = [{"from": ids[0], "to": ids[-1], "kind": draw(st.sampled_from(["flow", "return"]))}]
    if draw(st.booleans()):
        data["standards"] = [draw(st.sampled_from([
            {"id": "q", "from": ids[0], "to": ids[-1], "max": "10min"}, {"id": "s", "steps": ids, "max": 3}]))]
    return data


@st.composite
def mutated(draw, data):
    """Change one thing somewhere: a value, a missing key, an unknown key."""
    objects = [data] + data["steps"] + [x for x in data["lanes"] if isinstance(x, dict)]
    objects += data.get("flows", []) + data.get("standards", [])
    target = draw(st.sampled_from(objects))
    action = draw(st.sampled_from(["set", "delete", "unknown"]))
    key = draw(st.sampled_from(sorted(target)))
    if action == "set":
        target[key] = draw(VALUES)
    elif action == "delete":
        del target[key]
    else:
        target[draw(st.sampled_from(["lable", "colour", "Lane"]))] = draw(VALUES)
    return data


BLUEPRINTS = valid_blueprints().flatmap(
    lambda data: st.one_of(st.just(data), mutated(data))
)


@SETTINGS
@given(BLUEPRINTS)
def test_loader_and_schema_agree_on_any_structure(data):
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    result = load_within(text)
    schema_valid = VALIDATOR.is_valid(to_plain(read_yaml(text)))
    if isinstance(result, BlueprintError):
        assert not schema_valid
        return
    structural = [p for p in result.problems if p.rule in ("schema", "unknown-key")]
    assert schema_valid == (not structural), (text, structural)
