"""Analyse a blueprint's time: the journey (total best / expected / worst, critical path, time
by phase and lane, waiting share), each standard against the designed times (met / exceeded /
unmeasured), and each wait point's queue (Erlang C). Content problems go to stderr (exit 1)."""

from __future__ import annotations

import argparse
import json

from ._common import add_locale, load_reporting

NAME = "analyze"
HELP = "journey time, standards and queues"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", help="a blueprint file, or - for stdin")
    parser.add_argument("--format", choices=("text", "json"), default="text", help="output (default: text)")
    add_locale(parser)


def _m(value: float | None) -> str:
    return "?" if value is None else f"{value:g} min" if value == int(value) else f"{value:.1f} min"


def format_analysis(result: dict, title: str, path: str) -> str:
    """The analysis as text: journey, standards, queues."""
    journey = result["journey"]
    total = journey["total_minutes"]
    lines = [f"{title} ({path})", "journey"]
    spread = "" if total["best"] == total["worst"] else f" (best {_m(total['best'])}, worst {_m(total['worst'])})"
    lines.append(f"  total          {_m(total['expected'])}{spread}")
    lines.append(f"  waiting share  {journey['wait_share']:.0%}")
    lines.append(f"  critical path  {' → '.join(journey['critical_path'])}")
    for key in ("by_phase", "by_lane", "by_owner"):
        if journey[key]:
            parts = ", ".join(f"{name or '(no phase)'} {_m(m)}" for name, m in journey[key].items())
            lines.append(f"  {key.replace('_', ' '):<14} {parts}")
    if journey["unmeasured"]:
        lines.append(f"  no duration    {', '.join(journey['unmeasured'])}")
    if result["standards"]:
        lines.append("standards")
        for s in result["standards"]:
            which = s["id"] + (f" ({s['step']})" if s["kind"] == "step" else "")
            at_least = "≥ " if s["at_least"] else ""
            lines.append(f"  {which:<24} {s['status']:<10} {at_least}{_m(s['minutes'])} of {_m(s['max_minutes'])}")
    if result["queues"]:
        lines.append("queues")
        for q in result["queues"]:
            if q["stable"] is None:
                lines.append(f"  {q['step']:<24} not computed: {q['reason']}")
            elif not q["stable"]:
                lines.append(f"  {q['step']:<24} unstable: {q['arrivals_per_hour']:g}/h onto {q['servers']} "
                             f"counters of {q['service_minutes']:g} min (utilisation {q['utilisation']:.0%})")
            else:
                within = (f", {q['within_standard']:.0%} within {_m(q['standard_minutes'])}"
                          if q.get("within_standard") is not None else "")
                lines.append(f"  {q['step']:<24} mean wait {q['mean_wait_minutes']:.1f} min, utilisation "
                             f"{q['utilisation']:.0%}{within}")
            if q.get("servers_for_service_level"):
                lines.append(f"  {'':<24} counters for {q['level']:.0%} within {_m(q['standard_minutes'])}: "
                             f"{q['servers_for_service_level']}")
            for row in q["by_hour"]:
                wait = (f"mean wait {row['mean_wait_minutes']:.1f} min" if row["stable"] else "unstable")
                lines.append(f"    {row['hour']:<8} {row['arrivals_per_hour']:g}/h  {wait}")
    return "\n".join(lines) + "\n"


def run(args: argparse.Namespace) -> int:
    from ..analysis import analyze

    bp = load_reporting(args.file, locale=args.locale)
    if bp is None:
        return 1
    result = analyze(bp)
    if args.format == "json":
        print(json.dumps({"path": bp.path, "title": bp.title, **result}, ensure_ascii=False, indent=2))
    else:
        print(format_analysis(result, bp.title, bp.path), end="")
    return 1 if bp.problems else 0
