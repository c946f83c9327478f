"""Flows: a step's ``next:`` and the ``flows:`` list, each a positioned reference to its target."""

from __future__ import annotations

from ..model import Blueprint, Flow, FlowKind, Ref
from ..safeyaml import YMap
from .keys import FLOW_KINDS
from .reader import Reader

__all__ = ["read_flows"]


def read_flows(reader: Reader, top: YMap, bp: Blueprint) -> list[Flow]:
    flows = []
    for step in bp.steps:
        if step.next:
            # One source for all of a step's flows, and no positions of keys a `next:` item has not.
            source = Ref(step.id, step.where("id"))
            flows += [Flow(ref.pos, source=source, target=ref, origin="next")
                      for ref in step.next]
    items = reader.list_of(top, "flows", ("blueprint", None))
    owner = ("flow", None)
    for item, position in zip(items or (), items.item_pos if items else ()):
        mapping = reader.mapping_or_none(item, position, "flow")
        if mapping is None:
            continue
        reader.check_keys(mapping, "flow", owner)
        pos, key_pos, value_pos = reader.positions(mapping)
        source = reader.ref(mapping, "from", owner)
        target = reader.ref(mapping, "to", owner)
        for key in ("from", "to"):
            if key not in mapping:
                reader.missing(mapping, key, owner)
        kind = reader.choice(mapping, "kind", owner, FLOW_KINDS) or "flow"
        label = reader.text(mapping, "label", owner)
        if source is None or target is None:
            continue
        flows.append(Flow(target.pos, key_pos, value_pos, source=source, target=target,
                          kind=FlowKind(kind), label=label, origin="flows"))
    return flows
