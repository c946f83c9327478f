"""Write the blueprint's graph (steps as nodes, flows as edges with kind, handoff and crossed
lines) as node-link JSON or GraphML, through networkx's writers. Content problems are printed to
stderr (exit 1), in Chinese with --locale zh.

The JSON keeps its edges under "links", as d3 reads them: in Python,
networkx.node_link_graph(data, edges="links") reads it back (networkx 3.6 and later default to
"edges")."""

from __future__ import annotations

import argparse

from ._common import add_locale, load_reporting, write_output

NAME = "graph"
HELP = "export the flow graph as JSON or GraphML"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", help="a blueprint file, or - for stdin")
    parser.add_argument("-f", "--format", choices=("json", "graphml"), default="json",
                        help="output format (default: json)")
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
    add_locale(parser)


def run(args: argparse.Namespace) -> int:
    from ..graph import graph_to_graphml, graph_to_json

    bp = load_reporting(args.file, locale=args.locale)
    if bp is None:
        return 1
    graph = bp.to_graph()
    text = graph_to_json(graph) if args.format == "json" else graph_to_graphml(graph)
    write_output(text, args.output)
    return 1 if bp.problems else 0
