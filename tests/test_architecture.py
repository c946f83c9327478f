"""The package's layers (docs/architecture.md): every import goes down or sideways, and none goes round.

The imports are read from the source with :mod:`ast`, wherever they are written (at the top, inside
a function, under ``if TYPE_CHECKING``): an import deferred to dodge a cycle is still the cycle.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import networkx as nx
import pytest

from .conftest import ROOT

PACKAGE = ROOT / "blueprint"

#: Layers from the bottom up, as docs/architecture.md draws them: a module may import its own layer
#: and the ones below. Each entry is a module or a package (and everything in it).
LAYERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("base", ("version", "entry", "errors", "words", "phrases", "rule_docs", "gcpause", "filenames", "paper", "schema", "templates",
              "safeyaml", "durations", "rates", "controls")),
    ("model", ("model", "loader", "graph", "edit")),
    ("analysis", ("analysis", "lint")),
    ("layout", ("layout",)),
    ("outputs", ("render", "export", "interop", "store")),
    ("apps", ("cli", "ui", "__main__", "")),  # "" is the package root, the lazy public API
)
#: The two applications stand side by side: neither imports the other.
APPS = ("cli", "ui")


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(["blueprint", *parts])


MODULES = {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def _resolve(name: str) -> str:
    """The module an import names: itself when it is one, else its package (``a.b`` of ``a.b.NAME``)."""
    while name not in MODULES and "." in name:
        name = name.rsplit(".", 1)[0]
    return name


def imports(module: str) -> set[str]:
    """The package's modules that ``module`` imports, anywhere in its source."""
    path = MODULES[module]
    package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                stem = ".".join(base + ([node.module] if node.module else []))
            else:
                stem = node.module or ""
            # `from . import x` imports the submodule x when there is one, else a name of the package.
            names = [f"{stem}.{alias.name}" for alias in node.names]
        else:
            continue
        found |= {_resolve(name) for name in names if name == "blueprint" or name.startswith("blueprint.")}
    return found - {module}


def layer_of(module: str) -> int:
    rest = module.removeprefix("blueprint").removeprefix(".")
    for number, (_name, members) in enumerate(LAYERS):
        for member in members:
            if rest == member or (member and rest.startswith(f"{member}.")):
                return number
    raise AssertionError(f"{module} has no layer: add it to LAYERS here and to docs/architecture.md")


GRAPH = nx.DiGraph([(module, target) for module in MODULES for target in imports(module)])
GRAPH.add_nodes_from(MODULES)


@pytest.mark.parametrize("module", sorted(MODULES))
def test_every_import_goes_down_or_sideways(module):
    mine = layer_of(module)
    upward = sorted(target for target in imports(module) if layer_of(target) > mine)
    assert not upward, f"{module} ({LAYERS[mine][0]}) imports from a higher layer: {upward}"


def test_the_command_line_and_the_app_do_not_import_each_other():
    for a in APPS:
        for b in APPS:
            if a != b:
                crossing = [(m, t) for m, t in GRAPH.edges
                            if m.startswith(f"blueprint.{a}") and t.startswith(f"blueprint.{b}")]
                assert not crossing


def test_no_import_cycle():
    cycles = [sorted(component) for component in nx.strongly_connected_components(GRAPH) if len(component) > 1]
    assert not cycles, f"modules importing each other: {cycles}"


def test_the_walk_sees_imports():  # the checks above would pass on a walk that finds nothing
    assert {"blueprint.model", "blueprint.errors", "blueprint.phrases"} <= imports("blueprint.loader.reader")
    assert "blueprint.lint.registry" in imports("blueprint.lint.linter")  # from . import registry
    assert "blueprint.layout" in imports("blueprint.render")
    assert layer_of("blueprint.lint.rules.cycle") < layer_of("blueprint.render.dot") < layer_of("blueprint.cli")


# -- one docstring convention: a summary line, prose, Google-style sections, doctest examples ------

#: numpydoc's section underline (``Parameters`` over ``----------``): the project writes ``Args:``.
_NUMPYDOC = re.compile(r"^\s*(Parameters|Returns|Yields|Raises|Examples|Attributes|Notes|See Also)\n\s*-{3,}\s*$",
                       re.MULTILINE)


@pytest.mark.parametrize("module", sorted(MODULES))
def test_one_docstring_convention(module):
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    assert ast.get_docstring(tree), f"{module} has no module docstring"
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            text = ast.get_docstring(node, clean=True) or ""
            assert not _NUMPYDOC.search(text), f"{module}.{getattr(node, 'name', '')}: numpydoc sections"
            assert not text[:1].isspace(), f"{module}.{getattr(node, 'name', '')}: the summary starts the docstring"
