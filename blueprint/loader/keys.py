"""What format.md allows: the keys of each object, the zones, flow and touchpoint kinds, a label's length."""

from __future__ import annotations

from ..model import FlowKind, Touchpoint, Zone

__all__ = ["FORMAT_VERSION", "KEYS", "KEY_SETS", "MAX_LABEL_CHARS", "ZONE_NAMES", "FLOW_KINDS", "TOUCHPOINTS"]

FORMAT_VERSION = 1
#: A title or label keeps this many characters (a card shows about 150); longer ones are cut.
MAX_LABEL_CHARS = 300

#: The keys format.md allows, per object. The JSON Schema is checked against these in the tests.
KEYS: dict[str, tuple[str, ...]] = {
    "blueprint": ("blueprint", "title", "description", "locale", "lanes", "phases", "steps",
                  "flows", "standards"),
    "lane": ("id", "label", "zone"),
    "phase": ("id", "label"),
    "step": ("id", "lane", "label", "phase", "next", "description", "owner", "touchpoint",
             "channel", "evidence", "duration", "wait", "queue", "fail", "recovery", "emotion", "kpis",
             "notes"),
    "queue": ("arrivals", "servers", "service", "diversion", "level", "hours"),
    "flow": ("from", "to", "label", "kind"),
    "standard": ("id", "label", "from", "to", "steps", "max"),
}
KEY_SETS = {what: frozenset(keys) for what, keys in KEYS.items()}
ZONE_NAMES = tuple(zone.value for zone in Zone)
FLOW_KINDS = tuple(kind.value for kind in FlowKind if kind.journey)
TOUCHPOINTS = tuple(kind.value for kind in Touchpoint)
