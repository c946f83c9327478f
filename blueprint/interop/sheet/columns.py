"""The step table's columns: their order, their headings, and the words users head them with."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from ...analysis import touchpoints as tp
from ...export import INVENTORY_EXPORT_COLUMNS
from ...words import locales
from .tables import column_letter

__all__ = ["EXTRA_COLUMNS", "HEADINGS", "STEP_COLUMNS", "guess_mapping", "heading", "norm"]

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

_NOISE = re.compile(r"[\s_\-()（）:：/.*#]+")


def norm(text: object) -> str:
    """``text`` as headings and values are compared: without case, spaces and punctuation."""
    return _NOISE.sub("", str(text or "")).casefold()


def heading(key: str, locale: str) -> str:
    """The step table's heading for ``key``."""
    return tp.column_label(key, locale)


def _heading_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for key in STEP_COLUMNS:
        for lang in locales():
            index.setdefault(norm(heading(key, lang)), key)
    index.setdefault(norm(tp.column_label("recovery_label", "en")), "recovery_label")
    for key, names in HEADINGS.items():
        for name in names:
            index.setdefault(norm(name), key)
    return index


def guess_mapping(headings: list[Any], given: Mapping[str, str] | None = None) -> dict[int, str]:
    """Column index -> field for a heading row; ``given`` maps a heading (or column letter) to a field.

    >>> guess_mapping(["环节", "角色", "下一步", "时长（分钟）", "备注", "?"])
    {0: 'label', 1: 'lane_label', 2: 'next', 3: 'duration_min', 4: 'notes'}
    """
    index = _heading_index()
    given = {(norm(k)): v for k, v in (given or {}).items()}
    mapping: dict[int, str] = {}
    for column, text in enumerate(headings):
        letter = norm(column_letter(column + 1))
        if norm(text) in given or letter in given:  # given wins; an empty field leaves the column out
            key = given.get(norm(text)) if norm(text) in given else given[letter]
        else:
            key = index.get(norm(text))
        if key and key not in mapping.values():
            mapping[column] = key
    return mapping
