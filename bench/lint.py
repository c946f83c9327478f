"""Lint benchmark: blueprint.lint of a file (reading, loading and every rule) beside
yaml.load(CSafeLoader) of the same text, and the same with the findings written out.

    python bench/lint.py            # 1,000 and 10,000 steps, then a file with ~4,800 loader problems
    python bench/lint.py 50000      # other sizes (and the faulty file)

Prints the best of several runs for each, the time of the rules alone, lint and the ``parsable``
lines of its findings written out (what ``blueprint lint`` does), and the findings (the faulty file's row is marked ``!``); the ratio must
stay at most 3 at 10,000 steps. The faulty file is a generated one of 2,200 steps with three
mistakes repeated in it (a misspelt key, a duration in words, a wrong emotion): it measures what a
loader problem costs, from the reading to the line printed.
"""

from __future__ import annotations

import re
import sys
import tempfile
from collections import Counter
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import blueprint  # noqa: E402
from blueprint.lint import lint_blueprint  # noqa: E402
from blueprint.lint.formats import parsable  # noqa: E402
from generate import generate  # noqa: E402
from timing import best_of  # noqa: E402

#: Steps of the faulty file: about 4,800 loader problems.
FAULTY_STEPS = 2_200


def faulty(n: int) -> str:
    """A generated blueprint of ``n`` steps whose every step has a misspelt key (``ownr``) and a
    duration in words, and whose customer steps have an emotion that is not a number."""
    text = generate(n).replace("    owner: ", "    ownr: ").replace("    emotion: ", "    emotion: x")
    return re.sub(r"    duration: (\S+)", r"    duration: about \1", text)


def measure(name: str, text: str, directory: str) -> None:
    path = Path(directory) / f"bench-{name}.yaml"
    path.write_text(text, encoding="utf-8")
    runs = 5 if len(text) < 5_000_000 else 2
    plain = best_of(lambda: yaml.load(text, Loader=yaml.CSafeLoader), runs)
    ours = best_of(lambda: blueprint.lint(path), runs)
    written = best_of(lambda: parsable(blueprint.lint(path)), runs)
    bp = blueprint.load(path)
    rules = best_of(lambda: lint_blueprint(bp), runs)
    found = Counter(f.rule for f in blueprint.lint(path))
    summary = ", ".join(f"{rule} {count}" for rule, count in sorted(found.items())) or "none"
    print(f"{name:>8} {len(text.encode()):>10,} {plain * 1000:>8.0f}ms {ours * 1000:>8.0f}ms "
          f"{ours / plain:>6.2f} {rules * 1000:>7.0f}ms {written * 1000:>8.0f}ms  {summary}")


def main(sizes: list[int]) -> None:
    print(f"{'steps':>8} {'bytes':>10} {'yaml.load':>10} {'lint':>10} {'ratio':>6} {'rules':>9} "
          f"{'+written':>10}  findings")
    with tempfile.TemporaryDirectory() as directory:
        for n in sizes:
            measure(f"{n:,}", generate(n), directory)
        measure(f"{FAULTY_STEPS:,}!", faulty(FAULTY_STEPS), directory)


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [1_000, 10_000])
