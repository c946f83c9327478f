"""Make a blueprint from another tool's file: a step table (XLSX or CSV, headings in Chinese or
English mapped to step fields), a BPMN 2.0 process (lanes, tasks, flows), or a Mermaid user journey.

The format comes from --from, else from the file's extension or content. The YAML goes to standard
output, or to -o FILE. What was guessed (zones from lane names) or could not be carried is listed on
stderr with --verbose. A file that cannot be read gets one line naming where: file:line:col, or the
sheet, row and column. Exit status: 0 imported, 1 the file could not be read, 2 usage or I/O.
"""

from __future__ import annotations

import argparse
import os
import sys

from ..errors import BlueprintError
from ..words import locales

NAME = "import"
HELP = "import a step table (XLSX/CSV), BPMN or Mermaid journey as YAML"

FORMATS = ("xlsx", "csv", "bpmn", "mermaid-journey")
ZONES = ("customer", "frontstage", "backstage", "support")


def _pair(text: str) -> tuple[str, str]:
    if "=" not in text:
        raise argparse.ArgumentTypeError(f"expected NAME=VALUE, got {text!r}")
    name, value = text.rsplit("=", 1)
    return name.strip(), value.strip()


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", help="the file to import")
    parser.add_argument("--from", dest="fmt", choices=FORMATS, help="its format (default: from its name or content)")
    parser.add_argument("-o", "--output", metavar="OUT.yaml", help="write the YAML to OUT.yaml instead of stdout")
    parser.add_argument("--sheet", help="the workbook sheet to read (default: the first with step headings)")
    parser.add_argument("--map", action="append", type=_pair, default=[], metavar="HEADING=FIELD",
                        help="map a column heading (or letter) to a step field, e.g. --map 'Activity=label'")
    parser.add_argument("--zone", action="append", type=_pair, default=[], metavar="LANE=ZONE",
                        help=f"the zone of a lane or role ({', '.join(ZONES)}), e.g. --zone '导购员=frontstage'")
    parser.add_argument("--locale", choices=locales(), default="en", help="language of messages (default: en)")
    parser.add_argument("-v", "--verbose", action="store_true",
                        help="list what was guessed and what the format could not carry")


def run(args: argparse.Namespace) -> int:
    from ..interop import import_file
    from ..interop.common import check_file_size
    from ..loader import loads

    for lane, zone in args.zone:
        if zone not in ZONES:
            print(f"blueprint import: --zone {lane}={zone}: the zone is one of {', '.join(ZONES)}", file=sys.stderr)
            return 2
    try:
        with open(args.file, "rb") as handle:
            check_file_size(os.fstat(handle.fileno()).st_size, args.file)  # refused before it is read
            data = handle.read()
        imported = import_file(data, args.file, args.fmt, sheet=args.sheet, mapping=dict(args.map),
                               zones=dict(args.zone))
    except BlueprintError as error:
        print(error.problem.describe(args.locale), file=sys.stderr)
        return 1
    text = imported.yaml
    for problem in loads(text, args.output or "<imported>").problems:  # a guard: the import writes valid files
        print(problem.describe(args.locale), file=sys.stderr)
    if args.output in (None, "-"):
        sys.stdout.write(text)
    else:
        with open(args.output, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
    if args.verbose:
        for note in imported.notes:
            print(f"note: {note.text(args.locale)}", file=sys.stderr)
    elif imported.notes:
        print(f"{len(imported.notes)} note(s) on what was guessed or not carried: run with --verbose",
              file=sys.stderr)
    return 0
