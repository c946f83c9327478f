"""Service standards: the most time a path (``from``/``to``) or a set of steps may take."""

from __future__ import annotations

from ..model import Standard
from ..phrases import say
from ..safeyaml import YMap, YSeq
from .reader import Owner, Reader, named

__all__ = ["read_standards"]


def read_standards(reader: Reader, top: YMap) -> list[Standard]:
    items = reader.list_of(top, "standards", ("blueprint", None))
    standards: list[Standard] = []
    for item, position in zip(items or (), items.item_pos if items else ()):
        entry = reader.identified(item, position, "standard")
        if entry is None:
            continue
        mapping, owner = entry
        ident = owner[1]
        pos, key_pos, value_pos = reader.positions(mapping)
        standard = Standard(
            pos, key_pos, value_pos, id=ident or "", label=reader.text(mapping, "label", owner),
            from_step=reader.ref(mapping, "from", owner), to_step=reader.ref(mapping, "to", owner),
            steps=reader.refs(mapping, "steps", owner), max=reader.duration(mapping, "max", owner),
        )
        check_standard_shape(reader, mapping, owner)
        if ident is not None:
            standards.append(standard)
    reader.check_unique(standards, "standard")
    return standards


def check_standard_shape(reader: Reader, mapping: YMap, owner: Owner) -> None:
    """A standard needs 'max', and either 'from' and 'to' or a non-empty 'steps'."""
    name = named(owner)
    if "max" not in mapping:
        reader.report("schema", say("lint.schema.standard-without-max", name=name), mapping.pos)
    has_path = "from" in mapping or "to" in mapping
    if has_path and "steps" in mapping:
        reader.report("schema", say("lint.schema.standard-path-and-steps", name=name), mapping.key_pos["steps"])
    elif has_path:
        for key in ("from", "to"):
            if key not in mapping:
                reader.missing(mapping, key, owner)
    elif "steps" not in mapping:
        reader.report("schema", say("lint.schema.standard-without-steps", name=name), mapping.pos)
    elif isinstance(mapping["steps"], YSeq) and not mapping["steps"]:
        reader.report("schema", say("lint.schema.empty", name=name, key="steps"), mapping.value_pos["steps"])
