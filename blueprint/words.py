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
    "column.number": "No.",
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
    "note-kind.pain": "pain point",
    "note-kind.idea": "idea",
    "note-kind.question": "question",
    "note-kind.positive": "positive",
    "note-kind.pain.count": "{} pain points",
    "note-kind.idea.count": "{} ideas",
    "note-kind.question.count": "{} questions",
    "note-kind.positive.count": "{} positives",
    "overlay.votes": "dots",
    "overlay.votes.count": "{} dots",
    "diff.added": "added",
    "diff.changed": "changed",
    "diff.moved": "moved",
    "diff.removed": "removed",
    # A workshop board's outcome (blueprint.store.outcome): Markdown headings, XLSX sheets and columns.
    "outcome.participants": "Participants",
    "outcome.notes": "Notes by step",
    "outcome.ranking": "Ranking",
    "outcome.actions": "Actions",
    "outcome.revisions": "Revisions",
    "outcome.round": "Round",
    "outcome.topic": "topic",
    "outcome.dots": "dots",
    "outcome.voters": "voters",
    "outcome.place": "#",
    "outcome.item": "Item",
    "outcome.owner": "Owner",
    "outcome.due": "Due",
    "outcome.status": "Status",
    "outcome.action": "Action",
    "outcome.step": "Step",
    "outcome.kind": "Kind",
    "outcome.text": "Text",
    "outcome.author": "Author",
    "outcome.name": "Name",
    "outcome.created": "Created",
    "outcome.edited": "Edited",
    "outcome.revision": "Revision",
    "outcome.message": "Message",
    "outcome.none": "none",
    "outcome.joined": "joined",
    "outcome.state": "State",
    "outcome.status.open": "open",
    "outcome.status.in_progress": "in progress",
    "outcome.status.done": "done",
    "outcome.board.open": "open",
    "outcome.board.locked": "locked",
    "outcome.board.closed": "closed",
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
    "column.number": "序号",
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
    "note-kind.pain": "痛点",
    "note-kind.idea": "想法",
    "note-kind.question": "问题",
    "note-kind.positive": "亮点",
    "note-kind.pain.count": "{} 个痛点",
    "note-kind.idea.count": "{} 个想法",
    "note-kind.question.count": "{} 个问题",
    "note-kind.positive.count": "{} 个亮点",
    "overlay.votes": "票数",
    "overlay.votes.count": "{} 票",
    "diff.added": "新增",
    "diff.changed": "修改",
    "diff.moved": "移动",
    "diff.removed": "删除",
    "outcome.participants": "参与者",
    "outcome.notes": "按步骤的便签",
    "outcome.ranking": "排名",
    "outcome.actions": "行动",
    "outcome.revisions": "修订",
    "outcome.round": "轮次",
    "outcome.topic": "主题",
    "outcome.dots": "票数",
    "outcome.voters": "投票人数",
    "outcome.place": "名次",
    "outcome.item": "项目",
    "outcome.owner": "负责人",
    "outcome.due": "截止",
    "outcome.status": "状态",
    "outcome.action": "行动",
    "outcome.step": "步骤",
    "outcome.kind": "类型",
    "outcome.text": "内容",
    "outcome.author": "作者",
    "outcome.name": "名字",
    "outcome.created": "创建于",
    "outcome.edited": "编辑于",
    "outcome.revision": "修订号",
    "outcome.message": "说明",
    "outcome.none": "无",
    "outcome.joined": "加入于",
    "outcome.state": "状态",
    "outcome.status.open": "待办",
    "outcome.status.in_progress": "进行中",
    "outcome.status.done": "完成",
    "outcome.board.open": "进行中",
    "outcome.board.locked": "已锁定",
    "outcome.board.closed": "已关闭",
}

