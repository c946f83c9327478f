"""Step tables in spreadsheets: export every step as CSV or XLSX, import steps from a table.

The step table is the touchpoint inventory's layout (``blueprint.export``: the same columns, headings
and words, in the same order) for every step, followed by the columns the inventory leaves out:
phase and lane ids, ``next``, description, KPIs and notes. So an inventory export imports as it is,
and a step table round-trips everything but flow labels and kinds, extra ``flows:`` and standards.

The import reads XLSX (openpyxl) and CSV (UTF-8 with or without a byte order mark, else GBK/GB18030;
comma, semicolon or tab separated). The heading row is found in the first rows; each heading is
mapped to a step field (:data:`HEADINGS`: the inventory's own headings and common words in Chinese
and English, such as 步骤/环节, 泳道/角色, 阶段, 下一步, 时长, 触点, 失误点), or by a mapping the user
gives. A cell that cannot be read is refused with its sheet, row and column; what the table cannot
say is noted (a lane's zone guessed from its name, rows chained in order when there is no ``next``
column, columns nobody maps).
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from ..analysis import touchpoints as tp
from ..analysis.numbering import step_numbers
from ..durations import DurationError, compact_duration, format_duration, parse_duration
from ..errors import BlueprintError, Pos
from ..export import INVENTORY_EXPORT_COLUMNS, guard_cell
from ..model import Blueprint, Zone
from ..phrases import Listed, Phrase, say
from ..words import locales, normalize, word
from .common import Exported, Imported, check_size, guess_zone, unique_id, zone_named

__all__ = [
    "EXTRA_COLUMNS", "HEADINGS", "STEP_COLUMNS", "export_sheet", "guess_mapping",
    "import_sheet", "read_table",
]

#: Columns the step table adds after the inventory's.
EXTRA_COLUMNS: tuple[str, ...] = ("phase", "lane", "next", "description", "kpis", "notes")

#: Every column of the step table, in order.
STEP_COLUMNS: tuple[str, ...] = (*INVENTORY_EXPORT_COLUMNS, *EXTRA_COLUMNS)

#: Further headings users write, by field (matched after the step table's own headings, ignoring
#: case, spaces and punctuation).
HEADINGS: dict[str, tuple[str, ...]] = {
    "step": ("id", "step id", "key", "编号", "步骤id", "步骤编号", "环节编号"),
    "label": ("step", "step name", "activity", "action", "task", "touchpoint name", "name",
              "步骤", "环节", "步骤名称", "环节名称", "活动", "行为", "动作", "任务", "名称", "内容"),
    "phase_label": ("phase", "stage", "阶段", "阶段名称", "服务阶段"),
    "phase": ("phase id", "阶段编号", "阶段id"),
    "lane_label": ("lane", "swimlane", "role", "actor", "who", "department", "泳道", "角色", "岗位", "部门",
                   "执行角色"),
    "lane": ("lane id", "泳道编号", "泳道id"),
    "zone": ("zone", "layer", "区域", "层", "层级"),
    "kind": ("touchpoint", "touchpoint kind", "touchpoint type", "kind", "type", "触点", "触点类型"),
    "channel": ("channel", "渠道"),
    "owner": ("owner", "performer", "responsible", "执行者", "负责人", "执行人"),
    "evidence": ("evidence", "physical evidence", "props", "有形展示", "有形证据", "物证"),
    "duration": ("duration", "time", "时长", "耗时", "用时", "时间"),
    "duration_min": ("duration min", "minutes", "时长分钟", "分钟"),
    "wait": ("wait", "wait point", "waiting", "等候", "等候点", "等待", "等待点"),
    "wait_max": ("wait standard", "max wait", "等候标准", "等待标准"),
    "fail": ("fail", "fail point", "failure", "failure point", "risk", "失误点", "失误", "故障点", "风险点"),
    "recovery": ("recovery id", "recovery step id", "补救步骤编号", "补救编号"),
    "recovery_label": ("recovery", "recovery step", "补救", "补救步骤", "补救措施"),
    "emotion": ("emotion", "feeling", "mood", "score", "情绪", "感受", "心情"),
    "next": ("next", "next step", "next steps", "then", "下一步", "后续", "后续步骤", "下一环节"),
    "description": ("description", "details", "detail", "说明", "描述", "详细说明"),
    "kpis": ("kpi", "kpis", "measure", "measures", "指标", "考核指标"),
    "notes": ("note", "notes", "comment", "comments", "pain point", "备注", "痛点", "注释"),
}

_EVIDENCE_SPLIT = re.compile(r"[;；\n]")
_LIST_SPLIT = re.compile(r"[,，、;；\n]")
_NOISE = re.compile(r"[\s_\-()（）:：/.*#]+")
_TRUE = {"yes", "y", "true", "1", "x", "✓", "√", "是", "有", "对"}
_FALSE = {"no", "n", "false", "0", "", "否", "无", "不"}
_MAX_UNCOMPRESSED = 100 * 1024 * 1024  # an XLSX that inflates past this is a zip bomb


def _norm(text: object) -> str:
    return _NOISE.sub("", str(text or "")).casefold()


def heading(key: str, locale: str) -> str:
    """The step table's heading for ``key``."""
    return tp.column_label(key, locale)


