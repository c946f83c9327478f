"""How layout and drawing scale: time and peak memory from 10^3 to 10^5 steps, sparse and dense.

Three shapes of generated blueprint, each measured in a fresh process (so peak memory is its own):

* ``isolated``: steps with no flows and no phases, spread over the seven lanes of the generator;
* ``sparse``: bench/generate.py's hall journey (one ``next`` per step, phases of 20 steps);
* ``dense``: the same lanes and phases, each step with 10 ``next`` to steps among the following 30.

For each it prints seconds to load the YAML, to place everything (``layout``), to draw the SVG
(only up to the size a picture can still be read whole, see ``blueprint.render.READABLE_STEPS``;
beyond it ``render`` refuses and points to the print sheets, and the column says so) and the
process's peak resident memory, and the CPU seconds of it all (this process and the Graphviz
processes it ran: on a shared machine the wall clock waits for others, the CPU time much less).
A shape with a page size (``sparse@a3``) is printed instead: the layout column is then
``plan_pages`` (the orientation chosen, every sheet laid out) and the draw column the number of
pages, not drawn (bench/render.py draws them). The issue's targets are shown beside the figures; a
benchmark measures, it does not judge, so the exit status is always 0.

    .venv/bin/python bench/scale.py                      # the standard table
    .venv/bin/python bench/scale.py dense 2000 sparse 10000   # chosen cases
    .venv/bin/python bench/scale.py sparse@a3 2000           # the print layout alone
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.dirname(HERE))

from generate import dense, generate, isolated
from timing import cpu_seconds

CASES = [("isolated", 1000), ("isolated", 10000), ("isolated", 100000),
         ("sparse", 1000), ("sparse", 2000), ("sparse", 10000), ("sparse", 100000),
         ("dense", 1000), ("dense", 2000), ("dense", 10000), ("sparse@a3", 2000)]
#: (shape, steps) -> (seconds, MB) the issue asks for, end to end.
TARGETS = {("dense", 2000): (2.0, None), ("sparse", 10000): (2.0, None), ("sparse", 100000): (20.0, 1024),
           ("isolated", 100000): (20.0, 1024)}
#: (shape, steps) -> seconds the print layout may take (its share of the issue's print benchmark).
LAYOUT_TARGETS = {("sparse@a3", 2000): 0.25}


SHAPES = {"isolated": isolated, "sparse": generate, "dense": dense}


def measure(shape: str, n: int) -> dict:
    """Run in a child process: load, layout, draw; seconds and peak memory."""
    from dataclasses import replace

    from blueprint import loads
    from blueprint.layout import layout
    from blueprint.layout.pages import PageSpec, plan_pages
    from blueprint.render import READABLE_STEPS, render_layout
    from blueprint.safeyaml import DEFAULT_LIMITS

    shape, _, page = shape.partition("@")
    text = SHAPES[shape](n)
    # 10^5 steps are 16 MB of YAML: over the loader's limits for files, which are not measured here.
    limits = replace(DEFAULT_LIMITS, max_bytes=256 * 1024 * 1024, max_expanded_nodes=50_000_000)
    start, cpu = time.perf_counter(), cpu_seconds()
    bp = loads(text, limits=limits)
    loaded = time.perf_counter()
    if page:
        pages = plan_pages(bp, PageSpec(page))
        placed = time.perf_counter()
        return {"load": loaded - start, "layout": placed - loaded, "draw": None, "cpu": cpu_seconds() - cpu,
                "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "pages": len(pages),
                "flows": len(bp.flows) + len(bp.recoveries)}
    grid = layout(bp)
    placed = time.perf_counter()
    drawn = None
    if len(grid.cards) <= READABLE_STEPS:
        render_layout(grid, "svg")
        drawn = time.perf_counter() - placed
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KB on Linux
    return {"load": loaded - start, "layout": placed - loaded, "draw": drawn, "cpu": cpu_seconds() - cpu,
            "peak_mb": peak, "flows": len(grid.routes)}


def main(argv: list[str]) -> int:
    if argv[:1] == ["--child"]:
        print(json.dumps(measure(argv[1], int(argv[2]))))
        return 0
    cases = [(argv[i], int(argv[i + 1])) for i in range(0, len(argv), 2)] if argv else CASES
    print(f"{'shape':>8} {'steps':>7} {'flows':>7} {'load (s)':>9} {'layout (s)':>10} {'draw (s)':>9} "
          f"{'total (s)':>9} {'CPU (s)':>8} {'peak MB':>8}  target")
    for shape, n in cases:
        child = subprocess.run([sys.executable, __file__, "--child", shape, str(n)], check=False,
                               capture_output=True, text=True)
        if child.returncode:
            print(f"{shape:>8} {n:>7}  failed: {child.stderr.strip().splitlines()[-1:]}")
            continue
        r = json.loads(child.stdout)
        total = r["load"] + r["layout"] + (r["draw"] or 0)
        draw = f"{r['draw']:.3f}" if r["draw"] is not None else f"{r['pages']} pp" if "pages" in r else "sheets"
        seconds, mb = TARGETS.get((shape, n), (None, None))
        target = " ".join(part for part in (f"<= {seconds:g} s" if seconds else "",
                                            f"<= {mb} MB" if mb else "") if part)
        if (shape, n) in LAYOUT_TARGETS:
            target = f"layout <= {LAYOUT_TARGETS[shape, n]:g} s"
        print(f"{shape:>8} {n:>7} {r['flows']:>7} {r['load']:>9.3f} {r['layout']:>10.3f} {draw:>9} "
              f"{total:>9.3f} {r['cpu']:>8.3f} {r['peak_mb']:>8.0f}  {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
