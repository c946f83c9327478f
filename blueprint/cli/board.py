"""Workshop boards: create one from a blueprint file and get its two links, or export its outcome.

    blueprint board create hall.yaml --base-url https://bp.example.org
    blueprint board export BOARD_ID --format md > outcome.md

``create`` prints the board id, the facilitator link (keep it: it runs the workshop) and the
participant link (share it). ``export`` prints the ranking, the notes by step, the actions, the
participants and the blueprint's revisions as JSON, CSV or Markdown.
The database is ``--db``, else $BLUEPRINT_DATABASE_URL, else SQLite in the data directory.
"""

from __future__ import annotations

import argparse
import json
import sys
from ._common import add_locale

NAME = "board"
HELP = "create a workshop board from a blueprint, or export a board's outcome"
#: The store's own (blueprint.store.boards.DEFAULT_BASE_URL), written out: importing the store here
#: would load SQLAlchemy for every command.
DEFAULT_BASE_URL = "http://localhost:8501"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    create = actions.add_parser("create", help="create a board from a blueprint file and print its links")
    create.add_argument("file", metavar="FILE", help="blueprint YAML file ('-' reads standard input)")
    create.add_argument("--title", help="the board's title (default: the blueprint's)")
    create.add_argument("--base-url", default=DEFAULT_BASE_URL,
                        help=f"address of the app the links open (default: {DEFAULT_BASE_URL})")
    create.add_argument("--format", choices=("text", "json"), default="json", help="output format (default: json)")
    _add_db(create)
    export = actions.add_parser("export", help="print a board's outcome")
    export.add_argument("board", metavar="BOARD", help="the board's id")
    export.add_argument("--format", choices=("json", "md", "csv"), default="json", help="output format (default: json)")
    add_locale(export, "language of the Markdown headings")
    _add_db(export)


def _add_db(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", metavar="URL", help="database URL (default: $BLUEPRINT_DATABASE_URL, "
                                                    "else SQLite in the data directory)")


def link(base_url: str, board: str, token: str) -> str:
    """``BASE/board?board=ID&token=TOKEN``.

    >>> link("https://bp.example.org/", "b1", "t-2")
    'https://bp.example.org/board?board=b1&token=t-2'
    """
    from ..store.boards import board_link

    return board_link(base_url, board, token)


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
    from ..store.boards import BoardError, BoardStore

    url = database_url(args.db)
    try:
        shown = make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return _fail(f"not a database URL: {args.db!r}")
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
    except BoardError as error:
        return _fail(str(error))
    except (SQLAlchemyError, OSError) as error:
        reason = str(getattr(error, "orig", None) or error).strip().splitlines()[0]
        return _fail(f"cannot open the database {shown}: {reason}")

    if args.action == "export":
        from ..store.outcome import to_csv, to_json, to_markdown

        writer = {"json": to_json, "csv": to_csv, "md": lambda data: to_markdown(data, args.locale)}[args.format]
        sys.stdout.write(writer(outcome).rstrip("\n") + "\n")
        return 0
    result = {"board": made.board, "document": made.document,
              "facilitator_url": link(args.base_url, made.board, made.facilitator_token),
              "participant_url": link(args.base_url, made.board, made.participant_token)}
    if args.format == "json":
        print(json.dumps(result))
    else:
        print(f"board: {made.board}\nfacilitator link (keep it): {result['facilitator_url']}\n"
              f"participant link (share it): {result['participant_url']}")
    return 0
