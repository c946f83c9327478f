"""Helpers shared by the subcommands: reading input and reporting load problems."""

from __future__ import annotations

import sys
from typing import TextIO

from ..errors import BlueprintError
from ..loader import load, loads
from ..model import Blueprint


def read_blueprint(path: str) -> Blueprint:
    """Load ``path``; ``-`` reads standard input. Raises ``BlueprintError`` / ``OSError``."""
    if path == "-":
        return loads(sys.stdin.buffer.read(), "<stdin>")
    return load(path)


def load_reporting(path: str, stream: TextIO | None = None) -> Blueprint | None:
    """Load ``path`` and print its problems to ``stream`` (stderr); None if it did not load."""
    stream = stream or sys.stderr
    try:
        bp = read_blueprint(path)
    except BlueprintError as exc:
        print(exc, file=stream)
        return None
    for problem in sorted(bp.problems, key=lambda p: (p.pos.line, p.pos.column)):
        print(problem, file=stream)
    return bp


def write_output(text: str, output: str | None) -> None:
    """Write to a file, or to stdout when ``output`` is None or ``-``."""
    if output in (None, "-"):
        sys.stdout.write(text)
        sys.stdout.flush()
    else:
        with open(output, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
