"""Load benchmark: blueprint.loads (positions, checks, model) beside yaml.load(CSafeLoader).

    python bench/load.py            # 100, 1,000 and 10,000 steps
    python bench/load.py 50000      # other sizes

Prints the best of several runs for each; the ratio must stay at most 1.5 at 10,000 steps.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import blueprint  # noqa: E402
from generate import generate  # noqa: E402
from timing import best_of  # noqa: E402



def main(sizes: list[int]) -> None:
    print(f"{'steps':>8} {'bytes':>10} {'yaml.load':>10} {'loads':>10} {'ratio':>6} {'to_graph':>9}")
    for n in sizes:
        text = generate(n)
        runs = 5 if n <= 10_000 else 2
        plain = best_of(lambda: yaml.load(text, Loader=yaml.CSafeLoader), runs)
        ours = best_of(lambda: blueprint.loads(text, "bench.yaml"), runs)
        bp = blueprint.loads(text, "bench.yaml")
        assert not bp.problems, bp.problems[:3]
        graph = best_of(bp.to_graph, runs)
        print(f"{n:>8,} {len(text.encode()):>10,} {plain * 1000:>8.0f}ms {ours * 1000:>8.0f}ms "
              f"{ours / plain:>6.2f} {graph * 1000:>7.0f}ms")


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [100, 1_000, 10_000])
