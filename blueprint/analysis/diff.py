"""As-is / to-be: what changed between two blueprints, by meaning rather than by line.

Steps are paired by id first, then the steps left over by their label (a renamed step keeps
its label, or its label changed and it keeps its id). A paired step whose lane or phase differs
has moved; its other fields are compared one by one. Flows are compared by their ends (in the
second file's ids) and kind; handoffs and line crossings are the flows that have them. Lint
findings, journey time, standards and queues are computed on both sides and set side by side.
"""

from __future__ import annotations

from collections import Counter
from datetime import timedelta

from ..model import Blueprint, FlowKind, Line, Step

__all__ = ["diff", "pair_steps", "FIELDS"]

#: The step fields compared (lane and phase are moves, not changes).
FIELDS = ("label", "description", "owner", "touchpoint", "channel", "evidence", "duration", "wait",
          "fail", "recovery", "emotion", "kpis", "notes", "queue")


def pair_steps(before: Blueprint, after: Blueprint) -> tuple[dict[str, str], dict[str, str]]:
    """``(pairs, renamed)``: before id -> after id for every paired step, and the renamed ones."""
    old, new = before.step_by_id, after.step_by_id
    pairs = {ident: ident for ident in old if ident in new}
    left = [ident for ident in old if ident not in pairs]
    taken = set(pairs.values())
    free_labels = Counter(step.label for ident, step in new.items() if ident not in taken)
    by_label = {step.label: ident for ident, step in new.items() if ident not in taken}
    left_labels = Counter(old[ident].label for ident in left)
    renamed = {}
    for ident in left:
        label = old[ident].label
        if label and free_labels[label] == 1 and left_labels[label] == 1:
            pairs[ident] = renamed[ident] = by_label[label]
    return pairs, renamed


def _value(step: Step, name: str) -> object:
    """A field as plain data (durations in minutes, ranges as [low, high], enums as text)."""
    if name == "duration":
        if step.duration_range is not None:
            return [d.total_seconds() / 60 for d in step.duration_range]
        return step.duration.total_seconds() / 60 if step.duration is not None else None
    if name == "wait":
        if step.wait_max is not None:
            return f"{step.wait_max.total_seconds() / 60:g}min"
        return step.wait
    if name == "recovery":
        return step.recovery.id if step.recovery is not None else None
    if name == "touchpoint":
        return step.touchpoint.value if step.touchpoint is not None else None
    if name == "queue":
        queue = step.queue
        if queue is None:
            return None
        service = queue.service.total_seconds() / 60 if isinstance(queue.service, timedelta) else None
        return {"arrivals": queue.arrivals, "servers": queue.servers, "service_minutes": service,
                "diversion": queue.diversion, "level": queue.level, "hours": [list(h) for h in queue.hours]}
    value = getattr(step, name)
    return list(value) if isinstance(value, list) else value


def _flows(bp: Blueprint, rename: dict[str, str]) -> dict[tuple[str, str, str], dict]:
    """Flows (and recovery links) keyed by (from, to, kind) in the compared ids."""
    steps = bp.step_by_id
    found = {}
    for flow in (*bp.flows, *bp.recoveries):
        source, target = steps.get(flow.source.id), steps.get(flow.target.id)
        if source is None or target is None:
            continue
        key = (rename.get(source.id, source.id), rename.get(target.id, target.id), flow.kind.value)
        crosses = ([line.value for line in Line.between(source.zone, target.zone)]
                   if source.zone is not None and target.zone is not None else [])
        found[key] = {"from": key[0], "to": key[1], "kind": key[2],
                      "handoff": source.lane != target.lane and flow.kind is not FlowKind.RECOVERY,
                      "crosses": crosses if flow.kind is not FlowKind.RECOVERY else []}
    return found


def diff(before: Blueprint, after: Blueprint, *, findings: bool = True) -> dict:
    """The semantic difference from ``before`` (as-is) to ``after`` (to-be), as plain data.

    Keys: ``added``, ``removed`` ({``id``, ``label``, ``lane``, ``phase``}), ``renamed``
    ({``from``, ``to``}), ``moved`` ({``id``, ``what``: lane or phase, ``from``, ``to``}),
    ``changed`` ({``id``, ``field``, ``before``, ``after``}), ``flows_added``,
    ``flows_removed``, ``handoffs_gained``, ``handoffs_lost``, ``crossings`` (per line
    {``before``, ``after``, ``gained``, ``lost``}), ``findings_fixed``, ``findings_introduced``
    ({``rule``, ``level``, ``message``}), ``journey_minutes`` {``before``, ``after``} (expected),
    ``journey`` (both totals), ``standards`` and ``queues`` (each side by side). Ids are the
    second file's, except in ``removed`` and ``renamed.from``.
    """
    from ..gcpause import paused_gc

    with paused_gc():  # many small objects that all live to the end: nothing for the collector to find
        return _diff(before, after, findings)


