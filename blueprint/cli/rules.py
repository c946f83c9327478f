"""List the lint rules with their default level and what they find, or print one rule's
documentation: what it finds, why it matters, a failing and a passing example. With --locale zh,
in that language."""

from __future__ import annotations

import argparse
import sys

from ._common import add_locale

NAME = "rules"
HELP = "list the lint rules, or show the documentation of one"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("rule", nargs="?", metavar="ID", help="a rule id, e.g. open-loop")
    add_locale(parser, "language of the documentation")


def run(args: argparse.Namespace) -> int:
    from ..errors import hint
    from ..lint import docs, registry
    from ..phrases import say

    if args.rule is None:
        width = max(len(rule_id) for rule_id in registry.RULES)
        for rule_id, module in registry.RULES.items():
            print(f"{rule_id:<{width}}  {module.LEVEL:<7}  {docs.summary(module, args.locale)}")
        return 0
    if args.rule not in registry.RULES:
        message = say("cli.rules.no-rule", rule=args.rule, hint=hint(args.rule, registry.RULES))
        print(f"blueprint: {message.text(args.locale)}", file=sys.stderr)
        return 2
    sys.stdout.write(docs.rule_text(args.rule, args.locale))
    return 0
