"""Subpackages that are also the API's functions: ``blueprint.lint(...)`` and ``import blueprint.lint.x``.

``blueprint.lint`` and ``blueprint.render`` are packages (``blueprint.lint.registry``,
``blueprint.render.dot``) and the public functions of the same names. Python binds a package's
name on its parent when the package is imported, so a function of that name on the parent would be
replaced (or, bound after, would hide the package from ``import blueprint.lint.registry``). Instead
the package module itself is callable: its class is a :class:`types.ModuleType` subclass whose
``__call__`` runs the function (the module ``__class__`` assignment the Python reference documents
under "Customizing module attribute access").
"""

from __future__ import annotations

import sys
import types
from typing import Any, Callable

__all__ = ["make_callable"]


def make_callable(module_name: str, function: Callable[..., Any]) -> None:
    """Make the module ``module_name`` callable as ``function``.

    Args:
        module_name: A module already in :data:`sys.modules`, usually the caller's ``__name__``.
        function: What calling the module runs; its docstring becomes the call's help.

    >>> import blueprint
    >>> blueprint.lint("blueprint: 1\\ntitle: t\\nsteps:\\n- {id: a, lane: customer, label: A}\\n")[0].rule
    'isolated-step'
    """

    class CallableModule(types.ModuleType):
        __call__ = staticmethod(function)

    sys.modules[module_name].__class__ = CallableModule
