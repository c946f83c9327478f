"""Where a blueprint breaks its own time standards, per step, for the picture to show.

The checking is the analysis package's (:func:`blueprint.analysis.standards.checks`, the same the
``standard-exceeded`` rule and the analysis page use); this module only says which card shows
which breach: a step or wait over its own bound on that step, a path over its bound on the path's
last step.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

from ..analysis.standards import EXCEEDED, checks
from ..durations import format_duration
from ..lint.context import Context
from ..model import Blueprint

__all__ = ["Analysis", "Breach", "analyse", "breaches", "plain"]


@dataclass(frozen=True)
class Breach:
    """``text`` for the card ("12 min > 10 min"), ``detail`` for its tooltip (which standard)."""

    text: str
    detail: str
    wait: bool = False


def breaches(bp: Blueprint, locale: str) -> dict[int, list[Breach]]:
    """The breaches each step's card shows, by the step's ``index``.

    >>> from blueprint import loads
    >>> bp = loads("blueprint: 1\\ntitle: t\\nsteps:\\n"
    ...            "- {id: q, lane: customer, label: Queue, wait: 10min, duration: 12min}\\n")
    >>> breaches(bp, "en")[0][0].text
    '12 min > 10 min'
    """
    def over(takes, limit) -> str:
        return f"{format_duration(takes, locale)} > {format_duration(limit, locale)}"

    found: dict[int, list[Breach]] = {}
    by_id = bp.step_by_id
    for check in checks(Context(bp)):
        if check.status != EXCEEDED:
            continue
        if check.kind == "path":
            step = by_id.get(check.standard.to_step.id) if check.standard.to_step is not None else None
            text = ("≥ " if check.unmeasured else "") + over(check.time, check.bound)
        else:
            step, text = check.step, over(check.time, check.bound)
        if step is None:
            continue
        detail = "wait" if check.kind == "wait" else (check.label or check.id)
        found.setdefault(step.index, []).append(Breach(text, detail, wait=check.kind == "wait"))
    return found


@dataclass(frozen=True)
class Analysis:
    """What the picture draws of the analysis: the breaches by step ``index``, and when each step
    finishes (see :mod:`.times`). Made once per blueprint, shared by all its print sheets."""

    breaches: dict[int, list[Breach]]
    finish: dict[int, timedelta]
    #: Every step's number in journey order, by ``index`` (:mod:`blueprint.analysis.numbering`).
    numbers: dict[int, int]
    #: The whole blueprint's grid for each stacking, its card texts: kept by the first sheet placed for the others.
    shared: dict = field(default_factory=dict, compare=False)
    #: False for a plain picture: nothing of the analysis is drawn (the analysis is false), but
    #: the sheets of a print still share the step numbers and ``shared``.
    drawn: bool = True

    def __bool__(self) -> bool:
        return self.drawn


def analyse(bp: Blueprint, locale: str) -> Analysis:
    from ..analysis.numbering import step_numbers
    from .times import finish_times

    return Analysis(breaches(bp, locale), finish_times(bp), step_numbers(bp))


def plain(bp: Blueprint) -> Analysis:
    """What the sheets of a plain print share: the step numbers and the grid, no analysis."""
    from ..analysis.numbering import step_numbers

    return Analysis({}, {}, step_numbers(bp), drawn=False)
