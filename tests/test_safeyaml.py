"""The safe YAML reader: positions, YAML 1.2 scalars, anchors and merges, and refusals."""

from __future__ import annotations

import math
import re
import time

import pytest
import yaml

from blueprint import safeyaml
from blueprint.errors import BlueprintError, Pos
from blueprint.safeyaml import Limits, YMap, YSeq, read_yaml, to_plain

from .conftest import CJK, where


def test_positions_of_mappings_keys_values_and_items():
    text = "a:\n  - {id: 进厅, lane: x}\n  - id: 迎候\n    next: [进厅, b]\n"
    data = read_yaml(text)
    assert isinstance(data, YMap) and data.pos == (1, 1)
    steps = data["a"]
    assert isinstance(steps, YSeq) and steps.pos == (2, 3)
    first, second = steps
    assert first.pos == (2, 5)
    # Columns count characters, not bytes: 进厅 is two columns.
    assert first.key_pos["lane"] == (2, 14) == where(text, "lane")
    assert first.value_pos["lane"] == (2, 20)
    assert second.pos == (3, 5)
    assert second.value_pos["next"] == (4, 11)
    assert second["next"].item_pos == [(4, 12), where(text, "b]")]
    assert steps.item_pos == [(2, 5), (3, 5)]


@pytest.mark.parametrize(
    "source, value",
    [
        ("1", 1), ("-2", -2), ("0o17", 15), ("0x1f", 31), ("1.5", 1.5), ("1e3", 1000.0),
        ("true", True), ("False", False), ("null", None), ("~", None), ("", None),
        # YAML 1.1 made these booleans, dates and sexagesimals; YAML 1.2 (and editors) keep text.
        ("yes", "yes"), ("no", "no"), ("on", "on"), ("2024-01-01", "2024-01-01"), ("1:30", "1:30"),
        ("1_000", "1_000"), ("'1'", "1"), ('"true"', "true"), ("!!str 12", "12"), ("!!float 3", 3.0),
        ("进厅", "进厅"), ("3min", "3min"),
    ],
)
def test_scalars_follow_the_yaml_1_2_core_schema(source, value):
    assert read_yaml(f"k: {source}\n")["k"] == value


def test_special_floats():
    data = read_yaml("a: .inf\nb: -.Inf\nc: .nan\n")
    assert data["a"] == math.inf and data["b"] == -math.inf and math.isnan(data["c"])


def test_anchors_aliases_and_merge_keys_keep_explicit_keys_first():
    text = (
        "base: &base {lane: clerk, owner: 营业员, duration: 3min}\n"
        "step:\n  <<: *base\n  id: serve\n  owner: 值班经理\n"
    )
    data = read_yaml(text)
    step = data["step"]
    assert dict(step) == {"id": "serve", "owner": "值班经理", "lane": "clerk", "duration": "3min"}
    # A merged key keeps the position where it is written (in the anchor).
    assert step.key_pos["lane"] == where(text, "lane")
    assert step.key_pos["owner"] == where(text, "owner", 1)


def test_merge_of_a_list_of_mappings_earlier_wins():
    data = read_yaml("a: &a {x: 1}\nb: &b {x: 2, y: 2}\nc:\n  <<: [*a, *b]\n")
    assert dict(data["c"]) == {"x": 1, "y": 2}


def test_merge_of_a_scalar_is_an_error():
    with pytest.raises(BlueprintError) as exc:
        read_yaml("a: &a 1\nb:\n  <<: *a\n", "m.yaml")
    assert exc.value.rule == "yaml-syntax"
    assert "merge key" in exc.value.message


def test_duplicate_key_is_reported_at_the_second_key():
    text = "steps:\n  - id: a\n    lane: customer\n    lane: frontstage\n"
    with pytest.raises(BlueprintError) as exc:
        read_yaml(text, "d.yaml")
    err = exc.value
    assert err.rule == "duplicate-key"
    assert (err.pos.line, err.pos.column) == (4, 5)
    assert "duplicate key 'lane' (first at line 3, column 5)" in err.message
    assert str(err).startswith("d.yaml:4:5: ")


