"""The JSON Schema of format version 1, shipped as ``schema.json`` beside this module."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

__all__ = ["schema_text", "schema"]


def schema_text() -> str:
    return resources.files(__package__).joinpath("schema.json").read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def schema() -> dict:
    return json.loads(schema_text())
