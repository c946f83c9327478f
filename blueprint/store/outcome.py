"""A board's outcome (:meth:`.boards.BoardStore.board_outcome`) written as JSON, CSV, Markdown or XLSX,
and the blueprint drawn with the notes and votes on it (SVG or PDF).

What people typed is escaped for each format: Markdown gets HTML entities and escaped table pipes,
CSV and XLSX cells that a spreadsheet would run as a formula stay text (an apostrophe in CSV,
a string cell with Excel's quote prefix in XLSX), the picture's marks go through
:mod:`blueprint.render.overlay`. Headings are words of :mod:`blueprint.words` (``outcome.*``).
"""

from __future__ import annotations

import csv
import html
import io
import json
from datetime import UTC, date, datetime

from ..words import normalize, word

__all__ = ["CSV_COLUMNS", "PICTURE_FORMATS", "marks", "to_csv", "to_json", "to_markdown", "to_picture", "to_xlsx"]

CSV_COLUMNS = ("section", "id", "round", "step", "kind", "text", "author", "dots", "owner", "due", "status",
               "created")
#: What :func:`to_picture` draws.
PICTURE_FORMATS = ("svg", "pdf")


def _word(key: str, locale: str) -> str:
    return word(f"outcome.{key}", locale)


def _kind(kind: str, locale: str) -> str:
    """A note kind or a round's topic (``pain``, ``idea``, ``step``...) in ``locale``."""
    if kind == "step":
        return _word("step", locale)
    return word(f"note-kind.{kind}", locale, default=kind)


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
    locale = normalize(locale)

    def words(key: str) -> str:
        return _word(key, locale)

    board = outcome["board"]
    notes_by_id = {str(note["id"]): note for note in outcome["notes"]}
    state = word(f"outcome.board.{board['state']}", locale, default=board["state"])
    lines = [f"# {_md(board['title'] or board['id'])}", "", f"{words('state')}: {state}", ""]

    lines += [f"## {words('ranking')}", ""]
    for found in outcome["rounds"]:
        lines.append(f"### {words('round')} {found['id']} ({words('topic')}: {_kind(found['topic'], locale)}, "
                     f"{found['dots']} {words('dots')})")
        lines += ["", f"| # | {words('item')} | {words('dots')} | {words('voters')} |", "|---|---|---|---|"]
        for place, entry in enumerate(found["ranking"], 1):
            lines.append(f"| {place} | {_md(_item_label(entry['item'], found, notes_by_id))} | {entry['dots']} "
                         f"| {entry['voters']} |")
        lines.append("")
    if not outcome["rounds"]:
        lines += [words("none"), ""]

    lines += [f"## {words('notes')}", ""]
    steps: dict[str, list[dict]] = {}
    for note in outcome["notes"]:
        steps.setdefault(note["step"], []).append(note)
    for step, notes in steps.items():
        lines += [f"### {_md(step)}", ""]
        lines += [f"- **{_kind(note['kind'], locale)}** {_md(note['text'])} — {_md(note['author'])}"
                  for note in notes]
        lines.append("")
    if not steps:
        lines += [words("none"), ""]

    lines += [f"## {words('actions')}", "",
              f"| {words('action')} | {words('step')} | {words('owner')} | {words('due')} | {words('status')} |",
              "|---|---|---|---|---|"]
    lines += [f"| {_md(action['title'])} | {_md(action['step'])} | {_md(action['owner'])} | {_md(action['due'])} "
              f"| {_status(action['status'], locale)} |" for action in outcome["actions"]]
    lines += ["", f"## {words('participants')}", ""]
    lines += [f"- {_md(person['name'])} ({words('joined')} {person['joined']})" for person in outcome["participants"]]
    lines += ["", f"## {words('revisions')}", ""]
    lines += [f"- {revision['id']} {revision['created']} {_md(revision['author'])} {_md(revision['message'])}"
              for revision in outcome["revisions"]]
    return "\n".join(lines) + "\n"


def _status(status: str, locale: str) -> str:
    return word(f"outcome.status.{status}", locale, default=status)


def _item_label(item: str, found: dict, notes_by_id: dict) -> str:
    """What a ranked item is: a step's id, or a note as ``step: text``."""
    note = notes_by_id.get(item) if found["topic"] != "step" else None
    return f"{note['step']}: {note['text']}" if note else item


