"""Workshop: start a board from a blueprint, join it, pin notes, vote with dots, walk through, act.

Thin over :class:`blueprint.store.boards.BoardStore`: every action names the token this session
acts with and the store checks the role. One small fragment reruns every second: it shows the
countdown and reads the board's latest event id, and reruns the page only when it moved, so
whatever someone else did shows within two seconds. Everything a person types sits outside it.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

import pandas as pd
import streamlit as st

from ...errors import BlueprintError
from ...model import Zone
from ...store.boards import (
    ACTION_STATUSES, MAX_NAME_CHARS, MAX_NOTE_CHARS, NOTE_KINDS, ROUND_TOPICS, BoardError, BoardView, NotAllowed,
)
from ...store.outcome import to_csv, to_json, to_markdown, to_picture, to_xlsx
from .. import board, cached, owner, pipeline, session
from ..board import Opened
from ..components import blueprint_preview
from ..i18n import t
from ..text import md_escape
from .common import translator, uploader_words
from .start import EXAMPLES_DIR, UPLOAD_TYPES

__all__ = ["KIND_COLOURS", "LIVE_SECONDS", "PREVIEW", "page"]

#: How often a view asks whether the board changed (others' changes show within two seconds).
LIVE_SECONDS = 1.0
PREVIEW = "bp_board_preview"
#: Each note kind's colour, in the lists and the badges (the drawing's badges use the same hues).
KIND_COLOURS = {"pain": "red", "idea": "yellow", "question": "blue", "positive": "green"}
_STEP = "bp_board_step"
_FOLLOW = "bp_board_follow"
_PRESENTED = "bp_board_presented"
_SAID = "bp_board_said"
_MADE = "bp_board_made"
#: The participant link token of each board this session made or rotated (the store keeps only its hash).
_PARTICIPANT_LINKS = "bp_board_participant_link"
_PREVIEW_HEIGHT = "max(320px, calc(100vh - 380px))"


def page() -> None:
    locale = session.ui_locale()
    tr = translator(locale)
    board_id, token = board.link_token()
    if not token:
        _create(locale)
        return
    try:
        opened = board.open_board(board_id, token)
    except NotAllowed:
        st.error(tr("board.bad_link"), icon=":material/link_off:")
        if st.button(tr("board.start_other"), key="bp_board_leave"):
            board.forget()
            st.rerun()
        return
    board.remember_link(opened.access.board, opened.link)
    if opened.access.role == "participant" and opened.access.participant is None:
        _join(opened, locale)
        return
    board.write_cookie(opened.access.board)
    # The change this view was drawn at, read before what it shows: a change meanwhile moves it again.
    skip = _unseen(opened)
    seen = board.store().latest_event(opened.access.board, skip=skip)
    snap = board.snapshot(opened)
    _view(opened, snap, seen, skip, locale)


# --- saying what was refused, where it was asked ---------------------------------------------

def _say(slot: str, message: str) -> None:
    st.session_state.setdefault(_SAID, {})[slot] = message


def _said_here(slot: str) -> None:
    message = st.session_state.get(_SAID, {}).pop(slot, None)
    if message:
        st.error(md_escape(message), icon=":material/block:")


def _act(slot: str, locale: str, action: Callable[[], object], done: Callable[[], None] | None = None) -> None:
    """Run a store action from a button's callback; a refusal is said at the button."""
    try:
        action()
    except (BoardError, NotAllowed) as error:
        _say(slot, error.text(locale))
        return
    if done is not None:
        done()


# --- starting a board ------------------------------------------------------------------------

def _create(locale: str) -> None:
    tr = translator(locale)
    st.header(tr("board.create_title"), anchor=False)
    st.caption(tr("board.create_intro"))
    sources = (["draft"] if session.text() is not None else []) + ["example", "upload", "board"]
    source = st.segmented_control(tr("board.source"), options=sources, default=sources[0], key="bp_board_source",
                                  format_func=lambda name: t(f"board.source_{name}", locale)) or sources[0]
    text = _source_text(source, locale)
    title = st.text_input(tr("board.title_field"), key="bp_board_title", max_chars=200,
                          placeholder=tr("board.title_placeholder"))
    if st.button(tr("board.create"), type="primary", key="bp_board_create", disabled=text is None):
        try:
            made = board.store().create(text, title=title.strip(), author=owner.author())
        except (BoardError, BlueprintError) as error:
            st.error(md_escape(error.text(locale)))
            return
        st.session_state[_MADE] = made.board
        st.session_state.setdefault(_PARTICIPANT_LINKS, {})[made.board] = made.participant_token
        board.remember_link(made.board, made.facilitator_token)
        st.rerun()


