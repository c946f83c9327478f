"""Every reference to a lane, phase or step checked against what the file declares."""

from __future__ import annotations

from ..errors import Pos, hint
from ..model import Blueprint
from ..phrases import say
from .reader import Reader, named

__all__ = ["resolve_references"]


def resolve_references(reader: Reader, bp: Blueprint) -> None:
    """Report every reference to a lane, phase or step that does not exist."""
    lanes, phases, steps = bp.lane_by_id, bp.phase_by_id, bp.step_by_id
    for step in bp.steps:
        if step.lane and step.lane not in lanes:
            report_unknown(reader, "lane", step.lane, lanes, step.where("lane"),
                           name=named(("step", step.id)), lane=step.lane)
        if step.phase is not None and step.phase not in phases:
            if phases:
                report_unknown(reader, "phase", step.phase, phases, step.where("phase"),
                               name=named(("step", step.id)), phase=step.phase)
            else:
                reader.report("unknown-reference", say("lint.unknown-reference.no-phases", name=named(("step", step.id)),
                                                       phase=step.phase),
                              step.where("phase"))
        for ref in step.next:
            if ref.id not in steps:
                report_unknown(reader, "next", ref.id, steps, ref.pos, name=named(("step", step.id)), step=ref.id)
        if step.recovery is not None and step.recovery.id not in steps:
            recovery = step.recovery.id
            report_unknown(reader, "recovery", recovery, steps, step.recovery.pos,
                           name=named(("step", step.id)), step=recovery)
    for flow in bp.flows:
        if flow.origin == "flows":
            for key, ref in (("from", flow.source), ("to", flow.target)):
                if ref.id not in steps:
                    report_unknown(reader, "flow", ref.id, steps, ref.pos, key=key, step=ref.id)
    for standard in bp.standards:
        refs = [("from", standard.from_step), ("to", standard.to_step)]
        refs += [("steps", ref) for ref in standard.steps]
        for key, ref in refs:
            if ref is not None and ref.id not in steps:
                report_unknown(reader, "standard", ref.id, steps, ref.pos,
                               name=named(("standard", standard.id)), key=key, step=ref.id)


def report_unknown(reader: Reader, message: str, ident: str, known, pos: Pos, **params: object) -> None:
    """``lint.unknown-reference.<message>`` with ``params`` and a did-you-mean among ``known``."""
    reader.report("unknown-reference", say(f"lint.unknown-reference.{message}", **params, hint=hint(ident, known)),
                  pos)
