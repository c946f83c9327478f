"""The registry and the tests' own layout: every rule has a test module and fixtures."""

from pathlib import Path

import pytest

from blueprint.lint import registry

from .helpers import FIXTURES, fixtures

HERE = Path(__file__).parent


def test_ids_match_module_names():
    for rule_id, module in registry.RULES.items():
        assert module.__name__.rsplit(".", 1)[1] == rule_id.replace("-", "_")
        assert module.__all__


def test_checks_are_the_rules_with_check():
    assert set(registry.CHECKS) == {rule_id for rule_id, m in registry.RULES.items() if hasattr(m, "check")}
    # the rules the loader reports, and rule-error, have docs but no check of their own
    assert set(registry.RULES) - set(registry.CHECKS) == {
        "yaml-syntax", "duplicate-key", "input-limit", "schema", "unknown-key", "duplicate-id",
        "unknown-reference", "long-label", "rule-error"}


def test_only_load_failures_and_rule_error_are_fixed():
    fixed = {rule_id for rule_id in registry.RULES if not registry.configurable(rule_id)}
    assert fixed == {"yaml-syntax", "duplicate-key", "input-limit", "rule-error"}


@pytest.mark.parametrize("rule_id", [r for r in registry.RULES if r != "rule-error"])
def test_every_rule_has_a_test_module_and_fixtures(rule_id):
    assert (HERE / f"test_{rule_id.replace('-', '_')}.py").is_file()
    assert (FIXTURES / rule_id).is_dir()
    assert fixtures(rule_id, "valid") and fixtures(rule_id, "invalid")
