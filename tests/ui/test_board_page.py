"""The Workshop page's logic in AppTest: start a board, the two links, join, notes, votes, facilitation, actions.

Each AppTest is one person's tab; what another person does is done through the store, as their
session would. The role comes from the token alone, whatever else the URL says.
"""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from streamlit.testing.v1 import AppTest

from blueprint.store import database_url, open_database
from blueprint.store.boards import BoardStore
from blueprint.ui.i18n import t
from blueprint.ui.text import md_escape
from tests.conftest import ROOT
from tests.ui.conftest import APP, switch_page, view

HALL = (ROOT / "examples" / "hall-walk.en.yaml").read_text(encoding="utf-8")


@pytest.fixture
def boards(drafts_dir):
    return BoardStore(open_database(database_url()))


def tab(query: dict[str, str], locale: str = "en") -> AppTest:
    """A person's tab on the Workshop page, opened with the URL's parameters."""
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.query_params["lang"] = locale
    for key, value in query.items():
        at.query_params[key] = value
    at.run()
    return switch_page(at, "board")


def shown(at: AppTest) -> str:
    """Every text the page shows (Markdown, code, captions, messages, labels)."""
    parts = [element.value for kind in ("markdown", "code", "caption", "error", "info", "warning", "success")
             for element in getattr(at, kind)]
    parts += [str(widget.label) for widget in (*at.button, *at.text_input, *at.text_area, *at.selectbox)]
    return "\n".join(str(part) for part in parts)


def said_at_note_form(at: AppTest) -> list[str]:
    return [element.value for element in at.error]


def test_a_facilitator_starts_a_board_from_an_example_and_gets_both_links(drafts_dir, boards):
    at = tab({})
    assert at.button(key="bp_board_create").label == t("board.create", "en")
    at.button(key="bp_board_create").click().run()
    assert not at.exception, at.exception
    board, token = at.query_params["board"], at.query_params["token"]
    assert boards.resolve(token).role == "facilitator" and boards.resolve(token).board == board
    codes = [element.value for element in at.code]
    assert len(codes) == 2
    facilitator_url, participant_url = codes
    assert facilitator_url.startswith("http://localhost:8501/board?") and participant_url.startswith(
        "http://localhost:8501/board?")
    found = {role: parse_qs(urlsplit(url).query) for role, url in (("f", facilitator_url), ("p", participant_url))}
    assert found["f"]["board"] == [board] and found["f"]["token"] == [token]
    assert boards.resolve(found["p"]["token"][0]).role == "participant"
    assert [tab.label for tab in at.tabs] == [t(f"board.tab_{name}", "en") for name in
                                              ("board", "vote", "actions", "facilitate")]


def test_a_participant_joins_pins_a_note_and_never_sees_the_facilitator_link(drafts_dir, boards):
    made = boards.create(HALL, title="Hall")
    # Crafted parameters beside the participant link change nothing: the token alone says the role.
    at = tab({"board": made.board, "token": made.participant_token, "role": "facilitator",
              "facilitator": "1"}, locale="zh")
    assert at.text_input(key="participant_name").label == t("board.your_name", "zh")
    at.text_input(key="participant_name").input("Ann").run()
    at.button(key="participant_join").click().run()
    assert not at.exception, at.exception
    assert [name for _id, name in boards.participants(made.facilitator_token)] == ["Ann"]
    assert [tab.label for tab in at.tabs] == [t(f"board.tab_{name}", "zh") for name in ("board", "vote", "actions")]
    assert made.facilitator_token not in shown(at) and not at.code
    for key in ("bp_board_timer_start", "bp_board_close", "bp_board_rotate", "bp_board_forward"):
        with pytest.raises(KeyError):
            at.button(key=key)
    assert [option for option in at.selectbox(key="note_kind").options] == ["痛点", "想法", "问题", "亮点"]
    step_labels = at.selectbox(key="note_step").options
    assert "Enters the hall" in step_labels  # labels shown, not ids
    at.selectbox(key="note_kind").select("idea")
    at.selectbox(key="note_step").set_value("greet")
    at.text_area(key="note_text").input("<b>A bell</b> at the door").run()
    at.button(key="note_add").click().run()
    assert not at.exception, at.exception
    notes = boards.notes(made.facilitator_token)
    assert [(note.target, note.kind, note.text, note.author) for note in notes] == [
        ("greet", "idea", "<b>A bell</b> at the door", "Ann")]
    assert at.text_area(key="note_text").value == ""  # ready for the next note
    listed = shown(at)
    assert md_escape("<b>A bell</b> at the door") in listed and "<b>" not in listed  # as text, never HTML


