"""A wait point's queue: arrivals, counters, service time, and arrivals hour by hour."""

from __future__ import annotations

from ..durations import DurationError
from ..model import Queue
from ..phrases import say
from ..rates import parse_rate, parse_servers, parse_share
from ..safeyaml import YMap
from .reader import Owner, Reader, named

__all__ = ["read_queue"]


def read_queue(reader: Reader, mapping: YMap, owner: Owner) -> Queue | None:
    """``queue: {arrivals, servers, service?, diversion?, level?, hours?}`` on a wait point."""
    value = reader.mapping_or_none(mapping["queue"], mapping.value_pos["queue"], "queue")
    if value is None:
        return None
    name = named(owner)
    reader.check_keys(value, "queue", owner)
    pos, key_pos, value_pos = reader.positions(value)
    queue = Queue(pos, key_pos, value_pos)
    parsers = {"arrivals": parse_rate, "servers": parse_servers, "diversion": parse_share,
               "level": parse_share}
    for key, parse in parsers.items():
        if key in value:
            try:
                setattr(queue, key, parse(value[key]))
            except DurationError as exc:
                reader.report("schema", say("lint.schema.bad-queue-value", name=name, key=key, why=exc.phrase),
                              value.value_pos[key])
    queue.service = reader.duration(value, "service", owner)
    if "hours" in value:
        queue.hours = read_queue_hours(reader, value, owner)
    if "servers" not in value:
        reader.report("schema", say("lint.schema.queue-without-servers", name=name), value.pos)
    if "arrivals" not in value and "hours" not in value:
        reader.report("schema", say("lint.schema.queue-without-arrivals", name=name), value.pos)
    if "wait" not in mapping:
        reader.report("schema", say("lint.schema.queue-without-wait", name=name), mapping.key_pos["queue"])
    return queue


def read_queue_hours(reader: Reader, value: YMap, owner: Owner) -> list[tuple[str, float]]:
    """``hours: {"9:00": 60/h, "10:00": 140/h}``: arrivals by hour, in file order."""
    hours = reader.mapping_or_none(value["hours"], value.value_pos["hours"], "queue")
    if hours is None:
        return []
    found = []
    for label in hours:
        try:
            found.append((str(label), parse_rate(hours[label])))
        except DurationError as exc:
            reader.report("schema", say("lint.schema.bad-queue-hour", name=named(owner), hour=label, why=exc.phrase),
                          hours.value_pos[label])
    return found
