"""Numbers too long for Python to print (more than 4,300 digits) load as text or are refused with a
position: through the API, the CLI and the config, never a ``ValueError`` traceback."""

from __future__ import annotations

import subprocess
import sys

import pytest

import blueprint
from blueprint.cli import main
from blueprint.lint import lint
from blueprint.lint.config import ConfigError, load_config
from blueprint.safeyaml import MAX_NUMBER_DIGITS, read_yaml

from .conftest import where

BIG = "1" * 5000
HEX = "0x" + "f" * 100_000
STEP = "- {id: a, lane: customer, label: A, next: b}\n- {id: b, lane: frontstage, label: B}\n"
HEAD = "blueprint: 1\ntitle: t\nsteps:\n"

#: name -> (text, the (rule, where) of the finding the big number gives, or None when it loads clean)
CASES = {
    "label": (HEAD + STEP.replace("label: A", f"label: {BIG}"), ("long-label", BIG)),  # text, cut
    "id": (HEAD + STEP.replace("id: a", f"id: {BIG}").replace("id: b", "id: b, next: " + BIG), None),
    "duration": (HEAD + STEP.replace("label: A", f"label: A, duration: {BIG}"), ("schema", "duration: 1")),
    "wait": (HEAD + STEP.replace("label: A", f"label: A, wait: {BIG}"), ("schema", "wait: 1")),
    "emotion": (HEAD + STEP.replace("label: A", f"label: A, emotion: -{BIG}"), ("schema", "emotion: -")),
    "version": (HEAD.replace("blueprint: 1", f"blueprint: {HEX}") + STEP, ("schema", "0x")),
    "pasted key": (HEAD + STEP.replace("label: A", f"label: A, notes_total: {BIG}"), ("unknown-key", "notes_total")),
    "number key": (HEAD + STEP + f"? {BIG}\n: 1\n", ("unknown-key", BIG)),
    "lane id": (HEAD.replace("steps:", f"lanes: [{HEX}, customer, frontstage]\nsteps:") + STEP, ("schema", HEX)),
    "tagged int": (HEAD + STEP.replace("label: A", f"label: !!int {BIG}"), ("yaml-syntax", "!!int")),
}


@pytest.mark.parametrize("number", ["1" * (MAX_NUMBER_DIGITS + 1), "-" + "9" * 5000, HEX, "0o" + "7" * 300])
def test_an_integer_python_could_not_print_stays_text(number):
    assert read_yaml(f"k: {number}\n")["k"] == number


@pytest.mark.parametrize("number", ["9" * MAX_NUMBER_DIGITS, "0x" + "f" * MAX_NUMBER_DIGITS])
def test_long_integers_within_the_bound_are_numbers(number):
    value = read_yaml(f"k: {number}\n")["k"]
    assert isinstance(value, int) and str(value)  # and printable


@pytest.mark.parametrize("name", CASES)
def test_the_api_loads_and_lints_with_the_finding_at_the_number(name):
    text, expected = CASES[name]
    findings = lint(text, path="big.yaml")
    if "id" not in name:  # an id is named whole in every message about its object
        assert all(len(f.message) < 400 for f in findings), "a message quotes the whole number"
    if expected is None:
        bp = blueprint.loads(text)
        assert not bp.problems, bp.problems
        assert [f for f in findings if f.level == "error"] == []
        return
    rule, needle = expected
    place = where(text, needle)
    if needle.startswith(("duration", "wait", "emotion")):
        place = (place[0], place[1] + len(needle.split(":")[0]) + 2)
    assert (rule, *place) in [(f.rule, f.line, f.column) for f in findings], findings


def test_a_big_label_and_id_are_kept_as_written():
    bp = blueprint.loads(CASES["id"][0])
    assert bp.steps[0].id == BIG and bp.steps[1].next[0].id == BIG


@pytest.mark.parametrize("command", ["lint", "stats", "graph", "render"])
def test_every_command_says_where_and_exits_without_a_traceback(tmp_path, capsys, command):
    paths = []
    for index, (text, _expected) in enumerate(CASES.values()):
        path = tmp_path / f"case{index}.yaml"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    for path in paths:
        argv = [command, str(path)] + (["-o", str(tmp_path / "out.svg")] if command == "render" else [])
        code = main(argv)
        out, err = capsys.readouterr()
        assert code in (0, 1), (path, err[-300:])
        assert "Traceback" not in err and "ValueError" not in err + out


@pytest.mark.parametrize("config", [
    f"extends: {BIG}\n",
    f"rules:\n  dead-end: {BIG}\n",
    f"rules:\n  dead-end: {{level: {BIG}}}\n",
    f"rules:\n  dead-end: {{zones: [{BIG}]}}\n",
    f"rules:\n  {HEX}: enable\n",
])
def test_a_config_with_a_big_number_is_an_invalid_config_with_a_position(tmp_path, config):
    path = tmp_path / ".blueprintlint.yaml"
    path.write_text(config, encoding="utf-8")
    with pytest.raises(ConfigError) as exc:
        load_config(path)
    message = str(exc.value)
    assert message.startswith(f"invalid config: {path}:") and len(message) < 400, message


def test_the_real_process_prints_findings_not_a_traceback(tmp_path):
    (tmp_path / ".blueprintlint.yaml").write_text(f"rules:\n  dead-end: {{level: {BIG}}}\n", encoding="utf-8")
    (tmp_path / "a.yaml").write_text(CASES["emotion"][0], encoding="utf-8")
    run = [sys.executable, "-m", "blueprint", "lint", "-f", "parsable"]
    with_config = subprocess.run([*run, "a.yaml"], cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert with_config.returncode == 2 and "Traceback" not in with_config.stderr
    assert with_config.stderr.startswith("invalid config: ")
    (tmp_path / ".blueprintlint.yaml").unlink()
    alone = subprocess.run([*run, "a.yaml"], cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert alone.returncode == 1 and "Traceback" not in alone.stderr
    assert "'emotion' must be a whole number" in alone.stdout


def test_a_big_number_typed_in_a_table_cell_is_written_as_the_text_typed():
    from blueprint.edit import apply_rows, table_rows

    text = HEAD + STEP
    rows = table_rows(text, "steps")
    rows[0]["emotion"] = BIG
    new = apply_rows(text, "steps", rows)
    assert BIG in new and ".inf" not in new
    bp = blueprint.loads(new)
    assert [p.rule for p in bp.problems] == ["schema"]  # the emotion, said where it is, not a crash


LONG_DIGITS = "1" * 20_000
QUEUE_STEP = (
    "- id: w\n  lane: customer\n  label: wait\n  wait: 10min\n  duration: '{digits}x-1min'\n"
    "  queue: {{arrivals: '{digits}/h', servers: '{digits}', service: '{digits}-2min', diversion: '{digits}%'}}\n"
)


def test_long_digit_runs_in_durations_ranges_and_queues_are_refused_where_they_are(tmp_path):
    """Said at each value, in a process that must finish: the range pattern split a run of digits
    every possible way (90 s for 20,000 digits), and servers went through int()."""
    path = tmp_path / "q.yaml"
    path.write_text(HEAD + QUEUE_STEP.format(digits=LONG_DIGITS), encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "blueprint", "lint", "-f", "parsable", str(path)],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr[-500:]
    schema = [line for line in result.stdout.splitlines() if line.endswith("(schema)")]
    assert len(schema) >= 4 and all(len(line) < 400 for line in schema), schema
