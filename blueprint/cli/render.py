"""Draw service blueprints: lanes in zone order, phases as columns, the three lines, as SVG, PNG, PDF
or the DOT Graphviz draws from.

Without -o each picture goes to the current directory, named after its input with the format's
extension (hall-walk.zh.yaml -> hall-walk.zh.svg); -o FILE names it, -o DIR puts every picture in DIR
(created if needed), -o - writes one picture to standard output. The format comes from --format,
else from the extension of -o FILE, else svg.

--page a3|a4|letter prints on pages of that size (--orientation, --fit): no text under 7 pt, the
blueprint split by phase into numbered sheets when one page cannot hold it. A PDF holds every page;
SVG and PNG give one file per page (NAME-1.svg, NAME-2.svg...; NAME-2a, NAME-2b for a sheet taller
than a page), so several pages need -o DIR/. --dpi sets a PNG's pixels per inch; a PNG wider or
taller than Graphviz can draw is refused with a message, never shrunk.

A file that cannot be loaded gets one line on stderr and no picture; content problems (unknown
references, missing keys) are printed to stderr and what can be drawn is drawn, under a banner
"this drawing is incomplete" that lists the first problems (--strict draws nothing instead). --locale chooses the
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
from ..paper import FITS, ORIENTATIONS, PAGE_SIZES
from ._common import print_problems, read_blueprint

PNG_DPI = 144  # blueprint.render.PNG_DPI, without importing Graphviz for --help

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
    parser.add_argument("--plain", action="store_true",
                        help="leave the analysis off the picture: fail points without their text, no "
                             "marks on steps and waits over their time standards")
    parser.add_argument("--details", action="store_true", help="write each step's KPIs and notes on its card")
    parser.add_argument("--strict", action="store_true",
                        help="draw nothing for a file with problems (without it such a file is drawn "
                             "as far as it can be, under a banner listing its problems)")
    parser.add_argument("--page", choices=("none", *PAGE_SIZES), default="none",
                        help="print on pages of this size, split by phase into numbered sheets "
                             "(default: none, one picture of its natural size)")
    parser.add_argument("--orientation", choices=ORIENTATIONS, default="auto",
                        help="page orientation with --page (default: auto, the one that needs fewer pages)")
    parser.add_argument("--fit", choices=FITS, default="page",
                        help="with --page: fit the widest sheet to the page, or fill the page width "
                             "(default: page); text never gets smaller than 7 pt")
    parser.add_argument("--dpi", type=_dpi, default=PNG_DPI, help=f"pixels per inch of PNG (default: {PNG_DPI})")


def _dpi(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if not 36 <= value <= 1200:
        raise argparse.ArgumentTypeError("dpi must be from 36 to 1200")
    return value


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
    from ..render import RenderError, render, render_pages

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
            if args.strict:
                print(f"blueprint: {path}: not drawn: {len(bp.problems)} problem(s) (--strict)", file=sys.stderr)
                continue
        options = {"locale": args.locale, "evidence": not args.no_evidence, "dpi": args.dpi, "plain": args.plain,
                   "details": args.details}
        paged = args.page != "none" and fmt != "pdf"
        try:
            if paged:
                pictures = [(page.suffix, picture) for page, picture in render_pages(
                    bp, fmt, page=args.page, orientation=args.orientation, fit=args.fit, **options)]
            else:
                pictures = [("", render(bp, fmt, page=args.page, orientation=args.orientation, fit=args.fit,
                                        **options))]
        except RenderError as exc:
            print(visible(f"blueprint: {path}: {exc}"), file=sys.stderr)
            return 2
        if len(pictures) > 1 and not to_directory:
            print(f"blueprint: {path}: prints on {len(pictures)} pages: give an output directory "
                  f"(-o DIR/) for one {fmt.upper()} per page, or draw one PDF (-f pdf)", file=sys.stderr)
            return 2
        for suffix, picture in pictures:
            data = picture.encode("utf-8") if isinstance(picture, str) else picture
            if to_stdout:
                sys.stdout.buffer.write(data)
                sys.stdout.flush()
                continue
            if output and not to_directory:
                target = output
            else:
                name = output_name(path, fmt)
                if len(pictures) > 1:
                    stem, ext = os.path.splitext(name)
                    name = f"{stem}-{suffix}{ext}"
                target = _unique(os.path.join(output or ".", name), written)
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