def to_xlsx(outcome: dict, locale: str = "en") -> bytes:
    """The outcome as an Excel workbook: ranking, notes by step, actions, participants, revisions,
    one sheet each with a bold header row frozen above an autofilter (the look of the touchpoint
    workbook). Needs ``openpyxl`` (the ``app`` extra).

    Raises:
        ImportError: If openpyxl is not installed.
    """
    try:
        from openpyxl import Workbook
    except ImportError as error:  # the core install stays light; the app extra brings openpyxl
        raise ImportError("XLSX export needs openpyxl: pip install 'service-blueprint[app]'") from error
    from ..export import _ILLEGAL_CONTROLS, _write_sheet  # the same sheet writer and formula guard

    locale = normalize(locale)

    def words(*keys: str) -> list[str]:
        # Moments are written as Excel dates in UTC, and say so.
        return [_word(key, locale) + (" (UTC)" if key in ("created", "edited", "joined") else "") for key in keys]

    board = outcome["board"]
    notes_by_id = {str(note["id"]): note for note in outcome["notes"]}
    workbook = Workbook()
    workbook.remove(workbook.active)
    workbook.properties.title = _ILLEGAL_CONTROLS.sub("", str(board["title"] or board["id"]))
    workbook.properties.creator = "service-blueprint"

    ranking = [[found["id"], _kind(found["topic"], locale), place, _item_label(entry["item"], found, notes_by_id),
                entry["dots"], entry["voters"]]
               for found in outcome["rounds"] for place, entry in enumerate(found["ranking"], 1)]
    _write_sheet(workbook, _word("ranking", locale), words("round", "topic", "place", "item", "dots", "voters"),
                 ranking)
    notes = sorted(outcome["notes"], key=lambda note: (note["step"], note["id"]))
    _write_sheet(workbook, _word("notes", locale), words("step", "kind", "text", "author", "created", "edited"),
                  [[note["step"], _kind(note["kind"], locale), note["text"], note["author"], _moment(note["created"]),
                   _moment(note["edited"])] for note in notes])
    _write_sheet(workbook, _word("actions", locale), words("action", "step", "owner", "due", "status"),
                 [[action["title"], action["step"], action["owner"], _day(action["due"]),
                   _status(action["status"], locale)]
                  for action in outcome["actions"]])
    _write_sheet(workbook, _word("participants", locale), words("name", "joined"),
                 [[person["name"], _moment(person["joined"])] for person in outcome["participants"]])
    _write_sheet(workbook, _word("revisions", locale), words("revision", "created", "author", "message"),
                 [[revision["id"], _moment(revision["created"]), revision["author"], revision["message"]]
                  for revision in outcome["revisions"]])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _moment(iso: str | None) -> datetime | None:
    """An ISO moment as the naive UTC datetime a spreadsheet cell holds."""
    if not iso:
        return None
    moment = datetime.fromisoformat(iso)
    return (moment.astimezone(UTC) if moment.tzinfo else moment).replace(tzinfo=None)


def _day(value: object) -> date | str | None:
    if isinstance(value, date) or not value:
        return value or None
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        return str(value)


def marks(outcome: dict, round_id: int | None = None) -> tuple[dict[str, dict[str, int]], dict[str, int]]:
    """What the picture shows of a board: notes per step (or phase) and kind, and the dots of
    round ``round_id`` (default the latest round) per step; a dot on a note counts for the note's
    step. Plain data for :func:`blueprint.render.overlay.overlay`."""
    notes: dict[str, dict[str, int]] = {}
    for note in outcome["notes"]:
        counts = notes.setdefault(note["step"], {})
        counts[note["kind"]] = counts.get(note["kind"], 0) + 1
    rounds = outcome["rounds"]
    chosen = rounds[-1] if rounds and round_id is None else next(
        (found for found in rounds if found["id"] == round_id), None)
    if round_id is not None and chosen is None:
        raise ValueError(f"no vote round {round_id} on this board")
    heat: dict[str, int] = {}
    targets = {str(note["id"]): note["step"] for note in outcome["notes"]}
    for entry in chosen["ranking"] if chosen else []:
        target = entry["item"] if chosen["topic"] == "step" else targets.get(entry["item"])
        if target is not None:
            heat[target] = heat.get(target, 0) + entry["dots"]
    return notes, heat


def to_picture(text: str, outcome: dict, format: str = "svg", locale: str | None = None, *,
               round_id: int | None = None, page: str | None = None) -> str | bytes:
    """The board's blueprint (``text``) drawn with its notes and the dots of a round on the cards
    (see :func:`marks`): SVG (text) or PDF (bytes; every print sheet when ``page`` names a
    size such as ``a3``, else the whole picture on one page of its own size). The PDF is drawn
    from the marked SVG through cairo (``cairosvg``, the ``app`` extra).

    Raises:
        ValueError: For an unknown format or round, or SVG of several print sheets.
        ImportError: For PDF without cairosvg.
    """
    from ..loader import loads
    from ..render import render, render_pages
    from ..render.overlay import overlay

    if format not in PICTURE_FORMATS:
        raise ValueError(f"unknown picture format {format!r}: use one of {', '.join(PICTURE_FORMATS)}")
    bp = loads(text)
    notes, heat = marks(outcome, round_id)
    locale = normalize(locale, bp.locale)
    if page is None or page == "none":
        sheets = [render(bp, "svg", locale)]
    else:
        sheets = [svg for _, svg in render_pages(bp, "svg", locale, page=page)]
        if format == "svg" and len(sheets) > 1:
            raise ValueError(f"this blueprint prints on {len(sheets)} pages: draw them as one PDF")
    marked = [overlay(svg, notes=notes, heat=heat, locale=locale) for svg in sheets]
    if format == "svg":
        return marked[0]
    from ..render.svg import join_pdfs, svg_to_pdf

    return join_pdfs([svg_to_pdf(svg) for svg in marked])


