"""Count what a blueprint holds: steps, lanes by zone, phases, flows, handoffs, line crossings,
fail and wait points, touchpoints by kind. Content problems are printed to stderr (exit 1), in
Chinese with --locale zh; the counts themselves are in English."""

from __future__ import annotations

import argparse
import json

from ..controls import json_visible, visible
from ..model import Line, Zone
from ._common import add_locale, load_reporting

NAME = "stats"
HELP = "count steps, lanes, flows, handoffs, crossings, touchpoints"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", help="a blueprint file, or - for stdin")
    parser.add_argument("--json", action="store_true", help="print JSON")
    add_locale(parser)


def _counts(mapping: dict, names: dict) -> str:
    return ", ".join(f"{names.get(key, key)} {count}" for key, count in mapping.items())


def format_stats(result: dict, path: str) -> str:
    zones = {zone.value: zone.value for zone in Zone}
    flow_kinds = {k: n for k, n in result["flows_by_kind"].items() if k != "recovery"}
    lines = {line.value: line.label("en") for line in Line}
    rows = [
        ("steps", str(result["steps"])),
        ("lanes", f"{result['lanes']} ({_counts(result['lanes_by_zone'], zones)})"),
        ("phases", str(result["phases"])),
        ("flows", f"{result['flows']} ({_counts(flow_kinds, {})})"),
        ("recovery links", str(result["flows_by_kind"]["recovery"])),
        ("handoffs", str(result["handoffs"])),
        ("line crossings", _counts(result["crossings_by_line"], lines)),
        ("fail points", str(result["fail_points"])),
        ("wait points", str(result["wait_points"])),
        ("touchpoints", _counts(result["touchpoints_by_kind"], {})),
    ]
    head = visible(f"{result['title']} ({path})")
    return "\n".join([head] + [f"  {name:<15} {value}" for name, value in rows]) + "\n"


def run(args: argparse.Namespace) -> int:
    from ..analysis.stats import stats

    bp = load_reporting(args.file, locale=args.locale)
    if bp is None:
        return 1
    result = stats(bp.to_graph())
    if args.json:
        print(json_visible(json.dumps({"path": bp.path, **result}, ensure_ascii=False, indent=2)))
    else:
        print(format_stats(result, bp.path), end="")
    return 1 if bp.problems else 0
