"""Service standards against the designed step times: computed time, margin, met / exceeded / unmeasured.

This is the one implementation of "does the design keep its promise": lint's
``standard-exceeded`` reports the ``exceeded`` checks made here, and ``blueprint analyze``
prints them all. A check's time is the expected one (the middle of a range); ``best`` and
``worst`` use the ends of the ranges.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

from ..errors import Pos
from ..model import Blueprint, Standard, Step

__all__ = ["Check", "checks", "standards", "MET", "EXCEEDED", "UNMEASURED"]

MET, EXCEEDED, UNMEASURED = "met", "exceeded", "unmeasured"


@dataclass
class Check:
    """One standard (or one step of a ``steps:`` standard, or one wait) against its bound.

    ``kind`` is ``path`` (from/to), ``step`` (a step listed in ``steps:``) or ``wait`` (a wait
    point's own ``wait: 10min``). ``time`` is None when nothing could be measured; ``reason``
    says why a check is unmeasured: ``no-duration``, ``unreachable``, ``cycle``.
    """

    kind: str
    id: str
    label: str | None
    bound: timedelta
    pos: Pos
    standard: Standard | None = None
    step: Step | None = None
    time: timedelta | None = None
    best: timedelta | None = None
    worst: timedelta | None = None
    critical: list[str] = field(default_factory=list)
    unmeasured: list[str] = field(default_factory=list)
    reason: str | None = None

    @property
    def status(self) -> str:
        if self.time is not None and self.time > self.bound:
            return EXCEEDED  # with unmeasured steps the time is "at least" this: still exceeded
        if self.time is None or self.unmeasured:
            return UNMEASURED
        return MET

    def as_dict(self) -> dict:
        minutes = _minutes(self.time)
        bound = _minutes(self.bound)
        return {
            "id": self.id, "label": self.label, "kind": self.kind,
            "step": self.step.id if self.step is not None else None,
            "minutes": minutes, "best_minutes": _minutes(self.best), "worst_minutes": _minutes(self.worst),
            "max_minutes": bound,
            "margin_minutes": None if minutes is None else bound - minutes,
            "status": self.status, "at_least": bool(self.unmeasured) and self.time is not None,
            "critical_path": self.critical, "unmeasured": self.unmeasured, "reason": self.reason,
        }


def _minutes(value: timedelta | None) -> float | None:
    return None if value is None else value.total_seconds() / 60


def _ends(step: Step) -> tuple[timedelta, timedelta, timedelta] | None:
    """(best, expected, worst) time of a step, None without a duration."""
    if step.duration is None:
        return None
    low, high = step.duration_range or (step.duration, step.duration)
    return low, step.duration, high


def _measured(check: Check, step: Step) -> Check:
    """``check`` of one step with the step's best, expected and worst time, or unmeasured without a duration."""
    ends = _ends(step)
    if ends is None:
        check.unmeasured, check.reason = [step.id], "no-duration"
    else:
        check.best, check.time, check.worst = ends
    return check


def checks(ctx) -> list[Check]:
    """Every check of the blueprint in file order, from a lint :class:`~blueprint.lint.context.Context`."""
    found: list[Check] = []
    steps = ctx.bp.step_by_id
    for standard in ctx.bp.standards:
        if standard.max is None:
            continue  # the loader reports a missing or bad 'max'
        if standard.kind == "steps":
            for ref in standard.steps:
                step = steps.get(ref.id)
                if step is None:
                    continue
                found.append(_measured(Check("step", standard.id, standard.label, standard.max, ref.pos, standard,
                                             step), step))
            continue
        measured = ctx.standard_paths.get(id(standard))
        if measured is None:
            continue  # 'from' or 'to' is missing or unknown: the loader reports it
        check = Check("path", standard.id, standard.label, standard.max, standard.where("max"), standard)
        if not measured.steps:
            check.reason = "unreachable"
        elif measured.cycle:
            check.reason = "cycle"
        else:
            check.time = measured.longest
            check.critical = [ctx.steps[i].id for i in measured.critical]
            check.unmeasured = [ctx.steps[i].id for i in measured.unmeasured]
            if check.unmeasured:
                check.reason = "no-duration"
            check.best = _longest(ctx, measured.steps, 0)
            check.worst = _longest(ctx, measured.steps, 2)
        found.append(check)
    for step in ctx.steps:
        if step.wait_max is not None:
            found.append(_measured(Check("wait", step.id, step.label, step.wait_max, step.where("wait"), step=step),
                                   step))
    return found


def _longest(ctx, steps: list[int], end: int) -> timedelta:
    """The longest path through ``steps`` (in topological order) using one end of each range."""
    finish: dict[int, timedelta] = {}
    into = ctx.forward_in
    for i in steps:
        ends = _ends(ctx.steps[i])
        before = max((finish[j] for j in into[i] if j in finish), default=timedelta(0))
        finish[i] = before + (ends[end] if ends else timedelta(0))
    return finish[steps[-1]] if steps else timedelta(0)


def standards(bp: Blueprint, *, ctx=None) -> list[dict]:
    """Each standard with its computed time, margin and status, as plain data.

    >>> from blueprint import loads
    >>> bp = loads("blueprint: 1\\ntitle: t\\nsteps:\\n"
    ...            "- {id: a, lane: customer, label: A, next: b, duration: 2-4min}\\n"
    ...            "- {id: b, lane: frontstage, label: B, duration: 5min}\\n"
    ...            "standards:\\n- {id: s, from: a, to: b, max: 10min}\\n")
    >>> [(s["id"], s["minutes"], s["worst_minutes"], s["margin_minutes"], s["status"]) for s in standards(bp)]
    [('s', 8.0, 9.0, 2.0, 'met')]
    """
    from ..lint.context import Context

    return [check.as_dict() for check in checks(ctx or Context(bp))]