def test_duplicate_top_level_key():
    with pytest.raises(BlueprintError) as exc:
        read_yaml("title: a\ntitle: b\n")
    assert exc.value.rule == "duplicate-key" and exc.value.pos.line == 2


def test_syntax_error_has_its_position():
    with pytest.raises(BlueprintError) as exc:
        read_yaml("a: [1, 2\nb: 3\n", "s.yaml")
    err = exc.value
    assert err.rule == "yaml-syntax"
    assert err.pos.path == "s.yaml" and err.pos.line == 2


def test_tab_indentation_is_a_syntax_error_not_a_crash():
    with pytest.raises(BlueprintError) as exc:
        read_yaml("a:\n\t- b\n")
    assert exc.value.rule == "yaml-syntax" and exc.value.pos.line == 2


def test_second_document_is_refused():
    with pytest.raises(BlueprintError) as exc:
        read_yaml("a: 1\n---\nb: 2\n")
    assert exc.value.rule == "yaml-syntax"
    assert exc.value.pos.line == 2 and "one YAML document" in exc.value.message


@pytest.mark.parametrize("tag", ["!!python/object:os.system", "!custom", "!!set", "!!binary"])
def test_unknown_tags_are_refused(tag):
    with pytest.raises(BlueprintError) as exc:
        read_yaml(f"a: {tag} x\n")
    assert exc.value.rule == "yaml-syntax" and "not allowed" in exc.value.message


def test_complex_key_is_refused():
    with pytest.raises(BlueprintError) as exc:
        read_yaml("? [a, b]\n: c\n")
    assert "mapping key" in exc.value.message


def test_control_character_gives_a_position():
    with pytest.raises(BlueprintError) as exc:
        read_yaml("a: b\nc: d\x07\n")
    assert exc.value.rule == "yaml-syntax" and (exc.value.pos.line, exc.value.pos.column) == (2, 5)


def test_empty_document_is_none():
    assert read_yaml("") is None
    assert read_yaml("# only a comment\n\n") is None


def test_deep_nesting_is_refused_quickly_without_crashing():
    # libyaml's own composer segfaults near 100,000 levels; this reader never recurses.
    text = "[" * 200_000 + "]" * 200_000
    start = time.perf_counter()
    with pytest.raises(BlueprintError) as exc:
        read_yaml(text, "deep.yaml")
    assert time.perf_counter() - start < 1.0
    assert exc.value.rule == "input-limit"
    assert exc.value.pos.line == 1 and exc.value.pos.column == 65
    assert "deeper than 64" in exc.value.message


class _ScannerStopsEarly:
    """A YAML loader whose scanner gives up ahead of the events, as libyaml's may, in its own words.

    It hands out the real loader's first ``events`` events, then raises what a libyaml with a
    nesting limit (and words) of its own would raise, at ``at`` (1-based line and column).
    """

    def __init__(self, events: int, at: tuple[int, int], context: str | None, problem: str):
        self.events, self.at, self.context, self.problem = events, at, context, problem

    def __call__(self, text: str):
        real = yaml.SafeLoader(text)
        mark = yaml.error.Mark("<unicode string>", 0, self.at[0] - 1, self.at[1] - 1, None, None)
        events, real_event = iter(range(self.events)), real.get_event

        def get_event():
            if next(events, None) is None:
                raise yaml.scanner.ScannerError(self.context, mark if self.context else None, self.problem, mark)
            return real_event()

        real.get_event = get_event
        return real


DEEP_STEPS = "blueprint: 1\nsteps: " + "[" * 2000 + "]" * 2000 + "\n"


