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

    # The lint rules' documentation pages (blueprint.lint.docs): headings, the level, the page's words.
    # A rule's own documentation in another language is in blueprint.rule_docs.
    "rule-docs.section.finds": "What it finds",
    "rule-docs.section.why": "Why it matters",
    "rule-docs.section.failing": "Failing example",
    "rule-docs.section.passing": "Passing example",
    "rule-docs.section.options": "Options",
    "rule-docs.level": "Default level: **{level}**.",
    "rule-docs.level-fixed": "Default level: **{level}** (always; a config cannot disable or lower it).",
    "rule-docs.heading": "{rule} ({level})",
    "rule-docs.heading-fixed": "{rule} ({level}, always: a config cannot disable or lower it)",
    "rule-docs.title": "# Lint rules",
    "rule-docs.generated": "<!-- Generated from the rule modules' docstrings by `python -m blueprint.lint.docs > "
                           "docs/rules.md`: edit the docstrings, not this file. -->",
    "rule-docs.intro": "`blueprint lint` reports each finding with its rule id, level and `file:line:column`. "
                       "Configure levels in `.blueprintlint.yaml`, hide a finding with "
                       "`# blueprint: disable-line rule:<id>`, and read one rule with `blueprint rules <id>`.",
    "rule-docs.table": "| rule | default level | finds |",
    "rule-docs.configuration": "Configuration",
    "rule-docs.comments": "Disable comments",
    # The command line's own messages.
    "cli.rules.no-rule": "no rule '{rule}'{hint}; 'blueprint rules' lists them",
    "cli.lint.skipped": "skipped {path}: no top-level 'blueprint:' key, not a blueprint",
    # The standard output format: levels, and the count under the findings.
    "lint.level.error": "error",
    "lint.level.warning": "warning",
    "lint.level.info": "info",
    "lint.count.summary": "{problems} ({errors}, {warnings}, {infos})",
    "lint.count.problem.one": "{n} problem",
    "lint.count.problem.many": "{n} problems",
    "lint.count.error.one": "{n} error",
    "lint.count.error.many": "{n} errors",
    "lint.count.warning.one": "{n} warning",
    "lint.count.warning.many": "{n} warnings",
    "lint.count.info.one": "{n} info",
    "lint.count.info.many": "{n} info",
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

    "rule-docs.section.finds": "发现什么",
    "rule-docs.section.why": "为什么重要",
    "rule-docs.section.failing": "错误示例",
    "rule-docs.section.passing": "正确示例",
    "rule-docs.section.options": "选项",
    "rule-docs.level": "默认级别：**{level}**。",
    "rule-docs.level-fixed": "默认级别：**{level}**（始终如此：配置无法关闭或降低它）。",
    "rule-docs.heading": "{rule} ({level})",
    "rule-docs.heading-fixed": "{rule} ({level}，始终如此：配置无法关闭或降低它)",
    "rule-docs.title": "# 检查规则",
    "rule-docs.generated": "<!-- 由 blueprint/rule_docs.py 中各规则的中文说明生成："
                           "`python -m blueprint.lint.docs --locale zh > docs/rules.zh.md`；"
                           "请修改那里，不要直接改这个文件。 -->",
    "rule-docs.intro": "`blueprint lint` 报告的每一条结果都带有规则编号、级别和 `文件:行:列`。"
                       "在 `.blueprintlint.yaml` 里调整级别，"
                       "用 `# blueprint: disable-line rule:<id>` 隐藏某一条结果，"
                       "用 `blueprint rules <id> --locale zh` 查看某条规则的说明。",
    "rule-docs.table": "| 规则 | 默认级别 | 发现什么 |",
    "rule-docs.configuration": "配置",
    "rule-docs.comments": "禁用注释",
    "cli.rules.no-rule": "没有规则 '{rule}'{hint}；'blueprint rules' 会列出所有规则",
    "cli.lint.skipped": "跳过 {path}：顶层没有 'blueprint:' 键，不是蓝图",
    "lint.level.error": "错误",
    "lint.level.warning": "警告",
    "lint.level.info": "提示",
    "lint.count.summary": "共 {problems}（{errors}，{warnings}，{infos}）",
    "lint.count.problem.one": "{n} 个问题",
    "lint.count.problem.many": "{n} 个问题",
    "lint.count.error.one": "{n} 个错误",
    "lint.count.error.many": "{n} 个错误",
    "lint.count.warning.one": "{n} 个警告",
    "lint.count.warning.many": "{n} 个警告",
    "lint.count.info.one": "{n} 个提示",
    "lint.count.info.many": "{n} 个提示",
}
# --- The loader's messages (rules schema, unknown-key, duplicate-id, unknown-reference, long-label,
# input-limit, yaml-syntax, duplicate-key), what a value is, and why a value is no duration or rate.
# {name} is a thing with its id ("step 'greet'"), {kind} what a value is, {hint} a did-you-mean.
_LOADER_EN: dict[str, str] = {
    "thing.named": "{thing} '{id}'",
    "value-kind.empty": "an empty value",
    "value-kind.boolean": "the boolean {value}",
    "value-kind.number": "the number {value}",
    "value-kind.text": "text",
    "value-kind.mapping": "a mapping",
    "value-kind.list": "a list",
    "value-kind.other": "{name}",
    "duration-error.boolean": "expected a duration like 3min, 90s or 1.5h, got {value}",
    "duration-error.not-a-duration": "{value} is not a duration: write a number of minutes or a number with "
                                     "a unit, like 90s, 3min, 1.5h or 10m",
    "duration-error.not-text": "expected a duration like 3min, 90s or 1.5h, got {kind}",
    "duration-error.negative": "a duration cannot be negative or not a number, got {value}",
    "duration-error.too-long": "duration {value} is longer than a hundred years",
    "duration-error.range-reversed": "the range {value} starts above where it ends: write the low end first",
    "rate-error.not-a-rate": "{value} is not an arrival rate: write customers per hour or per minute, like "
                             "120/h or 2/min",
    "rate-error.negative": "an arrival rate cannot be negative, got {value}",
    "rate-error.not-a-share": "{value} is not a share: write a number from 0 to 1, or a percentage like 30%",
    "rate-error.not-servers": "{value} is not a number of servers: write a whole number of at least 1",
    "rate-error.too-many-servers": "{value} servers is more than this tool computes (100000 at most)",
    "lint.schema.empty-file": "empty file: a blueprint needs at least 'blueprint: 1', 'title' and 'steps'",
    "lint.schema.top-not-a-mapping": "the top level of a blueprint must be a mapping with 'blueprint', 'title' "
                                     "and 'steps', not {kind}",
    "lint.schema.no-version": "missing 'blueprint: 1' (the format version) at the top of the file",
    "lint.schema.wrong-version": "'blueprint' is the format version and must be 1, not {value}: this tool "
                                 "reads format version 1",
    "lint.schema.not-a-mapping": "a {thing} must be a mapping, not {kind}",
    "lint.schema.not-a-list": "{name}: '{key}' must be a list, not {kind}",
    "lint.schema.missing": "{name} has no '{key}'",
    "lint.schema.empty": "{name}: '{key}' is empty",
    "lint.schema.not-text": "{name}: '{key}' must be text, not {kind}",
    "lint.schema.not-an-id": "{name}: '{key}' must be an id, not {kind}",
    "lint.schema.id-with-spaces": "{name}: '{key}' {value} must be a non-empty id without spaces",
    "lint.schema.id-with-control": "{name}: '{key}' {value} holds the control or bidi character {char}: an id "
                                   "is visible text",
    "lint.schema.not-texts": "{name}: '{key}' must be a list of text, not {kind}",
    "lint.schema.item-not-text": "{name}: each item of '{key}' must be text, not {kind}",
    "lint.schema.bad-duration": "{name}: '{key}': {why}",
    "lint.schema.not-a-choice": "{name}: '{key}' must be one of {choices}, not '{value}'{hint}",
    "lint.schema.empty-lanes": "'lanes' is empty: leave it out to get the four standard lanes",
    "lint.schema.lane-without-zone": "lane '{lane}' has no zone: add 'zone:' with one of {zones}{hint}",
    "lint.schema.no-steps": "blueprint has no 'steps': a blueprint needs at least one step",
    "lint.schema.empty-steps": "'steps' is empty: a blueprint needs at least one step",
    "lint.schema.bad-wait": "{name}: 'wait' must be true, false or a duration: {why}",
    "lint.schema.bad-emotion": "{name}: 'emotion' must be a whole number from -2 to 2, not {kind}",
    "lint.schema.bad-emotion-value": "{name}: 'emotion' must be a whole number from -2 to 2, not {value}",
    "lint.schema.bad-queue-value": "{name}: queue '{key}': {why}",
    "lint.schema.bad-queue-hour": "{name}: queue hour '{hour}': {why}",
    "lint.schema.queue-without-servers": "{name}: 'queue' has no 'servers' (the counters open)",
    "lint.schema.queue-without-arrivals": "{name}: 'queue' needs 'arrivals' (like 120/h) or 'hours'",
    "lint.schema.queue-without-wait": "{name}: 'queue' belongs on a wait point: add 'wait: 10min' (or "
                                      "'wait: true')",
    "lint.schema.standard-without-max": "{name} has no 'max' (the most time it allows)",
    "lint.schema.standard-path-and-steps": "{name}: give either 'from' and 'to' or 'steps', not both",
    "lint.schema.standard-without-steps": "{name} needs 'from' and 'to', or 'steps'",
    "lint.unknown-key.unknown": "{name}: unknown key {key}{hint}",
    "lint.duplicate-id.twice": "{thing} id '{id}' is used twice (first at line {line}, column {column})",
    "lint.unknown-reference.lane": "{name}: lane '{lane}' is not declared{hint}",
    "lint.unknown-reference.phase": "{name}: phase '{phase}' is not declared{hint}",
    "lint.unknown-reference.no-phases": "{name}: phase '{phase}' is not declared: add it under 'phases:'",
    "lint.unknown-reference.next": "{name}: next step '{step}' does not exist{hint}",
    "lint.unknown-reference.recovery": "{name}: recovery step '{step}' does not exist{hint}",
    "lint.unknown-reference.flow": "flow: '{key}' step '{step}' does not exist{hint}",
    "lint.unknown-reference.standard": "{name}: '{key}' step '{step}' does not exist{hint}",
    "lint.long-label.cut": "{name}: '{key}' has {length:,} characters; it is cut to {limit}: keep it short and "
                           "put the detail in 'description' or 'notes'",
    "lint.input-limit.file": "file is {size}, over the {limit} limit",
    "lint.input-limit.stream": "the input is more than the {limit} limit",
    "lint.input-limit.text": "text is {size}, over the {limit} limit",
    "lint.input-limit.nesting": "nesting is deeper than {depth} levels",
    "lint.input-limit.alias-chars": "aliases expand the text to more than {budget:,} characters ({ratio} times "
                                    "the file, at most {most:,})",
    "lint.input-limit.alias-nodes": "aliases expand to more than {budget:,} nodes (an alias bomb?)",
    "lint.duplicate-key.twice": "duplicate key '{key}' (first at line {line}, column {column}): YAML keeps "
                                "only one of them, so remove or rename one",
    "lint.yaml-syntax.utf16": "file is UTF-16: save it as UTF-8",
    "lint.yaml-syntax.binary-file": "binary file: a blueprint is UTF-8 text",
    "lint.yaml-syntax.binary-data": "binary data: a blueprint is UTF-8 text",
    "lint.yaml-syntax.not-utf8": "not UTF-8 text: byte {byte} cannot be decoded; save the file as UTF-8",
    "lint.yaml-syntax.character": "character {char} is not allowed in YAML text",
    "lint.yaml-syntax.bad-tagged-value": "{value} is not a valid {type}",
    "lint.yaml-syntax.tag": "tag '{tag}' is not allowed in a blueprint",
    "lint.yaml-syntax.merge": "a merge key '<<' needs a mapping or a list of mappings",
    "lint.yaml-syntax.unknown-alias": "unknown alias '*{alias}'",
    "lint.yaml-syntax.second-document": "a blueprint file holds one YAML document, and a second one starts here",
    "lint.yaml-syntax.complex-key": "a mapping key must be a plain value, not a mapping or list",
    "lint.yaml-syntax.unreadable": "{message}",
    # What stopped the YAML parser ({problem}), and what it was reading ({context}) from line {line}.
    "lint.yaml-syntax.invalid": "invalid YAML",
    "lint.yaml-syntax.in-context": "{problem} ({context} at line {line})",
    "lint.yaml-syntax.in-other-context": "{problem} ({context} at line {line})",
    # libyaml's words ({problem}) that have no key of their own below: a later libyaml's, say.
    "lint.yaml-syntax.libyaml": "{problem}",
}
#: libyaml's own words, each its own key: "yaml.problem.<words>", "yaml.context.<words>".
_LIBYAML_PROBLEMS = (
    "did not find expected ',' or ']'", "did not find expected ',' or '}'", "did not find expected key",
    "did not find expected '-' indicator", "did not find expected node content",
    "did not find expected <document start>", "did not find expected alphabetic or numeric character",
    "did not find expected comment or line break", "did not find expected hexdecimal number",
    "did not find expected whitespace or line break", "did not find the expected '>'",
    "could not find expected ':'", "mapping values are not allowed in this context",
    "block sequence entries are not allowed in this context", "found character that cannot start any token",
    "found a tab character that violates indentation",
    "found a tab character where an indentation space is expected", "found unexpected end of stream",
    "found unknown escape character", "found undefined tag handle", "found unknown directive name",
    "found duplicate %YAML directive", "found duplicate %TAG directive", "found incompatible YAML document",
    "control characters are not allowed",
)
_LIBYAML_CONTEXTS = (
    "while parsing a flow sequence", "while parsing a flow mapping", "while parsing a flow node",
    "while parsing a block collection", "while parsing a block mapping", "while parsing a block node",
    "while parsing a node", "while parsing a quoted scalar", "while scanning a quoted scalar",
    "while scanning a plain scalar", "while scanning a block scalar", "while scanning a simple key",
    "while scanning an alias", "while scanning an anchor", "while scanning a tag", "while scanning a directive",
    "while scanning for the next token",
)
_LOADER_EN.update({f"yaml.problem.{words}": words.replace("}", "}}") for words in _LIBYAML_PROBLEMS})
_LOADER_EN.update({f"yaml.context.{words}": words for words in _LIBYAML_CONTEXTS})

