"""Write a blueprint in another tool's format: BPMN 2.0 (with diagram layout, for bpmn.io and Camunda
Modeler), a Mermaid flowchart or user journey, a draw.io board, or a step table as XLSX or CSV.

Without -o the file goes to the current directory, named after its input with the format's
extension (hall-walk.zh.yaml -> hall-walk.zh.bpmn); -o - writes to standard output. What the format
cannot hold is listed on stderr with --verbose. Content problems are printed to stderr and what can
be exported is exported (exit 1); a file that cannot be loaded exits 1 with no output.
"""

from __future__ import annotations

import argparse
import os
import sys

from ..words import locales
from ._common import load_reporting

NAME = "export"
HELP = "export to BPMN, Mermaid, draw.io, XLSX or CSV"

FORMATS = ("bpmn", "mermaid", "mermaid-journey", "drawio", "xlsx", "csv")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", help="a blueprint file, or - for stdin")
    parser.add_argument("--to", required=True, choices=FORMATS, help="the format to write")
    parser.add_argument("-o", "--output", metavar="OUT",
                        help="output file, or - for stdout (default: FILE's name with the format's extension)")
    parser.add_argument("--locale", choices=locales(),
                        help="language of the words the export writes (default: the blueprint's locale) "
                             "and of messages (default: en)")
    parser.add_argument("-v", "--verbose", action="store_true", help="list what the format cannot hold")


def _default_output(path: str, extension: str) -> str:
    if path == "-":
        return f"blueprint.{extension}"
    stem = os.path.basename(path)
    for suffix in (".yaml", ".yml"):
        if stem.lower().endswith(suffix):
            stem = stem[: -len(suffix)]
    return f"{stem}.{extension}"


def run(args: argparse.Namespace) -> int:
    from ..interop import export

    messages = args.locale or "en"
    bp = load_reporting(args.file, locale=messages)
    if bp is None:
        return 1
    result = export(bp, args.to, args.locale)
    output = args.output or _default_output(args.file, result.extension)
    if output == "-":
        sys.stdout.buffer.write(result.content)
        sys.stdout.flush()
    else:
        with open(output, "wb") as handle:
            handle.write(result.content)
    if args.verbose:
        for item in result.lost:
            print(f"not carried: {item.text(messages)}", file=sys.stderr)
    return 1 if bp.problems else 0
