"""A wait point's queue: arrivals, counters, service time, and arrivals hour by hour."""

from __future__ import annotations

from ..durations import DurationError
from ..model import Queue
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
                reader.report("schema", f"{name.en}: queue '{key}': {exc}",
                              f"{name.zh} 的排队 '{key}'：{exc.message_zh}", value.value_pos[key])
    queue.service = reader.duration(value, "service", owner)
    if "hours" in value:
        queue.hours = read_queue_hours(reader, value, owner)
    if "servers" not in value:
        reader.report("schema", f"{name.en}: 'queue' has no 'servers' (the counters open)",
                      f"{name.zh}：'queue' 缺少 'servers'（开放的服务台数）", value.pos)
    if "arrivals" not in value and "hours" not in value:
        reader.report("schema", f"{name.en}: 'queue' needs 'arrivals' (like 120/h) or 'hours'",
                      f"{name.zh}：'queue' 需要 'arrivals'（例如 120/h）或 'hours'", value.pos)
    if "wait" not in mapping:
        reader.report("schema", f"{name.en}: 'queue' belongs on a wait point: add 'wait: 10min' "
                      "(or 'wait: true')",
                      f"{name.zh}：'queue' 只能写在等待点上：请加上 'wait: 10min'（或 'wait: true'）",
                      mapping.key_pos["queue"])
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
            name = named(owner)
            reader.report("schema", f"{name.en}: queue hour '{label}': {exc}",
                          f"{name.zh} 的排队时段 '{label}'：{exc.message_zh}", hours.value_pos[label])
    return found