def test_a_refused_note_says_why_at_the_control_in_the_ui_language_and_keeps_the_text(drafts_dir, boards):
    made = boards.create(HALL)
    own = boards.join(made.participant_token, "Bo")[1]
    at = tab({"board": made.board, "token": made.participant_token}, locale="zh")
    view(at).board_own[made.board] = own
    at.run()
    at.text_area(key="note_text").input("铃声\x07响").run()
    at.button(key="note_add").click().run()
    assert said_at_note_form(at) == ["便签含有控制字符"]
    assert at.text_area(key="note_text").value == "铃声\x07响"  # nothing typed is lost
    assert boards.notes(own) == []


def test_an_unknown_token_or_another_boards_id_shows_a_clear_message(drafts_dir, boards):
    made, other = boards.create(HALL), boards.create(HALL)
    for query in ({"board": made.board, "token": "x" * 32}, {"board": other.board, "token": made.facilitator_token},
                  {"token": "<script>"}):
        at = tab(query, locale="zh")
        assert not at.exception, at.exception
        assert [element.value for element in at.error] == [t("board.bad_link", "zh")]
        assert made.facilitator_token not in shown(at)


def test_voting_round_timer_walkthrough_and_actions_reach_the_participant(drafts_dir, boards):
    made = boards.create(HALL)
    ann = boards.join(made.participant_token, "Ann")[1]
    pain = boards.add_note(ann, "enter", "pain", "The door is heavy")
    facilitator = tab({"board": made.board, "token": made.facilitator_token})
    assert facilitator.selectbox(key="note_kind")  # the facilitator pins notes too
    # The walkthrough: the next step of the customer's path, for everyone.
    facilitator.button(key="bp_board_forward").click().run()
    presented = boards.board(made.facilitator_token).presenter_step
    assert presented is not None
    facilitator.button(key="bp_board_timer_start").click().run()
    assert boards.board(ann).timer_end is not None
    # A round on pain points, opened from the form.
    [topic] = [box for box in facilitator.selectbox if box.label == t("board.topic", "en")]
    topic.select("pain")
    submit = [button for button in facilitator.button if button.label == t("board.round_open_button", "en")][0]
    submit.click().run()
    assert not facilitator.exception, facilitator.exception
    current = boards.rounds(ann)[-1]
    assert current.topic == "pain" and current.closed is None

    participant = tab({"board": made.board, "token": made.participant_token})
    view(participant).board_own[made.board] = ann
    participant.run()
    assert t("board.presenting", "en", step="Enters the hall").split(":")[0] in shown(participant)
    participant.button(key=f"bp_vote_add_{current.id}_{pain}").click().run()
    assert not participant.exception, participant.exception
    assert boards.my_votes(ann, current.id) == {str(pain): 1}
    assert participant.button(key=f"bp_vote_add_{current.id}_{pain}").disabled  # one dot per item

    facilitator.run()
    facilitator.button(key="bp_board_round_close").click().run()
    assert boards.rounds(ann)[-1].ranking == [(str(pain), 1, 1)]
    participant.run()
    ranking = participant.dataframe[0].value
    assert list(ranking["item"]) == ["The door is heavy (Enters the hall)"] and list(ranking["dots"]) == [1]

    # The top-voted item becomes an action, linked to its step.
    facilitator.run()
    facilitator.selectbox(key="bp_board_action_from").set_value(0)
    facilitator.text_input(key="bp_board_action_owner").input("Lin")
    add = [button for button in facilitator.button if button.label == t("board.action_add", "en")][0]
    add.click().run()
    assert not facilitator.exception, facilitator.exception
    assert [(a["title"], a["step"], a["owner"], a["status"]) for a in boards.actions(ann)] == [
        ("The door is heavy (Enters the hall)", "enter", "Lin", "open")]
    participant.run()
    assert "Lin" in list(participant.dataframe[-1].value["owner"])


