"""Where a blueprint breaks its own time standards, per step, for the picture to show.

The measuring is lint's (:attr:`blueprint.lint.context.Context.standard_paths` for ``from``/``to``
standards, the same comparisons as the ``standard-exceeded`` rule); this module only says which card
shows which breach: a step or wait over its own bound on that step, a path over its bound on the
path's last step.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..durations import format_duration
from ..lint.context import Context
from ..model import Blueprint

__all__ = ["Breach", "breaches"]


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
    for step in bp.steps:
        if step.wait_max is not None and step.duration is not None and step.duration > step.wait_max:
            found.setdefault(step.index, []).append(Breach(over(step.duration, step.wait_max), "wait", wait=True))
    for standard in bp.standards:
        name = standard.label or standard.id
        if standard.max is None:
            continue
        if standard.kind == "steps":
            for ref in standard.steps:
                step = by_id.get(ref.id)
                if step is not None and step.duration is not None and step.duration > standard.max:
                    found.setdefault(step.index, []).append(Breach(over(step.duration, standard.max), name))
    paths = Context(bp).standard_paths if any(s.kind == "path" for s in bp.standards) else {}
    for standard in bp.standards:
        measured = paths.get(id(standard))
        if measured is None or not measured.steps or measured.cycle or measured.longest <= standard.max:
            continue
        end = standard.to_step
        step = by_id.get(end.id) if end is not None else None
        if step is not None:
            prefix = "≥ " if measured.unmeasured else ""
            found.setdefault(step.index, []).append(
                Breach(prefix + over(measured.longest, standard.max), standard.label or standard.id))
    return found