_LOADER_ZH: dict[str, str] = {
    "thing.named": "{thing} '{id}'",
    "value-kind.empty": "空值",
    "value-kind.boolean": "布尔值 {value}",
    "value-kind.number": "数字 {value}",
    "value-kind.text": "文本",
    "value-kind.mapping": "键值对",
    "value-kind.list": "列表",
    "value-kind.other": "{name}",
    "duration-error.boolean": "这里应填时长，例如 3min、90s 或 1.5h，而不是 {value}",
    "duration-error.not-a-duration": "{value} 不是时长：请写分钟数，或带单位的数字，例如 90s、3min、1.5h、10m 或 3分钟",
    "duration-error.not-text": "这里应填时长，例如 3min、90s 或 1.5h，而不是{kind}",
    "duration-error.negative": "时长不能是负数或非数字，这里是 {value}",
    "duration-error.too-long": "时长 {value} 超过了一百年",
    "duration-error.range-reversed": "范围 {value} 的起点比终点大：请先写小的一端",
    "rate-error.not-a-rate": "{value} 不是到达率：请写每小时或每分钟的人数，例如 120/h 或 2/min",
    "rate-error.negative": "到达率不能是负数，这里是 {value}",
    "rate-error.not-a-share": "{value} 不是比例：请写 0 到 1 之间的数，或百分数，例如 30%",
    "rate-error.not-servers": "{value} 不是服务台数：请写不小于 1 的整数",
    "rate-error.too-many-servers": "{value} 个服务台超出了可计算的范围（最多 100000 个）",
    "lint.schema.empty-file": "文件是空的：蓝图至少要有 'blueprint: 1'、'title' 和 'steps'",
    "lint.schema.top-not-a-mapping": "蓝图的最外层应是含有 'blueprint'、'title' 和 'steps' 的键值对，而不是{kind}",
    "lint.schema.no-version": "文件开头缺少 'blueprint: 1'（格式版本）",
    "lint.schema.wrong-version": "'blueprint' 是格式版本，应为 1，而不是 {value}：本工具读取的是格式版本 1",
    "lint.schema.not-a-mapping": "{thing}应写成键值对，而不是{kind}",
    "lint.schema.not-a-list": "{name}：'{key}' 应是列表，而不是{kind}",
    "lint.schema.missing": "{name}：缺少 '{key}'",
    "lint.schema.empty": "{name}：'{key}' 是空的",
    "lint.schema.not-text": "{name}：'{key}' 应是文本，而不是{kind}",
    "lint.schema.not-an-id": "{name}：'{key}' 应是一个编号（id），而不是{kind}",
    "lint.schema.id-with-spaces": "{name}：'{key}' 的值 {value} 应是不含空格、不为空的编号",
    "lint.schema.id-with-control": "{name}：'{key}' 的值 {value} 含有控制字符或双向文本控制字符 {char}：编号只能是可见的文字",
    "lint.schema.not-texts": "{name}：'{key}' 应是文本的列表，而不是{kind}",
    "lint.schema.item-not-text": "{name}：'{key}' 的每一项都应是文本，而不是{kind}",
    "lint.schema.bad-duration": "{name} 的 '{key}'：{why}",
    "lint.schema.not-a-choice": "{name}：'{key}' 应是 {choices} 之一，而不是 '{value}'{hint}",
    "lint.schema.empty-lanes": "'lanes' 是空的：删掉它，就会得到四条标准泳道",
    "lint.schema.lane-without-zone": "泳道 '{lane}' 不属于任何区域：请加上 'zone:'，取 {zones} 之一{hint}",
    "lint.schema.no-steps": "蓝图缺少 'steps'：蓝图至少要有一个步骤",
    "lint.schema.empty-steps": "'steps' 是空的：蓝图至少要有一个步骤",
    "lint.schema.bad-wait": "{name}：'wait' 应是 true、false 或一个时长；{why}",
    # A word follows 而不是 directly, a value written in the file after a space.
    "lint.schema.bad-emotion": "{name}：'emotion' 应是 -2 到 2 之间的整数，而不是{kind}",
    "lint.schema.bad-emotion-value": "{name}：'emotion' 应是 -2 到 2 之间的整数，而不是 {value}",
    "lint.schema.bad-queue-value": "{name} 的排队 '{key}'：{why}",
    "lint.schema.bad-queue-hour": "{name} 的排队时段 '{hour}'：{why}",
    "lint.schema.queue-without-servers": "{name}：'queue' 缺少 'servers'（开放的服务台数）",
    "lint.schema.queue-without-arrivals": "{name}：'queue' 需要 'arrivals'（例如 120/h）或 'hours'",
    "lint.schema.queue-without-wait": "{name}：'queue' 只能写在等待点上：请加上 'wait: 10min'（或 'wait: true'）",
    "lint.schema.standard-without-max": "{name}：缺少 'max'（允许的最长时间）",
    "lint.schema.standard-path-and-steps": "{name}：'from' 和 'to' 与 'steps' 只能二选一，不能同时写",
    "lint.schema.standard-without-steps": "{name}：需要 'from' 和 'to'，或者 'steps'",
    "lint.unknown-key.unknown": "{name}：不认识的键 {key}{hint}",
    "lint.duplicate-id.twice": "{thing}编号 '{id}' 用了两次（第一次在第 {line} 行第 {column} 列）",
    "lint.unknown-reference.lane": "{name}：泳道 '{lane}' 没有声明{hint}",
    "lint.unknown-reference.phase": "{name}：阶段 '{phase}' 没有声明{hint}",
    "lint.unknown-reference.no-phases": "{name}：阶段 '{phase}' 没有声明：请在 'phases:' 下添加",
    "lint.unknown-reference.next": "{name}：下一步 '{step}' 不存在{hint}",
    "lint.unknown-reference.recovery": "{name}：补救步骤 '{step}' 不存在{hint}",
    "lint.unknown-reference.flow": "连线：'{key}' 所指的步骤 '{step}' 不存在{hint}",
    "lint.unknown-reference.standard": "{name}：'{key}' 所指的步骤 '{step}' 不存在{hint}",
    "lint.long-label.cut": "{name}：'{key}' 有 {length:,} 个字符，已截断为 {limit} 个：请写短一些，把细节写进 "
                           "'description' 或 'notes'",
    "lint.input-limit.file": "文件大小为 {size}，超过了 {limit} 的上限",
    "lint.input-limit.stream": "输入超过了 {limit} 的上限",
    "lint.input-limit.text": "文本大小为 {size}，超过了 {limit} 的上限",
    "lint.input-limit.nesting": "嵌套超过了 {depth} 层",
    "lint.input-limit.alias-chars": "别名展开后的文本超过 {budget:,} 个字符（上限为文件的 {ratio} 倍，最多 {most:,}）",
    "lint.input-limit.alias-nodes": "别名展开后超过 {budget:,} 个节点（是“别名炸弹”吗？）",
    "lint.duplicate-key.twice": "键 '{key}' 写了两次（第一次在第 {line} 行第 {column} 列）：YAML 只会保留其中一个，"
                                "请删除或改名其中一个",
    "lint.yaml-syntax.utf16": "文件是 UTF-16 编码：请另存为 UTF-8",
    "lint.yaml-syntax.binary-file": "这是二进制文件：蓝图应是 UTF-8 文本文件",
    "lint.yaml-syntax.binary-data": "包含二进制数据：蓝图应是 UTF-8 文本",
    "lint.yaml-syntax.not-utf8": "不是 UTF-8 文本：字节 {byte} 无法解码；请把文件另存为 UTF-8",
    "lint.yaml-syntax.character": "YAML 文本中不能出现字符 {char}",
    "lint.yaml-syntax.bad-tagged-value": "{value} 不是有效的 {type}",
    "lint.yaml-syntax.tag": "蓝图中不能使用标签 '{tag}'",
    "lint.yaml-syntax.merge": "合并键 '<<' 后面应是一个键值对，或键值对的列表",
    "lint.yaml-syntax.unknown-alias": "别名 '*{alias}' 没有对应的锚点",
    "lint.yaml-syntax.second-document": "一个蓝图文件只能有一个 YAML 文档，这里开始了第二个",
    "lint.yaml-syntax.complex-key": "键必须是普通的值，不能是键值对或列表",
    "lint.yaml-syntax.unreadable": "无法读取 YAML：{message}",
    "lint.yaml-syntax.invalid": "不是有效的 YAML",
    "lint.yaml-syntax.in-context": "第 {line} 行开始的{context}中，{problem}",
    "lint.yaml-syntax.in-other-context": "{problem}（{context}，第 {line} 行）",
    "lint.yaml-syntax.libyaml": "YAML 语法错误：{problem}",
    "yaml.problem.did not find expected ',' or ']'": "缺少 ',' 或 ']'",
    "yaml.problem.did not find expected ',' or '}'": "缺少 ',' 或 '}}'",
    "yaml.problem.did not find expected key": "这里应是一个键，缩进对齐了吗？",
    "yaml.problem.did not find expected '-' indicator": "这里应是以 '-' 开头的列表项，缩进对齐了吗？",
    "yaml.problem.did not find expected node content": "这里缺少内容",
    "yaml.problem.did not find expected <document start>": "这里应是文档开头 '---'",
    "yaml.problem.did not find expected alphabetic or numeric character": "这里应是字母或数字",
    "yaml.problem.did not find expected comment or line break": "这里应是注释或换行",
    "yaml.problem.did not find expected hexdecimal number": "这里应是十六进制数字",
    "yaml.problem.did not find expected whitespace or line break": "这里应是空格或换行",
    "yaml.problem.did not find the expected '>'": "缺少 '>'",
    "yaml.problem.could not find expected ':'": "缺少 ':'",
    "yaml.problem.mapping values are not allowed in this context": "这里不能再有冒号和值（文本里有冒号时请加引号）",
    "yaml.problem.block sequence entries are not allowed in this context": "这里不能开始 '-' 列表项",
    "yaml.problem.found character that cannot start any token": "这个字符不能出现在这里；缩进请用空格，不要用制表符",
    "yaml.problem.found a tab character that violates indentation": "制表符打乱了缩进：请用空格缩进",
    "yaml.problem.found a tab character where an indentation space is expected": "这里应是缩进的空格，却是制表符",
    "yaml.problem.found unexpected end of stream": "文件意外结束，引号或括号没有闭合吗？",
    "yaml.problem.found unknown escape character": "未知的转义字符",
    "yaml.problem.found undefined tag handle": "未定义的标签前缀",
    "yaml.problem.found unknown directive name": "未知的指令",
    "yaml.problem.found duplicate %YAML directive": "%YAML 指令重复",
    "yaml.problem.found duplicate %TAG directive": "%TAG 指令重复",
    "yaml.problem.found incompatible YAML document": "不兼容的 YAML 版本",
    "yaml.problem.control characters are not allowed": "不允许出现控制字符",
    "yaml.context.while parsing a flow sequence": "方括号列表",
    "yaml.context.while parsing a flow mapping": "花括号键值对",
    "yaml.context.while parsing a flow node": "括号",
    "yaml.context.while parsing a block collection": "列表",
    "yaml.context.while parsing a block mapping": "键值对",
    "yaml.context.while parsing a block node": "内容",
    "yaml.context.while parsing a node": "内容",
    "yaml.context.while parsing a quoted scalar": "带引号的文本",
    "yaml.context.while scanning a quoted scalar": "带引号的文本",
    "yaml.context.while scanning a plain scalar": "文本",
    "yaml.context.while scanning a block scalar": "多行文本",
    "yaml.context.while scanning a simple key": "键",
    "yaml.context.while scanning an alias": "别名",
    "yaml.context.while scanning an anchor": "锚点",
    "yaml.context.while scanning a tag": "标签",
    "yaml.context.while scanning a directive": "指令",
    "yaml.context.while scanning for the next token": "内容",
}

