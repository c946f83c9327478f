"""The whole file: its version, title and locale, then lanes, phases, steps, flows and standards."""

from __future__ import annotations

from ..errors import brief
from ..model import Blueprint
from ..phrases import say
from ..safeyaml import YMap
from ..words import locales
from .flows import read_flows
from .keys import FORMAT_VERSION
from .lanes import read_lanes, read_phases
from .reader import Reader
from .references import resolve_references
from .standards import read_standards
from .steps import read_steps

__all__ = ["read_blueprint"]


def read_blueprint(reader: Reader, top: YMap) -> Blueprint:
    """The blueprint the top-level mapping describes, with every problem found in it, in file order."""
    owner = ("blueprint", None)
    reader.check_keys(top, "blueprint", owner)
    pos, key_pos, value_pos = reader.positions(top)
    version = read_version(reader, top)
    title = reader.text(top, "title", owner, required=True) or ""
    description = reader.text(top, "description", owner)
    locale = reader.choice(top, "locale", owner, locales()) or "en"
    lanes = read_lanes(reader, top)
    phases = read_phases(reader, top)
    steps = read_steps(reader, top, lanes)
    bp = Blueprint(
        pos, key_pos, value_pos, path=reader.path, version=version, title=title,
        description=description, locale=locale, lanes=lanes, phases=phases, steps=steps,
        text=reader.source,
    )
    bp.flows = read_flows(reader, top, bp)
    bp.standards = read_standards(reader, top)
    resolve_references(reader, bp)
    reader.problems.sort(key=lambda p: (p.pos.line, p.pos.column))
    bp.problems = reader.problems
    return bp


def read_version(reader: Reader, top: YMap) -> int | None:
    if "blueprint" not in top:
        reader.report("schema", say("lint.schema.no-version"), top.pos)
        return None
    value = top["blueprint"]
    if value == FORMAT_VERSION and isinstance(value, (int, float)) and not isinstance(value, bool):
        return FORMAT_VERSION
    reader.report("schema", say("lint.schema.wrong-version", value=brief(value)), top.value_pos["blueprint"])
    return None
