"""Lint blueprint files: YAML and schema errors, unknown keys and references, missing handoffs,
open loops, time standards the durations cannot keep, and the structure of the flow.

PATH is a file, a directory (searched recursively for *.yaml and *.yml, skipping hidden files
and directories) or - for standard input. The config is -c FILE, else the first
.blueprintlint.yaml in the current directory or a parent, else the defaults.

With --locale zh the messages are written in Chinese, in every format (levels, rule ids and the
JSON keys stay as they are).

Exit status: 0 when no errors (and, with --strict, no warnings) were found, 1 when some were,
2 on a usage error, a file that cannot be read, or an invalid config.
"""

from __future__ import annotations

import argparse
import os
import sys

from ..controls import visible
from ..lint.formats import FORMATS
from ._common import add_locale

NAME = "lint"
HELP = "check blueprints: handoffs, open loops, time standards, structure"
_SUFFIXES = (".yaml", ".yml")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH",
                        help="a blueprint file, a directory, or - for stdin")
    parser.add_argument("-f", "--format", choices=FORMATS, default="standard",
                        help="output format (default: standard)")
    parser.add_argument("-c", "--config", metavar="FILE",
                        help="config file (default: .blueprintlint.yaml here or in a parent directory)")
    parser.add_argument("--strict", action="store_true", help="exit 1 on warnings too")
    add_locale(parser, "language of the messages")


def expand(paths: list[str]) -> list[str]:
    """Files to lint: directories become their *.yaml/*.yml files, sorted; each file once."""
    files: list[str] = []
    for path in paths:
        if path != "-" and os.path.isdir(path):
            for root, dirs, names in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                files.extend(os.path.join(root, name) for name in sorted(names)
                             if name.endswith(_SUFFIXES) and not name.startswith("."))
        else:
            files.append(path)
    seen: set[str] = set()
    unique = []
    for name in files:
        key = name if name == "-" else os.path.normpath(name)
        if key not in seen:
            seen.add(key)
            unique.append(name)
    return unique


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
    for path in expand(args.paths):
        try:
            if path == "-":
                findings.extend(lint(sys.stdin.buffer, config, path="<stdin>"))
            else:
                findings.extend(lint(Path(path), config))
        except OSError as exc:
            print(visible(f"blueprint: {path}: {exc.strerror or exc}"), file=sys.stderr)
            unreadable = True
    sys.stdout.write(render(findings, args.format, color=use_color(sys.stdout), locale=args.locale))
    sys.stdout.flush()
    if unreadable:
        return 2
    failing = ("error", "warning") if args.strict else ("error",)
    return 1 if any(f.level in failing for f in findings) else 0