# --- What a workshop board refuses (blueprint.store.boards): "board-error.<reason>".
_BOARD_EN: dict[str, str] = {
    "board-error.what.display-name": "display name",
    "board-error.what.note": "note",
    "board-error.what.action": "action",
    "board-error.not-text": "the {what} must be text",
    "board-error.empty": "the {what} is empty",
    "board-error.too-long": "the {what} is longer than {limit} characters",
    "board-error.control": "the {what} holds control characters",
    "board-error.bad-link": "this link is not valid",
    "board-error.facilitator-only": "only the facilitator can do this",
    "board-error.join-as-participant": "join with the participant link",
    "board-error.join-first": "join the board first",
    "board-error.closed": "the board is closed",
    "board-error.locked": "the facilitator has locked the board for now",
    "board-error.stays-closed": "a closed board stays closed",
    "board-error.no-board": "no board {board}",
    "board-error.board-state": "unknown board state {state}",
    "board-error.note-kind": "unknown note kind {kind} (use {kinds})",
    "board-error.note-kind-short": "unknown note kind {kind}",
    "board-error.too-many-notes-mine": "you already have {limit} notes on this board",
    "board-error.too-many-notes": "the board already holds {limit} notes",
    "board-error.no-note": "no note {note} on this board",
    "board-error.not-yours": "only its author or the facilitator can change a note",
    "board-error.no-step": "no step {step} in this blueprint",
    "board-error.no-target": "no step or phase {target} in this blueprint",
    "board-error.vote-topic": "unknown vote topic {topic} (use {topics})",
    "board-error.dots": "dots per participant must be 1 to {most}",
    "board-error.voters-only": "only participants who joined can vote",
    "board-error.one-dot": "a vote adds or takes back one dot",
    "board-error.round-closed": "this vote round is closed",
    "board-error.dots-spent": "all your {dots} dots are spent",
    "board-error.no-stacking": "one dot per item in this round",
    "board-error.no-dot": "no dot of yours on this item",
    "board-error.no-round": "no vote round {round} on this board",
    "board-error.no-topic-note": "no {topic} note {item} on this board",
    "board-error.timer": "the timer runs 0 to {most} seconds",
    "board-error.action-field": "unknown action field {field}",
    "board-error.no-action": "no action {action} on this board",
    "board-error.owner": "the owner must be a name of at most 200 characters",
    "board-error.due": "the due date {due} is not YYYY-MM-DD",
    "board-error.action-status": "unknown action status {status} (use {statuses})",
}