def _source_text(source: str, locale: str) -> str | None:
    """The blueprint text the chosen source holds, or None (after saying why) when it has none."""
    tr = translator(locale)
    if source == "draft":
        text = session.text()
        error = cached.load_error(text) if text is not None else None
        if error is not None:
            st.warning(tr("board.draft_broken"))
            return None
        st.caption(tr("board.from_draft", title=md_escape(cached.summary(text)["title"] or tr("app.untitled"))))
        return text
    if source == "example":
        found = cached.examples(str(EXAMPLES_DIR))
        paths = [example.path for example in found]
        titles = {example.path: example.title for example in found}
        chosen = st.selectbox(tr("board.example"), paths, key="bp_board_example",
                              format_func=lambda path: titles.get(path, Path(path).name))
        return Path(chosen).read_text(encoding="utf-8") if chosen else None
    if source == "upload":
        uploader_words("bp_board_upload", tr("start.upload_button"),
                       tr("start.upload_types", types=", ".join(UPLOAD_TYPES), mb="2"))
        upload = st.file_uploader(tr("start.upload_label"), type=UPLOAD_TYPES, key="bp_board_upload")
        if upload is None:
            return None
        result = pipeline.read_upload(upload.getvalue())
        if result.text is None:
            error = result.error
            st.error(tr("notice.upload_failed", name=md_escape(upload.name), line=error.line, column=error.column,
                        message=md_escape(error.text(locale))))
            return None
        if cached.load_error(result.text) is not None:
            error = cached.load_error(result.text)
            st.error(tr("notice.upload_failed", name=md_escape(upload.name), line=error.line, column=error.column,
                        message=md_escape(error.text(locale))))
            return None
        return result.text
    pasted = st.text_input(tr("board.other_link"), key="bp_board_other", placeholder=tr("board.other_placeholder"))
    if not pasted.strip():
        return None
    token = board.token_in_link(pasted)
    try:
        return board.store().text(token)
    except NotAllowed:
        st.error(tr("board.bad_link"))
        return None


# --- joining ---------------------------------------------------------------------------------

def _join(opened: Opened, locale: str) -> None:
    tr = translator(locale)
    info = board.store().board(opened.link)
    st.header(md_escape(info.title) or tr("app.untitled"), anchor=False)
    if info.state == "closed":
        st.info(tr("board.closed_no_join"))
        return
    st.caption(tr("board.join_intro"))

    def join() -> None:
        try:
            _participant, own = board.store().join(opened.link, st.session_state.get("participant_name", ""))
        except (BoardError, NotAllowed) as error:
            _say("join", error.text(locale))
            return
        board.remember_own(opened.access.board, own)

    with st.container(border=True, width=480):
        st.text_input(tr("board.your_name"), key="participant_name", max_chars=MAX_NAME_CHARS,
                      placeholder=tr("board.your_name_placeholder"))
        st.button(tr("board.join"), key="participant_join", type="primary", on_click=join)
        _said_here("join")


# --- the board -------------------------------------------------------------------------------

def _unseen(opened: Opened) -> tuple[str, ...]:
    """Changes this view does not show: a participant sees others' dots only in a closed round's
    result (its closing is a change of its own), so a dot spent elsewhere redraws nothing here."""
    return ("vote",) if opened.access.role == "participant" else ()


def _view(opened: Opened, snap: BoardView, seen: int, skip: tuple[str, ...], locale: str) -> None:
    tr = translator(locale)
    facilitator = opened.access.role == "facilitator"
    loaded = cached.labels(snap.text, locale)
    steps = loaded["step"]
    _take_click(snap, facilitator)
    title_col, timer_col = st.columns([5, 2], vertical_alignment="center")
    with title_col:
        who = tr("board.role_facilitator") if facilitator else tr("board.role_participant",
                                                                 name=md_escape(opened.access.name))
        state = tr(f"board.state_{snap.info.state}")
        st.markdown(f"#### {md_escape(snap.info.title) or tr('app.untitled')}\n"
                    f":gray[{who} · {state} · {tr('board.people', n=len(snap.participants))}]")
    with timer_col:
        timer_end = snap.info.timer_end.isoformat() if snap.info.timer_end else None
        _live(opened.access.board, seen, skip, timer_end, locale)
    if snap.info.state == "closed":
        st.info(tr("board.closed"), icon=":material/lock:")
    elif snap.info.state == "locked":
        st.warning(tr("board.locked"), icon=":material/lock_clock:")
    if facilitator:
        _links(opened, snap, locale)
    names = ["board", "vote", "actions"] + (["facilitate"] if facilitator else [])
    tabs = st.tabs([tr(f"board.tab_{name}") for name in names])
    with tabs[0]:
        _board_tab(opened, snap, steps, locale)
    with tabs[1]:
        _vote_tab(opened, snap, steps, locale)
    with tabs[2]:
        _actions_tab(opened, snap, steps, locale)
    if facilitator:
        with tabs[3]:
            _facilitate_tab(opened, snap, locale)