def _diff(before: Blueprint, after: Blueprint, findings: bool) -> dict:
    from .journey import journey
    from .queues import queues
    from .standards import standards

    pairs, renamed = pair_steps(before, after)
    old, new = before.step_by_id, after.step_by_id
    paired_new = set(pairs.values())
    result: dict = {
        "added": [_brief(step) for ident, step in new.items() if ident not in paired_new],
        "removed": [_brief(step) for ident, step in old.items() if ident not in pairs],
        "renamed": [{"from": a, "to": b} for a, b in renamed.items()],
        "moved": [], "changed": [],
    }
    for a, b in pairs.items():
        was, now = old[a], new[b]
        for what in ("lane", "phase"):
            if getattr(was, what) != getattr(now, what):
                result["moved"].append({"id": b, "what": what, "from": getattr(was, what),
                                        "to": getattr(now, what)})
        for name in FIELDS:
            value_before, value_after = _value(was, name), _value(now, name)
            if name == "recovery" and value_before is not None:
                value_before = pairs.get(value_before, value_before)
            if value_before != value_after:
                result["changed"].append({"id": b, "field": name, "before": value_before, "after": value_after})
    flows_before, flows_after = _flows(before, pairs), _flows(after, {})
    result["flows_added"] = [f for key, f in flows_after.items() if key not in flows_before]
    result["flows_removed"] = [f for key, f in flows_before.items() if key not in flows_after]
    hand_before = {k for k, f in flows_before.items() if f["handoff"]}
    hand_after = {k for k, f in flows_after.items() if f["handoff"]}
    gained, lost = hand_after - hand_before, hand_before - hand_after
    result["handoffs_gained"] = [flow for key, flow in flows_after.items() if key in gained]
    result["handoffs_lost"] = [flow for key, flow in flows_before.items() if key in lost]
    result["crossings"] = {}
    for line in Line:
        was = {k for k, f in flows_before.items() if line.value in f["crosses"]}
        now = {k for k, f in flows_after.items() if line.value in f["crosses"]}
        result["crossings"][line.value] = {"before": len(was), "after": len(now),
                                           "gained": len(now - was), "lost": len(was - now)}
    if findings:
        result.update(_findings(before, after, renamed))
    from ..lint.context import Context

    context_before, context_after = Context(before), Context(after)  # shared by the analyses below
    journey_before, journey_after = journey(before, ctx=context_before), journey(after, ctx=context_after)
    result["journey_minutes"] = {"before": journey_before["total_minutes"]["expected"],
                                 "after": journey_after["total_minutes"]["expected"]}
    result["journey"] = {"before": journey_before["total_minutes"], "after": journey_after["total_minutes"],
                         "wait_share": {"before": journey_before["wait_share"],
                                        "after": journey_after["wait_share"]}}
    result["standards"] = _side_by_side(standards(before, ctx=context_before), standards(after, ctx=context_after),
                                        lambda s: (s["id"], s["kind"], s["step"]))
    result["queues"] = _side_by_side(queues(before), queues(after), lambda q: pairs.get(q["step"], q["step"]),
                                     lambda q: q["step"])
    return result


def _brief(step: Step) -> dict:
    return {"id": step.id, "label": step.label, "lane": step.lane, "phase": step.phase}


def _findings(before: Blueprint, after: Blueprint, renamed: dict[str, str]) -> dict:
    """Lint findings present only before (fixed) or only after (introduced), compared without
    positions; a renamed step's old id is read as its new one."""
    from ..lint import lint

    def keyed(bp, rename):
        found = Counter()
        kept = {}
        for finding in lint(bp):
            message = finding.message
            for a, b in rename.items():
                message = message.replace(f"'{a}'", f"'{b}'")
            key = (finding.rule, message)
            found[key] += 1
            kept.setdefault(key, {"rule": finding.rule, "level": finding.level, "message": finding.message,
                                  "line": finding.line, "column": finding.column})
        return found, kept

    was, kept_before = keyed(before, renamed)
    now, kept_after = keyed(after, {})
    return {
        "findings_fixed": [kept_before[k] for k in (was - now)],
        "findings_introduced": [kept_after[k] for k in (now - was)],
    }


def _side_by_side(before: list[dict], after: list[dict], key_before, key_after=None) -> list[dict]:
    """Rows of two lists matched by key: {``key``, ``before``, ``after``} (None on the missing side)."""
    key_after = key_after or key_before
    right = {key_after(row): row for row in after}
    rows = []
    for row in before:
        key = key_before(row)
        rows.append({"key": _key_text(key), "before": row, "after": right.pop(key, None)})
    lonely = [row for row in rows if row["after"] is None]
    if len(lonely) == 1 and len(right) == 1:
        # One on each side left over (a hall's queue under a new step): they are the same thing.
        lonely[0]["after"] = right.popitem()[1]
    for key, row in right.items():
        rows.append({"key": _key_text(key), "before": None, "after": row})
    return rows


def _key_text(key) -> str:
    """A standard's key ``(id, kind, step)`` as ``id (step)`` for a step's bound, else the id."""
    if isinstance(key, str):
        return key
    ident, kind, step = key
    return f"{ident} ({step})" if kind == "step" else ident