@pytest.mark.parametrize("context, problem", [
    ("while increasing flow level", "exceeded maximum nesting depth"),  # libyaml 0.2.6 (PyYAML 6.0.4)
    ("while parsing a flow node", "maximum nesting level reached"),  # words a later libyaml may choose
    (None, "too many open brackets"),  # words that do not say what happened: the brackets still do
])
def test_a_scanner_that_stops_on_its_own_depth_limit_gives_the_nesting_rule(monkeypatch, context, problem):
    # The builder has seen the root mapping and the key 'steps' (6 events) when the scanner stops,
    # far past the 64th '[', at its own limit of 1,000 levels.
    monkeypatch.setattr(safeyaml, "_Loader", _ScannerStopsEarly(6, (2, 1008), context, problem))
    with pytest.raises(BlueprintError) as exc:
        read_yaml(DEEP_STEPS, "deep.yaml")
    assert (exc.value.rule, exc.value.message) == ("input-limit", "nesting is deeper than 64 levels")
    # The root mapping is level 1: the 64th '[' opens level 65.
    assert exc.value.pos == Pos("deep.yaml", 2, len("steps: ") + 64)


def test_a_depth_error_of_the_scanner_that_brackets_cannot_place_is_still_the_nesting_rule(monkeypatch):
    text = "a:\n  b:\n    c: 1\n"  # shallow, as far as brackets tell: the words decide
    monkeypatch.setattr(safeyaml, "_Loader", _ScannerStopsEarly(
        4, (3, 5), "while increasing indent level", "exceeded maximum nesting depth"))
    with pytest.raises(BlueprintError) as exc:
        read_yaml(text, "deep.yaml")
    assert (exc.value.rule, exc.value.pos) == ("input-limit", Pos("deep.yaml", 3, 5))
    assert "deeper than 64 levels" in exc.value.message


@pytest.mark.parametrize("text", [
    "a: [[[1, 2]\n",
    "a: '" + "[" * 80 + "\n",  # brackets in an unclosed quote
    "a: [ # " + "[" * 80 + "\n  b: ]]\n",  # brackets in a comment
    "a: \"[\\\"" + "[" * 80 + "\"\nb: ]\n",  # brackets in a quote, an escaped quote among them
])
def test_a_syntax_error_in_shallow_text_stays_a_syntax_error(text):
    with pytest.raises(BlueprintError) as exc:
        read_yaml(text, "bad.yaml")
    assert exc.value.rule == "yaml-syntax", exc.value.message


def test_without_libyaml_the_same_limit_at_the_same_place(monkeypatch):
    monkeypatch.setattr(safeyaml, "_Loader", yaml.SafeLoader)
    with pytest.raises(BlueprintError) as exc:
        read_yaml(DEEP_STEPS, "deep.yaml")
    assert exc.value.rule == "input-limit"
    assert exc.value.pos == Pos("deep.yaml", 2, len("steps: ") + 64)


def test_deep_block_nesting_is_refused():
    text = "".join(" " * i + f"k{i}:\n" for i in range(100)) + " " * 100 + "v\n"
    with pytest.raises(BlueprintError) as exc:
        read_yaml(text)
    assert exc.value.rule == "input-limit"


def test_depth_limit_is_configurable():
    assert to_plain(read_yaml("a: [[[1]]]\n", limits=Limits(max_depth=4))) == {"a": [[[1]]]}
    with pytest.raises(BlueprintError):
        read_yaml("a: [[[1]]]\n", limits=Limits(max_depth=3))


BILLION_LAUGHS = "\n".join(
    ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    + [f"{chr(98 + i)}: &{chr(98 + i)} [" + ", ".join([f"*{chr(97 + i)}"] * 9) + "]" for i in range(8)]
) + "\n"


def test_alias_bomb_fails_in_under_a_second():
    start = time.perf_counter()
    with pytest.raises(BlueprintError) as exc:
        read_yaml(BILLION_LAUGHS, "lol.yaml")
    assert time.perf_counter() - start < 1.0
    assert exc.value.rule == "input-limit" and "alias" in exc.value.message
    assert exc.value.pos.path == "lol.yaml" and exc.value.pos.line > 1


def test_modest_aliases_are_fine():
    data = read_yaml("a: &a [1, 2]\nb: [*a, *a, *a]\n")
    assert to_plain(data) == {"a": [1, 2], "b": [[1, 2], [1, 2], [1, 2]]}


def test_unknown_alias():
    with pytest.raises(BlueprintError) as exc:
        read_yaml("a: *nope\n")
    assert exc.value.rule == "yaml-syntax"