@st.fragment(run_every=LIVE_SECONDS)
def _live(board_id: str, seen: int, skip: tuple[str, ...], timer_end: str | None, locale: str) -> None:
    """The countdown, and the one cheap check: has anyone changed the board since this page was drawn?"""
    if board.store().latest_event(board_id, skip=skip) != seen:
        st.rerun(scope="app")
    tr = translator(locale)
    if timer_end is None:
        return
    left = (datetime.fromisoformat(timer_end) - datetime.now(UTC)).total_seconds()
    if left > 0:
        minutes, seconds = divmod(int(left + 0.999), 60)
        st.markdown(f"### :material/timer: {minutes:02d}:{seconds:02d}", text_alignment="right")
    else:
        st.markdown(f"### :red[:material/timer_off: {tr('board.time_up')}]", text_alignment="right")


def _links(opened: Opened, snap: BoardView, locale: str) -> None:
    """The two links, only ever on the facilitator's view (the participant link as it is now)."""
    tr = translator(locale)
    just_made = st.session_state.get(_MADE) == snap.info.id
    with st.expander(tr("board.links"), expanded=just_made, icon=":material/link:"):
        participant_link = st.session_state.get(_PARTICIPANT_LINKS, {}).get(snap.info.id)
        st.markdown(f"**{tr('board.facilitator_link')}** :gray[{tr('board.facilitator_link_help')}]")
        st.code(board.link(snap.info.id, opened.token), language=None, wrap_lines=True)
        st.markdown(f"**{tr('board.participant_link')}** :gray[{tr('board.participant_link_help')}]")
        if participant_link:
            st.code(board.link(snap.info.id, participant_link), language=None, wrap_lines=True)
        else:
            st.caption(tr("board.participant_link_hidden"))
            st.button(tr("board.rotate_now"), key="bp_board_rotate_links", on_click=_rotate, args=(opened, locale))
            _said_here("rotate_links")


def _rotate(opened: Opened, locale: str) -> None:
    def done(fresh: list) -> None:
        st.session_state.setdefault(_PARTICIPANT_LINKS, {})[opened.access.board] = fresh[0]

    fresh: list = []
    _act("rotate_links", locale, lambda: fresh.append(board.store().rotate_participant_link(opened.token)),
         lambda: done(fresh))


def _take_click(snap: BoardView, facilitator: bool) -> None:
    """A step clicked in the drawing, and the presenter's step for those who follow: the step shown,
    and the step a new note goes to (set before the note form is drawn)."""
    state = st.session_state.get(PREVIEW)
    clicked = state.get("clicked") if hasattr(state, "get") else None
    presenter = snap.info.presenter_step
    if isinstance(clicked, str) and clicked and clicked in cached.step_ids(snap.text):
        st.session_state[_STEP] = clicked
        st.session_state["note_step"] = clicked
        if not facilitator and presenter and clicked != presenter:
            st.session_state[_FOLLOW] = False  # looking elsewhere: stop following
    if st.session_state.get(_PRESENTED) != presenter:
        st.session_state[_PRESENTED] = presenter
        if presenter and (facilitator or st.session_state.get(_FOLLOW, True)):
            st.session_state["note_step"] = presenter


def _shown_step(snap: BoardView, facilitator: bool) -> str | None:
    presenter = snap.info.presenter_step
    if presenter and (facilitator or st.session_state.get(_FOLLOW, True)):
        return presenter
    chosen = st.session_state.get(_STEP)
    return chosen if chosen in cached.step_ids(snap.text) else None


def _walk_order(text: str) -> list[str]:
    """The customer's path: the steps in the customer's lanes, in file order (all steps when none)."""
    ids = cached.step_ids(text)
    customer = [step for step in ids if (cached.details(text, step, "en") or {}).get("zone") == Zone.CUSTOMER.value]
    return customer or ids


def _board_tab(opened: Opened, snap: BoardView, steps: dict[str, str], locale: str) -> None:
    tr = translator(locale)
    facilitator = opened.access.role == "facilitator"
    left, right = st.columns([3, 2], gap="medium")
    with left:
        if facilitator:
            _walkthrough(opened, snap, steps, locale)
        else:
            presenter = snap.info.presenter_step
            st.session_state.setdefault(_FOLLOW, True)  # a click elsewhere in the drawing turns it off
            st.toggle(tr("board.follow"), key=_FOLLOW, help=tr("board.follow_help"))
            if presenter:
                st.caption(tr("board.presenting", step=md_escape(steps.get(presenter, presenter))))
        shown = _shown_step(snap, facilitator)
        picture, why = cached.marked_svg(snap.text, snap.note_counts(), snap.heat(facilitator), locale)
        labels = {"in": tr("preview.zoom_in"), "out": tr("preview.zoom_out"), "actual": tr("preview.actual"),
                  "width": tr("preview.width"), "fit": tr("preview.fit"), "phase": tr("preview.phase"),
                  "hint": tr("board.preview_hint")}
        highlight = {"id": shown, "nonce": zlib.crc32(shown.encode("utf-8"))} if shown else None
        blueprint_preview(picture, labels=labels, highlight=highlight, empty=tr("preview.empty"),
                          height=_PREVIEW_HEIGHT, key=PREVIEW)
        if why:
            st.warning(tr("preview.render_failed", message=md_escape(why)))
        _counts(snap, steps, locale)
        if shown:
            _step_panel(snap, shown, steps, locale)
    with right:
        _note_form(opened, snap, steps, locale)
        _note_editor(opened, snap, steps, locale)
        _note_list(snap, steps, locale)


