"""What a blueprint says, as plain comparable data, for round-trip tests."""

from __future__ import annotations

from blueprint.model import Blueprint

#: Step fields a format may or may not carry.
STEP_FIELDS = ("lane", "label", "phase", "description", "owner", "touchpoint", "channel", "evidence",
               "duration", "wait", "wait_max", "fail", "recovery", "emotion", "kpis", "notes")


def value(step, key):
    item = getattr(step, key)
    if key == "recovery":
        return item.id if item else None
    if key == "touchpoint":
        return item.value if item else None
    if isinstance(item, list):
        return tuple(item)
    return item


def steps(bp: Blueprint, fields=STEP_FIELDS) -> dict[str, dict]:
    return {step.id: {key: value(step, key) for key in fields} for step in bp.steps}


def lanes(bp: Blueprint, locale: str = "en") -> list[tuple]:
    """Lanes that hold steps, in zone order: id, the label shown, zone."""
    used = {step.lane for step in bp.steps}
    return [(lane.id, lane.display_label(locale), lane.zone.value)
            for lane in bp.lanes_in_zone_order() if lane.id in used]


def phases(bp: Blueprint) -> list[tuple]:
    used = {step.phase for step in bp.steps}
    return [(phase.id, phase.display_label()) for phase in bp.phases if phase.id in used]


def flows(bp: Blueprint, kinds: bool = True) -> list[tuple]:
    return sorted((f.source.id, f.target.id, f.kind.value if kinds else None, f.label if kinds else None)
                  for f in bp.flows)
