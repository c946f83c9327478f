"""Compare two blueprints by meaning (as-is A, to-be B): steps added, removed, renamed, moved to
another lane or phase and changed; flows, handoffs and line crossings gained or lost; lint
findings fixed and introduced; journey time, standards and queues before and after. Content
problems of either file go to stderr (exit 1)."""

from __future__ import annotations

import argparse
import json

from ._common import add_locale, load_reporting

NAME = "diff"
HELP = "what changed between two blueprints (as-is / to-be)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("before", metavar="A", help="the blueprint before (as-is)")
    parser.add_argument("after", metavar="B", help="the blueprint after (to-be)")
    parser.add_argument("--format", choices=("text", "json"), default="text", help="output (default: text)")
    add_locale(parser)


def _minutes(value) -> str:
    return "?" if value is None else f"{value:.1f} min"


def _flow(f: dict) -> str:
    kind = "" if f["kind"] == "flow" else f" ({f['kind']})"
    return f"{f['from']} → {f['to']}{kind}"


def format_diff(result: dict, before: str, after: str) -> str:
    """The difference as text, one change a line, sections only when they have something."""
    lines = [f"--- {before}", f"+++ {after}"]

    def section(title: str, rows: list[str]) -> None:
        if rows:
            lines.append(title)
            lines.extend(f"  {row}" for row in rows)

    section("steps added", [f"+ {s['id']} ({s['label']}) in {s['lane']}" for s in result["added"]])
    section("steps removed", [f"- {s['id']} ({s['label']}) from {s['lane']}" for s in result["removed"]])
    section("steps renamed", [f"{r['from']} → {r['to']}" for r in result["renamed"]])
    section("steps moved", [f"{m['id']}: {m['what']} {m['from']} → {m['to']}" for m in result["moved"]])
    section("steps changed", [f"{c['id']}: {c['field']} {json.dumps(c['before'], ensure_ascii=False)} → "
                              f"{json.dumps(c['after'], ensure_ascii=False)}" for c in result["changed"]])
    section("flows added", [f"+ {_flow(f)}" for f in result["flows_added"]])
    section("flows removed", [f"- {_flow(f)}" for f in result["flows_removed"]])
    section("handoffs gained", [f"+ {_flow(f)}" for f in result["handoffs_gained"]])
    section("handoffs lost", [f"- {_flow(f)}" for f in result["handoffs_lost"]])
    section("line crossings", [f"{line}: {c['before']} → {c['after']} (+{c['gained']} -{c['lost']})"
                               for line, c in result["crossings"].items() if c["gained"] or c["lost"]])
    section("findings fixed", [f"- [{f['level']}] {f['message']} ({f['rule']})" for f in result["findings_fixed"]])
    section("findings introduced", [f"+ [{f['level']}] {f['message']} ({f['rule']})"
                                    for f in result["findings_introduced"]])
    minutes = result["journey_minutes"]
    section("journey", [f"total {_minutes(minutes['before'])} → {_minutes(minutes['after'])}"])
    section("standards", [
        f"{row['key']}: {_standard(row['before'])} → {_standard(row['after'])}" for row in result["standards"]
        if row["before"] is None or row["after"] is None
        or (row["before"]["status"], row["before"]["minutes"]) != (row["after"]["status"], row["after"]["minutes"])
    ])
    section("queues", [f"{row['key']}: {_queue(row['before'])} → {_queue(row['after'])}" for row in result["queues"]])
    return "\n".join(lines) + "\n"


def _standard(row: dict | None) -> str:
    return "(none)" if row is None else f"{row['status']} {_minutes(row['minutes'])}"


def _queue(row: dict | None) -> str:
    if row is None:
        return "(none)"
    if row["stable"] is None:
        return f"not computed ({row['reason']})"
    if not row["stable"]:
        return f"unstable ({row['servers']} counters, {row['arrivals_per_hour']:g}/h)"
    return f"mean wait {_minutes(row['mean_wait_minutes'])} ({row['servers']} counters, {row['arrivals_per_hour']:g}/h)"


def run(args: argparse.Namespace) -> int:
    from ..analysis.diff import diff

    before = load_reporting(args.before, locale=args.locale)
    after = load_reporting(args.after, locale=args.locale)
    if before is None or after is None:
        return 1
    result = diff(before, after)
    if args.format == "json":
        print(json.dumps({"before": before.path, "after": after.path, **result}, ensure_ascii=False, indent=2))
    else:
        print(format_diff(result, before.path, after.path), end="")
    return 1 if before.problems or after.problems else 0
