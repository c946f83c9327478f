"""The store's limits, each configurable through an environment variable.

=================================  ==========================================================  =======
``BLUEPRINT_DRAFTS_PER_OWNER``      drafts one browser may keep (the oldest untouched make room)   200
``BLUEPRINT_UNTOUCHED_DAYS``        days an untouched copy of an example or template is kept          7
``BLUEPRINT_REVISIONS_PER_DRAFT``   revisions kept per draft (the oldest are dropped)               1000
``BLUEPRINT_STALE_TEMP_HOURS``      age after which a left-over ``*.tmp`` file is removed             1
=================================  ==========================================================  =======

>>> Settings.from_env({"BLUEPRINT_DRAFTS_PER_OWNER": "5"}).drafts_per_owner
5
>>> Settings.from_env({"BLUEPRINT_UNTOUCHED_DAYS": "soon"}).untouched_days
7.0
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass

__all__ = ["Settings"]


@dataclass(frozen=True, slots=True)
class Settings:
    drafts_per_owner: int = 200
    untouched_days: float = 7.0
    revisions_per_draft: int = 1000
    stale_temp_hours: float = 1.0

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        """The settings from ``environ`` (``os.environ`` by default); a value that is not a positive
        number keeps the default."""
        environ = os.environ if environ is None else environ
        defaults = cls()

        def number(name: str, default, kind):
            try:
                value = kind(environ.get(name, ""))
            except ValueError:
                return default
            return value if value > 0 else default

        return cls(
            drafts_per_owner=number("BLUEPRINT_DRAFTS_PER_OWNER", defaults.drafts_per_owner, int),
            untouched_days=number("BLUEPRINT_UNTOUCHED_DAYS", defaults.untouched_days, float),
            revisions_per_draft=number("BLUEPRINT_REVISIONS_PER_DRAFT", defaults.revisions_per_draft, int),
            stale_temp_hours=number("BLUEPRINT_STALE_TEMP_HOURS", defaults.stale_temp_hours, float),
        )