# A translation may leave a value out where its words say it otherwise (the kinds, in its own words).
_BOARD_ZH: dict[str, str] = {
    "board-error.what.display-name": "显示名称",
    "board-error.what.note": "便签",
    "board-error.what.action": "行动",
    "board-error.not-text": "{what}必须是文字",
    "board-error.empty": "{what}为空",
    "board-error.too-long": "{what}超过 {limit} 个字符",
    "board-error.control": "{what}含有控制字符",
    "board-error.bad-link": "此链接无效",
    "board-error.facilitator-only": "只有主持人可以这样做",
    "board-error.join-as-participant": "请用参与者链接加入",
    "board-error.join-first": "请先加入看板",
    "board-error.closed": "看板已关闭",
    "board-error.locked": "主持人已暂时锁定看板",
    "board-error.stays-closed": "已关闭的看板不能重新打开",
    "board-error.no-board": "没有看板 {board}",
    "board-error.board-state": "未知的看板状态 {state}",
    "board-error.note-kind": "未知的便签类型（痛点、想法、问题、亮点）",
    "board-error.note-kind-short": "未知的便签类型",
    "board-error.too-many-notes-mine": "你在此看板上已有 {limit} 张便签",
    "board-error.too-many-notes": "此看板已有 {limit} 张便签",
    "board-error.no-note": "此看板上没有便签 {note}",
    "board-error.not-yours": "只有作者或主持人可以修改便签",
    "board-error.no-step": "此蓝图中没有步骤 {step}",
    "board-error.no-target": "此蓝图中没有步骤或阶段 {target}",
    "board-error.vote-topic": "未知的投票主题（痛点、想法、步骤）",
    "board-error.dots": "每人票数须为 1 到 {most}",
    "board-error.voters-only": "只有已加入的参与者可以投票",
    "board-error.one-dot": "每次投票只能加或减一票",
    "board-error.round-closed": "本轮投票已结束",
    "board-error.dots-spent": "你的 {dots} 票已用完",
    "board-error.no-stacking": "本轮每项只能投一票",
    "board-error.no-dot": "你没有在此项投票",
    "board-error.no-round": "此看板上没有投票轮次 {round}",
    "board-error.no-topic-note": "此看板上没有便签 {item}",
    "board-error.timer": "计时器为 0 到 {most} 秒",
    "board-error.action-field": "未知的行动字段",
    "board-error.no-action": "此看板上没有行动 {action}",
    "board-error.owner": "负责人须为不超过 200 字符的名字",
    "board-error.due": "截止日期 {due} 不是 YYYY-MM-DD 格式",
    "board-error.action-status": "未知的行动状态（待办、进行中、完成）",
}

