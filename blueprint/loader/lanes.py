"""Lanes (zone by zone, the four standard ones when none are declared) and phases."""

from __future__ import annotations

from ..errors import Pos, hint
from ..model import Lane, Phase, Zone
from ..phrases import Listed, say
from ..safeyaml import YMap
from .keys import ZONE_NAMES
from .reader import Reader

__all__ = ["read_lanes", "read_phases"]


def read_lanes(reader: Reader, top: YMap) -> list[Lane]:
    items = reader.list_of(top, "lanes", ("blueprint", None))
    if not items:
        if items is not None:
            reader.report("schema", say("lint.schema.empty-lanes"), top.value_pos["lanes"])
        here = Pos(reader.path, *top.pos)
        return [Lane(here, id=zone.value, zone=zone, implicit=True) for zone in Zone]
    lanes: list[Lane] = []
    for item, position in zip(items, items.item_pos):
        lane = read_lane(reader, item, position)
        if lane is not None:
            lanes.append(lane)
    reader.check_unique(lanes, "lane")
    return lanes


def read_lane(reader: Reader, item: object, position: tuple[int, int]) -> Lane | None:
    if isinstance(item, str) or (isinstance(item, (int, float)) and not isinstance(item, bool)):
        # `- frontstage` is short for `{id: frontstage}`
        ident = reader.ident(item, position, ("lane", None), "id")
        if ident is None:
            return None
        here = reader.at(position)
        lane = Lane(here, {"id": here}, {"id": here}, id=ident)
        lane.zone = zone_from_id(reader, lane)
        return lane
    entry = reader.identified(item, position, "lane")
    if entry is None:
        return None
    mapping, owner = entry
    ident = owner[1]
    if ident is None:
        return None
    pos, key_pos, value_pos = reader.positions(mapping)
    lane = Lane(pos, key_pos, value_pos, id=ident, label=reader.text(mapping, "label", owner))
    if "zone" in mapping:
        zone = reader.choice(mapping, "zone", owner, ZONE_NAMES)
        lane.zone = Zone(zone) if zone else None
    else:
        lane.zone = zone_from_id(reader, lane)
    return lane


def zone_from_id(reader: Reader, lane: Lane) -> Zone | None:
    """A lane without ``zone:`` is in the zone its id names, if it names one."""
    if lane.id in ZONE_NAMES:
        return Zone(lane.id)
    reader.report("schema", say("lint.schema.lane-without-zone", lane=lane.id, zones=Listed(ZONE_NAMES),
                                hint=hint(lane.id, ZONE_NAMES)),
                  lane.where("id"))
    return None


def read_phases(reader: Reader, top: YMap) -> list[Phase]:
    items = reader.list_of(top, "phases", ("blueprint", None))
    if not items:
        return []
    phases: list[Phase] = []
    for item, position in zip(items, items.item_pos):
        if isinstance(item, str) or (isinstance(item, (int, float)) and not isinstance(item, bool)):
            ident = reader.ident(item, position, ("phase", None), "id")
            if ident is not None:
                here = reader.at(position)
                phases.append(Phase(here, {"id": here}, {"id": here}, id=ident))
            continue
        entry = reader.identified(item, position, "phase")
        if entry is None:
            continue
        mapping, owner = entry
        if owner[1] is None:
            continue
        pos, key_pos, value_pos = reader.positions(mapping)
        phases.append(Phase(pos, key_pos, value_pos, id=owner[1], label=reader.text(mapping, "label", owner)))
    reader.check_unique(phases, "phase")
    return phases
