"""Edit as text: the YAML editor with live lint beside the preview, the findings, a step's details."""

from __future__ import annotations

import hashlib

import pandas as pd
import streamlit as st

from ... import edit
from ...lint import Finding
from ...loader import TOUCHPOINTS
from .. import cached, pipeline, session
from ..components import PREVIEW_KEY, blueprint_preview, code_editor
from ..i18n import t
from ..text import md_escape
from ..view import view
from .common import draft_page, load_error_words, translator

__all__ = ["DETAILS_FORM", "FINDINGS_KEY", "FINDINGS_ROW_PX", "LAYOUTS", "LAYOUT_KEY", "page", "shows_drawing"]

FINDINGS_KEY = "bp_findings"
DETAILS_FORM = "bp_details"
LAYOUT_KEY = "bp_layout"
#: Text beside the drawing, the text alone, or the drawing across the whole page (for a projector).
LAYOUTS = ("split", "text", "drawing")
# The panes fill the screen below the navigation, the top bar and the layout switch; the editor
# leaves room under it for the findings (three rows, then the table scrolls).
_FINDINGS_ROWS = 3
# Four lines of a message a row: the grid wraps a cell's text only in rows taller than 4 rem
# (64 px; Streamlit 1.67's data grid), and draws it on one line, cut, below that.
FINDINGS_ROW_PX = 78
_FINDINGS_BOX = "bp_findings_box"
_ERROR_SLOT = "bp_error_slot"
_PANE_HEIGHT = "max(420px, calc(100vh - 250px))"
_EDITOR_HEIGHT = "max(240px, calc(100vh - 584px))"
_LARGE_HEIGHT = "max(420px, calc(100vh - 250px))"


def shows_drawing() -> bool:
    """Whether the editor draws the blueprint: every layout but the text alone."""
    return st.session_state.get(LAYOUT_KEY) != "text"


@draft_page
def page(text: str, locale: str) -> None:
    tr = translator(locale)
    found = cached.findings(text)
    rows = pipeline.finding_rows(found, locale)
    error = cached.load_error(text)
    state = view()
    if error is None:
        state.last_good = text
    # Keyed on the findings, not on their words: a change of language keeps the choice.
    findings_key = f"{FINDINGS_KEY}_{_digest(found)}"
    picked = _picked_finding(found, findings_key)
    _take_click(text)

    # The error's place is kept whether or not there is one: an element appearing above the
    # columns would shift them, and Streamlit would remount the editor and the preview.
    with st.container(key=_ERROR_SLOT):
        if error is not None:
            st.error(load_error_words("editor.load_error", error, locale))
    layout = st.segmented_control(
        tr("editor.layout"), options=list(LAYOUTS), default="split", key=LAYOUT_KEY,
        format_func=lambda name: t(f"editor.layout_{name}", locale), label_visibility="collapsed",
    ) or "split"
    broken = error is not None
    # The findings sit under the editor, inside the screen: choosing one moves the editor in view.
    # The editor keeps one height, findings or not: it must not jump while the user types.
    editor_height = _EDITOR_HEIGHT
    if layout == "split":
        left, right = st.columns([5, 6], gap="medium")
        with left:
            _editor(text, rows, broken, editor_height)
            _findings(rows, findings_key, locale)
        with right:
            _preview(text, broken, locale, _PANE_HEIGHT)
    elif layout == "text":
        _editor(text, rows, broken, editor_height)
        _findings(rows, findings_key, locale)
    else:
        _preview(text, broken, locale, _LARGE_HEIGHT)
        _findings(rows, findings_key, locale)
    doc_col, details_col = st.columns([5, 6], gap="medium")
    with doc_col:
        _rule_doc(picked, locale)
    with details_col:
        selected = state.selected
        if selected:
            _details(text, selected, locale)
        else:
            st.caption(tr("details.hint"))


def _editor(text: str, rows: list[dict], broken: bool, height: str) -> None:
    state = view()
    goto = state.take_goto()
    # While the text does not load, complete with the ids of the last version that did.
    completion_text = (state.last_good or text) if broken else text
    code_editor(text, draft=session.draft().id, rev=session.rev(), taken=state.edit_seq, findings=rows,
                completions=cached.completions(completion_text), goto=goto.as_data() if goto else None,
                height=height)


def _digest(value: object) -> str:
    return hashlib.sha1(repr(value).encode("utf-8")).hexdigest()[:12]


def _picked_finding(found: list[Finding], key: str) -> Finding | None:
    """The finding chosen in the table (read before the editor is drawn, so it can jump there).

    The table's key changes with its content, so an edit that changes the findings clears the
    choice instead of silently pointing it at another finding.
    """
    state = st.session_state.get(key)
    # A click anywhere on a row chooses it: its marker selects the row, a cell selects the cell.
    rows = []
    try:
        selection = state["selection"] if state else {}
        rows = list(selection.get("rows") or []) or [cell[0] for cell in selection.get("cells") or []]
    except (KeyError, TypeError, AttributeError, IndexError):
        rows = []
    view_state = view()
    if not rows or rows[0] >= len(found):
        view_state.finding_pick = None
        return None
    finding = found[rows[0]]
    pick = (finding.line, finding.column, finding.rule, finding.message)
    if view_state.finding_pick != pick:
        # A new choice: move the editor there and bring its step into view.
        view_state.finding_pick = pick
        view_state.move_editor(finding.line, finding.column)
        step = cached.step_at_line(session.text(), finding.line)
        if step is not None:
            view_state.select(step, bring_into_view=True)
    return finding


