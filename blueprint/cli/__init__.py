"""The ``blueprint`` command. ``main(argv) -> int``: 0 ok, 1 problems found, 2 usage or I/O error.

Each subcommand is a module of this package with ``NAME``, ``HELP``, ``add_arguments(parser)``
and ``run(args) -> int``; :data:`COMMANDS` lists them in the order ``--help`` shows them.
Subcommand modules import heavy libraries inside ``run`` so ``blueprint --help`` stays fast.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from ..controls import visible
from ..errors import BlueprintError
from ..version import __version__

__all__ = ["main", "build_parser", "COMMANDS"]

COMMANDS = ("new", "stats", "analyze", "queue", "diff", "graph", "schema", "lint", "rules", "render", "export",
            "import_", "db", "board")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="blueprint",
        description="Service blueprints as YAML: check, draw and analyse them.",
        epilog="Run 'blueprint COMMAND --help' for the options of a command.",
    )
    parser.add_argument("--version", action="version", version=f"blueprint {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        module = importlib.import_module(f".{name}", __name__)
        sub = commands.add_parser(
            module.NAME, help=module.HELP, description=module.__doc__,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        module.add_arguments(sub)
        sub.set_defaults(run=module.run)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse: 0 after --help/--version, 2 on a usage error
        return int(exc.code or 0)
    if args.command is None:
        parser.print_help(sys.stderr)
        return 2
    try:
        return args.run(args)
    except BlueprintError as exc:
        print(exc, file=sys.stderr)
        return 1
    except OSError as exc:
        where = f"{exc.filename}: " if exc.filename else ""
        print(visible(f"blueprint: {where}{exc.strerror or exc}"), file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