def test_notes_are_changed_and_removed_by_their_author_and_the_facilitator_only(drafts_dir, boards):
    made = boards.create(HALL)
    ann = boards.join(made.participant_token, "Ann")[1]
    bob = boards.join(made.participant_token, "Bob")[1]
    mine = boards.add_note(ann, "enter", "pain", "The door is heavy")
    theirs = boards.add_note(bob, "greet", "idea", "A bell")
    at = tab({"board": made.board, "token": made.participant_token})
    view(at).board_own[made.board] = ann
    at.run()
    assert at.selectbox(key="bp_board_edit_pick").options == ["Enters the hall: The door is heavy"]  # not Bob's
    [text] = [area for area in at.text_area if area.key.startswith(f"bp_board_edit_{mine}_")]
    text.input("The door is heavy and slow").run()
    at.button(key="bp_board_edit_save").click().run()
    assert not at.exception, at.exception
    assert [(note.id, note.text) for note in boards.notes(ann)] == [(mine, "The door is heavy and slow"),
                                                                    (theirs, "A bell")]
    facilitator = tab({"board": made.board, "token": made.facilitator_token})
    assert len(facilitator.selectbox(key="bp_board_edit_pick").options) == 2  # the facilitator: every note
    facilitator.selectbox(key="bp_board_edit_pick").set_value(theirs).run()
    facilitator.button(key="bp_board_edit_remove").click().run()
    assert not facilitator.exception, facilitator.exception
    assert [note.id for note in boards.notes(ann)] == [mine]
    facilitator.run()  # the removed note's choice goes with it
    assert not facilitator.exception, facilitator.exception
    assert facilitator.selectbox(key="bp_board_edit_pick").options == ["Enters the hall: The door is heavy and slow"]


def test_lock_close_and_a_new_participant_link(drafts_dir, boards):
    made = boards.create(HALL)
    ann = boards.join(made.participant_token, "Ann")[1]
    facilitator = tab({"board": made.board, "token": made.facilitator_token})
    participant = tab({"board": made.board, "token": made.participant_token})
    view(participant).board_own[made.board] = ann
    participant.run()
    assert not participant.button(key="note_add").disabled

    facilitator.button(key="bp_board_lock").click().run()
    assert boards.board(ann).state == "locked"
    participant.run()
    assert participant.button(key="note_add").disabled and participant.text_area(key="note_text").disabled
    assert [element.value for element in participant.warning] == [t("board.locked", "en")]
    facilitator.run()
    facilitator.button(key="bp_board_lock").click().run()  # unlock
    assert boards.board(ann).state == "open"

    # A new participant link: the old one opens nothing, and Ann, who joined, stays.
    facilitator.button(key="bp_board_rotate").click().run()
    fresh = [element.value for element in facilitator.code][1]
    fresh_token = parse_qs(urlsplit(fresh).query)["token"][0]
    assert fresh_token != made.participant_token and boards.resolve(fresh_token).role == "participant"
    stranger = tab({"board": made.board, "token": made.participant_token})
    assert [element.value for element in stranger.error] == [t("board.bad_link", "en")]
    participant.run()
    assert not participant.button(key="note_add").disabled

    facilitator.checkbox(key="bp_board_close_sure").check().run()
    facilitator.button(key="bp_board_close").click().run()
    assert boards.board(ann).state == "closed"
    participant.run()
    assert participant.button(key="note_add").disabled
    assert [element.value for element in participant.info][0] == t("board.closed", "en")
    facilitator.run()
    assert facilitator.button(key="bp_board_timer_start").disabled and facilitator.button(key="bp_board_lock").disabled