def _take_click(text: str) -> None:
    """A step clicked in the preview: select it and show its YAML in the editor.

    Read from the component's state before anything is drawn, so the editor below moves there in
    this same run.
    """
    state = st.session_state.get(PREVIEW_KEY)
    clicked = state.get("clicked") if hasattr(state, "get") else None
    if not isinstance(clicked, str) or not clicked:
        return
    state = view()
    state.select(clicked)
    line = cached.step_line(text, clicked)
    if line is not None:
        state.move_editor(line)


def _preview(text: str, broken: bool, locale: str, height: str) -> None:
    tr = translator(locale)
    state = view()
    shown = (state.last_good or text) if broken else text
    picture, why = cached.preview_svg(shown)
    highlight = {"id": state.selected, "nonce": state.focus} if state.selected else None
    labels = {"in": tr("preview.zoom_in"), "out": tr("preview.zoom_out"), "actual": tr("preview.actual"),
              "width": tr("preview.width"), "fit": tr("preview.fit"), "phase": tr("preview.phase"),
              "hint": tr("preview.hint")}
    # A click comes back as a trigger value, read at the top of the run (_take_click).
    blueprint_preview(picture, labels=labels, highlight=highlight, empty=tr("preview.empty"), height=height)
    # Notes go under the drawing: an element above it would shift it, and Streamlit remounts it.
    if why:
        st.warning(tr("preview.render_failed", message=md_escape(why)))
    if broken and picture:
        st.caption(tr("preview.stale"))


def _findings(rows: list[dict], key: str, locale: str) -> None:
    # One container whatever it holds, so what follows keeps its place (see the error slot).
    with st.container(key=_FINDINGS_BOX):
        _findings_table(rows, key, locale)


def _findings_table(found: list[dict], key: str, locale: str) -> None:
    tr = translator(locale)
    if not found:
        st.markdown(f":green[:material/check_circle:] {tr('findings.none')}")
        return
    st.markdown(f"**{tr('findings.title', count=len(found))}** &nbsp; :gray[{tr('findings.hint')}]")
    # The message first after the place: it is what the user reads; the rule id is for the docs.
    table = pd.DataFrame({
        "where": [f"{f['line']}:{f['column']}" for f in found],
        "level": [t(f"level.{f['level']}", locale) for f in found],
        "message": [f["message"] for f in found],
        "rule": [f["rule"] for f in found],
    })
    # A message wraps over up to four lines and takes the width the place and level leave: it is read
    # whole at a laptop's width. The rule's id is not a column: it heads the rule's documentation,
    # shown when the finding is chosen, and follows the message in the editor's tooltip.
    st.dataframe(
        table, key=key, on_select="rerun", selection_mode=["single-row", "single-cell"], hide_index=True,
        width="stretch", row_height=FINDINGS_ROW_PX,
        height=_FINDINGS_ROWS * FINDINGS_ROW_PX + 38 if len(found) > _FINDINGS_ROWS else "auto",
        column_order=["where", "level", "message"],
        column_config={
            "where": st.column_config.TextColumn(tr("findings.where"), width=56),
            "level": st.column_config.TextColumn(tr("findings.level"), width=52),
            "message": st.column_config.TextColumn(tr("findings.message"), width=380),
        },
    )


def _rule_doc(picked: Finding | None, locale: str) -> None:
    """The chosen finding's rule, documented in the UI's language: what it finds, why it matters,
    examples."""
    if picked is None:
        return
    doc = pipeline.rule_doc(picked.rule, locale)
    with st.container(border=True, height=320):
        # The chosen finding's whole message: the table shows up to four lines of it.
        st.markdown(f"**{picked.line}:{picked.column}** &nbsp; {md_escape(picked.text(locale))}")
        st.markdown(doc if doc is not None else t("findings.no_doc", locale, rule=md_escape(picked.rule)))


