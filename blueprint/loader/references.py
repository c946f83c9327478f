"""Every reference to a lane, phase or step checked against what the file declares."""

from __future__ import annotations

from ..errors import Message, Pos, suggest
from ..model import Blueprint
from .reader import Reader, named

__all__ = ["resolve_references"]


def resolve_references(reader: Reader, bp: Blueprint) -> None:
    """Report every reference to a lane, phase or step that does not exist."""
    lanes, phases, steps = bp.lane_by_id, bp.phase_by_id, bp.step_by_id
    for step in bp.steps:
        if step.lane and step.lane not in lanes:
            name = named(("step", step.id))
            report_unknown(reader, Message(f"{name.en}: lane '{step.lane}' is not declared",
                                           f"{name.zh}：泳道 '{step.lane}' 没有声明"),
                           step.lane, lanes, step.where("lane"))
        if step.phase is not None and step.phase not in phases:
            name = named(("step", step.id))
            if phases:
                report_unknown(reader, Message(f"{name.en}: phase '{step.phase}' is not declared",
                                               f"{name.zh}：阶段 '{step.phase}' 没有声明"),
                               step.phase, phases, step.where("phase"))
            else:
                reader.report("unknown-reference",
                              f"{name.en}: phase '{step.phase}' is not declared: add it under 'phases:'",
                              f"{name.zh}：阶段 '{step.phase}' 没有声明：请在 'phases:' 下添加",
                              step.where("phase"))
        for ref in step.next:
            if ref.id not in steps:
                name = named(("step", step.id))
                report_unknown(reader, Message(f"{name.en}: next step '{ref.id}' does not exist",
                                               f"{name.zh}：下一步 '{ref.id}' 不存在"),
                               ref.id, steps, ref.pos)
        if step.recovery is not None and step.recovery.id not in steps:
            name, recovery = named(("step", step.id)), step.recovery.id
            report_unknown(reader, Message(f"{name.en}: recovery step '{recovery}' does not exist",
                                           f"{name.zh}：补救步骤 '{recovery}' 不存在"),
                           recovery, steps, step.recovery.pos)
    for flow in bp.flows:
        if flow.origin == "flows":
            for key, ref in (("from", flow.source), ("to", flow.target)):
                if ref.id not in steps:
                    report_unknown(reader, Message(f"flow: '{key}' step '{ref.id}' does not exist",
                                                   f"连线：'{key}' 所指的步骤 '{ref.id}' 不存在"),
                                   ref.id, steps, ref.pos)
    for standard in bp.standards:
        refs = [("from", standard.from_step), ("to", standard.to_step)]
        refs += [("steps", ref) for ref in standard.steps]
        for key, ref in refs:
            if ref is not None and ref.id not in steps:
                name = named(("standard", standard.id))
                report_unknown(reader, Message(f"{name.en}: '{key}' step '{ref.id}' does not exist",
                                               f"{name.zh}：'{key}' 所指的步骤 '{ref.id}' 不存在"),
                               ref.id, steps, ref.pos)


def report_unknown(reader: Reader, message: Message, ident: str, known, pos: Pos) -> None:
    hint = suggest(ident, known)
    reader.report("unknown-reference", message.en + hint.en, message.zh + hint.zh, pos)
