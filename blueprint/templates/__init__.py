"""Starter blueprints for ``blueprint new`` and the app's "new blueprint" button."""

from __future__ import annotations

import json
import re
from importlib import resources

__all__ = ["starter", "LOCALES"]

LOCALES = ("en", "zh")


def starter(locale: str = "en", title: str | None = None) -> str:
    """The YAML text of the starter blueprint in ``locale``, optionally with another title."""
    if locale not in LOCALES:
        raise ValueError(f"locale must be one of {', '.join(LOCALES)}, not {locale!r}")
    text = resources.files(__package__).joinpath(f"starter.{locale}.yaml").read_text(encoding="utf-8")
    if title is not None:
        # A JSON string is a valid YAML double-quoted scalar: any title is written safely.
        quoted = json.dumps(title, ensure_ascii=False)
        text = re.sub(r"(?m)^title: .*$", lambda _m: f"title: {quoted}", text, count=1)
    return text
