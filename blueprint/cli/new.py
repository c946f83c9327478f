"""Write a starter blueprint to PATH (it loads and lints clean). An existing file is never
overwritten."""

from __future__ import annotations

import argparse
import os
import sys

from ..controls import visible
from ..templates import LOCALES, starter

NAME = "new"
HELP = "write a starter blueprint"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", metavar="PATH", help="the file to create, e.g. hall.zh.yaml")
    parser.add_argument("--locale", choices=LOCALES, default="en",
                        help="language of the starter (default: en)")
    parser.add_argument("--title", help="the blueprint's title")


def run(args: argparse.Namespace) -> int:
    text = starter(args.locale, args.title)
    try:
        # "x" mode: fails if the file exists, with no window between a check and the write.
        with open(args.path, "x", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
    except FileExistsError:
        print(visible(f"blueprint: {args.path}: file exists; not overwriting it"), file=sys.stderr)
        return 2
    print(visible(f"wrote {os.path.normpath(args.path)} ({args.locale})"))
    return 0
