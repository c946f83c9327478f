"""Steps: ids, lanes and labels, and what a step may carry (times, waits, a queue, an emotion)."""

from __future__ import annotations

from ..durations import DurationError, parse_duration, parse_duration_range
from ..errors import brief, kind_of
from ..model import Lane, Step, Touchpoint, Zone
from ..phrases import say
from ..safeyaml import YMap
from .keys import TOUCHPOINTS
from .queues import read_queue
from .reader import Owner, Reader, named

__all__ = ["read_steps"]


def read_steps(reader: Reader, top: YMap, lanes: list[Lane]) -> list[Step]:
    if "steps" not in top:
        reader.report("schema", say("lint.schema.no-steps"), top.pos)
        return []
    items = reader.list_of(top, "steps", ("blueprint", None))
    if items is None:
        return []
    if not items:
        reader.report("schema", say("lint.schema.empty-steps"), top.value_pos["steps"])
        return []
    zones = {lane.id: lane.zone for lane in lanes}
    steps: list[Step] = []
    for item, position in zip(items, items.item_pos):
        entry = reader.identified(item, position, "step")
        if entry is not None:
            step = read_step(reader, *entry, zones)
            if step is not None:
                step.index = len(steps)
                steps.append(step)
    reader.check_unique(steps, "step")
    return steps


def read_step(reader: Reader, mapping: YMap, owner: Owner, zones: dict[str, Zone | None]) -> Step | None:
    ident = owner[1]
    pos, key_pos, value_pos = reader.positions(mapping)
    lane = reader.required_id(mapping, "lane", owner)
    label = reader.text(mapping, "label", owner, required=True)
    if ident is None:
        return None
    step = Step(
        pos, key_pos, value_pos, id=ident, lane=lane or "", label=label or "",
        zone=zones.get(lane) if lane else None,
        phase=reader.ident(mapping["phase"], mapping.value_pos["phase"], owner, "phase")
        if "phase" in mapping else None,
        next=reader.refs(mapping, "next", owner),
        description=reader.text(mapping, "description", owner),
        owner=reader.text(mapping, "owner", owner),
        channel=reader.text(mapping, "channel", owner),
        evidence=reader.texts(mapping, "evidence", owner),
        fail=reader.text(mapping, "fail", owner),
        recovery=reader.ref(mapping, "recovery", owner),
        kpis=reader.texts(mapping, "kpis", owner),
        notes=reader.texts(mapping, "notes", owner),
    )
    touchpoint = reader.choice(mapping, "touchpoint", owner, TOUCHPOINTS)
    if touchpoint is not None:
        step.touchpoint = Touchpoint(touchpoint)
    if "duration" in mapping:
        read_step_duration(reader, step, mapping, owner)
    if "wait" in mapping:
        read_wait(reader, step, mapping, owner)
    if "queue" in mapping:
        step.queue = read_queue(reader, mapping, owner)
    if "emotion" in mapping:
        read_emotion(reader, step, mapping, owner)
    return step


def read_step_duration(reader: Reader, step: Step, mapping: YMap, owner: Owner) -> None:
    """``duration: 3min``, or a range ``2-4min`` whose middle is the expected time."""
    try:
        low, high = parse_duration_range(mapping["duration"])
    except DurationError as exc:
        reader.report("schema", say("lint.schema.bad-duration", name=named(owner), key="duration", why=exc.phrase),
                      mapping.value_pos["duration"])
        return
    step.duration = (low + high) / 2
    if low != high:
        step.duration_range = (low, high)


def read_wait(reader: Reader, step: Step, mapping: YMap, owner: Owner) -> None:
    value = mapping["wait"]
    if isinstance(value, bool):
        step.wait = value
        return
    try:
        step.wait_max = parse_duration(value)
        step.wait = True
    except DurationError as exc:
        reader.report("schema", say("lint.schema.bad-wait", name=named(owner), why=exc.phrase),
                      mapping.value_pos["wait"])


def read_emotion(reader: Reader, step: Step, mapping: YMap, owner: Owner) -> None:
    value = mapping["emotion"]
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # 1.0 is a whole number, as in JSON Schema
    if isinstance(value, int) and not isinstance(value, bool) and -2 <= value <= 2:
        step.emotion = value
        return
    if isinstance(value, (dict, list)):
        message = say("lint.schema.bad-emotion", name=named(owner), kind=kind_of(value))
    else:
        message = say("lint.schema.bad-emotion-value", name=named(owner), value=brief(value))
    reader.report("schema", message, mapping.value_pos["emotion"])