# ---------------------------------------------------------------------------------------------
# Export


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
    from ..export import _write_sheet  # the inventory's sheet writer: same look, same formula guard

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


# ---------------------------------------------------------------------------------------------
# Reading tables


@dataclass
class Table:
    """A sheet's cells as read: ``rows[i][j]`` is row ``i + 1``, column ``j + 1``."""

    path: str
    sheet: str | None
    rows: list[list[Any]]
    title: str | None = None

    def where(self, row: int, column: int) -> Phrase:
        """``sheet 'Steps', row 5, column C`` (1-based row and column)."""
        if self.sheet:
            return say("interop.sheet.where", sheet=self.sheet, row=row, column=column_letter(column))
        return say("interop.sheet.where-no-sheet", row=row, column=column_letter(column))

    def error(self, row: int, column: int, problem: Phrase) -> BlueprintError:
        """The error for the cell at ``row``, ``column``: ``problem``, after where the cell is."""
        message = say("interop.sheet.at", where=self.where(row, column), problem=problem)
        return BlueprintError("import", message, Pos(self.path, row, column))


def column_letter(column: int) -> str:
    """A spreadsheet's name of the 1-based ``column`` (CSV needs no openpyxl for it).

    >>> column_letter(1), column_letter(26), column_letter(28)
    ('A', 'Z', 'AB')
    """
    letters = ""
    while column > 0:
        column, rest = divmod(column - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def _decode(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("gb18030", errors="replace")  # GBK and its superset


def _unguard(value: str) -> str:
    """Undo :func:`blueprint.export.guard_cell`'s quote before a formula-like text."""
    if value.startswith("'") and guard_cell(value[1:]) == value:
        return value[1:]
    return value


def read_table(data: bytes, path: str, sheet: str | None = None) -> list[Table]:
    """The sheets of an XLSX file, or the one table of a CSV file, as cell values.

    Raises:
        BlueprintError: If the file is too large, not a spreadsheet, or an XLSX that inflates beyond 100 MB.
    """
    check_size(data, path)
    if data[:4] == b"PK\x03\x04":
        return _read_xlsx(data, path, sheet)
    text = _decode(data)
    if "\x00" in text:
        raise BlueprintError("import", say("interop.sheet.binary"), Pos(path, 1, 1))
    # The separator is the one the heading line uses most (csv.Sniffer also guesses quoting, wrongly
    # for cells that hold quotes).
    first = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=first.count)
    rows = [[_unguard(cell) for cell in row]
            for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)]
    return [Table(path, None, rows)]


