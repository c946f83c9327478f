"""Workshop boards: create one from a blueprint file and get its two links, or export its outcome.

    blueprint board create hall.yaml --base-url https://bp.example.org
    blueprint board export BOARD_ID --format md > outcome.md
    blueprint board export BOARD_ID --format xlsx -o outcome.xlsx
    blueprint board export BOARD_ID --format pdf --page a3 -o outcome.pdf

``create`` prints the board id, the facilitator link (keep it: it runs the workshop) and the
participant link (share it). ``export`` writes the ranking, the notes by step, the actions, the
participants and the blueprint's revisions as JSON, CSV, Markdown or an Excel workbook (XLSX), or
the blueprint drawn with its notes and the dots of a vote round on the cards (SVG, PDF). XLSX and
PDF are binary: they go to ``-o FILE``, or to standard output only when it is not a terminal.
The database is ``--db``, else $BLUEPRINT_DATABASE_URL, else SQLite in the data directory.
"""

from __future__ import annotations

import argparse
import json
import sys

from ..paper import PAGE_SIZES
from ..words import locales

NAME = "board"
HELP = "create a workshop board from a blueprint, or export a board's outcome"
DEFAULT_BASE_URL = "http://localhost:8501"
EXPORT_FORMATS = ("json", "md", "csv", "xlsx", "svg", "pdf")
_BINARY = ("xlsx", "pdf")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    create = actions.add_parser("create", help="create a board from a blueprint file and print its links")
    create.add_argument("file", metavar="FILE", help="blueprint YAML file ('-' reads standard input)")
    create.add_argument("--title", help="the board's title (default: the blueprint's)")
    create.add_argument("--base-url", default=DEFAULT_BASE_URL,
                        help=f"address of the app the links open (default: {DEFAULT_BASE_URL})")
    create.add_argument("--format", choices=("text", "json"), default="json", help="output format (default: json)")
    _add_db(create)
    export = actions.add_parser("export", help="write a board's outcome")
    export.add_argument("board", metavar="BOARD", help="the board's id")
    export.add_argument("--format", choices=EXPORT_FORMATS, default="json", help="output format (default: json)")
    export.add_argument("-o", "--output", metavar="FILE", help="write to FILE (default: standard output; "
                                                               "xlsx and pdf refuse a terminal)")
    export.add_argument("--round", type=int, metavar="N", help="the vote round whose dots the picture shows "
                                                                "(default: the latest)")
    export.add_argument("--page", choices=("none", *PAGE_SIZES), default="none",
                        help="print the PDF on sheets of this size (default: none, one page of the picture's size)")
    export.add_argument("--locale", choices=locales(), help="language of the headings (default: en) and of the "
                                                          "picture's words (default: the blueprint's)")
    _add_db(export)


def _add_db(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", metavar="URL", help="database URL (default: $BLUEPRINT_DATABASE_URL, "
                                                    "else SQLite in the data directory)")


def _fail(message: str) -> int:
    print(f"blueprint: {' '.join(message.split())}", file=sys.stderr)
    return 2


def run(args: argparse.Namespace) -> int:
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError, SQLAlchemyError

    from ..errors import BlueprintError
    from ..loader import loads, read_stream
    from ..safeyaml import DEFAULT_LIMITS, decode
    from ..store import database_url, open_database
    from ..store.boards import BoardError, BoardStore, board_link

    url = database_url(args.db)
    try:
        shown = make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return _fail(f"not a database URL: {args.db!r}")
    if args.action == "export" and args.format in _BINARY and args.output in (None, "-") and sys.stdout.isatty():
        return _fail(f"{args.format.upper()} is binary: write it to a file with -o FILE (or pipe it)")
    if args.action == "export" and args.page != "none" and args.format != "pdf":
        return _fail("--page prints sheets of a PDF: use it with --format pdf")
    if args.action == "create":
        if not args.base_url.startswith(("http://", "https://")):
            return _fail(f"--base-url must start with http:// or https://, not {args.base_url!r}")
        try:
            # One byte past the limit is enough for decode to refuse a file too large.
            if args.file == "-":
                data = read_stream(sys.stdin.buffer, "<stdin>")
            else:
                with open(args.file, "rb") as handle:
                    data = handle.read(DEFAULT_LIMITS.max_bytes + 1)
            name = "<stdin>" if args.file == "-" else args.file
            text = decode(data, name)
            loads(text, name)  # refuse what is not a blueprint before making a board of it
        except BlueprintError as error:
            return _fail(error.problem.describe("en"))
        except OSError as error:
            return _fail(f"{args.file}: {error.strerror or error}")
    try:
        store = BoardStore(open_database(url))
        if args.action == "create":
            made = store.create(text, title=args.title or "")
        else:
            outcome = store.board_outcome(args.board)
            text = store.board_text(args.board) if args.format in ("svg", "pdf") else ""
    except BoardError as error:
        return _fail(str(error))
    except (SQLAlchemyError, OSError) as error:
        reason = str(getattr(error, "orig", None) or error).strip().splitlines()[0]
        return _fail(f"cannot open the database {shown}: {reason}")

    if args.action == "export":
        return _export(args, outcome, text)
    result = {"board": made.board, "document": made.document,
              "facilitator_url": board_link(args.base_url, made.board, made.facilitator_token),
              "participant_url": board_link(args.base_url, made.board, made.participant_token)}
    if args.format == "json":
        print(json.dumps(result))
    else:
        print(f"board: {made.board}\nfacilitator link (keep it): {result['facilitator_url']}\n"
              f"participant link (share it): {result['participant_url']}")
    return 0


def _export(args: argparse.Namespace, outcome: dict, text: str) -> int:
    from ..errors import BlueprintError
    from ..render.svg import RenderError
    from ..store import outcome as outcomes

    locale = args.locale or "en"
    try:
        if args.format in ("svg", "pdf"):
            # The picture speaks the blueprint's language unless --locale says otherwise.
            data = outcomes.to_picture(text, outcome, args.format, args.locale, round_id=args.round,
                                       page=args.page)
        elif args.format == "xlsx":
            data = outcomes.to_xlsx(outcome, locale)
        elif args.format == "md":
            data = outcomes.to_markdown(outcome, locale)
        else:
            data = {"json": outcomes.to_json, "csv": outcomes.to_csv}[args.format](outcome)
    except BlueprintError as error:
        return _fail(error.problem.describe("en"))
    except (ValueError, ImportError, RenderError) as error:
        return _fail(str(error))
    if isinstance(data, str):
        data = (data.rstrip("\n") + "\n").encode("utf-8")
    try:
        if args.output in (None, "-"):
            sys.stdout.flush()
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
        else:
            with open(args.output, "wb") as handle:
                handle.write(data)
    except OSError as error:
        return _fail(f"{args.output}: {error.strerror or error}")
    return 0
