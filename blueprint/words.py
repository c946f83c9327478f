"""The domain's words in every language, and the one ``Locale`` type and normaliser.

Every module that shows a word of the blueprint domain (row and zone names, the three lines,
touchpoint kinds, flow kinds, badges and the legend, table headings, duration units) reads it
here with :func:`word`; every module that takes a ``locale`` passes it through :func:`normalize`.
The app's own interface strings live in :mod:`blueprint.ui.i18n`.

A language is one entry of :data:`CATALOGUE`: its code and a table ``key -> text``. Adding one
means adding that table; a key it lacks reads as English.

>>> word("row.customer", "zh"), word("row.customer", "en"), word("row.customer", "xx")
('顾客行为', 'Customer actions', 'Customer actions')
>>> normalize("zh"), normalize("xx"), normalize(None, "zh")
('zh', 'en', 'zh')
"""

from __future__ import annotations

from typing import TypeAlias

__all__ = ["CATALOGUE", "DEFAULT_LOCALE", "Locale", "locales", "normalize", "word"]

#: A language code: a key of :data:`CATALOGUE` (``en``, ``zh``).
Locale: TypeAlias = str

#: The language of anything not said otherwise, and of every missing translation.
DEFAULT_LOCALE: Locale = "en"

_EN: dict[str, str] = {
    # The rows of the picture, top to bottom; lanes of a standard zone are named after their row.
    "row.evidence": "Physical evidence",
    "row.customer": "Customer actions",
    "row.frontstage": "Frontstage",
    "row.backstage": "Backstage",
    "row.support": "Support processes",
    # A zone named inside a sentence: "a backstage step".
    "zone.customer": "customer",
    "zone.frontstage": "frontstage",
    "zone.backstage": "backstage",
    "zone.support": "support",
    "line.line-of-interaction": "line of interaction",
    "line.line-of-visibility": "line of visibility",
    "line.line-of-internal-interaction": "line of internal interaction",
    # Touchpoint kinds as a card and a form name them, and as a table's values ("kind.").
    "touchpoint.people": "people",
    "touchpoint.environment": "environment",
    "touchpoint.equipment": "equipment",
    "touchpoint.digital": "digital",
    "touchpoint.print": "print",
    "kind.people": "People",
    "kind.environment": "Environment",
    "kind.equipment": "Equipment",
    "kind.digital": "Digital",
    "kind.print": "Print",
    "kind.unspecified": "Unspecified",
    # Flow kinds, as the legend and forms name them.
    "flow.flow": "flow",
    "flow.support": "support",
    "flow.return": "return",
    "flow.recovery": "recovery",
    # Badges on cards and the legend of the picture.
    "badge.fail": "fail point",
    "badge.wait": "wait",
    "legend.title": "Legend",
    "legend.wait-max": "wait ≤ max",
    "legend.emotion": "customer emotion",
    "legend.exceeded": "over its standard",
    # The analysis drawn on the picture: details under a card, the time row, the problem banner.
    "picture.kpi": "KPI: ",
    "picture.note": "Note: ",
    "picture.time-row": "Time",
    "picture.total": "total",
    "picture.wait-standard": "the wait's own standard",
    "picture.incomplete": "This drawing is incomplete: {count} problems in the file",
    "picture.incomplete-one": "This drawing is incomplete: 1 problem in the file",
    "picture.more-problems": "… and {count} more (blueprint lint)",
    # What a message is about: "step 'greet'".
    "thing.blueprint": "blueprint",
    "thing.lane": "lane",
    "thing.phase": "phase",
    "thing.step": "step",
    "thing.flow": "flow",
    "thing.standard": "standard",
    "thing.queue": "queue",
    # Touchpoint tables (the app, CSV and XLSX): column headings, cell words, sheet names.
    "column.step": "Step id",
    "column.label": "Step",
    "column.phase": "Phase id",
    "column.phase_label": "Phase",
    "column.lane": "Lane id",
    "column.lane_label": "Lane",
    "column.zone": "Zone",
    "column.kind": "Touchpoint kind",
    "column.channel": "Channel",
    "column.owner": "Owner",
    "column.evidence": "Physical evidence",
    "column.duration": "Duration",
    "column.duration_min": "Duration (min)",
    "column.wait": "Wait point",
    "column.wait_max": "Wait standard",
    "column.fail": "Fail point",
    "column.recovery": "Recovery step id",
    "column.recovery_label": "Recovery",
    "column.recovery_lane": "Recovery lane id",
    "column.recovery_lane_label": "Recovery lane",
    "column.recovery_exists": "Recovery exists",
    "column.emotion": "Emotion",
    "column.count": "Count",
    "column.total": "Total",
    "value.no_phase": "No phase",
    "value.yes": "yes",
    "value.no": "no",
    "sheet.inventory": "Inventory",
    "sheet.by_kind": "By kind",
    "sheet.by_channel": "By channel",
    "sheet.phase_kind": "Phase × kind",
    "sheet.employees": "Employees",
    "sheet.equipment": "Equipment",
    "sheet.fail_points": "Fail points",
    # Columns of the step table that other tools read and write (interop.sheet), and its sheet.
    "column.next": "Next",
    "column.description": "Description",
    "column.kpis": "KPIs",
    "column.notes": "Notes",
    "sheet.steps": "Steps",
    # What a BPMN export adds: events, gateways and the note on a fail point.
    "bpmn.start": "Start",
    "bpmn.end": "End",
    "bpmn.which-way": "Which way?",
    "bpmn.merge": "Merge",
    "bpmn.fail-prefix": "Fail point: ",
    # Other tools' formats, for people.
    "format.bpmn": "BPMN 2.0 (bpmn.io, Camunda Modeler)",
    "format.mermaid": "Mermaid flowchart",
    "format.mermaid-journey": "Mermaid user journey",
    "format.drawio": "draw.io board",
    "format.xlsx": "Excel step table (XLSX)",
    "format.csv": "CSV step table",
    # Joining words: a list of ids, a step's evidence items (which often hold commas themselves).
    "join.list": ", ",
    "join.evidence": "; ",
    # Durations ({} is the number): rounded for people, exact for messages that compare times.
    "duration.s": "{} s",
    "duration.min": "{} min",
    "duration.h": "{} h",
    "duration.exact.s": "{}s",
    "duration.exact.min": "{}min",
    "duration.exact.h": "{}h",
    "duration.exact.join": " ",
    # Marks drawn over a picture (blueprint.render.overlay): workshop notes, vote heat, a diff.
    "overlay.pain": "pain point",
    "overlay.idea": "idea",
    "overlay.question": "question",
    "overlay.positive": "positive",
    "overlay.pain.count": "{} pain points",
    "overlay.idea.count": "{} ideas",
    "overlay.question.count": "{} questions",
    "overlay.positive.count": "{} positives",
    "overlay.votes": "dots",
    "overlay.votes.count": "{} dots",
    "overlay.added": "added",
    "overlay.changed": "changed",
    "overlay.moved": "moved",
    "overlay.removed": "removed",
}

