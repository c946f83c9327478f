"""The blueprint linter: ``lint(source, config) -> list[Finding]``; the package is callable as ``lint``.

Rules live in :mod:`blueprint.lint.rules`, one module each, listed by :mod:`.registry`;
configuration in :mod:`.config`, disable comments in :mod:`.comments`, output formats in
:mod:`.formats`.
"""

from ..entry import make_callable
from .config import Config, ConfigError
from .linter import LEVELS, Finding, lint, lint_blueprint

__all__ = ["lint", "lint_blueprint", "Finding", "LEVELS", "Config", "ConfigError"]

make_callable(__name__, lint)