def _read_xlsx(data: bytes, path: str, sheet: str | None) -> list[Table]:
    try:
        from openpyxl import load_workbook
    except ImportError as error:
        raise ImportError("XLSX import needs openpyxl: pip install 'service-blueprint[app]'") from error
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            inflated = sum(info.file_size for info in archive.infolist())
    except zipfile.BadZipFile:
        raise BlueprintError("import", say("interop.sheet.broken-zip"), Pos(path, 1, 1)) from None
    if inflated > _MAX_UNCOMPRESSED:
        raise BlueprintError("import", say("interop.sheet.inflates", size=inflated // 1024 // 1024),
                             Pos(path, 1, 1))
    try:
        # data_only: a formula cell gives its last computed value, never the formula.
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for files that are not workbooks
        raise BlueprintError("import", say("interop.sheet.unreadable", error=type(error).__name__),
                             Pos(path, 1, 1)) from None
    names = workbook.sheetnames
    if sheet is not None and sheet not in names:
        raise BlueprintError("import", say("interop.sheet.no-sheet", sheet=sheet,
                                           sheets=Listed(tuple(names))), Pos(path, 1, 1))
    tables = []
    for name in [sheet] if sheet else names:
        rows = [list(row) for row in workbook[name].iter_rows(values_only=True)]
        tables.append(Table(path, name, rows, workbook.properties.title))
    workbook.close()
    return tables


# ---------------------------------------------------------------------------------------------
# Mapping headings to fields


def _heading_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for key in STEP_COLUMNS:
        for lang in locales():
            index.setdefault(_norm(heading(key, lang)), key)
    index.setdefault(_norm(tp.column_label("recovery_label", "en")), "recovery_label")
    for key, names in HEADINGS.items():
        for name in names:
            index.setdefault(_norm(name), key)
    return index


def guess_mapping(headings: list[Any], given: Mapping[str, str] | None = None) -> dict[int, str]:
    """Column index -> field for a heading row; ``given`` maps a heading (or column letter) to a field.

    >>> guess_mapping(["环节", "角色", "下一步", "时长（分钟）", "备注", "?"])
    {0: 'label', 1: 'lane_label', 2: 'next', 3: 'duration_min', 4: 'notes'}
    """
    index = _heading_index()
    given = {(_norm(k)): v for k, v in (given or {}).items()}
    mapping: dict[int, str] = {}
    for column, text in enumerate(headings):
        letter = _norm(column_letter(column + 1))
        if _norm(text) in given or letter in given:  # given wins; an empty field leaves the column out
            key = given.get(_norm(text)) if _norm(text) in given else given[letter]
        else:
            key = index.get(_norm(text))
        if key and key not in mapping.values():
            mapping[column] = key
    return mapping


# ---------------------------------------------------------------------------------------------
# Import


def _find_header(table: Table, given: Mapping[str, str] | None) -> tuple[int, dict[int, str]] | None:
    for i, row in enumerate(table.rows[:10]):
        mapping = guess_mapping(row, given)
        if "label" in mapping.values() and len(mapping) >= 2:
            return i, mapping
    return None


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _zone_of(text: str) -> Zone | None:
    for zone in Zone:
        if _norm(text) in {_norm(zone.value), *(_norm(zone.label(locale)) for locale in locales())}:
            return zone
    return None


def _kind_of(text: str) -> tuple[str | None, bool]:
    """A touchpoint kind from a cell (None for unspecified), and whether the cell named one."""
    if not text:
        return None, True
    for kind in tp.KINDS:
        if _norm(text) in {_norm(kind), *(_norm(tp.kind_label(kind, locale)) for locale in locales())}:
            return (None if kind == tp.UNSPECIFIED else kind), True
    return None, False


def import_sheet(data: bytes, path: str, sheet: str | None = None,
                 mapping: Mapping[str, str] | None = None, zones: Mapping[str, str] | None = None) -> Imported:
    """A blueprint from a step table in XLSX or CSV.

    Args:
        data: The file's content.
        path: Its name, for messages and the default title.
        sheet: The sheet to read; default the first whose headings name a step column.
        mapping: Heading (or column letter) -> field (a key of :data:`HEADINGS` or
            :data:`STEP_COLUMNS`), over the guessed mapping; an empty field leaves the column out.
        zones: Lane name -> zone, over the zones the table gives or the names suggest.

    Raises:
        BlueprintError: With the sheet, row and column of a cell that cannot be read.
    """
    tables = read_table(data, path, sheet)
    found = None
    for table in tables:
        found = _find_header(table, mapping)
        if found:
            break
    if not found:
        raise tables[0].error(1, 1, say("interop.sheet.no-header"))
    header, columns = found
    return _build(table, header, columns, tables, zones or {})


def _build(table: Table, header: int, columns: dict[int, str], tables: list[Table],
           zones: Mapping[str, str]) -> Imported:
    notes: list[Phrase] = []
    headings = table.rows[header]
    fields = set(columns.values())
    ignored = [_text(headings[j]) for j in range(len(headings)) if j not in columns and _text(headings[j])]
    if ignored:
        notes.append(say("interop.sheet.columns-ignored", names=", ".join(ignored)))
    others = [t.sheet for t in tables if t is not table and t.sheet]
    if others:
        notes.append(say("interop.sheet.sheets-ignored", names=", ".join(others)))
    cjk = any(re.search(r"[\u3400-\u9fff]", _text(h)) for h in headings)
    lang = "zh" if cjk else "en"

    records = []
    for i in range(header + 1, len(table.rows)):
        row = table.rows[i]
        cells = {key: (row[j] if j < len(row) else None, i + 1, j + 1) for j, key in columns.items()}
        if not any(_text(value) for value, _r, _c in cells.values()):
            continue
        records.append(cells)

    taken: set[str] = set()
    ids: list[str] = []
    for cells in records:
        value, r, c = cells.get("label", (None, 0, 0))
        if not _text(value):
            raise table.error(r, c, say("interop.sheet.no-label"))
        given = _text(cells["step"][0]) if "step" in cells else ""
        if given:
            if re.search(r"\s", given):
                r, c = cells["step"][1:]
                raise table.error(r, c, say("interop.sheet.id-with-spaces", id=given))
            if given in taken:
                r, c = cells["step"][1:]
                raise table.error(r, c, say("interop.sheet.id-twice", id=given))
            taken.add(given)
            ids.append(given)
        else:
            ids.append("")
    for k, cells in enumerate(records):
        if not ids[k]:
            ids[k] = unique_id(_text(cells["label"][0]), taken)
    by_label: dict[str, str] = {}
    for k, cells in enumerate(records):
        by_label.setdefault(_text(cells["label"][0]), ids[k])

    def ref(text: str, r: int, c: int) -> str:
        if text in taken:
            return text
        if text in by_label:
            return by_label[text]
        raise table.error(r, c, say("interop.sheet.no-step", step=text))

    lanes: dict[str, dict[str, Any]] = {}
    phases: dict[str, dict[str, Any]] = {}
    steps = []
    guessed: dict[str, str] = {}
    no_phase = {_norm(tp.value_label("no_phase", lang_)) for lang_ in locales()}
    for k, cells in enumerate(records):
        step: dict[str, Any] = {"id": ids[k]}

        def text(key: str) -> str:
            return _text(cells[key][0]) if key in cells else ""

        def at(key: str) -> tuple[int, int]:
            return cells[key][1], cells[key][2]

        # Lane: id, label, zone.
        lane_label, lane_id, zone_text = text("lane_label"), text("lane"), text("zone")
        zone = _zone_of(zone_text) if zone_text else None
        if zone_text and zone is None:
            raise table.error(*at("zone"), say("interop.sheet.not-a-zone", value=zone_text))
        if not lane_id:
            standard = _zone_of(lane_label) if lane_label else None
            if standard is not None and (zone is None or zone is standard) and lane_label in {
                    standard.label(locale) for locale in locales()}:
                lane_id = standard.value
            elif lane_label:
                lane_id = re.sub(r"\s+", "-", lane_label)
            else:
                lane_id = (zone or Zone.CUSTOMER).value
        if lane_id not in lanes:
            mapped = zones.get(lane_label) or zones.get(lane_id)
            if mapped:
                zone = Zone(mapped)
            elif zone is None:
                zone = _zone_of(lane_id) or guess_zone(lane_label or lane_id)
                if zone is None:
                    zone = Zone.FRONTSTAGE
                    guessed[lane_label or lane_id] = "?"
                else:
                    guessed[lane_label or lane_id] = zone.value
                if _zone_of(lane_id) is zone:
                    guessed.pop(lane_label or lane_id, None)
            # A standard lane's row name ("Customer actions") is its default label, not a label of its own.
            default = lane_id in {z.value for z in Zone} and lane_label in {
                Zone(lane_id).label(locale) for locale in locales()}
            lanes[lane_id] = {"id": lane_id, **({"label": lane_label} if lane_label and lane_label != lane_id
                              and not default else {}), "zone": zone.value}
        step["lane"] = lane_id
        step["label"] = text("label")

        phase_label, phase_id = text("phase_label"), text("phase")
        if phase_label and _norm(phase_label) in no_phase and not phase_id:
            phase_label = ""
        if phase_id or phase_label:
            phase_id = phase_id or re.sub(r"\s+", "-", phase_label)
            phases.setdefault(phase_id, {"id": phase_id, **({"label": phase_label}
                                                            if phase_label and phase_label != phase_id else {})})
            step["phase"] = phase_id

        if text("description"):
            step["description"] = text("description")
        if text("owner"):
            step["owner"] = text("owner")
        kind_text = text("kind")
        kind, known = _kind_of(kind_text)
        if kind:
            step["touchpoint"] = kind
        channel = text("channel")
        if not known:
            if channel:
                raise table.error(*at("kind"), say("interop.sheet.not-a-kind", value=kind_text))
            channel = kind_text
            notes.append(say("interop.sheet.kind-as-channel", row=at("kind")[0], value=kind_text))
        if channel:
            step["channel"] = channel
        evidence = [item.strip() for item in _EVIDENCE_SPLIT.split(text("evidence")) if item.strip()]
        if evidence:
            step["evidence"] = evidence

        duration = _duration(table, cells, "duration_min", minutes=True) or _duration(table, cells, "duration")
        if duration is not None:
            step["duration"] = compact_duration(duration)
        wait_max = _duration(table, cells, "wait_max")
        wait_text = text("wait")
        if wait_max is not None:
            step["wait"] = compact_duration(wait_max)
        elif wait_text:
            if _norm(wait_text) in _TRUE:
                step["wait"] = True
            elif _norm(wait_text) not in _FALSE:
                wait = _duration(table, cells, "wait")
                step["wait"] = compact_duration(wait)
        if text("fail"):
            step["fail"] = text("fail")
        recovery = text("recovery") or text("recovery_label")
        if recovery:
            step["recovery"] = ref(recovery, *at("recovery" if text("recovery") else "recovery_label"))
        if text("emotion"):
            raw = cells["emotion"][0]
            try:
                emotion = int(float(raw)) if not isinstance(raw, str) else int(raw.strip().lstrip("+"))
            except ValueError:
                emotion = None
            if emotion is None or not -2 <= emotion <= 2 or (isinstance(raw, float) and not raw.is_integer()):
                raise table.error(*at("emotion"), say("interop.sheet.bad-emotion", value=text("emotion")))
            step["emotion"] = emotion
        for key in ("kpis", "notes"):
            items = [item.strip() for item in text(key).split("\n") if item.strip()]
            if items:
                step[key] = items
        if "next" in cells and text("next"):
            step["next"] = [ref(item.strip(), *at("next")) for item in _LIST_SPLIT.split(text("next"))
                            if item.strip()]
        steps.append(step)

    if "next" not in fields and len(steps) > 1:
        for step, following in zip(steps, steps[1:]):
            step["next"] = [following["id"]]
        notes.append(say("interop.sheet.row-order"))
    for name, zone in guessed.items():
        if zone == "?":
            notes.append(say("interop.lane-zone-unknown", lane=name))
        else:
            notes.append(say("interop.lane-zone-guessed", lane=name, zone=zone_named(Zone(zone))))

    stem = re.sub(r"\.[A-Za-z0-9]+$", "", table.path.replace("\\", "/").rsplit("/", 1)[-1])
    data: dict[str, Any] = {"blueprint": 1, "title": table.title or stem or "blueprint", "locale": lang}
    ordered = sorted(lanes.values(), key=lambda lane: Zone(lane["zone"]).order)
    data["lanes"] = ordered
    if phases:
        data["phases"] = list(phases.values())
    data["steps"] = steps
    return Imported(data, notes)


def _duration(table: Table, cells: dict, key: str, minutes: bool = False) -> timedelta | None:
    if key not in cells:
        return None
    value, r, c = cells[key]
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, str):
        value = value.strip()
        try:
            value = float(value) if minutes else value
        except ValueError:
            pass
    try:
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            # Minutes with two decimals: round to the second they were written from.
            return timedelta(seconds=round(float(value) * 60))
        return parse_duration(value)
    except DurationError as error:
        raise table.error(r, c, error.phrase) from None