# --- Other tools' formats (blueprint.interop): what an export could not hold, what an import
# guessed or left out, and why a file could not be imported.
_INTEROP_EN: dict[str, str] = {
    # How a note names a zone: the key in English, the row's name in Chinese.
    "interop.zone.customer": "customer",
    "interop.zone.frontstage": "frontstage",
    "interop.zone.backstage": "backstage",
    "interop.zone.support": "support",
    "interop.unknown-format": "cannot tell the format; say which with one of: {formats}",
    "interop.too-big": "the file is {size}, more than the {limit} an import reads",
    "interop.not-utf8": "not UTF-8 text ({reason})",
    "interop.xml-refused": "refused: the XML declares a DTD, entities or external references ({error}), "
                           "which can read local files or blow up in memory",
    "interop.xml-malformed": "not well-formed XML: {reason}",
    "interop.steps-without-lane": "steps in no known lane, left out: {steps}",
    "interop.lane-zone-unknown": "lane '{lane}': zone not known from its name, put in frontstage",
    "interop.lane-zone-guessed": "lane '{lane}': zone {zone} guessed from its name",
    "interop.bpmn.second-flow": "a second flow {source} -> {target} (one is kept)",
    "interop.bpmn.standards": "{count} time standard(s): BPMN has no place for them",
    "interop.bpmn.not-bpmn": "not a BPMN 2.0 file: the root element is <{root}>, not <definitions> "
                             "in {namespace}",
    "interop.bpmn.pools": "pools without a process (nothing to import): {pools}",
    "interop.bpmn.no-tasks": "no tasks to import: the file has no activities in a process",
    "interop.bpmn.flattened": "sub-processes flattened, their name kept as the phase: {names}",
    "interop.bpmn.not-carried": "not carried: {kind} x{count}",
    "interop.bpmn.collapsed": "{kind} x{count} collapsed into direct flows between steps",
    "interop.bpmn.bad-reference": "sequence flow '{flow}' refers to '{ref}', which the file does not have",
    "interop.bpmn.boundary": "boundary event '{event}': only its first recovery step is kept",
    "interop.bpmn.kinds-from-types": "touchpoint kinds taken from task types (user task: people; service, "
                                     "script, send, receive task: digital)",
    "interop.bpmn.message-flows": "message flows to or from pools or events, not carried: {count}",
    "interop.bpmn.unused-lanes": "lanes without tasks, left out: {lanes}",
    "interop.bpmn.bad-emotion": "sb:emotion '{value}' is not a whole number",
    "interop.bpmn.bad-list": "sb:{key} is not a JSON list of text",
    "interop.mermaid.flowchart-lost": "phases, zones and the three lines; step details (owner, touchpoint, "
                                      "channel, evidence, duration, wait, fail point, emotion, KPIs, notes); "
                                      "return flows drawn as plain flows",
    "interop.mermaid.journey-lost": "every step outside the customer zone, the flows (tasks follow journey "
                                    "order), and step details other than the label, emotion and owner",
    "interop.mermaid.unscored": "{count} customer step(s) without an emotion, scored 3 (neutral)",
    "interop.mermaid.not-journey": "not a Mermaid journey: the first line must be 'journey'",
    "interop.mermaid.bad-line": "not a journey line: '{line}' (expected 'task: score: actors')",
    "interop.mermaid.bad-score": "the score '{score}' is not a number (1 to 5)",
    "interop.mermaid.score-read": "line {line}: score {score} read as emotion {emotion:+d}",
    "interop.mermaid.actor-guessed": "actor '{actor}': zone {zone} guessed from the name",
    "interop.mermaid.actor-default": "actor '{actor}': zone {zone} by default",
    "interop.mermaid.no-tasks": "the journey has no tasks",
    "interop.mermaid.in-order": "tasks flow in the order they are written",
    "interop.drawio.lost": "step details other than the card's text (owner, touchpoint, channel, KPIs, "
                           "notes, description), time standards, and the legend",
    "interop.sheet.extra-flows": "{count} flow(s) from 'flows:' (labels and kinds): a step table has only "
                                 "'next'",
    "interop.sheet.standards": "{count} time standard(s)",
    "interop.sheet.unused": "phases and lanes without steps: {names}",
    "interop.sheet.description": "the blueprint's description",
    "interop.sheet.lane-order": "the order of lanes within a zone (it follows the rows)",
    "interop.sheet.at": "{where}: {problem}",
    "interop.sheet.where": "sheet '{sheet}', row {row}, column {column}",
    "interop.sheet.where-no-sheet": "row {row}, column {column}",
    "interop.sheet.binary": "not a CSV or XLSX file (binary content)",
    "interop.sheet.broken-zip": "not a readable XLSX file (broken zip)",
    "interop.sheet.inflates": "refused: the XLSX inflates to {size} MB",
    "interop.sheet.unreadable": "not a readable XLSX file ({error})",
    "interop.sheet.no-sheet": "no sheet '{sheet}' (sheets: {sheets})",
    "interop.sheet.no-header": "no heading row names the steps (e.g. 'Step', '步骤', '环节'); give a column "
                               "mapping",
    "interop.sheet.columns-ignored": "columns not carried (no step field): {names}",
    "interop.sheet.sheets-ignored": "sheets not read: {names}",
    "interop.sheet.no-label": "a step needs a label: this cell is empty",
    "interop.sheet.id-with-spaces": "a step id has no spaces: '{id}'",
    "interop.sheet.id-twice": "step id '{id}' is used twice",
    "interop.sheet.no-step": "no step '{step}' in the table",
    "interop.sheet.not-a-zone": "'{value}' is not a zone (customer, frontstage, backstage, support)",
    "interop.sheet.not-a-kind": "'{value}' is not a touchpoint kind (people, environment, equipment, digital, "
                                "print)",
    "interop.sheet.kind-as-channel": "row {row}: '{value}' is not a touchpoint kind, kept as the channel",
    "interop.sheet.bad-emotion": "emotion is a whole number from -2 to 2, not '{value}'",
    "interop.sheet.row-order": "no 'next' column: the steps flow in row order",
}

