"""A board's outcome (:meth:`.boards.BoardStore.board_outcome`) written as JSON, CSV or Markdown.

What people typed is escaped for each format: Markdown gets HTML entities and escaped table pipes,
CSV cells that a spreadsheet would run as a formula are prefixed with an apostrophe.
"""

from __future__ import annotations

import csv
import html
import io
import json

__all__ = ["CSV_COLUMNS", "to_csv", "to_json", "to_markdown"]

CSV_COLUMNS = ("section", "id", "round", "step", "kind", "text", "author", "dots", "owner", "due", "status",
               "created")

_HEADINGS = {
    "en": {"participants": "Participants", "notes": "Notes by step", "ranking": "Ranking", "actions": "Actions",
           "revisions": "Revisions", "round": "Round", "topic": "topic", "dots": "dots", "voters": "voters",
           "item": "Item", "owner": "Owner", "due": "Due", "status": "Status", "action": "Action", "step": "Step",
           "kind": "Kind", "text": "Text", "author": "Author", "none": "none", "joined": "joined",
           "open": "open", "in_progress": "in progress", "done": "done", "state": "State",
           "board_open": "open", "board_locked": "locked", "board_closed": "closed",
           "pain": "pain point", "idea": "idea", "question": "question", "positive": "positive"},
    "zh": {"participants": "参与者", "notes": "按步骤的便签", "ranking": "排名", "actions": "行动",
           "revisions": "修订", "round": "轮次", "topic": "主题", "dots": "票数", "voters": "投票人数",
           "item": "项目", "owner": "负责人", "due": "截止", "status": "状态", "action": "行动", "step": "步骤",
           "kind": "类型", "text": "内容", "author": "作者", "none": "无", "joined": "加入于",
           "open": "待办", "in_progress": "进行中", "done": "完成", "state": "状态",
           "board_open": "进行中", "board_locked": "已锁定", "board_closed": "已关闭",
           "pain": "痛点", "idea": "想法", "question": "问题", "positive": "亮点"},
}


def to_json(outcome: dict) -> str:
    return json.dumps(outcome, ensure_ascii=False, indent=2)


def _cell(value: object) -> str:
    text = "" if value is None else str(value)
    # A cell starting like a formula would run in a spreadsheet: keep it text.
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def to_csv(outcome: dict) -> str:
    """One table, a row per participant, note, vote, ranking entry, action and revision (``section``)."""
    rows: list[dict] = []
    for person in outcome["participants"]:
        rows.append({"section": "participant", "id": person["id"], "author": person["name"],
                     "created": person["joined"]})
    for note in outcome["notes"]:
        rows.append({"section": "note", "id": note["id"], "step": note["step"], "kind": note["kind"],
                     "text": note["text"], "author": note["author"], "created": note["created"]})
    for vote in outcome["votes"]:
        rows.append({"section": "vote", "round": vote["round"], "id": vote["item"], "author": vote["participant"],
                     "dots": vote["count"]})
    for found in outcome["rounds"]:
        for entry in found["ranking"]:
            rows.append({"section": "ranking", "round": found["id"], "kind": found["topic"], "id": entry["item"],
                         "dots": entry["dots"]})
    for action in outcome["actions"]:
        rows.append({"section": "action", "id": action["id"], "step": action["step"], "text": action["title"],
                     "owner": action["owner"], "due": action["due"], "status": action["status"]})
    for revision in outcome["revisions"]:
        rows.append({"section": "revision", "id": revision["id"], "text": revision["message"],
                     "author": revision["author"], "created": revision["created"]})
    out = io.StringIO()
    writer = csv.DictWriter(out, CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({key: _cell(value) for key, value in row.items()})
    return out.getvalue()


def _md(value: object) -> str:
    text = "" if value is None else str(value)
    return html.escape(text, quote=False).replace("|", "\\|").replace("\n", "<br>")


def to_markdown(outcome: dict, locale: str = "en") -> str:
    words = _HEADINGS.get(locale, _HEADINGS["en"])
    board = outcome["board"]
    notes_by_id = {str(note["id"]): note for note in outcome["notes"]}
    lines = [f"# {_md(board['title'] or board['id'])}", "", f"{words['state']}: {words.get('board_' + board['state'], board['state'])}", ""]

    lines += [f"## {words['ranking']}", ""]
    for found in outcome["rounds"]:
        lines.append(f"### {words['round']} {found['id']} ({words['topic']}: {words.get(found['topic'], found['topic'])}, "
                     f"{found['dots']} {words['dots']})")
        lines += ["", f"| # | {words['item']} | {words['dots']} | {words['voters']} |", "|---|---|---|---|"]
        for place, entry in enumerate(found["ranking"], 1):
            note = notes_by_id.get(entry["item"]) if found["topic"] != "step" else None
            label = f"{note['step']}: {note['text']}" if note else entry["item"]
            lines.append(f"| {place} | {_md(label)} | {entry['dots']} | {entry['voters']} |")
        lines.append("")
    if not outcome["rounds"]:
        lines += [words["none"], ""]

    lines += [f"## {words['notes']}", ""]
    steps: dict[str, list[dict]] = {}
    for note in outcome["notes"]:
        steps.setdefault(note["step"], []).append(note)
    for step, notes in steps.items():
        lines += [f"### {_md(step)}", ""]
        lines += [f"- **{words.get(note['kind'], note['kind'])}** {_md(note['text'])} — {_md(note['author'])}"
                  for note in notes]
        lines.append("")
    if not steps:
        lines += [words["none"], ""]

    lines += [f"## {words['actions']}", "",
              f"| {words['action']} | {words['step']} | {words['owner']} | {words['due']} | {words['status']} |",
              "|---|---|---|---|---|"]
    lines += [f"| {_md(action['title'])} | {_md(action['step'])} | {_md(action['owner'])} | {_md(action['due'])} "
              f"| {words.get(action['status'], action['status'])} |" for action in outcome["actions"]]
    lines += ["", f"## {words['participants']}", ""]
    lines += [f"- {_md(person['name'])} ({words['joined']} {person['joined']})" for person in outcome["participants"]]
    lines += ["", f"## {words['revisions']}", ""]
    lines += [f"- {revision['id']} {revision['created']} {_md(revision['author'])} {_md(revision['message'])}"
              for revision in outcome["revisions"]]
    return "\n".join(lines) + "\n"
