"""Helpers shared by the subcommands: reading input and reporting load problems."""

from __future__ import annotations

import argparse
import sys
from typing import TextIO

from ..errors import BlueprintError
from ..loader import load, loads, read_stream
from ..model import Blueprint
from ..words import locales


def read_blueprint(path: str) -> Blueprint:
    """Load ``path``; ``-`` reads standard input. Raises ``BlueprintError`` / ``OSError``."""
    if path == "-":
        return loads(read_stream(sys.stdin.buffer, "<stdin>"), "<stdin>")
    return load(path)


def add_locale(parser: argparse.ArgumentParser,
               what: str = "language of the problems printed to stderr") -> None:
    """``--locale en|zh`` (default ``en``): the language of messages."""
    parser.add_argument("--locale", choices=locales(), default="en", help=f"{what} (default: en)")


def print_problems(bp: Blueprint, locale: str = "en", stream: TextIO | None = None) -> None:
    """Print a blueprint's content problems, one line each, in file order, to ``stream`` (stderr)."""
    for problem in sorted(bp.problems, key=lambda p: (p.pos.line, p.pos.column)):
        print(problem.describe(locale), file=stream or sys.stderr)


def load_reporting(path: str, stream: TextIO | None = None, locale: str = "en") -> Blueprint | None:
    """Load ``path`` and print its problems to ``stream`` (stderr) in ``locale``; None if it did not load."""
    stream = stream or sys.stderr
    try:
        bp = read_blueprint(path)
    except BlueprintError as exc:
        print(exc.problem.describe(locale), file=stream)
        return None
    print_problems(bp, locale, stream)
    return bp


def write_output(text: str, output: str | None) -> None:
    """Write to a file, or to stdout when ``output`` is None or ``-``."""
    if output in (None, "-"):
        sys.stdout.write(text)
        sys.stdout.flush()
    else:
        with open(output, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
