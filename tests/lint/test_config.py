"""Config: presets, per-rule enable/disable/level/options, discovery, and `invalid config:` errors."""

import os

import pytest

from blueprint.lint import Config, ConfigError, lint
from blueprint.lint.config import find_config, load_config

from .helpers import fixture

BEFORE_LIKE = fixture("dead-end", "invalid-no-way-out.yaml")  # open-loop and dead-end warnings


def rules_and_levels(findings):
    return sorted({(f.rule, f.level) for f in findings})


def test_default_levels():
    assert rules_and_levels(lint(BEFORE_LIKE)) == [("dead-end", "warning"), ("open-loop", "warning")]


def test_strict_preset_raises_warnings_to_errors_and_info_to_warnings():
    assert rules_and_levels(lint(BEFORE_LIKE, {"extends": "strict"})) == [
        ("dead-end", "error"), ("open-loop", "error")]
    strict = Config.strict()
    assert (strict.level("empty-lane"), strict.level("schema"), strict.level("rule-error")) == (
        "warning", "error", "error")


def test_disable_enable_and_level():
    config = {"rules": {"open-loop": "disable", "dead-end": {"level": "info"}}}
    assert rules_and_levels(lint(BEFORE_LIKE, config)) == [("dead-end", "info")]
    config = {"extends": "strict", "rules": {"dead-end": "enable"}}
    assert ("dead-end", "error") in rules_and_levels(lint(BEFORE_LIKE, config))


def write_config(tmp_path, text, name=".blueprintlint.yaml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_load_config_file(tmp_path):
    path = write_config(tmp_path, "extends: default\nrules:\n  open-loop: disable\n"
                                  "  dead-end: {level: error, zones: [support]}\n")
    config = load_config(path)
    assert config.level("open-loop") is None
    assert config.level("dead-end") == "error"
    assert config.options("dead-end") == {"zones": ["support"]}
    assert config.options("cycle") == {}
    assert rules_and_levels(lint(BEFORE_LIKE, config)) == [("dead-end", "error")]


def test_empty_config_file_is_the_default(tmp_path):
    config = load_config(write_config(tmp_path, "# nothing yet\n"))
    assert config.level("open-loop") == "warning"


@pytest.mark.parametrize("text, where, message", [
    ("extends: strictt\n", "1:10",
     "'extends' must be one of default, strict, not 'strictt' (did you mean 'strict'?)"),
    ("extend: default\n", "1:1", "unknown key 'extend' (did you mean 'extends'?)"),
    ("rules:\n  open-lop: disable\n", "2:3", "rule 'open-lop' does not exist (did you mean 'open-loop'?)"),
    ("rules:\n  cycle: off\n", "2:10", "rule 'cycle' must be enable, disable or a mapping"),
    ("rules:\n  cycle: {level: fatal}\n", "2:18", "'level' must be one of error, warning, info, not 'fatal'"),
    ("rules:\n  cycle: {levle: error}\n", "2:11", "rule 'cycle' has no option 'levle' (its options: none)"),
    ("rules:\n  dead-end: {zone: [support]}\n", "2:14", "has no option 'zone' (did you mean 'zones'?)"),
    ("rules:\n  dead-end: {zones: [suport]}\n", "2:21",
     "'suport' is not one of customer, frontstage, backstage, support (did you mean 'support'?)"),
    ("rules:\n  dead-end: {zones: support}\n", "2:21", "option 'zones' must be a list of names"),
    ("rules:\n  yaml-syntax: disable\n", "2:3", "rule 'yaml-syntax' cannot be configured"),
    ("rules: [cycle]\n", "1:8", "'rules' must be a mapping"),
    ("- cycle\n", "1:1", "the config must be a mapping"),
    ("rules:\n  cycle: disable\n  cycle: enable\n", "3:3", "duplicate key 'cycle'"),
    ("rules: {cycle: [}\n", "1:17", ""),
])
def test_invalid_config_names_file_line_and_column(tmp_path, text, where, message):
    path = write_config(tmp_path, text)
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    error = str(caught.value)
    assert error.startswith(f"invalid config: {path}:{where}: ")
    assert message in error
    assert "\n" not in error


def test_unreadable_config(tmp_path):
    with pytest.raises(ConfigError, match=r"^invalid config: .*missing\.yaml: cannot read the config file"):
        load_config(tmp_path / "missing.yaml")


def test_mapping_config_errors_have_no_position():
    with pytest.raises(ConfigError, match=r"^invalid config: rule 'nope' does not exist$"):
        lint(BEFORE_LIKE, {"rules": {"nope": "disable"}})


def test_find_config_searches_upward(tmp_path):
    nested = tmp_path / "a" / "b"
    nested.mkdir(parents=True)
    before = find_config(nested)  # whatever lies above tmp_path, nothing inside it yet
    assert before is None or not before.startswith(str(tmp_path))
    path = write_config(tmp_path / "a", "rules: {}\n")
    assert find_config(nested) == str(path)
    yml = write_config(nested, "rules: {}\n", name=".blueprintlint.yml")
    assert find_config(nested) == str(yml)
    assert os.path.isabs(find_config(nested))
