"""List the lint rules with their default level and what they find, or print one rule's
documentation: what it finds, why it matters, a failing and a passing example."""

from __future__ import annotations

import argparse
import sys

NAME = "rules"
HELP = "list the lint rules, or show the documentation of one"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("rule", nargs="?", metavar="ID", help="a rule id, e.g. open-loop")


def run(args: argparse.Namespace) -> int:
    from ..errors import did_you_mean
    from ..lint import docs, registry

    if args.rule is None:
        width = max(len(rule_id) for rule_id in registry.RULES)
        for rule_id, module in registry.RULES.items():
            print(f"{rule_id:<{width}}  {module.LEVEL:<7}  {docs.summary(module)}")
        return 0
    if args.rule not in registry.RULES:
        print(f"blueprint: no rule '{args.rule}'{did_you_mean(args.rule, registry.RULES)}; "
              "'blueprint rules' lists them", file=sys.stderr)
        return 2
    sys.stdout.write(docs.rule_text(args.rule))
    return 0
