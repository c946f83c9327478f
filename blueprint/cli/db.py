"""Open the database of drafts and boards: create or upgrade its tables, move old drafts in, clean up.

The app does the same on start; run this before starting several app servers on one PostgreSQL,
or to see where the store is and what it holds.

    blueprint db                                  # SQLite in the data directory
    blueprint db --db postgresql://bp@db/bp       # or $BLUEPRINT_DATABASE_URL

Settings (environment): BLUEPRINT_DATA_DIR, BLUEPRINT_DATABASE_URL, BLUEPRINT_DRAFTS_PER_OWNER,
BLUEPRINT_UNTOUCHED_DAYS, BLUEPRINT_REVISIONS_PER_DRAFT, BLUEPRINT_STALE_TEMP_HOURS.
"""

from __future__ import annotations

import argparse
import json
import sys

NAME = "db"
HELP = "create or upgrade the database of drafts and boards, and show what it holds"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", metavar="URL", help="database URL (default: $BLUEPRINT_DATABASE_URL, "
                                                    "else SQLite in the data directory)")
    parser.add_argument("--format", choices=("text", "json"), default="text", help="output format (default: text)")


def run(args: argparse.Namespace) -> int:
    from sqlalchemy import func, select
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import SQLAlchemyError

    from ..store import DocumentStore, database_url, open_database, start_up
    from ..store.models import Board, Document, Revision

    url = database_url(args.db)
    shown = make_url(url).render_as_string(hide_password=True)
    try:
        database = open_database(url)
        report = start_up(DocumentStore(database))
        with database.read() as session:
            counts = {name: session.scalar(select(func.count()).select_from(table))
                      for name, table in (("documents", Document), ("revisions", Revision), ("boards", Board))}
    except (SQLAlchemyError, OSError) as error:
        reason = str(getattr(error, "orig", None) or error).strip().splitlines()[0]
        print(f"blueprint: cannot open the database {shown}: {reason}", file=sys.stderr)
        return 2
    result = {"database": shown, **counts, "imported_drafts": report.imported,
              "removed_temporaries": report.temporaries, "expired_copies": report.expired}
    if args.format == "json":
        print(json.dumps(result))
    else:
        for key, value in result.items():
            print(f"{key.replace('_', ' ')}: {value}")
    return 0