_INTEROP_ZH: dict[str, str] = {
    "interop.zone.customer": "顾客行为",
    "interop.zone.frontstage": "前台接触",
    "interop.zone.backstage": "后台接触",
    "interop.zone.support": "支持过程",
    "interop.unknown-format": "无法判断文件格式；请指定：{formats}",
    "interop.too-big": "文件大小 {size}，超过导入上限 {limit}",
    "interop.not-utf8": "不是 UTF-8 文本",
    "interop.xml-refused": "已拒绝：XML 含有 DTD、实体或外部引用（{error}），可能读取本机文件或耗尽内存",
    "interop.xml-malformed": "XML 格式错误：{reason}",
    "interop.steps-without-lane": "泳道未知的步骤未导出：{steps}",
    "interop.lane-zone-unknown": "泳道“{lane}”：无法从名称判断区域，归入前台接触",
    "interop.lane-zone-guessed": "泳道“{lane}”：根据名称推断区域为 {zone}",
    "interop.bpmn.second-flow": "重复的流程 {source} -> {target}（保留一条）",
    "interop.bpmn.standards": "{count} 条时间标准：BPMN 无对应元素",
    "interop.bpmn.not-bpmn": "不是 BPMN 2.0 文件：根元素是 <{root}>，而不是 BPMN 的 <definitions>",
    "interop.bpmn.pools": "没有流程的池（无可导入内容）：{pools}",
    "interop.bpmn.no-tasks": "没有可导入的任务：文件中的流程没有活动",
    "interop.bpmn.flattened": "子流程已展开，名称作为阶段：{names}",
    "interop.bpmn.not-carried": "未导入：{kind} ×{count}",
    "interop.bpmn.collapsed": "{kind} ×{count} 已合并为步骤之间的直接流程",
    "interop.bpmn.bad-reference": "顺序流 '{flow}' 引用了不存在的 '{ref}'",
    "interop.bpmn.boundary": "边界事件“{event}”：只保留第一个补救步骤",
    "interop.bpmn.kinds-from-types": "触点类型取自任务类型（用户任务：人员；服务、脚本、发送、接收任务：数字）",
    "interop.bpmn.message-flows": "连接池或事件的消息流未导入：{count} 条",
    "interop.bpmn.unused-lanes": "没有任务的泳道未导入：{lanes}",
    "interop.bpmn.bad-emotion": "sb:emotion '{value}' 不是整数",
    "interop.bpmn.bad-list": "sb:{key} 不是文本的 JSON 列表",
    "interop.mermaid.flowchart-lost": "阶段、区域与三条分界线；步骤详情（执行者、触点、渠道、有形展示、时长、等候、失误点、情绪、"
                                      "指标、备注）；返回流程画作普通流程",
    "interop.mermaid.journey-lost": "顾客区域以外的步骤、流程（任务按旅程顺序排列）以及名称、情绪、执行者以外的步骤详情",
    "interop.mermaid.unscored": "{count} 个顾客步骤没有情绪，记为 3 分（中性）",
    "interop.mermaid.not-journey": "不是 Mermaid 旅程图：第一行应为 journey",
    "interop.mermaid.bad-line": "无法识别的旅程行：'{line}'（应为“任务: 分数: 参与者”）",
    "interop.mermaid.bad-score": "分数 '{score}' 不是数字（1 到 5）",
    "interop.mermaid.score-read": "第 {line} 行：分数 {score} 记为情绪 {emotion:+d}",
    "interop.mermaid.actor-guessed": "参与者“{actor}”：区域按名称推断为 {zone}",
    "interop.mermaid.actor-default": "参与者“{actor}”：区域默认为 {zone}",
    "interop.mermaid.no-tasks": "旅程图中没有任务",
    "interop.mermaid.in-order": "任务按书写顺序相连",
    "interop.drawio.lost": "卡片文字以外的步骤详情（执行者、触点、渠道、指标、备注、说明）、时间标准与图例",
    "interop.sheet.extra-flows": "{count} 条 flows: 中的流程（含标签与类型）：步骤表只有“下一步”",
    "interop.sheet.standards": "{count} 条时间标准",
    "interop.sheet.unused": "没有步骤的阶段和泳道：{names}",
    "interop.sheet.description": "蓝图的说明",
    "interop.sheet.lane-order": "同一区域内泳道的顺序（按行的顺序排列）",
    "interop.sheet.at": "{where}：{problem}",
    "interop.sheet.where": "工作表“{sheet}”第 {row} 行 {column} 列",
    "interop.sheet.where-no-sheet": "第 {row} 行 {column} 列",
    "interop.sheet.binary": "不是 CSV 或 XLSX 文件（二进制内容）",
    "interop.sheet.broken-zip": "无法读取的 XLSX 文件（压缩包损坏）",
    "interop.sheet.inflates": "已拒绝：XLSX 解压后达 {size} MB",
    "interop.sheet.unreadable": "无法读取的 XLSX 文件（{error}）",
    "interop.sheet.no-sheet": "没有工作表“{sheet}”（现有：{sheets}）",
    "interop.sheet.no-header": "找不到标明步骤的表头（如“步骤”“环节”“Step”），请指定列对应关系",
    "interop.sheet.columns-ignored": "未导入的列（无对应字段）：{names}",
    "interop.sheet.sheets-ignored": "未读取的工作表：{names}",
    "interop.sheet.no-label": "步骤名称为空",
    "interop.sheet.id-with-spaces": "步骤编号不能含空格：'{id}'",
    "interop.sheet.id-twice": "步骤编号 '{id}' 重复",
    "interop.sheet.no-step": "表中没有步骤 '{step}'",
    "interop.sheet.not-a-zone": "'{value}' 不是区域（顾客行为、前台接触、后台接触、支持过程）",
    "interop.sheet.not-a-kind": "'{value}' 不是触点类型（人员、环境、设备、数字、印刷品）",
    "interop.sheet.kind-as-channel": "第 {row} 行：'{value}' 不是触点类型，记为渠道",
    "interop.sheet.bad-emotion": "情绪应为 -2 到 2 的整数，而不是 '{value}'",
    "interop.sheet.row-order": "没有“下一步”列：步骤按行的顺序相连",
}

