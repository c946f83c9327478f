"""Shared test helpers: paths of the real files, and finding where a snippet sits in a text."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
TEMPLATES = sorted((ROOT / "blueprint" / "templates").glob("starter.*.yaml"))
#: The as-is hall: its findings are the point, so it is excluded where files must be clean.
BEFORE = "hall-before.zh.yaml"
#: A Chinese ideograph: what a message written in Chinese has and an English one has not.
CJK = re.compile(r"[\u3400-\u9fff]")

sys.path.insert(0, str(ROOT / "bench"))

#: The PostgreSQL server fixtures (``postgres_url``), for the store and everything built on it.
pytest_plugins = ["tests.postgres"]


def where(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    """1-based (line, column) of the ``nth`` occurrence of ``needle`` in ``text``."""
    offset = -1
    for _ in range(nth + 1):
        offset = text.index(needle, offset + 1)
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column


@pytest.fixture
def write(tmp_path):
    """Write text (or bytes) to a file in tmp_path and return its path."""

    def _write(content: str | bytes, name: str = "bp.yaml") -> Path:
        path = tmp_path / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    return _write
