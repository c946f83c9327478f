"""Helpers for the rule tests: fixtures per rule, and findings as ``(line, column, text there)``."""

from __future__ import annotations

from pathlib import Path

from blueprint.lint import Finding, lint

FIXTURES = Path(__file__).parent / "fixtures"


def fixture(rule: str, name: str) -> Path:
    return FIXTURES / rule / name


def fixtures(rule: str, kind: str) -> list[str]:
    """Names of the ``valid-*`` or ``invalid-*`` fixtures of a rule."""
    return sorted(p.name for p in (FIXTURES / rule).glob(f"{kind}-*.yaml"))


def text_at(path: Path, line: int, column: int, length: int) -> str:
    """The ``length`` characters of the file at a 1-based line and column."""
    lines = path.read_text(encoding="utf-8").splitlines() or [""]  # an empty file has line 1
    return lines[line - 1][column - 1:column - 1 + length]


def found(rule: str, path: Path, config=None) -> list[Finding]:
    return [f for f in lint(path, config) if f.rule == rule]


def located(rule: str, path: Path, expected_tokens: list[str], config=None) -> list[tuple[int, int, str]]:
    """The rule's findings in ``path`` as ``(line, column, text there)``, where the text is as
    long as the expected token at the same index, so a test shows what each finding points at."""
    result = []
    for i, f in enumerate(found(rule, path, config)):
        width = len(expected_tokens[i]) if i < len(expected_tokens) else 10
        result.append((f.line, f.column, text_at(path, f.line, f.column, width)))
    return result


def check_invalid(rule: str, name: str, expected: list[tuple[int, int, str]]) -> list[Finding]:
    """Assert the rule's findings in fixture ``name`` are exactly ``expected``; return them."""
    path = fixture(rule, name)
    assert located(rule, path, [token for _l, _c, token in expected]) == expected
    return found(rule, path)


def check_valid(rule: str, name: str) -> None:
    """A valid fixture lints completely clean, not just for its own rule."""
    assert [str(f) for f in lint(fixture(rule, name))] == []
