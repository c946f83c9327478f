"""Service blueprints as YAML: load, check, draw.

The public API is small and works on plain data::

    import blueprint
    bp = blueprint.load("examples/hall-walk.zh.yaml")   # a Blueprint, with .problems
    G = bp.to_graph()                                   # a networkx.MultiDiGraph
    findings = blueprint.lint(bp)                       # a sorted list of Finding
    svg = blueprint.render(bp, "svg")                   # text; "png" and "pdf" give bytes

The names below are imported when first used (PEP 562), so ``import blueprint.cli`` or
``import blueprint.lint.registry`` loads only what it needs: no Graphviz, no Streamlit.
``blueprint.lint`` and ``blueprint.render`` are the subpackages of those names, callable as the
functions (see :mod:`blueprint.entry`).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from .version import __version__

if TYPE_CHECKING:  # pragma: no cover
    from . import lint, render
    from .errors import BlueprintError, Pos, Problem
    from .lint import Finding
    from .loader import load, loads
    from .model import Blueprint, Flow, FlowKind, Lane, Line, Phase, Ref, Standard, Step, Touchpoint, Zone
    from .safeyaml import Limits

__all__ = [
    "load", "loads", "lint", "Finding", "Blueprint", "BlueprintError", "Flow", "FlowKind", "Lane",
    "Limits", "Line", "Phase", "Pos", "Problem", "Ref", "Standard", "Step", "Touchpoint", "Zone",
    "__version__", "render",
]

#: Where each public name lives: ``name -> module`` (the name itself when it is a subpackage).
_HOMES = {
    "load": ".loader", "loads": ".loader", "lint": None, "Finding": ".lint", "render": None,
    "BlueprintError": ".errors", "Pos": ".errors", "Problem": ".errors", "Limits": ".safeyaml",
    **dict.fromkeys(("Blueprint", "Flow", "FlowKind", "Lane", "Line", "Phase", "Ref", "Standard", "Step",
                     "Touchpoint", "Zone"), ".model"),
}


def __getattr__(name: str):
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    home = _HOMES[name]
    if home is None:  # a subpackage: importing it binds it here
        return importlib.import_module(f".{name}", __name__)
    value = globals()[name] = getattr(importlib.import_module(home, __name__), name)
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