_ZH: dict[str, str] = {
    "row.evidence": "有形展示",
    "row.customer": "顾客行为",
    "row.frontstage": "前台接触",
    "row.backstage": "后台接触",
    "row.support": "支持过程",
    "zone.customer": "顾客",
    "zone.frontstage": "前台",
    "zone.backstage": "后台",
    "zone.support": "支持",
    "line.line-of-interaction": "互动分界线",
    "line.line-of-visibility": "可视分界线",
    "line.line-of-internal-interaction": "内部互动分界线",
    "touchpoint.people": "人员",
    "touchpoint.environment": "环境",
    "touchpoint.equipment": "设备",
    "touchpoint.digital": "数字",
    "touchpoint.print": "印刷品",
    "kind.people": "人员",
    "kind.environment": "环境",
    "kind.equipment": "设备",
    "kind.digital": "数字",
    "kind.print": "印刷品",
    "kind.unspecified": "未指定",
    "flow.flow": "流程",
    "flow.support": "支持",
    "flow.return": "返回",
    "flow.recovery": "补救",
    "badge.fail": "失误点",
    "badge.wait": "等待",
    "legend.title": "图例",
    "legend.wait-max": "等待 ≤标准",
    "legend.emotion": "顾客情绪",
    "legend.exceeded": "超出时限",
    "picture.kpi": "指标：",
    "picture.note": "备注：",
    "picture.time-row": "时间",
    "picture.total": "累计",
    "picture.wait-standard": "等待时限",
    "picture.incomplete": "此图不完整：文件中有 {count} 个问题",
    "picture.incomplete-one": "此图不完整：文件中有 1 个问题",
    "picture.more-problems": "……另有 {count} 个（blueprint lint）",
    "thing.blueprint": "蓝图",
    "thing.lane": "泳道",
    "thing.phase": "阶段",
    "thing.step": "步骤",
    "thing.flow": "连线",
    "thing.standard": "服务标准",
    "thing.queue": "排队",
    "column.step": "步骤编号",
    "column.label": "步骤",
    "column.phase": "阶段编号",
    "column.phase_label": "阶段",
    "column.lane": "泳道编号",
    "column.lane_label": "泳道",
    "column.zone": "区域",
    "column.kind": "触点类型",
    "column.channel": "渠道",
    "column.owner": "执行者",
    "column.evidence": "有形展示",
    "column.duration": "时长",
    "column.duration_min": "时长（分钟）",
    "column.wait": "等候点",
    "column.wait_max": "等候标准",
    "column.fail": "失误点",
    "column.recovery": "补救步骤编号",
    "column.recovery_label": "补救步骤",
    "column.recovery_lane": "补救泳道编号",
    "column.recovery_lane_label": "补救泳道",
    "column.recovery_exists": "补救步骤存在",
    "column.emotion": "情绪",
    "column.count": "数量",
    "column.total": "合计",
    "value.no_phase": "无阶段",
    "value.yes": "是",
    "value.no": "否",
    "sheet.inventory": "触点清单",
    "sheet.by_kind": "按类型",
    "sheet.by_channel": "按渠道",
    "sheet.phase_kind": "阶段×类型",
    "sheet.employees": "员工触点",
    "sheet.equipment": "设备触点",
    "sheet.fail_points": "失误点",
    "column.next": "下一步",
    "column.description": "说明",
    "column.kpis": "指标",
    "column.notes": "备注",
    "sheet.steps": "步骤",
    "bpmn.start": "开始",
    "bpmn.end": "结束",
    "bpmn.which-way": "走向？",
    "bpmn.merge": "汇合",
    "bpmn.fail-prefix": "失误点：",
    "format.bpmn": "BPMN 2.0（bpmn.io、Camunda Modeler）",
    "format.mermaid": "Mermaid 流程图",
    "format.mermaid-journey": "Mermaid 用户旅程图",
    "format.drawio": "draw.io 画板",
    "format.xlsx": "Excel 步骤表（XLSX）",
    "format.csv": "CSV 步骤表",
    "join.list": "、",
    "join.evidence": "；",
    "duration.s": "{}秒",
    "duration.min": "{}分钟",
    "duration.h": "{}小时",
    "duration.exact.s": "{}秒",
    "duration.exact.min": "{}分钟",
    "duration.exact.h": "{}小时",
    "duration.exact.join": "",
    "overlay.pain": "痛点",
    "overlay.idea": "想法",
    "overlay.question": "问题",
    "overlay.positive": "亮点",
    "overlay.pain.count": "{} 个痛点",
    "overlay.idea.count": "{} 个想法",
    "overlay.question.count": "{} 个问题",
    "overlay.positive.count": "{} 个亮点",
    "overlay.votes": "票数",
    "overlay.votes.count": "{} 票",
    "overlay.added": "新增",
    "overlay.changed": "修改",
    "overlay.moved": "移动",
    "overlay.removed": "删除",
}

#: Every language: its code and its words. English is complete; another language may leave keys out.
CATALOGUE: dict[Locale, dict[str, str]] = {"en": _EN, "zh": _ZH}


def locales() -> tuple[Locale, ...]:
    """The languages of :data:`CATALOGUE`, English first."""
    return tuple(CATALOGUE)


def normalize(locale: object, default: Locale = DEFAULT_LOCALE) -> Locale:
    """``locale`` when the catalogue has it, else ``default``: what every ``locale`` argument goes through."""
    return locale if isinstance(locale, str) and locale in CATALOGUE else default


def word(key: str, locale: object = DEFAULT_LOCALE, default: str | None = None) -> str:
    """The word ``key`` in ``locale``, in English where that language lacks it.

    Raises ``KeyError`` for a key English does not have, unless a ``default`` is given: a missing
    word is a bug, not a blank.

    >>> word("column.nothing", "zh", default="nothing")
    'nothing'
    """
    text = CATALOGUE[normalize(locale)].get(key)
    if text is None:
        text = _EN[key] if default is None else _EN.get(key, default)
    return text
