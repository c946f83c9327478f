"""Lint benchmark: blueprint.lint of a file (reading, loading and every rule) beside
yaml.load(CSafeLoader) of the same text.

    python bench/lint.py            # 1,000 and 10,000 steps
    python bench/lint.py 50000      # other sizes

Prints the best of several runs for each, the time of the rules alone, and the findings;
the ratio must stay at most 3 at 10,000 steps.
"""

from __future__ import annotations

import sys
import tempfile
from collections import Counter
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import blueprint  # noqa: E402
from blueprint.lint import lint_blueprint  # noqa: E402
from generate import generate  # noqa: E402
from timing import best_of  # noqa: E402



def main(sizes: list[int]) -> None:
    print(f"{'steps':>8} {'bytes':>10} {'yaml.load':>10} {'lint':>10} {'ratio':>6} {'rules':>9}  findings")
    with tempfile.TemporaryDirectory() as directory:
        for n in sizes:
            text = generate(n)
            path = Path(directory) / f"bench-{n}.yaml"
            path.write_text(text, encoding="utf-8")
            runs = 5 if n <= 10_000 else 2
            plain = best_of(lambda: yaml.load(text, Loader=yaml.CSafeLoader), runs)
            ours = best_of(lambda: blueprint.lint(path), runs)
            bp = blueprint.load(path)
            rules = best_of(lambda: lint_blueprint(bp), runs)
            found = Counter(f.rule for f in blueprint.lint(path))
            summary = ", ".join(f"{rule} {count}" for rule, count in sorted(found.items())) or "none"
            print(f"{n:>8,} {len(text.encode()):>10,} {plain * 1000:>8.0f}ms {ours * 1000:>8.0f}ms "
                  f"{ours / plain:>6.2f} {rules * 1000:>7.0f}ms  {summary}")


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [1_000, 10_000])
