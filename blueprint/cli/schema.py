"""Print the JSON Schema of the blueprint format (draft 2020-12), for editors.

Save it next to your blueprints and point the YAML language server at it:

    blueprint schema > blueprint.schema.json
    # first line of a blueprint file:
    # yaml-language-server: $schema=blueprint.schema.json
"""

from __future__ import annotations

import argparse

from ..schema import schema_text
from ._common import write_output

NAME = "schema"
HELP = "print the JSON Schema of the file format"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")


def run(args: argparse.Namespace) -> int:
    write_output(schema_text(), args.output)
    return 0
