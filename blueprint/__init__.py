"""Service blueprints as YAML: load, check, draw.

The public API is small and works on plain data::

    import blueprint
    bp = blueprint.load("examples/hall-walk.zh.yaml")   # a Blueprint, with .problems
    G = bp.to_graph()                                   # a networkx.MultiDiGraph
"""

from .errors import BlueprintError, Pos, Problem
from .lint import Finding, lint
from .loader import load, loads
from .model import Blueprint, Flow, FlowKind, Lane, Line, Phase, Ref, Standard, Step, Touchpoint, Zone
from .render import render
from .safeyaml import Limits

__version__ = "0.1.0"

__all__ = [
    "load", "loads", "lint", "Finding", "Blueprint", "BlueprintError", "Flow", "FlowKind", "Lane",
    "Limits", "Line", "Phase", "Pos", "Problem", "Ref", "Standard", "Step", "Touchpoint", "Zone",
    "__version__", "render",
]
