"""Benchmark ``blueprint render`` against the fastest thing a user could reach for.

For generated blueprints (bench/generate.py) of 50, 500 and 2,000 steps it times, in the same run
and interleaved:

* ours, end to end: YAML text -> ``blueprint.loads`` -> layout -> DOT -> ``neato -n2`` -> safe SVG;
* ours printed on A3 (``blueprint render --page a3``), end to end to the multi-page PDF: YAML text
  -> load -> the page plan (the whole layout and a layout per sheet) -> each sheet described once
  and painted with cairo into one PDF (blueprint/render/press.py; no Graphviz). It runs in this
  one process, so its CPU time, shown beside the wall time against dot's own CPU time, is the
  figure a busy machine does not skew;
* ours printed on A3 as one SVG per page (``-f svg -o DIR/``): these pages are still Graphviz's
  (the SVG contract keeps its ids, classes and titles), one ``neato`` process per core;
* ``dot -Tsvg`` on the same graph with one cluster per lane, as a user writes it (no attributes
  beyond a box per step and a label per lane, so the default top-to-bottom ranking and splines),
  the DOT built with the graphviz package beforehand and not timed: Graphviz's own time only. The
  same with ``rankdir=LR`` (lanes stacked like a blueprint's rows, and faster) is shown beside it.

It also checks what each picture gets right: ours must keep every card inside its lane's band and
its phase's band with lanes in zone order; for dot it reports whether the lane clusters come out
in zone order at all. At 2,000 steps ours must take at most twice dot's time: the last column says
whether it did. A benchmark measures, it does not judge: the exit status is 1 only when our
picture is wrong (a card outside its lane or phase), never for a slow run on a busy machine.

    .venv/bin/python bench/render.py            # 50, 500, 2000
    .venv/bin/python bench/render.py 100 1000   # other sizes (the 2x bound applies to 2000)
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

import graphviz
from generate import generate
from timing import cpu_seconds

from blueprint import loads
from blueprint.layout import layout
from blueprint.model import Blueprint
from blueprint.render import render, render_layout, render_pages

SIZES = (50, 500, 2000)
LIMIT = 2.0  # ours may take at most this many times dot's time at 2,000 steps


def ours(text: str) -> tuple[tuple[float, float, float], str, object]:
    """Seconds spent loading, placing and drawing; the SVG; the layout."""
    start = time.perf_counter()
    bp = loads(text)
    loaded = time.perf_counter()
    grid = layout(bp)
    placed = time.perf_counter()
    svg = render_layout(grid, "svg")
    return (loaded - start, placed - loaded, time.perf_counter() - placed), svg, grid


def ours_a3(text: str) -> tuple[float, float]:
    """Seconds from YAML text to the multi-page A3 PDF: wall time, and CPU time of this process and
    of the Graphviz processes it ran."""
    start, cpu = time.perf_counter(), cpu_seconds()
    render(loads(text), "pdf", page="a3")
    return time.perf_counter() - start, cpu_seconds() - cpu


def ours_a3_svg(text: str) -> float:
    """Seconds from YAML text to the SVG of every A3 page."""
    start = time.perf_counter()
    render_pages(loads(text), "svg", page="a3")
    return time.perf_counter() - start


def cluster_dot(bp: Blueprint, rankdir: str | None = None) -> bytes:
    """What a user writes by hand: a cluster per lane, a box per step, an edge per flow."""
    g = graphviz.Digraph("blueprint", graph_attr={"rankdir": rankdir} if rankdir else {},
                         node_attr={"shape": "box"})
    for lane in bp.lanes_in_zone_order():
        with g.subgraph(name=f"cluster_{lane.id}") as cluster:
            cluster.attr(label=graphviz.escape(lane.display_label(bp.locale)))
            for step in bp.steps_in_lane(lane.id):
                cluster.node(step.id, graphviz.escape(step.label))
    for flow in (*bp.flows, *bp.recoveries):
        g.edge(flow.source.id, flow.target.id)
    return g.source.encode("utf-8")


def dot_time(source: bytes) -> tuple[float, bytes, float]:
    """Wall seconds, the SVG, and dot's CPU seconds."""
    start, cpu = time.perf_counter(), cpu_seconds()
    out = subprocess.run(["dot", "-Tsvg"], input=source, capture_output=True, check=True).stdout
    return time.perf_counter() - start, out, cpu_seconds() - cpu


