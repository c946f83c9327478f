"""Aliases cannot multiply text without limit, and a long label is not wrapped character by
character: each file of a corpus is loaded, linted, drawn and exported in a subprocess whose time,
peak memory and output sizes are checked (bounds generous enough for a busy CI machine, far below
what the unbounded code took: 48 s to draw fifty uses of a 1 MB label, 2 GB of memory and 1 GB
of output for a thousand)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time

import pytest

from blueprint import BlueprintError, Limits, loads

MB = 1024 * 1024
LONG = "营业员核对证件" * (MB // 21)  # about 1 MB of UTF-8
HEAD = "blueprint: 1\ntitle: t\nsteps:\n"


def label_used(times: int) -> str:
    """One step with a long anchored label, and ``times`` steps using it."""
    steps = [f"- {{id: s0, lane: customer, label: &long '{LONG}', next: s1}}"]
    steps += [f"- {{id: s{i}, lane: frontstage, label: *long}}" for i in range(1, times + 1)]
    return HEAD + "\n".join(steps) + "\n"


def notes_used(times: int) -> str:
    """A mapping of long notes merged into ``times`` steps."""
    steps = [f"- {{id: s0, lane: customer, label: a, notes: &n ['{LONG[:MB // 12]}'], next: s1}}"]
    steps += [f"- {{id: s{i}, lane: frontstage, label: b, notes: *n}}" for i in range(1, times + 1)]
    return HEAD + "\n".join(steps) + "\n"


def merged(times: int) -> str:
    base = f"base: &base {{lane: customer, description: '{LONG}'}}\n"
    steps = [f"- {{<<: *base, id: s{i}, label: x}}" for i in range(times)]
    return "blueprint: 1\ntitle: t\n" + base.replace("base:", "x-base:", 1) + "steps:\n" + "\n".join(steps) + "\n"


#: name -> (text, whether it must be refused with input-limit)
CORPUS = {
    "label x50": (label_used(50), True),
    "label x1000": (label_used(1000), True),
    "merged description x300": (merged(300), True),
    "notes x8": (notes_used(8), False),  # within ten times the file: loads
    "one 4 MB label": (HEAD + f"- {{id: a, lane: customer, label: '{LONG * 4}'}}\n", False),
}

# Everything a user can do with the file, in one process: the CLI's work and the app's exports.
WORK = r"""
import json, sys, time
import blueprint
from blueprint.export import graph_json, inventory_csv
from blueprint.graph import graph_to_graphml
from blueprint.lint import lint
started = time.perf_counter()
sizes = {"findings": [f.rule for f in lint(open(sys.argv[1], "rb").read(), path="c.yaml")]}
try:
    bp = blueprint.load(sys.argv[1])
except blueprint.BlueprintError as error:
    sizes["refused"] = error.rule
else:
    G = bp.to_graph()
    sizes["svg"] = len(blueprint.render(bp, "svg"))
    sizes["json"] = len(graph_json(G))
    sizes["csv"] = len(inventory_csv(G))
    sizes["graphml"] = len(graph_to_graphml(G))
sizes["seconds"] = time.perf_counter() - started
# VmHWM: this process only (ru_maxrss keeps the forking pytest process's high-water mark)
peak = next(line for line in open("/proc/self/status") if line.startswith("VmHWM"))
sizes["peak_mb"] = int(peak.split()[1]) / 1024
print(json.dumps(sizes))
"""


@pytest.mark.parametrize("name", CORPUS)
def test_the_corpus_is_refused_or_handled_within_bounds(tmp_path, name):
    text, refused = CORPUS[name]
    path = tmp_path / "c.yaml"
    path.write_text(text, encoding="utf-8")
    size = path.stat().st_size
    assert size < Limits().max_bytes
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", WORK, str(path)], capture_output=True, text=True,
                            timeout=120, env={**os.environ, "PYTHONHASHSEED": "0"})
    assert result.returncode == 0, result.stderr[-2000:]
    sizes = json.loads(result.stdout)
    assert time.perf_counter() - started < 60, sizes
    assert sizes["peak_mb"] < 400, sizes
    if refused:
        assert sizes.get("refused") == "input-limit" and sizes["findings"] == ["input-limit"], sizes
        return
    assert "refused" not in sizes, sizes
    for output in ("svg", "json", "csv", "graphml"):
        assert sizes[output] <= 11 * size, (output, sizes)


def test_a_long_label_is_cut_and_said():
    bp = loads(CORPUS["one 4 MB label"][0])
    (problem,) = [p for p in bp.problems if p.rule == "long-label"]
    assert len(bp.steps[0].label) < 1000 and "cut to" in problem.message


def test_the_budget_is_ten_times_the_text_and_names_the_alias():
    text = label_used(12)
    with pytest.raises(BlueprintError) as exc:
        loads(text, "c.yaml")
    line = text.splitlines()[exc.value.pos.line - 1]
    assert exc.value.rule == "input-limit" and line.endswith("label: *long}")
    assert "characters" in exc.value.message and "别名" in exc.value.message_zh
    assert 9 <= exc.value.pos.line - 4 <= 10  # the ninth or tenth use crosses ten times the file
    loads(label_used(8))  # eight uses stay within it
    with pytest.raises(BlueprintError):
        loads(label_used(3), limits=Limits(expansion_ratio=2, max_expanded_chars=10 * MB))