def test_size_limit_on_text():
    with pytest.raises(BlueprintError) as exc:
        read_yaml("a: " + "x" * 2000 + "\n", limits=Limits(max_bytes=1000))
    assert exc.value.rule == "input-limit" and "limit" in exc.value.message


def test_nul_in_text_is_binary():
    with pytest.raises(BlueprintError) as exc:
        read_yaml("a: b\x00c\n")
    assert exc.value.rule == "yaml-syntax" and "binary" in exc.value.message


# libyaml's common complaints, each with the words it uses (problem, and what it was reading).
SYNTAX_ERRORS = [
    "a: [1, 2\n", "a: {b: 1\n", "a: b: c\n", "a:\n  - x\n  y: 1\n", "a:\n\tb: 1\n", "a: 'x\n",
    'a: "\\q"\n', "a: 1\n- b\n", "a: *\n", "a: &\n", "a: !<x\n", "%FOO\n", "a: |x\n  b\n", "a: [\n",
    "? a\n? b: c\n  d\n", "a: !x!y z\n", "a: 1\n...\nb\n", "a: - b\n", "a: b\n\t\n", 'a: "\\x4"\n',
    "%YAML 1.1\n%YAML 1.1\n---\na\n", "a: >\n b\n\tc\n", "a: }\n",
]


@pytest.mark.parametrize("text", SYNTAX_ERRORS)
def test_syntax_errors_are_translated_and_the_english_is_libyamls(text):
    with pytest.raises(BlueprintError) as exc:
        read_yaml(text)
    error = exc.value
    assert error.rule == "yaml-syntax"
    assert CJK.search(error.message_zh), error.message_zh
    assert not re.search(r"[a-z]{3,} [a-z]{3,}", error.message_zh), error.message_zh  # no English words


def test_libyaml_words_the_catalogue_lacks_are_its_english_in_a_sentence_of_the_language(monkeypatch):
    complaint = "found something a later libyaml names"
    monkeypatch.setattr(safeyaml, "_Loader", _ScannerStopsEarly(4, (2, 3), None, complaint))
    with pytest.raises(BlueprintError) as exc:
        read_yaml("a: 1\nb: 2\n", "new.yaml")
    error = exc.value
    assert (error.rule, error.pos, error.message) == ("yaml-syntax", Pos("new.yaml", 2, 3), complaint)
    assert error.phrase is not None and complaint in error.message_zh and CJK.search(error.message_zh.replace(complaint, ""))


@pytest.mark.parametrize(
    "text, limits",
    [("a: 1\na: 2\n", Limits()), ("a: !!python/object x\n", Limits()), ("a: !!int x\n", Limits()),
     ("[a]: 1\n", Limits()), ("a: 1\n---\nb: 2\n", Limits()), ("<<: 3\n", Limits()),
     ("a: *nope\n", Limits()), ("a: \x07\n", Limits()), ("a: \x00\n", Limits()),
     ("a: [[[1]]]\n", Limits(max_depth=2)), (BILLION_LAUGHS, Limits()),
     ("a: 1\n" * 100, Limits(max_bytes=10))],
)
def test_every_refusal_says_it_in_chinese_too(text, limits):
    with pytest.raises(BlueprintError) as exc:
        read_yaml(text, "t.yaml", limits)
    error = exc.value
    assert CJK.search(error.message_zh), error.message_zh
    assert error.text("zh") == error.message_zh and error.text("en") == error.message
    assert error.problem.describe("zh") == f"{error.pos}: {error.message_zh} ({error.rule})"
    assert str(error) == error.problem.describe("en")  # the English line is what str() always gave


def test_equal_scalars_are_kept_once_with_their_own_positions():
    """A large file repeats its keys and lane names on every step: one string each, not one per use."""
    data = read_yaml("- {id: a, lane: customer}\n- id: b\n  lane: customer\n")
    first, second = data
    assert [k for k in first if k == "lane"][0] is [k for k in second if k == "lane"][0]
    assert first["lane"] is second["lane"] == "customer"
    assert (first.value_pos["lane"], second.value_pos["lane"]) == ((1, 17), (3, 9))
    assert second.key_pos["lane"] == (3, 3) and second.value_pos["lane"][0] is second.key_pos["lane"][0]
