"""Draw service blueprints: lanes in zone order, phases as columns, the three lines, as SVG, PNG, PDF
or the DOT Graphviz draws from.

Without -o each picture goes to the current directory, named after its input with the format's
extension (hall-walk.zh.yaml -> hall-walk.zh.svg); -o FILE names it, -o DIR puts every picture in DIR
(created if needed), -o - writes one picture to standard output. The format comes from --format,
else from the extension of -o FILE, else svg.

A file that cannot be loaded gets one line on stderr and no picture; content problems (unknown
references, missing keys) are printed to stderr and what can be drawn is drawn. --locale chooses the
language of the picture's own words (default: the blueprint's locale) and of those lines (default:
English). Exit status: 0 all drawn cleanly, 1 a file had problems or could not be loaded, 2 usage,
I/O or Graphviz errors.
"""

from __future__ import annotations

import argparse
import os
import sys

from ..controls import visible
from ..errors import BlueprintError
from ..filenames import PICTURE_FORMATS, output_name
from ..words import locales
from ._common import print_problems, read_blueprint

NAME = "render"
HELP = "draw blueprints as SVG, PNG, PDF or DOT"

_YAML = (".yaml", ".yml")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="+", metavar="FILE",
                        help="blueprint files, directories (their *.yaml and *.yml files), or - for stdin")
    parser.add_argument("-o", "--output", metavar="OUT",
                        help="output file, output directory, or - for stdout (default: the current directory)")
    parser.add_argument("-f", "--format", choices=PICTURE_FORMATS,
                        help="picture format (default: from OUT's extension, else svg)")
    parser.add_argument("--locale", choices=locales(),
                        help="language of the picture's own words (default: the blueprint's locale) "
                             "and of the problems printed to stderr (default: en)")
    parser.add_argument("--no-evidence", action="store_true", help="leave out the physical evidence row")


def _inputs(paths: list[str]) -> tuple[list[str], list[str]]:
    """Files to draw, and error lines for directories without blueprints."""
    files: list[str] = []
    errors: list[str] = []
    for path in paths:
        if path != "-" and os.path.isdir(path):
            found = sorted(os.path.join(path, name) for name in os.listdir(path)
                           if name.lower().endswith(_YAML) and os.path.isfile(os.path.join(path, name)))
            if not found:
                errors.append(f"blueprint: {path}: no .yaml or .yml files in this directory")
            files.extend(found)
        else:
            files.append(path)
    return files, errors


def _format(args: argparse.Namespace, to_directory: bool) -> str:
    if args.format:
        return args.format
    if args.output and args.output != "-" and not to_directory:
        ext = os.path.splitext(args.output)[1].lower().lstrip(".")
        if ext in PICTURE_FORMATS:
            return ext
    return "svg"


def run(args: argparse.Namespace) -> int:
    from ..render import RenderError, render

    files, errors = _inputs(args.files)
    for line in errors:
        print(visible(line), file=sys.stderr)
    if not files:
        return 2
    output = args.output
    to_stdout = output == "-"
    to_directory = bool(output) and not to_stdout and (
        len(files) > 1 or os.path.isdir(output) or output.endswith(("/", os.sep)))
    if to_stdout and len(files) > 1:
        print("blueprint render: -o - takes one input, not several", file=sys.stderr)
        return 2
    fmt = _format(args, to_directory)
    if to_directory:
        os.makedirs(output, exist_ok=True)
    status = 1 if errors else 0
    messages = args.locale or "en"
    written: set[str] = set()
    for path in files:
        try:
            bp = read_blueprint(path)
        except BlueprintError as exc:
            print(exc.problem.describe(messages), file=sys.stderr)
            status = max(status, 1)
            continue
        except OSError as exc:
            print(visible(f"blueprint: {exc.filename or path}: {exc.strerror or exc}"), file=sys.stderr)
            status = 2
            continue
        print_problems(bp, messages)
        if bp.problems:
            status = max(status, 1)
        try:
            picture = render(bp, fmt, locale=args.locale, evidence=not args.no_evidence)
        except RenderError as exc:
            print(visible(f"blueprint: {path}: {exc}"), file=sys.stderr)
            return 2
        data = picture.encode("utf-8") if isinstance(picture, str) else picture
        if to_stdout:
            sys.stdout.buffer.write(data)
            sys.stdout.flush()
            continue
        if output and not to_directory:
            target = output
        else:
            target = _unique(os.path.join(output or ".", output_name(path, fmt)), written)
        written.add(target)
        with open(target, "wb") as handle:
            handle.write(data)
    return status


def _unique(target: str, written: set[str]) -> str:
    """``target``, or ``name-2.ext`` and so on when this run already wrote ``target``."""
    if target not in written:
        return target
    stem, ext = os.path.splitext(target)
    n = 2
    while f"{stem}-{n}{ext}" in written:
        n += 1
    return f"{stem}-{n}{ext}"