def test_an_action_changes_owner_due_date_and_status(drafts_dir, boards):
    made = boards.create(HALL)
    action = boards.add_action(made.facilitator_token, "Lighter door", step="enter")
    facilitator = tab({"board": made.board, "token": made.facilitator_token}, locale="zh")
    facilitator.selectbox(key="bp_board_change_pick").set_value(action).run()
    [status] = [box for box in facilitator.selectbox if box.label == t("board.col_status", "zh")
                and box.key is None]
    status.set_value("in_progress")
    [owner_box] = [box for box in facilitator.text_input if box.label == t("board.col_owner", "zh") and box.key is None]
    owner_box.input("林经理")
    [save] = [button for button in facilitator.button if button.label == t("board.action_save", "zh")]
    save.click().run()
    assert not facilitator.exception, facilitator.exception
    [found] = boards.actions(made.facilitator_token)
    assert (found["status"], found["owner"]) == ("in_progress", "林经理")
    assert "进行中" in list(facilitator.dataframe[0].value["status"])


def test_the_drawing_shows_note_badges_and_the_heat_of_a_closed_round_to_everyone(drafts_dir, boards):
    from blueprint.ui.cached import marked_svg

    made = boards.create(HALL)
    ann = boards.join(made.participant_token, "Ann")[1]
    door = boards.add_note(ann, "enter", "pain", "The door is heavy")
    boards.add_note(ann, "enter", "pain", "No sign")
    boards.add_note(ann, "arrive", "question", "Where is the queue?")  # a phase
    current = boards.open_round(made.facilitator_token, "pain", 3)
    boards.vote(ann, current, str(door))
    seen, run = boards.view(ann), boards.view(made.facilitator_token)
    assert seen.note_counts() == (("arrive", "question", 1), ("enter", "pain", 2))
    assert run.heat(facilitator=True) == (("enter", 1),)  # the facilitator watches the dots come in
    assert seen.heat(facilitator=False) == ()  # participants see the result once the round is closed
    boards.close_round(made.facilitator_token, current)
    seen = boards.view(ann)
    assert seen.heat(facilitator=False) == (("enter", 1),)
    picture, why = marked_svg(seen.text, seen.note_counts(), seen.heat(False), "en")
    assert why is None
    assert picture.count('class="note-badge note-pain"') == 1 and 'class="note-badge note-question"' in picture
    assert 'class="vote-heat' in picture


def test_clicking_another_step_stops_following_the_presenter_and_pins_notes_there(drafts_dir, boards):
    from blueprint.ui.pages.board import PREVIEW

    made = boards.create(HALL)
    ann = boards.join(made.participant_token, "Ann")[1]
    boards.present(made.facilitator_token, "enter")
    at = tab({"board": made.board, "token": made.participant_token})
    view(at).board_own[made.board] = ann
    at.run()
    assert at.toggle(key="bp_board_follow").value and at.selectbox(key="note_step").value == "enter"
    at.session_state[PREVIEW] = {"clicked": "greet"}  # what the drawing sends for a click on a card
    at.run()
    assert not at.exception, at.exception
    assert not at.toggle(key="bp_board_follow").value and at.selectbox(key="note_step").value == "greet"
    assert not at.warning  # no "value set twice" warning from Streamlit


def test_the_facilitator_downloads_the_outcome_in_every_format(drafts_dir, boards):
    made = boards.create(HALL, title="Hall")
    ann = boards.join(made.participant_token, "Ann")[1]
    boards.add_note(ann, "enter", "pain", "The door is heavy")
    facilitator = tab({"board": made.board, "token": made.facilitator_token})
    assert not facilitator.exception, facilitator.exception
    from blueprint.store import outcome as outcomes

    outcome = boards.board_outcome(made.board)
    files = {kind: writer(outcome) for kind, writer in (
        ("json", lambda data: outcomes.to_json(data).encode("utf-8")), ("xlsx", lambda data: outcomes.to_xlsx(data, "en")),
        ("svg", lambda data: outcomes.to_picture(HALL, data, "svg", "en").encode("utf-8")),
        ("pdf", lambda data: outcomes.to_picture(HALL, data, "pdf", "en")))}
    assert b'"The door is heavy"' in files["json"] and files["xlsx"][:2] == b"PK"
    assert b'class="note-badge note-pain"' in files["svg"] and files["pdf"].startswith(b"%PDF")
    assert outcome["notes"][0]["author"] == "Ann"
    labels = [button.label for button in facilitator.get("download_button")]
    assert labels == [t(f"board.download_{kind}", "en") for kind in ("json", "csv", "md", "xlsx", "svg", "pdf")]
