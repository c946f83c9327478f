"""The step table read: a blueprint from a table's rows, with what was guessed or left out noted."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from ...analysis import touchpoints as tp
from ...durations import DurationError, compact_duration, parse_duration
from ...model import Zone
from ...phrases import Phrase, say
from ...words import locales
from ..common import Imported, first_keys, guess_zone, unique_id, zone_named
from .columns import guess_mapping, norm
from .tables import Table, read_table

__all__ = ["import_sheet"]

_EVIDENCE_SPLIT = re.compile(r"[;；\n]")
_LIST_SPLIT = re.compile(r"[,，、;；\n]")
_TRUE = {"yes", "y", "true", "1", "x", "✓", "√", "是", "有", "对"}
_FALSE = {"no", "n", "false", "0", "", "否", "无", "不"}


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
        if norm(text) in {norm(zone.value), *(norm(zone.label(locale)) for locale in locales())}:
            return zone
    return None


def _kind_of(text: str) -> tuple[str | None, bool]:
    """A touchpoint kind from a cell (None for unspecified), and whether the cell named one."""
    if not text:
        return None, True
    for kind in tp.KINDS:
        if norm(text) in {norm(kind), *(norm(tp.kind_label(kind, locale)) for locale in locales())}:
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
    return _Rows(table, header, columns, zones or {}).build(tables)


@dataclass(frozen=True)
class _Cells:
    """One row's cells by field: ``(value, row, column)`` each."""

    cells: dict[str, tuple[Any, int, int]]

    def __contains__(self, key: str) -> bool:
        return key in self.cells

    def text(self, key: str) -> str:
        return _text(self.cells[key][0]) if key in self.cells else ""

    def at(self, key: str) -> tuple[int, int]:
        return self.cells[key][1], self.cells[key][2]