def _walkthrough(opened: Opened, snap: BoardView, steps: dict[str, str], locale: str) -> None:
    tr = translator(locale)
    order = _walk_order(snap.text)
    current = snap.info.presenter_step
    at = order.index(current) if current in order else -1

    def present(step: str | None) -> None:
        _act("present", locale, lambda: board.store().present(opened.token, step))

    back, where, forward, stop = st.columns([1, 4, 1, 1.4], vertical_alignment="center")
    back.button(":material/arrow_back:", key="bp_board_back", help=tr("board.walk_back"), width="stretch",
                disabled=at <= 0, on_click=present, args=(order[at - 1] if at > 0 else None,))
    where.markdown(tr("board.walk_at", step=md_escape(steps.get(current, current)), n=at + 1, total=len(order))
                   if current else f":gray[{tr('board.walk_idle')}]")
    forward.button(":material/arrow_forward:", key="bp_board_forward", help=tr("board.walk_forward"),
                   width="stretch", disabled=at >= len(order) - 1,
                   on_click=present, args=(order[at + 1] if at < len(order) - 1 else order[0],))
    stop.button(tr("board.walk_stop"), key="bp_board_stop", width="stretch", disabled=current is None,
                on_click=present, args=(None,))
    _said_here("present")


def _counts(snap: BoardView, steps: dict[str, str], locale: str) -> None:
    """How many notes of each kind, in the kind's colour (on the whole board)."""
    totals = {kind: 0 for kind in NOTE_KINDS}
    for note in snap.notes:
        totals[note.kind] = totals.get(note.kind, 0) + 1
    badges = " ".join(_badge(kind, f"{t(f'note-kind.{kind}', locale)} {totals[kind]}") for kind in NOTE_KINDS)
    st.markdown(badges)


def _badges(notes, locale: str) -> str:
    counts: dict[str, int] = {}
    for note in notes:
        counts[note.kind] = counts.get(note.kind, 0) + 1
    return " ".join(_badge(kind, f"{t(f'note-kind.{kind}', locale)} {counts[kind]}")
                    for kind in NOTE_KINDS if counts.get(kind))


def _badge(kind: str, words: str) -> str:
    """A Markdown badge in the note kind's colour (``words`` come from the catalogue)."""
    return f":{KIND_COLOURS[kind]}-badge[{words}]"


def _step_panel(snap: BoardView, step: str, steps: dict[str, str], locale: str) -> None:
    """The step shown: where it is, its handoffs in and out, its evidence and its notes."""
    tr = translator(locale)
    info = cached.details(snap.text, step, locale)
    if info is None:
        return
    ids = cached.step_ids(snap.text)
    before = [other for other in ids if step in ((cached.details(snap.text, other, locale) or {}).get("next") or [])]
    with st.container(border=True, key="bp_board_step_panel"):
        st.markdown(f"**{md_escape(info['label'])}** :gray[{md_escape(step)} · "
                    f"{md_escape(info['lane_label'] or '')}{' · ' if info['phase_label'] else ''}"
                    f"{md_escape(info['phase_label'] or '')}]")
        if info.get("description"):
            st.caption(md_escape(info["description"]))
        handoffs = []
        if before:
            handoffs.append(tr("board.from_steps", steps=", ".join(md_escape(steps.get(s, s)) for s in before)))
        if info["next"]:
            handoffs.append(tr("board.to_steps", steps=", ".join(md_escape(steps.get(s, s)) for s in info["next"])))
        if handoffs:
            st.markdown(" · ".join(handoffs))
        if info.get("evidence"):
            st.markdown(tr("board.evidence", items="; ".join(md_escape(item) for item in info["evidence"])))
        mine = [note for note in snap.notes if note.target == step]
        for note in mine:
            _note_line(note, locale)
        if not mine:
            st.caption(tr("board.no_notes_here"))


def _note_line(note, locale: str) -> None:
    """One note: its kind in colour, its text as text, who wrote it and when."""
    text = "  \n".join(md_escape(line) for line in note.text.splitlines() if line.strip())
    when = (note.edited or note.created).astimezone().strftime("%H:%M")
    edited = t("board.edited", locale) if note.edited else ""
    line = _badge(note.kind, t(f"note-kind.{note.kind}", locale))
    st.markdown(f"{line} {text}  \n:gray[{md_escape(note.author)} · {when}{edited}]")


def _writable(snap: BoardView) -> bool:
    return snap.info.state == "open"


