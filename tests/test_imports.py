"""Every module imports by its dotted path, and the command line imports only what it uses."""

from __future__ import annotations

import importlib
import json
import pkgutil
import subprocess
import sys

import pytest

import blueprint

from .conftest import ROOT

# Streamlit and openpyxl are the app's extras: the library and the command line work without them.
APP_ONLY = ("blueprint.ui",)


def _modules() -> list[str]:
    names = [blueprint.__name__]
    for info in pkgutil.walk_packages(blueprint.__path__, "blueprint."):
        if info.name == "blueprint.__main__" or info.name.startswith(APP_ONLY):
            continue
        names.append(info.name)
    return names


@pytest.mark.parametrize("name", _modules())
def test_every_module_imports_by_its_dotted_path(name):
    module = importlib.import_module(name)
    assert module is sys.modules[name]
    parent, _, leaf = name.rpartition(".")
    if parent:  # `import a.b.c as m` walks the attributes: a subpackage must not be hidden by a function
        assert getattr(sys.modules[parent], leaf) is module


def test_lint_and_render_are_packages_and_the_api():
    import blueprint.lint.registry as registry
    import blueprint.render.dot as dot

    assert registry.RULES and dot.__name__ == "blueprint.render.dot"
    text = "blueprint: 1\ntitle: t\nsteps:\n- {id: a, lane: customer, label: A}\n"
    bp = blueprint.loads(text)
    assert [f.rule for f in blueprint.lint(bp)] == [f.rule for f in blueprint.lint.lint(bp)] != []
    assert blueprint.render(bp, "dot") == blueprint.render.render(bp, "dot")
    assert blueprint.__version__ == blueprint.version.__version__


def _imported_by(argv: list[str]) -> set[str]:
    """The top-level modules imported by running ``blueprint ARGV`` in a fresh interpreter."""
    code = ("import json, sys\nfrom blueprint.cli import main\nstatus = main(sys.argv[1:])\n"
            "print(json.dumps([status, sorted({m.split('.')[0] for m in sys.modules})]), file=sys.stderr)")
    done = subprocess.run([sys.executable, "-c", code, *argv], capture_output=True, text=True, timeout=60,
                          cwd=ROOT)
    status, modules = json.loads(done.stderr.strip().splitlines()[-1])
    assert status in (0, 1), done.stderr
    return set(modules)


@pytest.mark.parametrize("argv", [["--help"], ["lint", "examples"], ["rules"], ["stats", "examples/hall-walk.zh.yaml"]])
def test_the_command_line_imports_no_graphviz_and_no_streamlit(argv):
    modules = _imported_by(argv)
    assert "blueprint" in modules
    assert not modules & {"graphviz", "streamlit", "openpyxl"}


def test_help_imports_no_graph_library():
    assert "networkx" not in _imported_by(["--help"])


def test_render_does_import_graphviz():  # the check above can see graphviz when it is there
    assert "graphviz" in _imported_by(["render", "-f", "dot", "-o", "-", "examples/hall-walk.zh.yaml"])


def test_cairo_is_imported_for_printed_pages_only(tmp_path):
    # cairocffi takes a sixth of a second to import: a picture Graphviz draws does without it.
    assert "cairocffi" not in _imported_by(["render", "-f", "svg", "-o", "-", "examples/hall-walk.zh.yaml"])
    assert "cairocffi" in _imported_by(["render", "--page", "a3", "-f", "pdf", "-o", str(tmp_path / "a.pdf"),
                                        "examples/hall-walk.zh.yaml"])
