"""The app's one message catalogue, in English and Chinese: ``t(key, locale, **fmt)``.

Every word the app shows comes from :data:`MESSAGES`; each key has both languages (a test checks
it, and that ``app.py`` and the pages pass no literal text to Streamlit). Placeholders are
``str.format`` fields, the same in both languages.

>>> t("findings.title", "zh", count=3)
'检查结果（3）'
>>> t("findings.title", "fr", count=3)  # an unknown language falls back to English
'Findings (3)'
"""

from __future__ import annotations

__all__ = ["LOCALES", "MESSAGES", "t"]

LOCALES = ("zh", "en")

MESSAGES: dict[str, dict[str, str]] = {
    # -- the app and its navigation
    "app.name": {"en": "Service blueprint designer", "zh": "服务蓝图设计器"},
    "app.untitled": {"en": "Untitled blueprint", "zh": "未命名蓝图"},
    "app.no_draft": {"en": "No blueprint is open. Open an example, start a new one or upload a file on the "
                           "Start page.",
                     "zh": "还没有打开蓝图。请在“开始”页打开示例、新建蓝图或上传文件。"},
    "nav.start": {"en": "Start", "zh": "开始"},
    "nav.editor": {"en": "Editor", "zh": "编辑器"},
    "nav.tables": {"en": "Tables", "zh": "表格"},
    "nav.touchpoints": {"en": "Touchpoints", "zh": "服务触点"},
    "nav.export": {"en": "Export", "zh": "导出"},
    "language.label": {"en": "Language", "zh": "界面语言"},
    "language.zh": {"en": "中文", "zh": "中文"},
    "language.en": {"en": "English", "zh": "English"},
    "action.undo": {"en": "Undo", "zh": "撤销"},
    "action.redo": {"en": "Redo", "zh": "重做"},
    "action.undo_help": {"en": "Undo the last change (the text, a table, the details)",
                         "zh": "撤销上一次修改（文本、表格或详情）"},
    "action.redo_help": {"en": "Redo the change just undone", "zh": "恢复刚刚撤销的修改"},
    "status.counts": {"en": "{steps} steps · {errors} errors · {warnings} warnings · {info} notes",
                      "zh": "{steps} 个步骤 · {errors} 个错误 · {warnings} 个警告 · {info} 个提示"},
    "status.load_error": {"en": "does not load: see the editor", "zh": "无法读取：请查看编辑器"},
    "notice.upload_failed": {"en": "{name} was not opened: {message} (line {line}, column {column}).",
                             "zh": "未能打开 {name}：{message}（第 {line} 行，第 {column} 列）。"},
    "notice.draft_missing": {"en": "The draft in the link no longer exists. Open it again from the recent "
                                   "drafts or start anew.",
                             "zh": "链接中的草稿已不存在。请从最近的草稿中重新打开，或重新开始。"},
    "time.just_now": {"en": "just now", "zh": "刚刚"},
    "time.minutes_ago": {"en": "{n} min ago", "zh": "{n} 分钟前"},
    "time.hours_ago": {"en": "{n} h ago", "zh": "{n} 小时前"},
    "time.days_ago": {"en": "{n} days ago", "zh": "{n} 天前"},
    # -- start
    "start.title": {"en": "Design a service blueprint", "zh": "设计服务蓝图"},
    "start.intro": {"en": "Blueprints are YAML files: edit the text or the tables, see the blueprint drawn "
                          "as you type, check it with the linter, and take it home as a picture or a "
                          "spreadsheet. Every change is kept on this server.",
                    "zh": "蓝图就是 YAML 文件：编辑文本或表格，边写边看绘制出的蓝图，用检查器找出问题，"
                          "再导出为图片或表格。每一次修改都保存在服务器上。"},
    "start.new": {"en": "New blueprint", "zh": "新建蓝图"},
    "start.new_title": {"en": "Title", "zh": "标题"},
    "start.new_title_placeholder": {"en": "e.g. Opening a mobile account in the hall",
                                    "zh": "例如：营业厅办理入网"},
    "start.new_language": {"en": "Template language", "zh": "模板语言"},
    "start.create": {"en": "Create", "zh": "创建"},
    "start.upload": {"en": "Open a file", "zh": "打开文件"},
    "start.upload_label": {"en": "A blueprint YAML file", "zh": "蓝图 YAML 文件"},
    "start.upload_help": {"en": "Files up to {mb} MB. A file with mistakes still opens, with its problems "
                                "shown.",
                          "zh": "文件不超过 {mb} MB。有错误的文件也会打开，并标出问题所在。"},
    "start.upload_button": {"en": "Choose a file", "zh": "选择文件"},
    "start.upload_types": {"en": "or drop it here · {types} · up to {mb} MB",
                           "zh": "或拖放到这里 · {types} · 不超过 {mb} MB"},
    "start.recent": {"en": "Recent drafts", "zh": "最近的草稿"},
    "start.no_recent": {"en": "Drafts you open appear here, to come back to after closing the tab.",
                        "zh": "打开过的草稿会列在这里，关闭标签页后也可以回来继续。"},
    "start.reopen": {"en": "Open", "zh": "打开"},
    "start.is_open": {"en": "Open now", "zh": "编辑中"},
    "start.examples": {"en": "Examples", "zh": "示例"},
    "start.example_meta": {"en": "{steps} steps · {language}", "zh": "{steps} 个步骤 · {language}"},
    "start.open_example": {"en": "Open", "zh": "打开"},
    # -- editor
    "editor.load_error": {"en": "Line {line}, column {column}: {message}. The text is kept; fix it in the "
                                "editor.",
                          "zh": "第 {line} 行，第 {column} 列：{message}。文本已保留，请在编辑器中修改。"},
    "preview.zoom_in": {"en": "Zoom in", "zh": "放大"},
    "preview.zoom_out": {"en": "Zoom out", "zh": "缩小"},
    "preview.fit": {"en": "Fit to view", "zh": "适应窗口"},
    "preview.actual": {"en": "Actual size", "zh": "实际大小"},
    "editor.layout": {"en": "Layout", "zh": "布局"},
    "editor.layout_split": {"en": "Text and drawing", "zh": "文本与蓝图"},
    "editor.layout_text": {"en": "Text", "zh": "仅文本"},
    "editor.layout_drawing": {"en": "Drawing", "zh": "仅蓝图"},
    "preview.hint": {"en": "Drag to move · wheel to zoom · click a step for its details",
                     "zh": "拖动平移 · 滚轮缩放 · 点击步骤查看详情"},
    "preview.empty": {"en": "The blueprint is drawn here once the text loads.",
                      "zh": "文本能够读取后，蓝图会显示在这里。"},
    "preview.stale": {"en": "The drawing shows the last version that loaded.",
                      "zh": "图中显示的是最后一次能读取的版本。"},
    "preview.render_failed": {"en": "The blueprint could not be drawn: {message}",
                              "zh": "无法绘制蓝图：{message}"},
    "findings.title": {"en": "Findings ({count})", "zh": "检查结果（{count}）"},
    "findings.none": {"en": "No findings: the blueprint is clean.", "zh": "没有发现问题，蓝图很干净。"},
    "findings.level": {"en": "Level", "zh": "级别"},
    "findings.where": {"en": "Line:col", "zh": "行:列"},
    "findings.rule": {"en": "Rule", "zh": "规则"},
    "findings.message": {"en": "Message", "zh": "说明"},
    "findings.hint": {"en": "choose one to find it in the text and the drawing",
                      "zh": "选择一条，在文本和图中定位"},
    "findings.no_doc": {"en": "No documentation for {rule}.", "zh": "规则 {rule} 没有说明。"},
    "level.error": {"en": "error", "zh": "错误"},
    "level.warning": {"en": "warning", "zh": "警告"},
    "level.info": {"en": "note", "zh": "提示"},
    "details.hint": {"en": "Click a step in the drawing to see and edit its details.",
                     "zh": "点击图中的步骤，查看并编辑其详情。"},
    "details.title": {"en": "{label} ({step})", "zh": "{label}（{step}）"},
    "details.gone": {"en": "Step {step} is no longer in the blueprint.", "zh": "步骤 {step} 已不在蓝图中。"},
    "details.save": {"en": "Save the step", "zh": "保存步骤"},
    "details.refused": {"en": "Not saved: {message}", "zh": "未保存：{message}"},
    # -- the format's fields
    "field.id": {"en": "Id", "zh": "编号"},
    "field.id_help": {"en": "A new id renames every reference to the step.", "zh": "修改编号会同时更新所有引用。"},
    "field.label": {"en": "Label", "zh": "名称"},
    "field.lane": {"en": "Lane", "zh": "泳道"},
    "field.phase": {"en": "Phase", "zh": "阶段"},
    "field.next": {"en": "Next", "zh": "下一步"},
    "field.description": {"en": "Description", "zh": "描述"},
    "field.owner": {"en": "Owner", "zh": "执行者"},
    "field.touchpoint": {"en": "Touchpoint", "zh": "触点类型"},
    "field.channel": {"en": "Channel", "zh": "渠道"},
    "field.evidence": {"en": "Physical evidence", "zh": "有形展示"},
    "field.duration": {"en": "Duration", "zh": "时长"},
    "field.duration_help": {"en": "Minutes, or with a unit: 90s, 3min, 1.5h", "zh": "分钟数，或带单位：90s、3min、1.5h"},
    "field.wait": {"en": "Wait point", "zh": "等候点"},
    "field.wait_help": {"en": "true, or the wait's standard: 10min", "zh": "true，或等候标准：10min"},
    "field.fail": {"en": "Fail point", "zh": "失误点"},
    "field.recovery": {"en": "Recovery step", "zh": "补救步骤"},
    "field.emotion": {"en": "Emotion (-2…2)", "zh": "情绪（-2…2）"},
    "field.kpis": {"en": "KPIs", "zh": "指标"},
    "field.notes": {"en": "Notes", "zh": "备注"},
    "field.one_per_line": {"en": "One per line", "zh": "每行一项"},
    "field.zone": {"en": "Zone", "zh": "区域"},
    "field.from": {"en": "From", "zh": "起点"},
    "field.to": {"en": "To", "zh": "终点"},
    "field.kind": {"en": "Kind", "zh": "类型"},
    "field.steps": {"en": "Steps", "zh": "步骤"},
    "field.max": {"en": "Maximum", "zh": "上限"},
    "touchpoint.people": {"en": "people", "zh": "人员"},
    "touchpoint.environment": {"en": "environment", "zh": "环境"},
    "touchpoint.equipment": {"en": "equipment", "zh": "设备"},
    "touchpoint.digital": {"en": "digital", "zh": "数字"},
    "touchpoint.print": {"en": "print", "zh": "印刷品"},
    "zone.customer": {"en": "customer", "zh": "顾客"},
    "zone.frontstage": {"en": "frontstage", "zh": "前台"},
    "zone.backstage": {"en": "backstage", "zh": "后台"},
    "zone.support": {"en": "support", "zh": "支持"},
    "flow_kind.flow": {"en": "flow", "zh": "流程"},
    "flow_kind.support": {"en": "support", "zh": "支持"},
    "flow_kind.return": {"en": "return", "zh": "回传"},
    # -- tables
    "tables.intro": {"en": "Edit cells, add rows at the bottom, delete rows with the checkbox. Changes go "
                           "straight into the YAML; comments and formatting elsewhere stay as they are. A new "
                           "id renames every reference.",
                     "zh": "直接编辑单元格，在底部添加行，勾选后删除行。修改会直接写回 YAML，其他位置的注释和格式保持不变。"
                           "修改编号会同时更新所有引用。"},
    "tables.steps": {"en": "Steps", "zh": "步骤"},
    "tables.lanes": {"en": "Lanes", "zh": "泳道"},
    "tables.phases": {"en": "Phases", "zh": "阶段"},
    "tables.flows": {"en": "Flows", "zh": "流程连线"},
    "tables.standards": {"en": "Standards", "zh": "服务标准"},
    "tables.steps_help": {"en": "Each row is a step; lane, phase and touchpoint are chosen from lists.",
                          "zh": "每行一个步骤；泳道、阶段和触点类型从列表中选择。"},
    "tables.lanes_help": {"en": "Lanes are drawn in this order, grouped by zone. A lane with steps cannot be "
                                "deleted.",
                          "zh": "泳道按此顺序、按区域分组绘制。仍有步骤的泳道不能删除。"},
    "tables.phases_help": {"en": "Phases are the columns of the journey, left to right. Deleting one takes it "
                                 "off its steps.",
                           "zh": "阶段是旅程的各列，从左到右。删除阶段会同时从其步骤中移除。"},
    "tables.flows_help": {"en": "Flows beside the steps' next: support flows are dashed, return flows close a "
                                "loop.",
                          "zh": "除步骤的“下一步”之外的连线：支持连线为虚线，回传连线形成闭环。"},
    "tables.standards_help": {"en": "Service promises: the time from one step to another, or of each listed "
                                    "step, at most the maximum.",
                              "zh": "服务承诺：从一个步骤到另一个步骤的时间，或每个所列步骤的时间，不超过上限。"},
    "tables.list_help": {"en": "A list: one item per entry", "zh": "列表：每项一条"},
    "tables.refused": {"en": "This change was not made: {message}", "zh": "未做此修改：{message}"},
    "tables.discard": {"en": "Discard the table edits", "zh": "放弃表格修改"},
    "tables.broken": {"en": "The text does not load (line {line}, column {column}: {message}). Fix it in the "
                            "editor first.",
                      "zh": "文本无法读取（第 {line} 行，第 {column} 列：{message}）。请先在编辑器中修改。"},
    "tables.unreadable": {"en": "This table cannot be edited here: {message}", "zh": "此表格无法在这里编辑：{message}"},
    # -- touchpoints
    "touchpoints.intro": {"en": "Touchpoint management: every point of contact by kind and channel, across the "
                                "phases; who and what serves the customer; where the service can fail and how "
                                "it recovers.",
                          "zh": "服务触点管理：按类型、渠道和阶段列出每个接触点；由谁、用什么为客户服务；服务在哪里可能失误以及如何补救。"},
    "touchpoints.total": {"en": "Touchpoints", "zh": "触点"},
    "touchpoints.employees": {"en": "Employee touchpoints", "zh": "员工触点"},
    "touchpoints.equipment": {"en": "Equipment touchpoints", "zh": "设备触点"},
    "touchpoints.fail_points": {"en": "Fail points", "zh": "失误点"},
    "touchpoints.recovered": {"en": "{n} of {total} with a recovery", "zh": "{total} 个中 {n} 个有补救"},
    "touchpoints.none": {"en": "Nothing here.", "zh": "暂无内容。"},
    "touchpoints.tab_inventory": {"en": "Inventory", "zh": "触点清单"},
    "touchpoints.tab_by_kind": {"en": "By kind", "zh": "按类型"},
    "touchpoints.tab_by_channel": {"en": "By channel", "zh": "按渠道"},
    "touchpoints.tab_matrix": {"en": "Phase × kind", "zh": "阶段 × 类型"},
    "touchpoints.tab_employees": {"en": "Employee", "zh": "员工触点"},
    "touchpoints.tab_equipment": {"en": "Equipment", "zh": "设备触点"},
    "touchpoints.tab_fail_points": {"en": "Fail points", "zh": "失误点"},
    # -- export
    "export.intro": {"en": "Download the blueprint. File names come from the title.",
                     "zh": "下载蓝图。文件名取自标题。"},
    "export.broken": {"en": "The text does not load (line {line}, column {column}: {message}): only the YAML "
                            "can be downloaded.",
                      "zh": "文本无法读取（第 {line} 行，第 {column} 列：{message}），只能下载 YAML。"},
    "export.group_pictures": {"en": "Pictures", "zh": "图片"},
    "export.group_data": {"en": "Data", "zh": "数据"},
    "export.group_inventory": {"en": "Touchpoint inventory", "zh": "触点清单"},
    "export.svg": {"en": "SVG", "zh": "SVG"},
    "export.svg_help": {"en": "The drawing as `blueprint render` makes it: sharp at any size.",
                        "zh": "与 `blueprint render` 相同的矢量图，任意缩放都清晰。"},
    "export.png": {"en": "PNG", "zh": "PNG"},
    "export.png_help": {"en": "A picture for slides and chat.", "zh": "用于演示文稿和聊天的图片。"},
    "export.pdf": {"en": "PDF", "zh": "PDF"},
    "export.pdf_help": {"en": "For printing: on one sheet of the drawing's size, or on pages of the size "
                                "chosen above, split by phase into numbered sheets.",
                        "zh": "用于打印：按图面大小打印在一张纸上，或按上面选择的纸张大小，按阶段分成编号的多页。"},
    "export.page": {"en": "PDF page size", "zh": "PDF 纸张大小"},
    "export.page_help": {"en": "No text is printed smaller than 7 pt: a blueprint too wide for one page "
                                 "is split by phase onto numbered sheets, lane names repeated.",
                         "zh": "打印文字不小于 7 磅：一页放不下的蓝图按阶段分成编号的多页，每页重复泳道名称。"},
    "export.page_none": {"en": "One page, the drawing's size", "zh": "单页，按图面大小"},
    "export.page_a3": {"en": "A3 (297 × 420 mm)", "zh": "A3（297 × 420 毫米）"},
    "export.page_a4": {"en": "A4 (210 × 297 mm)", "zh": "A4（210 × 297 毫米）"},
    "export.page_letter": {"en": "Letter (8.5 × 11 in)", "zh": "Letter（8.5 × 11 英寸）"},
    "export.yaml": {"en": "YAML", "zh": "YAML"},
    "export.yaml_help": {"en": "The blueprint file itself, for git.", "zh": "蓝图文件本身，可放入 git。"},
    "export.json": {"en": "Graph (JSON)", "zh": "图结构（JSON）"},
    "export.json_help": {"en": "Steps and flows as node-link JSON.", "zh": "以节点-连线 JSON 表示的步骤和连线。"},
    "export.csv": {"en": "CSV", "zh": "CSV"},
    "export.csv_help": {"en": "The touchpoint inventory, one row per touchpoint.", "zh": "触点清单，每个触点一行。"},
    "export.xlsx": {"en": "Excel workbook", "zh": "Excel 工作簿"},
    "export.xlsx_help": {"en": "Every touchpoint table on its own sheet.", "zh": "每张触点表格各占一个工作表。"},
    "export.download": {"en": "Download", "zh": "下载"},
}


def t(key: str, locale: str, **fmt: object) -> str:
    """The message ``key`` in ``locale`` (English for an unknown language), formatted with ``fmt``.

    Raises ``KeyError`` for an unknown key: a missing message is a bug, not a blank in the page.
    """
    messages = MESSAGES[key]
    text = messages.get(locale) or messages["en"]
    return text.format(**fmt) if fmt else text