def _targets(snap: BoardView, steps: dict[str, str], locale: str) -> tuple[list[str], Callable[[str], str]]:
    """What a note can be pinned to: the steps, then the phases; and how each is named."""
    phases = cached.labels(snap.text, locale)["phase"]
    options = list(steps) + [phase for phase in phases if phase not in steps]

    def name(target: str) -> str:
        if target in steps:
            return steps[target] or target
        return t("board.phase_target", locale, phase=phases.get(target) or target)
    return options, name


def _note_form(opened: Opened, snap: BoardView, steps: dict[str, str], locale: str) -> None:
    tr = translator(locale)
    options, name = _targets(snap, steps, locale)
    disabled = not _writable(snap)
    if st.session_state.get("note_step") not in options:
        st.session_state.pop("note_step", None)

    def add() -> None:
        def done() -> None:
            st.session_state["note_text"] = ""

        _act("note", locale, lambda: board.store().add_note(
            opened.token, st.session_state.get("note_step"), st.session_state.get("note_kind"),
            st.session_state.get("note_text", "")), done)

    with st.container(border=True, key="bp_board_note_form"):
        st.markdown(f"**{tr('board.add_note')}**")
        kind_col, step_col = st.columns([2, 3])
        kind_col.selectbox(tr("board.note_kind"), list(NOTE_KINDS), key="note_kind", disabled=disabled,
                           format_func=lambda kind: t(f"note-kind.{kind}", locale))
        step_col.selectbox(tr("board.note_step"), options, key="note_step", disabled=disabled, format_func=name)
        st.text_area(tr("board.note_text"), key="note_text", max_chars=MAX_NOTE_CHARS, height=80,
                     disabled=disabled, placeholder=tr("board.note_placeholder"))
        st.button(tr("board.note_add"), key="note_add", type="primary", disabled=disabled, on_click=add)
        _said_here("note")


def _note_editor(opened: Opened, snap: BoardView, steps: dict[str, str], locale: str) -> None:
    """Change or remove a note: one's own, or any for the facilitator."""
    tr = translator(locale)
    facilitator = opened.access.role == "facilitator"
    mine = [note for note in snap.notes if facilitator or note.participant == opened.access.participant]
    if not mine or not _writable(snap):
        return
    by_id = {note.id: note for note in mine}
    _options, name = _targets(snap, steps, locale)
    with st.expander(tr("board.edit_notes", n=len(mine)), icon=":material/edit:"):
        chosen = st.selectbox(tr("board.edit_which"), list(by_id), key="bp_board_edit_pick",
                              format_func=lambda key: f"{name(by_id[key].target)}: {by_id[key].text[:60]}")
        note = by_id.get(chosen)
        if note is None:
            return
        # Keyed on the note and its text: an edit from elsewhere shows; the person's own typing stays.
        key = f"bp_board_edit_{note.id}_{zlib.crc32(note.text.encode('utf-8'))}"
        kind_key = f"{key}_kind"
        st.selectbox(tr("board.note_kind"), list(NOTE_KINDS), index=NOTE_KINDS.index(note.kind), key=kind_key,
                     format_func=lambda kind: t(f"note-kind.{kind}", locale))
        st.text_area(tr("board.note_text"), value=note.text, key=key, max_chars=MAX_NOTE_CHARS, height=80)
        save_col, remove_col = st.columns(2)
        save_col.button(tr("board.note_save"), key="bp_board_edit_save", width="stretch", on_click=lambda: _act(
            "edit", locale, lambda: board.store().edit_note(opened.token, note.id, st.session_state.get(key, ""),
                                                            kind=st.session_state.get(kind_key))))
        remove_col.button(tr("board.note_remove"), key="bp_board_edit_remove", width="stretch", on_click=lambda: _act(
            "edit", locale, lambda: board.store().delete_note(opened.token, note.id)))
        _said_here("edit")


def _note_list(snap: BoardView, steps: dict[str, str], locale: str) -> None:
    """Every note, by step in the blueprint's order, then by phase."""
    tr = translator(locale)
    options, name = _targets(snap, steps, locale)
    by_target: dict[str, list] = {}
    for note in snap.notes:
        by_target.setdefault(note.target, []).append(note)
    st.markdown(f"**{tr('board.notes', n=len(snap.notes))}**")
    if not snap.notes:
        st.caption(tr("board.no_notes"))
        return
    with st.container(height=360, key="bp_board_notes"):
        for target in options:
            notes = by_target.get(target)
            if not notes:
                continue
            st.markdown(f"**{md_escape(name(target))}** {_badges(notes, locale)}")
            for note in notes:
                _note_line(note, locale)


# --- dot voting ------------------------------------------------------------------------------

def _item_names(snap: BoardView, steps: dict[str, str], locale: str) -> Callable[[str], str]:
    notes = {str(note.id): note for note in snap.notes}
    _options, target = _targets(snap, steps, locale)

    def name(item: str) -> str:
        if item in notes:
            note = notes[item]
            return f"{note.text} ({target(note.target)})"
        if item in steps:
            return steps[item] or item
        return t("board.item_gone", locale, item=item)
    return name