# --- Lint messages: "lint.<rule-id>.<message>", with named placeholders. A placeholder's value is
# written in the message's language (see blueprint.phrases); literal braces are doubled.
_LINT_EN: dict[str, str] = {
    "lint.cycle.closes": "flow from '{source}' back to '{target}' closes a cycle through {through}: if it "
                         "hands something back, {fix}; otherwise break the loop",
    "lint.cycle.fix-flow": "give it 'kind: return'",
    "lint.cycle.fix-next": "move it from 'next:' to 'flows:' with 'kind: return'",
    "lint.dead-end.no-way-out": "{zone} step '{step}' has no way out: add 'next:' or a flow "
                                "(kind: return) that passes the result on",
    "lint.empty-lane.no-steps": "lane '{lane}' has no steps: add its steps or remove the lane",
    "lint.fail-without-owner.no-owner": "step '{step}' has a fail point but no owner: add 'owner:' with the "
                                        "role or system that answers for it",
    "lint.fail-without-recovery.no-recovery": "step '{step}' has a fail point but no recovery: add "
                                              "'recovery:' with the id of the step that puts it right",
    "lint.isolated-step.no-flow": "step '{step}' has no flow in or out: connect it with 'next:' or a flow, "
                                  "or remove it",
    "lint.missing-handoff.skips-frontstage": "flow from {source_zone} step '{source}' goes straight to "
                                             "{target_zone} step '{target}', skipping the frontstage: add a "
                                             "frontstage step (a person, a terminal, an app screen) that "
                                             "carries the handoff",
    "lint.open-loop.never-back": "handoff from '{source}' to {zone} step '{target}' never comes back: no flow "
                                 "leads from '{target}' to a frontstage or customer step; close the loop with "
                                 "a flow (kind: return) that brings the result back to the frontstage",
    "lint.phase-without-customer.no-customer": "phase '{phase}' has no customer step: add what the customer "
                                               "does or sees meanwhile (waiting counts), or merge the phase "
                                               "into one the customer takes part in",
    "lint.queue-unstable.unstable": "queue at step '{step}' is unstable: {arrivals:g} customers an hour need "
                                    "{load:.1f} counters busy all the time, {servers} are open (utilisation "
                                    "{utilisation:.0%}); open at least {needed}, divert more to self-service, "
                                    "or shorten the service",
    "lint.standard-exceeded.standard": "standard '{standard}'",
    "lint.standard-exceeded.standard-labelled": "standard '{standard}' ({label})",
    "lint.standard-exceeded.step": "step '{step}' takes {takes}, over the {limit} of {standard}: "
                                   "shorten the step or raise 'max'",
    "lint.standard-exceeded.path": "{standard}: the longest path from '{start}' to '{end}' takes "
                                   "{at_least}{takes} ({path}), over the {limit} bound: shorten those steps "
                                   "or raise 'max'",
    "lint.standard-exceeded.at-least": "at least ",
    "lint.standard-exceeded.wait": "step '{step}' takes {takes}, over its wait standard of {limit}: "
                                   "shorten the wait or raise 'wait'",
    "lint.standard-unmeasured.step": "standard '{standard}' cannot be checked for step '{step}': the step has "
                                     "no 'duration'; add one",
    "lint.standard-unmeasured.cycle": "standard '{standard}' cannot be checked: the flow from '{start}' to "
                                      "'{end}' goes round a cycle through {through}; mark the flow that hands "
                                      "back 'kind: return'",
    "lint.standard-unmeasured.one-missing": "standard '{standard}' cannot be checked: {count} step on its "
                                            "path has no 'duration' ({steps}); add the durations",
    "lint.standard-unmeasured.many-missing": "standard '{standard}' cannot be checked: {count} steps on its "
                                             "path have no 'duration' ({steps}); add the durations",
    "lint.standard-unreachable.nothing": "standard '{standard}' measures nothing: no flow leads from '{start}' "
                                         "to '{end}' (flows of kind return are not followed); check 'from' and "
                                         "'to', or the flows between them",
    "lint.unreachable-step.unreached": "step '{step}' cannot be reached from any entry step (one no flow "
                                       "leads into): add a flow into it, or into the loop it is in, from the "
                                       "journey",
    "lint.wait-without-standard.no-standard": "step '{step}' is a wait point with no standard: give the most "
                                              "it may take ('wait: 10min') or cover it with a standard under "
                                              "'standards:'",
    "lint.rule-error.failed": "rule '{rule}' failed ({detail}); the other rules ran: please report this bug",
    "lint.comment.unknown-rule": "disable comment: rule '{rule}' does not exist{hint}; 'blueprint rules' "
                                 "lists them",
    "lint.comment.bare-word": "disable comment: write 'rule:{rule}' to name a rule; this word is ignored",
    "lint.did-you-mean": " (did you mean '{match}'?)",
}

