"""Analysis benchmarks: ``blueprint analyze`` (journey, standards, queues) of a file, and
``blueprint diff`` of two files, each beside yaml.load(CSafeLoader) of the same text(s).

    python bench/analysis.py            # 1,000 and 10,000 steps
    python bench/analysis.py 50000      # other sizes

The files are bench/generate.py's halls with a queue on every wait point; the second file of the
diff is the first one changed as a redesign would change it: steps renamed, moved to another lane,
made faster, given ranges, and a queue diverted. Prints the best of several runs: reading, loading
and analysing (or diffing, which lints both files) against the YAML parser alone; the target is
a ratio of at most 3 at 10,000 steps.
"""

from __future__ import annotations

import re
import sys
import tempfile
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import blueprint  # noqa: E402
from blueprint.analysis import analyze  # noqa: E402
from blueprint.analysis.diff import diff  # noqa: E402
from generate import generate  # noqa: E402
from timing import best_of  # noqa: E402

QUEUE = "    wait: 10min\n    queue: {arrivals: 60/h, servers: 6, service: 5min, hours: {\"9:00\": 30/h, \"11:00\": 60/h}}\n"


def as_is(n: int) -> str:
    return generate(n).replace("    wait: 10min\n", QUEUE)


def to_be(text: str) -> str:
    """The redesign: every 40th step renamed, every 25th clerk step moved to the guides, 3-minute
    steps cut to a range of 2-3 minutes, queues with a quarter of arrivals diverted."""
    text = re.sub(r"(?m)^(  - id: s)(\d*0)$", lambda m: f"{m[1]}{m[2]}" if int(m[2]) % 40 else f"{m[1]}{m[2]}b",
                  text)
    text = re.sub(r"(next|recovery): s(\d+)\b", lambda m: f"{m[1]}: s{m[2]}b" if int(m[2]) % 40 == 0 else m[0], text)
    text = re.sub(r"(from|to): s(\d+)\b", lambda m: f"{m[1]}: s{m[2]}b" if int(m[2]) % 40 == 0 else m[0], text)
    text = re.sub(r"steps: \[s0\]", "steps: [s0b]", text)
    count = iter(range(10**9))
    text = re.sub(r"(?m)^    lane: clerk$", lambda m: "    lane: guide" if next(count) % 25 == 0 else m[0], text)
    text = text.replace("duration: 3min", "duration: 2-3min")
    return text.replace("service: 5min,", "service: 5min, diversion: 25%,")


def main(sizes: list[int]) -> None:
    print(f"{'steps':>8} {'yaml.load':>10} {'analyze':>10} {'ratio':>6} {'alone':>8} | "
          f"{'yaml x2':>9} {'diff':>9} {'ratio':>6}  changes")
    with tempfile.TemporaryDirectory() as directory:
        for n in sizes:
            before_text = as_is(n)
            after_text = to_be(before_text)
            before, after = Path(directory) / f"a-{n}.yaml", Path(directory) / f"b-{n}.yaml"
            before.write_text(before_text, encoding="utf-8")
            after.write_text(after_text, encoding="utf-8")
            runs = 5 if n <= 1_000 else 3
            plain = best_of(lambda: yaml.load(before_text, Loader=yaml.CSafeLoader), runs)
            ours = best_of(lambda: analyze(blueprint.load(before)), runs)
            bp = blueprint.load(before)
            alone = best_of(lambda: analyze(bp), runs)
            plain_two = best_of(lambda: (yaml.load(before_text, Loader=yaml.CSafeLoader),
                                         yaml.load(after_text, Loader=yaml.CSafeLoader)), runs)
            differ = best_of(lambda: diff(blueprint.load(before), blueprint.load(after)), runs)
            d = diff(blueprint.load(before), blueprint.load(after))
            changes = (f"renamed {len(d['renamed'])}, moved {len(d['moved'])}, changed {len(d['changed'])}, "
                       f"flows +{len(d['flows_added'])} -{len(d['flows_removed'])}")
            print(f"{n:>8,} {plain * 1000:>8.0f}ms {ours * 1000:>8.0f}ms {ours / plain:>6.2f} {alone * 1000:>6.0f}ms | "
                  f"{plain_two * 1000:>7.0f}ms {differ * 1000:>7.0f}ms {differ / plain_two:>6.2f}  {changes}")


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [1_000, 10_000])