def _items(snap: BoardView, topic: str, steps: dict[str, str]) -> list[str]:
    if topic == "step":
        return list(steps)
    return [str(note.id) for note in snap.notes if note.kind == topic]


def _vote_tab(opened: Opened, snap: BoardView, steps: dict[str, str], locale: str) -> None:
    tr = translator(locale)
    facilitator = opened.access.role == "facilitator"
    current = snap.open_round
    name = _item_names(snap, steps, locale)
    if facilitator:
        _open_round_form(opened, snap, locale)
    if current is None:
        st.info(tr("board.no_round"), icon=":material/how_to_vote:")
    else:
        stacking = tr("board.stacking_yes") if current.allow_stacking else tr("board.stacking_no")
        st.markdown("**" + tr("board.round_open", n=current.id, topic=tr(f"board.topic_{current.topic}"),
                                dots=current.dots, stacking=stacking) + "**")
        if facilitator:
            st.button(tr("board.round_close"), key="bp_board_round_close", type="primary",
                      on_click=lambda: _act("round", locale, lambda: board.store().close_round(opened.token,
                                                                                              current.id)))
            _said_here("round")
            _ranking(current, name, locale, key="bp_board_live_ranking")
        else:
            _ballot(opened, snap, current, name, steps, locale)
    closed = [found for found in reversed(snap.rounds) if found.closed is not None]
    if closed:
        st.markdown(f"**{tr('board.results')}**")
    for index, found in enumerate(closed):
        with st.expander(tr("board.round_result", n=found.id, topic=tr(f"board.topic_{found.topic}"),
                             dots=found.dots), expanded=index == 0):
            _ranking(found, name, locale, key=f"bp_board_ranking_{found.id}")


def _open_round_form(opened: Opened, snap: BoardView, locale: str) -> None:
    tr = translator(locale)
    with st.form("bp_board_round_form", border=True):
        topic_col, dots_col, stack_col, button_col = st.columns([3, 2, 3, 2], vertical_alignment="bottom")
        topic = topic_col.selectbox(tr("board.topic"), list(ROUND_TOPICS),
                                    format_func=lambda name: t(f"board.topic_{name}", locale))
        dots = dots_col.number_input(tr("board.dots"), min_value=1, max_value=20, value=3, step=1)
        stacking = stack_col.checkbox(tr("board.stacking"), help=tr("board.stacking_help"))
        opened_now = button_col.form_submit_button(tr("board.round_open_button"), type="primary",
                                                   disabled=not _writable(snap))
    if opened_now:
        try:
            board.store().open_round(opened.token, topic, int(dots), bool(stacking))
        except (BoardError, NotAllowed) as error:
            st.error(md_escape(error.text(locale)))
            return
        st.rerun()


def _ballot(opened: Opened, snap: BoardView, current, name: Callable[[str], str], steps: dict[str, str],
            locale: str) -> None:
    """The participant's dots: spend one on an item, take one back."""
    tr = translator(locale)
    spent = sum(snap.my_votes.values())
    left = current.dots - spent
    st.markdown(tr("board.dots_left", n=left, total=current.dots))
    st.caption(tr("board.results_later"))
    _said_here("vote")
    items = _items(snap, current.topic, steps)
    if not items:
        st.caption(tr("board.no_items"))
        return
    writable = _writable(snap)

    def vote(item: str, change: int) -> None:
        _act("vote", locale, lambda: board.store().vote(opened.token, current.id, item, change))

    with st.container(key="bp_board_ballot", border=True, width=760):
        for item in items:
            mine = snap.my_votes.get(item, 0)
            label_col, dots_col, add_col, back_col = st.columns([12, 2, 1.2, 1.2], vertical_alignment="center")
            label_col.markdown(md_escape(name(item)))
            dots_col.markdown(":blue[" + "●" * mine + "]" if mine else "")
            add_col.button(":material/add:", key=f"bp_vote_add_{current.id}_{item}", help=tr("board.dot_add"),
                           disabled=not writable or left <= 0 or (mine > 0 and not current.allow_stacking),
                           on_click=vote, args=(item, 1))
            back_col.button(":material/remove:", key=f"bp_vote_back_{current.id}_{item}",
                            help=tr("board.dot_back"), disabled=not writable or mine == 0, on_click=vote,
                            args=(item, -1))