# --- What an edit of the YAML text from tables and forms refuses (blueprint.edit).
_EDIT_EN: dict[str, str] = {
    # A table as a refusal names it: its key in English, what one row is in Chinese.
    "edit.table.steps": "steps",
    "edit.table.lanes": "lanes",
    "edit.table.phases": "phases",
    "edit.table.flows": "flows",
    "edit.table.standards": "standards",
    "edit.rows-not-a-list": "rows must be a list of row mappings",
    "edit.flow-row": "flow {number}",
    "edit.cannot-be-empty": "{row}: '{column}' cannot be empty",
    "edit.fill-in": "new {what}: fill in {columns}",
    "edit.bad-id": "'{id}' is not a valid {what} id: an id is not empty and has no spaces",
    "edit.id-taken": "there is already a {what} '{id}': ids must be unique",
    "edit.last-step": "a blueprint needs at least one step: add another step before deleting this one",
    "edit.lane-in-use": "lane '{lane}' still has {count} step(s) ({steps}): "
                        "move them to another lane or delete them first",
    "edit.would-break": "internal error: the edit would break the file ({why}); nothing was changed",
    "edit.would-not-read-back": "internal error: the edited {table} would not read back as typed; nothing was "
                                "changed",
    "edit.merged-key": "line {line}: '{column}' comes from a YAML merge (<<) and cannot be removed here: "
                       "edit it as text",
    "edit.cell-type": "a table cell cannot hold a {type}",
    "edit.text-not-str": "expected the YAML text as str, not {type}",
    "edit.does-not-load": "the text cannot be edited as tables until it loads: {why} (line {line}, column "
                          "{column})",
    "edit.unknown-table": "unknown table '{table}': one of {tables}{hint}",
    "edit.not-a-list": "line {line}: '{table}' is not a list: fix it in the text first",
    "edit.item-not-a-mapping": "line {line}: this {what} is not a mapping: fix it in the text first",
    "edit.row-not-a-mapping": "a table row must be a mapping of column to value, not {type}",
    "edit.no-such-row": "there is no {what} '{id}'{hint}",
    "edit.no-such-key": "a {what} has no key '{key}'{hint}",
    "edit.not-yaml": "the text is not valid YAML: {detail}",
    "edit.top-not-a-mapping": "the top level of the text is not a mapping: edit it as text",
    "edit.aliased": "line {line} is reused elsewhere through a YAML alias (&anchor / *alias): edit it as "
                    "text",
    "edit.no-dash": "line {line}: cannot find the '-' of this list item",
    "edit.only-key": "line {line}: cannot remove the only key of an item",
    "edit.empty-mapping": "line {line}: cannot add keys to an empty mapping",
    "edit.overlap": "internal error: two edits overlap; nothing was changed",
    "edit.unwritable-number": "cannot write the number {value} in YAML",
    "edit.unwritable-type": "cannot write a {type} as a YAML scalar",
    "edit.unwritable-text": "cannot write {value} in YAML",
}