def grid_is_right(grid) -> bool:
    """Every card inside its lane band and its phase band; lanes stacked in zone order."""
    lanes = {band.lane.id: band for band in grid.lanes}
    phases = {band.phase.id: band for band in grid.phases if band.phase is not None}
    for card in grid.cards:
        if not lanes[card.step.lane].box.contains(card.box):
            return False
        phase = phases.get(card.step.phase)
        if phase is not None and not phase.box.contains(card.box):
            return False
    tops = [band.box.y for band in grid.lanes]
    orders = [band.zone.order for band in grid.lanes]
    return tops == sorted(tops) and orders == sorted(orders)


def dot_lanes_in_order(bp: Blueprint, svg: bytes) -> bool:
    """Do dot's lane clusters come out top to bottom in zone order (as a blueprint needs)?"""
    text = svg.decode("utf-8")
    tops = {}
    for match in re.finditer(r"<title>cluster_(.*?)</title>\s*<polygon[^>]*points=\"([^\"]*)\"", text):
        ys = [float(p.split(",")[1]) for p in match.group(2).split()]
        tops[match.group(1)] = min(ys)
    lanes = [lane for lane in bp.lanes_in_zone_order() if lane.id in tops]
    ys = [tops[lane.id] for lane in lanes]
    return ys == sorted(ys)


def main(argv: list[str]) -> int:
    sizes = [int(a) for a in argv] or list(SIZES)
    print(f"{'steps':>6} {'ours (s)':>9} {'dot (s)':>8} {'ratio':>6} {'dot LR (s)':>10} {'ratio':>6}  "
          f"{'ours right':>10}  {'dot lanes in order':>18}  {'svg KB':>6}  {'2x':>4}  {'A3 (s)':>7} {'ratio':>6} "
          f"{'2x':>4}  {'A3 CPU':>6} {'ratio':>6}  {'A3 SVG (s)':>10}  ours = load + layout + draw")
    status = 0
    for n in sizes:
        text = generate(n)
        bp = loads(text)
        sources = {"TB": cluster_dot(bp), "LR": cluster_dot(bp, "LR")}
        repeats = 5 if n <= 500 else 3
        times: dict[str, list[float]] = {key: [] for key in ("ours", "TB", "LR", "A3", "A3 CPU", "TB CPU", "A3 SVG")}
        parts: list[tuple[float, float, float]] = []
        svg = grid = None
        dot_svgs: dict[str, bytes] = {}
        for _ in range(repeats):  # interleaved, so all see the same machine
            split, svg, grid = ours(text)
            parts.append(split)
            times["ours"].append(sum(split))
            for key, source in sources.items():
                seconds, dot_svgs[key], cpu = dot_time(source)
                times[key].append(seconds)
                if key == "TB":
                    times["TB CPU"].append(cpu)
            wall, cpu = ours_a3(text)
            times["A3"].append(wall)
            times["A3 CPU"].append(cpu)
            times["A3 SVG"].append(ours_a3_svg(text))
        best = {key: min(values) for key, values in times.items()}
        ratio = best["ours"] / best["TB"]
        right = grid_is_right(grid)
        in_order = all(dot_lanes_in_order(bp, data) for data in dot_svgs.values())
        bound = ("ok" if ratio <= LIMIT else "OVER") if n == 2000 else ""
        printed = best["A3"] / best["TB"]
        printed_bound = ("ok" if printed <= LIMIT else "OVER") if n == 2000 else ""
        print(f"{n:>6} {best['ours']:>9.3f} {best['TB']:>8.3f} {ratio:>6.2f} {best['LR']:>10.3f} "
              f"{best['ours'] / best['LR']:>6.2f}  {'yes' if right else 'NO':>10}  {'yes' if in_order else 'no':>18}  "
              f"{len(svg) // 1024:>6}  {bound:>4}  {best['A3']:>7.3f} {printed:>6.2f} {printed_bound:>4}  "
              f"{best['A3 CPU']:>6.2f} {best['A3 CPU'] / best['TB CPU']:>6.2f}  {best['A3 SVG']:>10.3f}  "
              + " + ".join(f"{x:.3f}" for x in min(parts, key=sum)))
        if not right:
            status = 1
    print("load average (1, 5, 15 min): " + ", ".join(f"{load:.2f}" for load in os.getloadavg()))
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