def _ranking(found, name: Callable[[str], str], locale: str, key: str) -> None:
    tr = translator(locale)
    if not found.ranking:
        st.caption(tr("board.no_votes"))
        return
    table = pd.DataFrame({
        "place": list(range(1, len(found.ranking) + 1)),
        "item": [name(item) for item, _dots, _voters in found.ranking],
        "dots": [dots for _item, dots, _voters in found.ranking],
        "voters": [voters for _item, _dots, voters in found.ranking],
    })
    # In a keyed container: a browser (and a test) finds the ranking by its key.
    st.container(key=f"{key}_box").dataframe(table, key=key, hide_index=True, width="stretch", column_config={
        "place": st.column_config.NumberColumn(tr("board.col_place"), width=50),
        "item": st.column_config.TextColumn(tr("board.col_item"), width="large"),
        "dots": st.column_config.ProgressColumn(tr("board.col_dots"), format="%d", min_value=0,
                                                max_value=max(1, found.ranking[0][1])),
        "voters": st.column_config.NumberColumn(tr("board.col_voters"), width=70),
    })


# --- actions ---------------------------------------------------------------------------------

def _actions_tab(opened: Opened, snap: BoardView, steps: dict[str, str], locale: str) -> None:
    tr = translator(locale)
    facilitator = opened.access.role == "facilitator"
    if snap.actions:
        table = pd.DataFrame({
            "title": [action["title"] for action in snap.actions],
            "step": [steps.get(action["step"], action["step"] or "") for action in snap.actions],
            "owner": [action["owner"] for action in snap.actions],
            "due": [action["due"] or "" for action in snap.actions],
            "status": [tr(f"board.status_{action['status']}") for action in snap.actions],
        })
        st.dataframe(table, key="bp_board_actions", hide_index=True, width="stretch", column_config={
            "title": st.column_config.TextColumn(tr("board.col_action"), width="large"),
            "step": st.column_config.TextColumn(tr("board.col_step")),
            "owner": st.column_config.TextColumn(tr("board.col_owner")),
            "due": st.column_config.TextColumn(tr("board.col_due")),
            "status": st.column_config.TextColumn(tr("board.col_status")),
        })
    else:
        st.info(tr("board.no_actions"), icon=":material/task_alt:")
    if facilitator and snap.info.state != "closed":
        new_col, change_col = st.columns(2, gap="medium")
        with new_col:
            _new_action(opened, snap, steps, locale)
        with change_col:
            _change_action(opened, snap, locale)


def _top_items(snap: BoardView, steps: dict[str, str]) -> list[tuple[str, str | None]]:
    """The items people voted for, the latest round first and best first: ``(item, its step)``."""
    notes = {str(note.id): note for note in snap.notes}
    found: list[tuple[str, str | None]] = []
    for voted in reversed(snap.rounds):
        for item, _dots, _voters in voted.ranking:
            step = item if voted.topic == "step" else (notes[item].target if item in notes else None)
            if (item, step) not in found and (item in notes or item in steps):
                found.append((item, step if step in steps else None))
    return found


def _new_action(opened: Opened, snap: BoardView, steps: dict[str, str], locale: str) -> None:
    tr = translator(locale)
    name = _item_names(snap, steps, locale)
    top = _top_items(snap, steps)
    with st.form("bp_board_action_form", border=True, clear_on_submit=False):
        st.markdown(f"**{tr('board.new_action')}**")
        picked = st.selectbox(tr("board.action_from"), [None, *range(len(top))], key="bp_board_action_from",
                              format_func=lambda index: tr("board.action_from_none") if index is None
                              else name(top[index][0]))
        title = st.text_input(tr("board.action_title"), key="bp_board_action_title", max_chars=MAX_NOTE_CHARS,
                              help=tr("board.action_title_help"))
        step = st.selectbox(tr("board.col_step"), [None, *steps], key="bp_board_action_step",
                            format_func=lambda key: tr("board.action_step_auto") if key is None else steps[key] or key)
        owner_col, due_col, status_col = st.columns(3)
        owner_name = owner_col.text_input(tr("board.col_owner"), key="bp_board_action_owner", max_chars=200)
        due = due_col.date_input(tr("board.col_due"), value=None, key="bp_board_action_due")
        status = status_col.selectbox(tr("board.col_status"), list(ACTION_STATUSES), key="bp_board_action_status",
                                      format_func=lambda key: t(f"board.status_{key}", locale))
        added = st.form_submit_button(tr("board.action_add"), type="primary")
    if added:
        item, item_step = top[picked] if picked is not None else (None, None)
        wording = title.strip() or (name(item) if item is not None else "")
        try:
            board.store().add_action(opened.token, wording, step=step or item_step, item=item, owner=owner_name,
                                     due=due.isoformat() if isinstance(due, date) else None, status=status)
        except (BoardError, NotAllowed) as error:
            st.error(md_escape(error.text(locale)), icon=":material/block:")
            return
        st.rerun()