_EDIT_ZH: dict[str, str] = {
    "edit.table.steps": "步骤",
    "edit.table.lanes": "泳道",
    "edit.table.phases": "阶段",
    "edit.table.flows": "连线",
    "edit.table.standards": "服务标准",
    "edit.rows-not-a-list": "表格的行应是一个列表，每一行是一个键值对",
    "edit.flow-row": "第 {number} 条连线",
    "edit.cannot-be-empty": "{row}：'{column}' 不能为空",
    "edit.fill-in": "新{what}：请填写 {columns}",
    "edit.bad-id": "'{id}' 不能用作{what}编号：编号不能为空，也不能含有空格",
    "edit.id-taken": "已经有{what} '{id}' 了：编号不能重复",
    "edit.last-step": "蓝图至少要有一个步骤：请先添加另一个步骤，再删除这一个",
    "edit.lane-in-use": "泳道 '{lane}' 里还有 {count} 个步骤（{steps}）：请先把它们移到其他泳道或删除",
    "edit.would-break": "内部错误：这次修改会破坏文件（{why}）；没有做任何修改",
    "edit.would-not-read-back": "内部错误：修改后的{table}表格读回来与输入的不一致；没有做任何修改",
    "edit.merged-key": "第 {line} 行：'{column}' 来自 YAML 合并（<<），不能在这里删除：请在编辑器中直接修改文本",
    "edit.cell-type": "表格的单元格里不能放 {type} 类型的值",
    "edit.text-not-str": "YAML 文本应是 str，而不是 {type}",
    "edit.does-not-load": "文本能够读取后才能按表格编辑：{why}（第 {line} 行，第 {column} 列）",
    "edit.unknown-table": "没有表格 '{table}'：只有 {tables}{hint}",
    "edit.not-a-list": "第 {line} 行：'{table}' 不是列表：请先在文本中改正",
    "edit.item-not-a-mapping": "第 {line} 行：这个{what}不是键值对：请先在文本中改正",
    "edit.row-not-a-mapping": "表格的一行应是由列名和值组成的键值对，而不是 {type}",
    "edit.no-such-row": "没有{what} '{id}'{hint}",
    "edit.no-such-key": "{what}没有 '{key}' 这个键{hint}",
    "edit.not-yaml": "文本不是有效的 YAML：{detail}",
    "edit.top-not-a-mapping": "文本的最外层不是键值对：请在编辑器中直接修改文本",
    "edit.aliased": "第 {line} 行的内容通过 YAML 别名（&锚点 / *别名）在别处重复使用：请在编辑器中直接修改文本",
    "edit.no-dash": "第 {line} 行：找不到这个列表项的 '-'",
    "edit.only-key": "第 {line} 行：不能删除列表项仅有的一个键",
    "edit.empty-mapping": "第 {line} 行：不能往空的键值对里添加键",
    "edit.overlap": "内部错误：两处修改互相重叠；没有做任何修改",
    "edit.unwritable-number": "无法把数字 {value} 写成 YAML",
    "edit.unwritable-type": "无法把 {type} 类型的值写成 YAML 的单个值",
    "edit.unwritable-text": "无法把 {value} 写成 YAML",
}

# --- Printing and drawing (blueprint.render): the running head of a sheet printed in parts, and
# why a picture is refused. {steps} and {most} come formatted ("5,000").
_RENDER_EN: dict[str, str] = {
    "print.part": "part {part} of {parts}",
    "render.too-large": "{steps} steps are too many for one picture (at most {most} can be read whole): draw "
                        "it as numbered print sheets, e.g. --page a3 -o DIR/",
}

_RENDER_ZH: dict[str, str] = {
    "print.part": "第 {part} 部分，共 {parts} 部分",
    "render.too-large": "{steps} 个步骤无法在一张图中看清（一张图最多 {most} 个）：请分页打印成编号的图纸，例如 "
                        "--page a3 -o 目录/",
}


# What the app says when a text cannot be opened at all (blueprint/ui/pipeline.py).
_APP_EN: dict[str, str] = {
    "app.not-a-blueprint": "this is not a blueprint: it needs a 'blueprint: 1' key at the top, a 'title' and "
                           "'steps' ({found})",
    "app.has-keys": "this file has {keys}",
    "app.empty-mapping": "this file is an empty mapping",
    "app.loader-crash": "the loader failed on this text ({detail}); the text is kept: please report this bug",
}

_APP_ZH: dict[str, str] = {
    "app.not-a-blueprint": "这不是蓝图：文件开头需要 'blueprint: 1'，以及 'title' 和 'steps'（{found}）",
    "app.has-keys": "此文件只有 {keys}",
    "app.empty-mapping": "此文件是空的键值对",
    "app.loader-crash": "加载器处理这段文本时出错（{detail}）；文本已保留：请报告这个缺陷",
}

_EN.update(_LINT_EN)
_EN.update(_LOADER_EN)
_ZH.update(_LINT_ZH)
_ZH.update(_LOADER_ZH)
_EN.update(_BOARD_EN)
_ZH.update(_BOARD_ZH)
_EN.update(_INTEROP_EN)
_ZH.update(_INTEROP_ZH)
_EN.update(_EDIT_EN)
_ZH.update(_EDIT_ZH)
_EN.update(_RENDER_EN)
_ZH.update(_RENDER_ZH)
_EN.update(_APP_EN)
_ZH.update(_APP_ZH)

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