class _Rows:
    """A step table's rows read into a blueprint: the rows that hold something, their step ids, then
    each row's lane, phase, details, times, fail point, emotion, lists and next steps; ``notes``
    gathers what was guessed or left out, in that order."""

    def __init__(self, table: Table, header: int, columns: dict[int, str], zones: Mapping[str, str]):
        self.table, self.header, self.columns, self.zones = table, header, columns, zones
        self.notes: list[Phrase] = []
        self.lanes: dict[str, dict[str, Any]] = {}
        self.phases: dict[str, dict[str, Any]] = {}
        self.guessed: dict[str, str] = {}  # lane name -> the zone guessed from it, "?" for none
        self.no_phase = {norm(tp.value_label("no_phase", lang_)) for lang_ in locales()}

    def build(self, tables: list[Table]) -> Imported:
        table = self.table
        headings = table.rows[self.header]
        ignored = [_text(headings[j]) for j in range(len(headings))
                   if j not in self.columns and _text(headings[j])]
        if ignored:
            self.notes.append(say("interop.sheet.columns-ignored", names=", ".join(ignored)))
        others = [t.sheet for t in tables if t is not table and t.sheet]
        if others:
            self.notes.append(say("interop.sheet.sheets-ignored", names=", ".join(others)))
        records = self._records()
        ids = self._ids(records)
        steps = [self._step(step_id, cells) for step_id, cells in zip(ids, records)]
        if "next" not in set(self.columns.values()) and len(steps) > 1:
            for step, following in zip(steps, steps[1:]):
                step["next"] = [following["id"]]
            self.notes.append(say("interop.sheet.row-order"))
        for name, zone in self.guessed.items():
            if zone == "?":
                self.notes.append(say("interop.lane-zone-unknown", lane=name))
            else:
                self.notes.append(say("interop.lane-zone-guessed", lane=name, zone=zone_named(Zone(zone))))
        data = first_keys(table.path, table.title, "blueprint", (_text(h) for h in headings))
        data["lanes"] = sorted(self.lanes.values(), key=lambda lane: Zone(lane["zone"]).order)
        if self.phases:
            data["phases"] = list(self.phases.values())
        data["steps"] = steps
        return Imported(data, self.notes)

    def _records(self) -> list[_Cells]:
        """The rows under the heading row that hold anything."""
        records = []
        rows = self.table.rows
        for i in range(self.header + 1, len(rows)):
            row = rows[i]
            cells = {key: (row[j] if j < len(row) else None, i + 1, j + 1) for j, key in self.columns.items()}
            if not any(_text(value) for value, _r, _c in cells.values()):
                continue
            records.append(_Cells(cells))
        return records

    def _ids(self, records: list[_Cells]) -> list[str]:
        """Each row's step id: the one written, else one made from the label; a step is referred to
        by its id or by its label (see :meth:`_ref`)."""
        table = self.table
        taken: set[str] = set()
        ids: list[str] = []
        for row in records:
            value, r, c = row.cells.get("label", (None, 0, 0))
            if not _text(value):
                raise table.error(r, c, say("interop.sheet.no-label"))
            given = row.text("step")
            if given:
                if re.search(r"\s", given):
                    raise table.error(*row.at("step"), say("interop.sheet.id-with-spaces", id=given))
                if given in taken:
                    raise table.error(*row.at("step"), say("interop.sheet.id-twice", id=given))
                taken.add(given)
                ids.append(given)
            else:
                ids.append("")
        for k, row in enumerate(records):
            if not ids[k]:
                ids[k] = unique_id(row.text("label"), taken)
        self.taken = taken
        self.by_label: dict[str, str] = {}
        for k, row in enumerate(records):
            self.by_label.setdefault(row.text("label"), ids[k])
        return ids

    def _ref(self, text: str, r: int, c: int) -> str:
        """The step a cell names, by id or by label."""
        if text in self.taken:
            return text
        if text in self.by_label:
            return self.by_label[text]
        raise self.table.error(r, c, say("interop.sheet.no-step", step=text))

    def _step(self, step_id: str, row: _Cells) -> dict[str, Any]:
        text, at = row.text, row.at
        step: dict[str, Any] = {"id": step_id, "lane": self._lane(row), "label": text("label")}
        phase = self._phase(row)
        if phase:
            step["phase"] = phase
        self._details(row, step)
        self._times(row, step)
        if text("fail"):
            step["fail"] = text("fail")
        recovery = text("recovery") or text("recovery_label")
        if recovery:
            step["recovery"] = self._ref(recovery, *at("recovery" if text("recovery") else "recovery_label"))
        if text("emotion"):
            step["emotion"] = self._emotion(row)
        for key in ("kpis", "notes"):
            items = [item.strip() for item in text(key).split("\n") if item.strip()]
            if items:
                step[key] = items
        if "next" in row and text("next"):
            step["next"] = [self._ref(item.strip(), *at("next")) for item in _LIST_SPLIT.split(text("next"))
                            if item.strip()]
        return step

    def _lane(self, row: _Cells) -> str:
        """The row's lane id; a lane seen for the first time is added with its label and zone."""
        lane_label, lane_id, zone_text = row.text("lane_label"), row.text("lane"), row.text("zone")
        zone = _zone_of(zone_text) if zone_text else None
        if zone_text and zone is None:
            raise self.table.error(*row.at("zone"), say("interop.sheet.not-a-zone", value=zone_text))
        if not lane_id:
            standard = _zone_of(lane_label) if lane_label else None
            if standard is not None and (zone is None or zone is standard) and lane_label in {
                    standard.label(locale) for locale in locales()}:
                lane_id = standard.value
            elif lane_label:
                lane_id = re.sub(r"\s+", "-", lane_label)
            else:
                lane_id = (zone or Zone.CUSTOMER).value
        if lane_id not in self.lanes:
            mapped = self.zones.get(lane_label) or self.zones.get(lane_id)
            guessed = self.guessed
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
            labelled = lane_label and lane_label != lane_id and not default
            self.lanes[lane_id] = {"id": lane_id, **({"label": lane_label} if labelled else {}),
                                   "zone": zone.value}
        return lane_id

    def _phase(self, row: _Cells) -> str | None:
        """The row's phase id, if it has one; a phase seen for the first time is added."""
        phase_label, phase_id = row.text("phase_label"), row.text("phase")
        if phase_label and norm(phase_label) in self.no_phase and not phase_id:
            phase_label = ""
        if not (phase_id or phase_label):
            return None
        phase_id = phase_id or re.sub(r"\s+", "-", phase_label)
        labelled = phase_label and phase_label != phase_id
        self.phases.setdefault(phase_id, {"id": phase_id, **({"label": phase_label} if labelled else {})})
        return phase_id

    def _details(self, row: _Cells, step: dict[str, Any]) -> None:
        """Description, owner, touchpoint kind and channel, evidence."""
        text = row.text
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
                raise self.table.error(*row.at("kind"), say("interop.sheet.not-a-kind", value=kind_text))
            channel = kind_text
            self.notes.append(say("interop.sheet.kind-as-channel", row=row.at("kind")[0], value=kind_text))
        if channel:
            step["channel"] = channel
        evidence = [item.strip() for item in _EVIDENCE_SPLIT.split(text("evidence")) if item.strip()]
        if evidence:
            step["evidence"] = evidence

    def _times(self, row: _Cells, step: dict[str, Any]) -> None:
        """Duration (in minutes or as written) and wait (a standard, a yes or a no)."""
        table, cells = self.table, row.cells
        duration = _duration(table, cells, "duration_min", minutes=True) or _duration(table, cells, "duration")
        if duration is not None:
            step["duration"] = compact_duration(duration)
        wait_max = _duration(table, cells, "wait_max")
        wait_text = row.text("wait")
        if wait_max is not None:
            step["wait"] = compact_duration(wait_max)
        elif wait_text:
            if norm(wait_text) in _TRUE:
                step["wait"] = True
            elif norm(wait_text) not in _FALSE:
                wait = _duration(table, cells, "wait")
                step["wait"] = compact_duration(wait)

    def _emotion(self, row: _Cells) -> int:
        raw = row.cells["emotion"][0]
        try:
            emotion = int(float(raw)) if not isinstance(raw, str) else int(raw.strip().lstrip("+"))
        except ValueError:
            emotion = None
        if emotion is None or not -2 <= emotion <= 2 or (isinstance(raw, float) and not raw.is_integer()):
            raise self.table.error(*row.at("emotion"),
                                   say("interop.sheet.bad-emotion", value=row.text("emotion")))
        return emotion


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