def _change_action(opened: Opened, snap: BoardView, locale: str) -> None:
    tr = translator(locale)
    if not snap.actions:
        return
    by_id = {action["id"]: action for action in snap.actions}
    chosen = st.selectbox(tr("board.change_action"), list(by_id), key="bp_board_change_pick",
                          format_func=lambda key: by_id[key]["title"][:80])
    action = by_id[chosen]
    with st.form(f"bp_board_change_{action['id']}_{action['status']}_{action['owner']}_{action['due']}", border=True):
        owner_col, due_col, status_col = st.columns(3)
        owner_name = owner_col.text_input(tr("board.col_owner"), value=action["owner"], max_chars=200)
        due = due_col.date_input(tr("board.col_due"), value=date.fromisoformat(action["due"]) if action["due"]
                                 else None)
        status = status_col.selectbox(tr("board.col_status"), list(ACTION_STATUSES),
                                      index=ACTION_STATUSES.index(action["status"]),
                                      format_func=lambda key: t(f"board.status_{key}", locale))
        saved = st.form_submit_button(tr("board.action_save"))
    if saved:
        try:
            board.store().update_action(opened.token, action["id"], owner=owner_name, status=status,
                                        due=due.isoformat() if isinstance(due, date) else None)
        except (BoardError, NotAllowed) as error:
            st.error(md_escape(error.text(locale)), icon=":material/block:")
            return
        st.rerun()


# --- facilitation ----------------------------------------------------------------------------

def _facilitate_tab(opened: Opened, snap: BoardView, locale: str) -> None:
    tr = translator(locale)
    timer_col, state_col, people_col = st.columns(3, gap="medium")
    closed = snap.info.state == "closed"
    with timer_col, st.container(border=True):
        st.markdown(f"**{tr('board.timer')}**")
        st.number_input(tr("board.minutes"), min_value=1, max_value=240, value=5, step=1, key="bp_board_minutes")
        start_col, stop_col = st.columns(2)
        start_col.button(tr("board.timer_start"), key="bp_board_timer_start", type="primary", width="stretch",
                         disabled=closed, on_click=lambda: _act("timer", locale, lambda: board.store().set_timer(
                             opened.token, int(st.session_state.get("bp_board_minutes", 5)) * 60)))
        stop_col.button(tr("board.timer_stop"), key="bp_board_timer_stop", width="stretch",
                        disabled=closed or snap.info.timer_end is None,
                        on_click=lambda: _act("timer", locale, lambda: board.store().set_timer(opened.token, None)))
        _said_here("timer")
    with state_col, st.container(border=True):
        st.markdown(f"**{tr('board.state')}**")
        locked = snap.info.state == "locked"
        st.button(tr("board.unlock") if locked else tr("board.lock"), key="bp_board_lock", width="stretch",
                  disabled=closed, help=tr("board.lock_help"),
                  on_click=lambda: _act("state", locale, lambda: board.store().set_state(
                      opened.token, "open" if locked else "locked")))
        sure = st.checkbox(tr("board.close_sure"), key="bp_board_close_sure", disabled=closed)
        st.button(tr("board.close"), key="bp_board_close", width="stretch", disabled=closed or not sure,
                  help=tr("board.close_help"),
                  on_click=lambda: _act("state", locale, lambda: board.store().set_state(opened.token, "closed")))
        st.button(tr("board.rotate"), key="bp_board_rotate", width="stretch", disabled=closed,
                  help=tr("board.rotate_help"), on_click=_rotate, args=(opened, locale))
        _said_here("state")
        _said_here("rotate_links")
    with people_col, st.container(border=True):
        st.markdown(f"**{tr('board.people', n=len(snap.participants))}**")
        st.markdown("  \n".join(md_escape(name) for _id, name in snap.participants) or
                    f":gray[{tr('board.nobody')}]")
    _downloads(snap, locale)


def _downloads(snap: BoardView, locale: str) -> None:
    """The workshop's outcome: ranking, notes by step, actions, participants, revisions."""
    tr = translator(locale)
    stem = "board-" + snap.info.id[:8]
    st.markdown(f"**{tr('board.outcome')}**")
    text = snap.text
    writers = (
        ("json", to_json, "application/json"), ("csv", to_csv, "text/csv"),
        ("md", lambda outcome: to_markdown(outcome, locale), "text/markdown"),
        ("xlsx", lambda outcome: to_xlsx(outcome, locale),
         "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        ("svg", lambda outcome: to_picture(text, outcome, "svg", locale), "image/svg+xml"),
        ("pdf", lambda outcome: to_picture(text, outcome, "pdf", locale), "application/pdf"),
    )
    columns = st.columns(len(writers))
    for column, (kind, writer, mime) in zip(columns, writers):
        # Written when asked for: the page reruns whenever the board changes, the files need not.
        column.download_button(tr(f"board.download_{kind}"), data=_outcome_file(snap.info.id, writer),
                               file_name=f"{stem}.{kind}", mime=mime, key=f"bp_board_download_{kind}",
                               width="stretch")


def _outcome_file(board_id: str, writer: Callable[[dict], str | bytes]) -> Callable[[], bytes]:
    def written() -> bytes:
        data = writer(board.store().board_outcome(board_id))
        return data.encode("utf-8") if isinstance(data, str) else data
    return written
