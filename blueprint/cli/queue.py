"""Compute an M/M/c queue (Erlang C): how busy the counters are, how many customers wait and how
long, the share served within a standard, and the fewest counters that keep a service level.

Example: blueprint queue --arrivals 120/h --service 6min --servers 14 --standard 10min --diversion 30%
Rates are customers per hour (120/h, 2/min); durations as in blueprint files (6min, 90s, 0.1h);
shares from 0 to 1 or as a percentage (0.3, 30%). Bad parameters exit 2."""

from __future__ import annotations

import argparse
import json
import sys

NAME = "queue"
HELP = "M/M/c queue: utilisation, wait, service level, fewest counters"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--arrivals", required=True, metavar="RATE", help="customers arriving: 120/h, 2/min")
    parser.add_argument("--service", required=True, metavar="DURATION", help="mean service time: 6min, 90s")
    parser.add_argument("--servers", required=True, metavar="N", help="counters open (at least 1)")
    parser.add_argument("--standard", metavar="DURATION", help="the wait standard: 10min")
    parser.add_argument("--service-level", default="0.8", metavar="SHARE",
                        help="share that must wait within --standard (default: 0.8)")
    parser.add_argument("--diversion", default="0", metavar="SHARE",
                        help="share of arrivals diverted to self-service or e-channels (default: 0)")
    parser.add_argument("--format", choices=("text", "json"), default="text", help="output (default: text)")


def parse(args: argparse.Namespace) -> dict:
    """The parameters as numbers; raises ``ValueError`` naming the bad option."""
    from ..durations import DurationError, parse_duration
    from ..rates import parse_rate, parse_servers, parse_share

    parsers = {"arrivals": parse_rate, "service": parse_duration, "servers": parse_servers,
               "standard": parse_duration, "service_level": parse_share, "diversion": parse_share}
    values = {}
    for key, parser in parsers.items():
        text = getattr(args, key)
        if text is None:
            values[key] = None
            continue
        try:
            values[key] = parser(text)
        except DurationError as exc:
            raise ValueError(f"--{key.replace('_', '-')}: {exc}") from None
    if values["service"].total_seconds() <= 0:
        raise ValueError("--service: the service time must be more than zero")
    return values


def format_queue(result: dict) -> str:
    """The figures as lines a hall manager reads."""
    lines = [
        f"arrivals to the counters  {result['arrivals_per_hour']:g}/h"
        + (f" ({result['diversion']:.0%} diverted)" if result["diversion"] else ""),
        f"counters                  {result['servers']}",
        f"service time              {result['service_minutes']:g} min",
        f"utilisation               {result['utilisation']:.1%}",
    ]
    if not result["stable"]:
        lines.append("stable                    no: arrivals reach the counters' capacity, the queue "
                     "grows without end")
    else:
        lines += [
            f"probability of waiting    {result['wait_probability']:.1%}",
            f"mean wait                 {result['mean_wait_minutes']:.2f} min",
            f"mean queue length         {result['mean_queue_length']:.2f}",
        ]
    if "servers_for_service_level" in result:
        if result["within_standard"] is not None:
            lines.append(f"wait within {result['standard_minutes']:g} min       {result['within_standard']:.1%}")
        lines.append(f"counters for {result['level']:.0%} within {result['standard_minutes']:g} min "
                     f"{result['servers_for_service_level']}")
    return "\n".join(lines) + "\n"


def run(args: argparse.Namespace) -> int:
    from ..analysis.queues import mmc

    try:
        values = parse(args)
    except ValueError as exc:
        print(f"blueprint queue: {exc}", file=sys.stderr)
        return 2
    standard = values["standard"]
    result = mmc(values["arrivals"], values["service"].total_seconds() / 60, values["servers"],
                 standard_minutes=standard.total_seconds() / 60 if standard is not None else None,
                 diversion=values["diversion"], level=values["service_level"])
    if args.format == "json":
        print(json.dumps(result, indent=2))
    else:
        print(format_queue(result), end="")
    return 0
