"""The step table written: every step of a blueprint as CSV or XLSX, and what the table cannot hold."""

from __future__ import annotations

import csv
import io
from typing import Any

from ...analysis import touchpoints as tp
from ...analysis.numbering import step_numbers
from ...durations import format_duration
from ...export import guard_cell
from ...model import Blueprint
from ...phrases import say
from ...words import normalize, word
from ..common import Exported
from .columns import STEP_COLUMNS, heading

__all__ = ["export_sheet"]

def _row(bp: Blueprint, step, lang: str, number: int) -> dict[str, Any]:
    lane = bp.lane_by_id.get(step.lane)
    phase = bp.phase_by_id.get(step.phase) if step.phase else None
    recovery = bp.step_by_id.get(step.recovery.id) if step.recovery else None
    return {
        "number": number,
        "step": step.id,
        "label": step.label,
        "phase": step.phase,
        "phase_label": phase.display_label() if phase else step.phase,
        "lane": step.lane,
        "lane_label": lane.display_label(lang) if lane else step.lane,
        "zone": step.zone.label(lang) if step.zone else None,
        "kind": tp.kind_label(step.touchpoint.value if step.touchpoint else None, lang),
        "channel": step.channel,
        "owner": step.owner,
        "evidence": word("join.evidence", lang).join(step.evidence) or None,
        "duration": format_duration(step.duration, lang) if step.duration is not None else None,
        "duration_min": round(step.duration.total_seconds() / 60, 2) if step.duration is not None else None,
        "wait": tp.value_label("yes" if step.wait else "no", lang),
        "wait_max": format_duration(step.wait_max, lang) if step.wait_max is not None else None,
        "fail": step.fail,
        "recovery": step.recovery.id if step.recovery else None,
        "recovery_label": recovery.label if recovery else None,
        "emotion": step.emotion,
        "next": ", ".join(ref.id for ref in step.next) or None,
        "description": step.description,
        "kpis": "\n".join(step.kpis) or None,
        "notes": "\n".join(step.notes) or None,
    }


def export_sheet(bp: Blueprint, fmt: str = "csv", locale: str | None = None) -> Exported:
    """Every step of ``bp`` as a step table: ``fmt`` ``csv`` (UTF-8 with BOM) or ``xlsx``.

    >>> from blueprint import loads
    >>> bp = loads("blueprint: 1\\ntitle: t\\nsteps:\\n- {id: a, lane: customer, label: '=1+1', next: b}\\n"
    ...            "- {id: b, lane: support, label: B}\\n")
    >>> lines = export_sheet(bp).content.decode("utf-8-sig").splitlines()
    >>> lines[1].split(",")[:3], lines[2].split(",")[-4]
    (['1', 'a', "'=1+1"], '')
    """
    from ...export import _write_sheet  # the inventory's sheet writer: same look, same formula guard

    lang = normalize(locale if locale is not None else bp.locale)
    headings = [heading(key, lang) for key in STEP_COLUMNS]
    numbers = step_numbers(bp)  # the numbers the picture shows; an import reads past them
    rows = [[_row(bp, step, lang, numbers[step.index])[key] for key in STEP_COLUMNS] for step in bp.steps]
    lost = []
    extra = [flow for flow in bp.flows if flow.origin != "next"]
    if extra:
        lost.append(say("interop.sheet.extra-flows", count=len(extra)))
    if bp.standards:
        lost.append(say("interop.sheet.standards", count=len(bp.standards)))
    unused = [phase.id for phase in bp.phases if not any(step.phase == phase.id for step in bp.steps)]
    empty = [lane.id for lane in bp.lanes if not lane.implicit and not any(bp.steps_in_lane(lane.id))]
    if unused or empty:
        lost.append(say("interop.sheet.unused", names=", ".join(unused + empty)))
    if bp.description:
        lost.append(say("interop.sheet.description"))
    used = list(dict.fromkeys(step.lane for step in bp.steps))
    in_file = [lane.id for lane in bp.lanes_in_zone_order() if lane.id in used]
    by_rows = sorted(in_file, key=lambda lane: (bp.lane_by_id[lane].zone.order, used.index(lane)))
    if by_rows != in_file:
        lost.append(say("interop.sheet.lane-order"))
    if fmt == "csv":
        buffer = io.StringIO(newline="")
        writer = csv.writer(buffer)
        writer.writerow(headings)
        for line in rows:
            writer.writerow(["" if v is None else guard_cell(v) if isinstance(v, str) else v for v in line])
        return Exported(buffer.getvalue().encode("utf-8-sig"), "csv", "text/csv", lost)
    try:
        from openpyxl import Workbook
    except ImportError as error:
        raise ImportError("XLSX export needs openpyxl: pip install 'service-blueprint[app]'") from error
    workbook = Workbook()
    workbook.remove(workbook.active)
    workbook.properties.title = bp.title
    workbook.properties.creator = "service-blueprint"
    _write_sheet(workbook, word("sheet.steps", lang), headings,
                 [["" if v is None else v for v in line] for line in rows])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return Exported(buffer.getvalue(), "xlsx",
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", lost)