def _details(text: str, step_id: str, locale: str) -> None:
    tr = translator(locale)
    error = cached.load_error(text)
    if error is not None:  # the step is still there: the text around it does not load
        st.warning(load_error_words("details.broken", error, locale, step=md_escape(step_id)))
        return
    info = cached.details(text, step_id, locale)
    if info is None:
        st.caption(tr("details.gone", step=md_escape(step_id)))
        return
    st.subheader(tr("details.title", label=md_escape(info["label"]), step=md_escape(step_id)), anchor=False)
    where = [info["lane_label"] or "", info["phase_label"] or ""]
    st.caption(" · ".join(md_escape(part) for part in where if part))
    try:
        fields = edit.step_fields(text, step_id)
    except edit.EditError as error:
        st.warning(md_escape(error.text(locale)))
        return
    # The form's widgets are keyed on the step's current values: a change from anywhere refreshes them.
    ids = cached.step_ids(text)
    labels = cached.labels(text, locale)
    lanes = list(labels["lane"])
    phases = ["", *labels["phase"]]
    others = [other for other in ids if other != step_id]

    def named(kind: str):
        names = labels[kind]
        return lambda value: (f"{names[value]} · {value}" if names.get(value, value) != value else value) \
            if value else "—"

    with st.form(f"{DETAILS_FORM}_{_digest(sorted(fields.items()))}", border=True):
        id_col, label_col = st.columns([1, 2])
        new_id = id_col.text_input(tr("field.id"), value=fields.get("id") or "", help=tr("field.id_help"))
        label = label_col.text_input(tr("field.label"), value=fields.get("label") or "")
        lane_col, phase_col = st.columns(2)
        lane = lane_col.selectbox(tr("field.lane"), *_options(lanes, fields.get("lane")), format_func=named("lane"))
        phase = phase_col.selectbox(tr("field.phase"), *_options(phases, fields.get("phase")),
                                    format_func=named("phase"))
        following = st.multiselect(tr("field.next"), [*others, *[n for n in fields.get("next") or []
                                                                 if n not in others]],
                                   default=list(fields.get("next") or []), format_func=named("step"))
        description = st.text_area(tr("field.description"), value=fields.get("description") or "", height=70)
        owner_col, kind_col, channel_col = st.columns(3)
        owner = owner_col.text_input(tr("field.owner"), value=fields.get("owner") or "")
        touchpoint = kind_col.selectbox(
            tr("field.touchpoint"), *_options(["", *TOUCHPOINTS], fields.get("touchpoint")),
            format_func=lambda kind: t(f"touchpoint.{kind}", locale) if kind in TOUCHPOINTS else (kind or "—"))
        channel = channel_col.text_input(tr("field.channel"), value=fields.get("channel") or "")
        duration_col, wait_col, emotion_col = st.columns(3)
        duration = duration_col.text_input(tr("field.duration"), value=fields.get("duration") or "",
                                           help=tr("field.duration_help"))
        wait = wait_col.text_input(tr("field.wait"), value=fields.get("wait") or "", help=tr("field.wait_help"))
        emotion = emotion_col.selectbox(tr("field.emotion"), *_options(_EMOTIONS, fields.get("emotion")),
                                        format_func=lambda value: tr(f"emotion.{value}") if value in _EMOTIONS[1:]
                                        else ("—" if value is None else str(value)))
        evidence = st.text_area(tr("field.evidence"), value="\n".join(fields.get("evidence") or []),
                                help=tr("field.one_per_line"), height=70)
        fail_col, recovery_col = st.columns(2)
        fail = fail_col.text_input(tr("field.fail"), value=fields.get("fail") or "")
        recovery = recovery_col.selectbox(tr("field.recovery"), *_options(["", *others], fields.get("recovery")),
                                          format_func=named("step"))
        kpis_col, notes_col = st.columns(2)
        kpis = kpis_col.text_area(tr("field.kpis"), value="\n".join(fields.get("kpis") or []),
                                  help=tr("field.one_per_line"), height=70)
        notes = notes_col.text_area(tr("field.notes"), value="\n".join(fields.get("notes") or []),
                                    help=tr("field.one_per_line"), height=70)
        # A refusal is said right above the Save button, where the user looks after pressing it.
        refusal = st.empty()
        submitted = st.form_submit_button(tr("details.save"), type="primary")
    if submitted:
        changes = {
            "id": new_id, "label": label, "lane": lane, "phase": phase, "next": following,
            "description": description, "owner": owner, "touchpoint": touchpoint, "channel": channel,
            "duration": duration, "wait": wait, "emotion": emotion, "fail": fail, "recovery": recovery,
            "evidence": _lines(evidence), "kpis": _lines(kpis), "notes": _lines(notes),
        }
        try:
            new_text = edit.set_step_fields(text, step_id, changes)
        except edit.EditError as error:
            refusal.error(tr("details.refused", message=md_escape(error.text(locale))), icon=":material/block:")
            return
        if session.commit(new_text, "details"):
            view().select(new_id.strip() or step_id)
            st.rerun()


#: A step's emotion: none, or -2 (very unhappy) to 2 (delighted).
_EMOTIONS: list[int | None] = [None, -2, -1, 0, 1, 2]


def _options(options: list, current) -> tuple[list, int]:
    """A select box's options and the index of ``current`` (added when the file holds another value)."""
    options = list(options)
    current = current if current is not None or None in options else ""
    if current not in options:
        options.append(current)
    return options, options.index(current)


def _lines(value: str) -> list[str]:
    return [line.strip() for line in value.splitlines() if line.strip()]
