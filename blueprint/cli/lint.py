"""Lint blueprint files: YAML and schema errors, unknown keys and references, missing handoffs,
open loops, time standards the durations cannot keep, and the structure of the flow.

PATH is a file, a directory (searched recursively for *.yaml and *.yml, skipping hidden files
and directories) or - for standard input. A YAML file found in a directory whose top level has no
`blueprint:` key is not a blueprint and is skipped (--verbose says so); a file named on the command
line is linted whatever it holds, unless --skip-non-blueprints (the pre-commit hook, which is given
every staged YAML file). The config is -c FILE, else the first .blueprintlint.yaml in the current
directory or a parent, else the defaults.

In SARIF, file URIs are relative to --base-dir, by default the git repository's top level (else
the current directory), as code scanning expects.

With --locale zh the messages are written in Chinese, in every format (levels, rule ids and the
JSON keys stay as they are).

Exit status: 0 when no errors (and, with --strict, no warnings) were found, 1 when some were,
2 on a usage error, a file that cannot be read, or an invalid config.
"""

from __future__ import annotations

import argparse
import os
import re
import sys

from ..controls import visible
from ..lint.formats import FORMATS
from ..phrases import say
from ._common import add_locale

NAME = "lint"
HELP = "check blueprints: handoffs, open loops, time standards, structure"
_SUFFIXES = (".yaml", ".yml")
# A top-level `blueprint:` key as nearly every blueprint writes it: at the start of a line.
_BLUEPRINT_KEY = re.compile(r"""^["']?blueprint["']?[ \t]*:""", re.M)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH",
                        help="a blueprint file, a directory, or - for stdin")
    parser.add_argument("-f", "--format", choices=FORMATS, default="standard",
                        help="output format (default: standard)")
    parser.add_argument("-c", "--config", metavar="FILE",
                        help="config file (default: .blueprintlint.yaml here or in a parent directory)")
    parser.add_argument("--strict", action="store_true", help="exit 1 on warnings too")
    parser.add_argument("--skip-non-blueprints", action="store_true",
                        help="skip named YAML files whose top level has no 'blueprint:' key too "
                             "(files found in directories always are)")
    parser.add_argument("--base-dir", metavar="DIR",
                        help="SARIF file URIs are relative to DIR (default: the git top level, "
                             "else the current directory)")
    parser.add_argument("-v", "--verbose", action="store_true", help="say which files are skipped, and why")
    add_locale(parser, "language of the messages")


def expand(paths: list[str]) -> list[str]:
    """Files to lint: directories become their *.yaml/*.yml files, sorted; each file once."""
    return [name for name, _named in _expand(paths)]


def _expand(paths: list[str]) -> list[tuple[str, bool]]:
    """Each file once, with whether it was named (True) or found in a directory (False)."""
    files: list[tuple[str, bool]] = []
    for path in paths:
        if path != "-" and os.path.isdir(path):
            for root, dirs, names in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                files.extend((os.path.join(root, name), False) for name in sorted(names)
                             if name.endswith(_SUFFIXES) and not name.startswith("."))
        else:
            files.append((path, True))
    seen: set[str] = set()
    unique = []
    for name, named in files:
        key = name if name == "-" else os.path.normpath(name)
        if key not in seen:
            seen.add(key)
            unique.append((name, named))
    return unique


def is_blueprint(path: str) -> bool:
    """Whether the YAML file's top level has a ``blueprint`` key (unreadable files count as blueprints,
    so that linting them reports why)."""
    from ..errors import BlueprintError
    from ..safeyaml import decode, read_yaml

    try:
        with open(path, "rb") as handle:
            data = handle.read()
        text = decode(data, path)
    except (OSError, BlueprintError):
        return True
    if _BLUEPRINT_KEY.search(text):
        return True
    try:  # flow style, or a key written unusually: ask the YAML itself
        top = read_yaml(text, path)
    except BlueprintError:
        return False
    return isinstance(top, dict) and "blueprint" in top


def git_top_level(start: str = ".") -> str | None:
    """The nearest directory at or above ``start`` holding ``.git`` (a directory, or a worktree's file)."""
    here = os.path.abspath(start)
    while True:
        if os.path.exists(os.path.join(here, ".git")):
            return here
        parent = os.path.dirname(here)
        if parent == here:
            return None
        here = parent


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from ..lint import lint
    from ..lint.config import Config, ConfigError, find_config, load_config
    from ..lint.formats import render, use_color

    try:
        found = args.config or find_config()
        config = load_config(found) if found else Config.default()
    except ConfigError as exc:
        print(exc, file=sys.stderr)
        return 2
    findings = []
    unreadable = False
    for path, named in _expand(args.paths):
        if path != "-" and (args.skip_non_blueprints or not named) and not is_blueprint(path):
            if args.verbose:
                print(visible(_skipped(path, args.locale)), file=sys.stderr)
            continue
        try:
            if path == "-":
                findings.extend(lint(sys.stdin.buffer, config, path="<stdin>"))
            else:
                findings.extend(lint(Path(path), config))
        except OSError as exc:
            print(visible(f"blueprint: {path}: {exc.strerror or exc}"), file=sys.stderr)
            unreadable = True
    base_dir = args.base_dir or git_top_level() or os.getcwd()
    sys.stdout.write(render(findings, args.format, color=use_color(sys.stdout), locale=args.locale,
                            base_dir=base_dir))
    sys.stdout.flush()
    if unreadable:
        return 2
    failing = ("error", "warning") if args.strict else ("error",)
    return 1 if any(f.level in failing for f in findings) else 0


def _skipped(path: str, locale: str) -> str:
    return f"blueprint: {say('cli.lint.skipped', path=path).text(locale)}"