_LINT_ZH: dict[str, str] = {
    "lint.cycle.closes": "从 '{source}' 回到 '{target}' 的连线形成了一个循环（经过 {through}）："
                         "如果它是把结果交回去，{fix}；否则请打断这个循环",
    "lint.cycle.fix-flow": "请给它加上 'kind: return'",
    "lint.cycle.fix-next": "请把它从 'next:' 移到 'flows:'，并加上 'kind: return'",
    "lint.dead-end.no-way-out": "{zone}步骤 '{step}' 没有出口：请加上 'next:'，或一条把结果传下去的连线（kind: return）",
    "lint.empty-lane.no-steps": "泳道 '{lane}' 里没有步骤：请添加它的步骤，或删除这条泳道",
    "lint.fail-without-owner.no-owner": "步骤 '{step}' 标出了失误点，却没有责任人：请加上 'owner:'，写明对它负责的岗位或系统",
    "lint.fail-without-recovery.no-recovery": "步骤 '{step}' 标出了失误点，却没有补救：请加上 'recovery:'，写明负责补救的步骤编号",
    "lint.isolated-step.no-flow": "步骤 '{step}' 没有任何连线进出：请用 'next:' 或连线把它接进流程，或删除它",
    "lint.missing-handoff.skips-frontstage": "连线从{source_zone}步骤 '{source}' 直接到了{target_zone}步骤 '{target}'，"
                                             "跳过了前台：请加一个前台步骤（一位员工、一台终端或一个 App 页面）来承接这次交接",
    "lint.open-loop.never-back": "从 '{source}' 交接给{zone}步骤 '{target}' 的事情没有下文：没有任何连线从 '{target}' "
                                 "回到前台或顾客步骤；请用一条连线（kind: return）把结果带回前台，形成闭环",
    "lint.phase-without-customer.no-customer": "阶段 '{phase}' 中没有顾客步骤：请加上顾客此时做什么或看到什么（等待也算），"
                                               "或把这个阶段并入顾客参与的阶段",
    "lint.queue-unstable.unstable": "步骤 '{step}' 的排队不稳定：每小时 {arrivals:g} 位顾客需要 {load:.1f} "
                                    "个台席一直忙着，只开了 {servers} 个（利用率 {utilisation:.0%}）；请至少开放 {needed} 个，"
                                    "或把更多业务分流到自助渠道，或缩短办理时间",
    "lint.standard-exceeded.standard": "服务标准 '{standard}'",
    "lint.standard-exceeded.standard-labelled": "服务标准 '{standard}'（{label}）",
    "lint.standard-exceeded.step": "按{standard}，步骤 '{step}' 最多 {limit}，现在需要 {takes}：请缩短这个步骤，或放宽 'max'",
    "lint.standard-exceeded.path": "{standard}：从 '{start}' 到 '{end}' 的最长路径{at_least}需要 "
                                   "{takes}（{path}），超过了 {limit} 的时限：请缩短这些步骤，或放宽 'max'",
    "lint.standard-exceeded.at-least": "至少",
    "lint.standard-exceeded.wait": "步骤 '{step}' 需要 {takes}，超过了它的等待时限 {limit}：请缩短等待，或放宽 'wait'",
    "lint.standard-unmeasured.step": "服务标准 '{standard}' 无法核对步骤 '{step}'：这个步骤没有 'duration'，请补上",
    "lint.standard-unmeasured.cycle": "服务标准 '{standard}' 无法核对：从 '{start}' 到 '{end}' 的流程绕进了一个循环"
                                      "（经过 {through}）；请把交回结果的那条连线标为 'kind: return'",
    "lint.standard-unmeasured.one-missing": "服务标准 '{standard}' 无法核对：路径上有 {count} 个步骤没有 'duration'"
                                            "（{steps}）；请补上时长",
    "lint.standard-unmeasured.many-missing": "服务标准 '{standard}' 无法核对：路径上有 {count} 个步骤没有 'duration'"
                                             "（{steps}）；请补上时长",
    "lint.standard-unreachable.nothing": "服务标准 '{standard}' 什么也量不到：没有连线从 '{start}' 通到 '{end}'"
                                         "（kind: return 的连线不算）；请检查 'from' 和 'to'，或两者之间的连线",
    "lint.unreachable-step.unreached": "从任何入口步骤（没有连线进入的步骤）都走不到步骤 '{step}'："
                                       "请从旅程中加一条连线通向它，或通向它所在的循环",
    "lint.wait-without-standard.no-standard": "步骤 '{step}' 是等待点，却没有服务时限：请写明最多等多久（'wait: 10min'），"
                                              "或在 'standards:' 下用一条服务标准覆盖它",
    "lint.rule-error.failed": "规则 '{rule}' 运行出错（{detail}）；其他规则照常运行了：请报告这个缺陷",
    "lint.comment.unknown-rule": "禁用注释：规则 '{rule}' 不存在{hint}；'blueprint rules' 会列出所有规则",
    "lint.comment.bare-word": "禁用注释：请写成 'rule:{rule}' 来指明规则；这个词已被忽略",
    "lint.did-you-mean": "（是不是 '{match}'？）",
}
_EN.update(_LINT_EN)
_ZH.update(_LINT_ZH)

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
