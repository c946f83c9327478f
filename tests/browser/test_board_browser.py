"""A workshop in real browsers: a facilitator and two participants, on two app servers sharing one PostgreSQL.

The facilitator and the first participant use one ``streamlit run`` server, the second participant
another one on its own port; both servers read and write one PostgreSQL database (from
:mod:`tests.postgres`), so everything the second participant sees from the others went through
the database, not through a server's memory. One board, three browser contexts, shared by the
module's tests in order (each test still asserts what it needs itself).
"""

from __future__ import annotations

import os
import re
import shlex
import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

import pytest

from blueprint import loads
from blueprint.store import open_database
from blueprint.store.boards import BoardStore
from blueprint.ui.i18n import t
from tests.browser.conftest import _free_port, new_tab, no_exception_box, screenshot, serving, wait_for_app
from tests.conftest import ROOT
from tests.postgres import new_database

#: Others' changes must show within this (the page checks every second).
SEEN_WITHIN_MS = 3_000


def replica_command(database_url: str, port: int) -> tuple[dict[str, str], list[str]]:
    """The README's command for one replica (its ``shell`` block), on this database and port.

    The servers here are started with the very command the README gives for a deployment, so
    that command is tested; only the database, the port and the loopback address are the test's.
    """
    blocks = re.findall(r"```shell\n(.*?)```", (ROOT / "README.md").read_text(encoding="utf-8"), re.S)
    [line] = [line for block in blocks for line in block.splitlines() if "streamlit run app.py" in line]
    words = shlex.split(line)
    assignments = [word for word in words if re.match(r"^[A-Z_]+=", word)]
    env = dict(word.split("=", 1) for word in assignments)
    assert set(env) == {"BLUEPRINT_DATABASE_URL"}, env
    argv = words[len(assignments):]
    assert argv[:3] == ["streamlit", "run", "app.py"] and "--server.port" in argv, argv
    argv[argv.index("--server.port") + 1] = str(port)
    return {"BLUEPRINT_DATABASE_URL": database_url}, [
        sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), *argv[3:], "--server.address=127.0.0.1",
        "--browser.gatherUsageStats=false", "--server.fileWatcherType=none"]


@contextmanager
def app_server(database_url: str, tmp_path):
    """One replica as the README starts it, on a free loopback port; yields its base URL."""
    port = _free_port()
    replica_env, command = replica_command(database_url, port)
    env = {**os.environ, **replica_env, "BLUEPRINT_DATA_DIR": str(tmp_path / f"data{port}"),
           "BLUEPRINT_DRAFTS_DIR": str(tmp_path / f"data{port}" / "drafts")}
    log = (tmp_path / f"streamlit-{port}.log").open("w")
    with serving(command, env, port, log) as base:
        yield base


@dataclass
class Workshop:
    database: str
    one: str
    two: str
    facilitator: object
    ann: object
    bob: object
    facilitator_url: str
    participant_url: str

    @property
    def boards(self) -> BoardStore:
        return BoardStore(open_database(self.database))

    @property
    def token(self) -> str:
        return parse_qs(urlsplit(self.facilitator_url).query)["token"][0]


def join(page, url: str, name: str) -> None:
    page.goto(url)
    wait_for_app(page)
    page.locator(".st-key-participant_name input").fill(name)
    click(page, "participant_join")
    page.locator(".st-key-note_add").wait_for(timeout=30_000)
    wait_for_app(page)


@pytest.fixture(scope="module")
def workshop(postgres_server, browser, tmp_path_factory):
    """The facilitator starts a board from the app on server one; Ann joins there, Bob on server two."""
    database = new_database(postgres_server)
    tmp = tmp_path_factory.mktemp("workshop")
    with app_server(database, tmp) as one, app_server(database, tmp) as two:
        facilitator, ann, bob = new_tab(browser), new_tab(browser), new_tab(browser)
        try:
            facilitator.goto(one + "/board")
            wait_for_app(facilitator)
            click(facilitator, "bp_board_create")
            facilitator.locator('[data-testid="stCode"]').nth(1).wait_for(timeout=30_000)
            wait_for_app(facilitator)
            codes = facilitator.locator('[data-testid="stCode"] code')
            facilitator_url, participant_url = codes.nth(0).inner_text().strip(), codes.nth(1).inner_text().strip()
            join(ann, participant_url, "Ann")
            join(bob, participant_url.replace(one, two), "Bob")
            yield Workshop(database, one, two, facilitator, ann, bob, facilitator_url, participant_url)
        finally:
            for page in (facilitator, ann, bob):
                page.context.close()


def within() -> int:
    """The time others' changes have to show, in ms: :data:`SEEN_WITHIN_MS`, the target, on a machine
    where each process can have half a core; on one busier than that (a shared machine running
    other suites: its load average above twice its cores), longer in proportion. The delay under
    test is the app's, not its neighbours'."""
    return int(SEEN_WITHIN_MS * max(1.0, os.getloadavg()[0] / (2 * (os.cpu_count() or 1))))


def seen(page, text: str, timeout: int | None = None) -> None:
    page.get_by_text(text, exact=False).filter(visible=True).first.wait_for(timeout=timeout or within())


def click(page, key: str) -> None:
    """Click the button of widget ``key`` (a button with a tooltip is drawn twice, one hidden)."""
    page.locator(f".st-key-{key} button").filter(visible=True).click()


def stored(condition, timeout: float = 15) -> None:
    """Until the database holds what a click asked for: the clock for the others starts then."""
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "the change never reached the database"
        time.sleep(0.05)


def add_note(workshop: Workshop, page, text: str) -> None:
    page.locator(".st-key-note_text textarea").fill(text)
    click(page, "note_add")
    stored(lambda: text in [note.text for note in workshop.boards.notes(workshop.token)])


def test_the_links_are_the_apps_own_and_each_opens_its_role(workshop):
    assert workshop.facilitator_url.startswith(workshop.one + "/board?board=")
    assert workshop.participant_url.startswith(workshop.one + "/board?board=")
    boards = workshop.boards
    assert boards.resolve(workshop.token).role == "facilitator"
    assert [name for _id, name in boards.participants(workshop.token)] == ["Ann", "Bob"]
    for page in (workshop.ann, workshop.bob):
        assert page.get_by_role("tab").count() == 3  # board, vote, actions: no facilitation tab
    assert workshop.facilitator.get_by_role("tab").count() == 4


def test_a_note_added_by_one_appears_for_the_others_within_3_s_and_half_typed_text_stays(workshop):
    # Bob is half-way through a note (typed, not sent) when Ann's note comes in.
    bob_typing = workshop.bob.locator(".st-key-note_text textarea")
    bob_typing.click()
    bob_typing.press_sequentially("门口没有指示")
    add_note(workshop, workshop.ann, "门太重，推不开")
    seen(workshop.facilitator, "门太重，推不开")
    seen(workshop.bob, "门太重，推不开")  # through the other server: the database carried it
    assert bob_typing.input_value() == "门口没有指示"
    # ... and Bob's note, through server two, reaches the facilitator and Ann on server one.
    click(workshop.bob, "note_add")
    stored(lambda: len(workshop.boards.notes(workshop.token)) == 2)
    seen(workshop.facilitator, "门口没有指示")
    seen(workshop.ann, "门口没有指示")
    notes = workshop.boards.notes(workshop.token)
    assert [(note.text, note.author) for note in notes] == [("门太重，推不开", "Ann"), ("门口没有指示", "Bob")]
    # The drawing carries the count per kind on the step's card, for everyone.
    for page in (workshop.facilitator, workshop.ann, workshop.bob):
        page.locator("g.note-badge.note-pain").first.wait_for(state="attached", timeout=within())


def test_a_vote_round_reaches_the_participants_and_its_result_returns(workshop):
    facilitator, ann, bob = workshop.facilitator, workshop.ann, workshop.bob
    for page in (facilitator, ann, bob):
        page.get_by_role("tab", name=t("board.tab_vote", "zh")).click()
    form = facilitator.locator('[data-testid="stForm"]').first
    form.get_by_role("button", name=t("board.round_open_button", "zh")).click()
    boards = workshop.boards
    pains = {note.text: note.id for note in boards.notes(workshop.token) if note.kind == "pain"}
    assert len(pains) == 2
    stored(lambda: any(found.closed is None for found in boards.rounds(workshop.token)))
    current = boards.rounds(workshop.token)[-1]
    ballot = t("board.dots_left", "zh", n=3, total=3).replace("**", "")
    for page in (ann, bob):
        seen(page, ballot)
        wait_for_app(page)
    def spent() -> int:
        return sum(dots for _item, dots, _voters in boards.rounds(workshop.token)[-1].ranking)

    for count, (page, note) in enumerate(((ann, "门太重，推不开"), (bob, "门太重，推不开"), (bob, "门口没有指示")), 1):
        click(page, f"bp_vote_add_{current.id}_{pains[note]}")
        stored(lambda: spent() == count)
        wait_for_app(page)
    click(facilitator, "bp_board_round_close")
    stored(lambda: boards.rounds(workshop.token)[-1].closed is not None)
    for page in (ann, bob):
        # The ranking comes back: the round's result table, first place the door.
        page.locator(f".st-key-bp_board_ranking_{current.id}_box").wait_for(timeout=within())
    for page in (ann, bob):  # and the heat on the drawing, once the round is closed
        page.locator("g.vote-heat").first.wait_for(state="attached", timeout=within())
    ranking = boards.rounds(workshop.token)[-1].ranking
    assert ranking[0] == (str(pains["门太重，推不开"]), 2, 2) and ranking[1] == (str(pains["门口没有指示"]), 1, 1)


def test_the_timer_and_the_walkthrough_step_show_for_everyone(workshop):
    facilitator, ann, bob = workshop.facilitator, workshop.ann, workshop.bob
    for page in (facilitator, ann, bob):
        page.get_by_role("tab", name=t("board.tab_board", "zh")).click()
    facilitator.get_by_role("tab", name=t("board.tab_facilitate", "zh")).click()
    click(facilitator, "bp_board_timer_start")
    stored(lambda: workshop.boards.board(workshop.token).timer_end is not None)
    for page in (ann, bob):
        page.get_by_text(re.compile(r"0[45]:[0-5]\d")).filter(visible=True).first.wait_for(timeout=within())
    facilitator.get_by_role("tab", name=t("board.tab_board", "zh")).click()
    click(facilitator, "bp_board_forward")
    stored(lambda: workshop.boards.board(workshop.token).presenter_step is not None)
    presented = workshop.boards.board(workshop.token).presenter_step
    bp = loads(workshop.boards.text(workshop.token))
    assert presented == next(step.id for step in bp.steps if step.lane == "customer")  # the customer's first
    for page in (ann, bob):
        seen(page, t("board.presenting", "zh", step=bp.step_by_id[presented].label))
        # The step panel of the presented step shows, with its notes.
        page.locator(".st-key-bp_board_step_panel").get_by_text("门太重，推不开").wait_for(timeout=within())
    screenshot(facilitator, "board-facilitator")
    screenshot(ann, "board-participant")
    for page in (facilitator, ann, bob):
        no_exception_box(page)


def test_a_participant_cannot_reach_facilitator_actions_by_crafting_the_url(workshop, browser):
    participant_link = workshop.participant_url
    crafted = [participant_link + "&role=facilitator&facilitator=1",
               participant_link.replace("token=", "facilitator_token=") + "&token=" +
               parse_qs(urlsplit(participant_link).query)["token"][0]]
    page = new_tab(browser)
    try:
        for url in crafted:
            page.goto(url)
            wait_for_app(page)
            page.locator(".st-key-participant_join").wait_for(timeout=30_000)
            content = page.content()
            assert workshop.token not in content
            for key in ("bp_board_timer_start", "bp_board_forward", "bp_board_close", "bp_board_rotate"):
                assert page.locator(f".st-key-{key}").count() == 0
        # A reload keeps a participant joined (their own token is in a cookie, never in the URL).
        workshop.ann.reload()
        workshop.ann.locator(".st-key-note_add").wait_for(timeout=30_000)
        seen(workshop.ann, t("board.role_participant", "zh", name="Ann"), timeout=30_000)
        assert "token=" + parse_qs(urlsplit(workshop.participant_url).query)["token"][0] in workshop.ann.url
        # A joined participant's page holds no facilitator control nor link either.
        assert workshop.token not in workshop.ann.content()
        assert workshop.ann.locator(".st-key-bp_board_timer_start, .st-key-bp_board_forward").count() == 0
        # A wrong token: a clear message in the browser's language.
        page.goto(workshop.one + "/board?board=x&token=" + "A" * 32)
        wait_for_app(page)
        seen(page, t("board.bad_link", "zh")[:12], timeout=30_000)
        no_exception_box(page)
    finally:
        page.context.close()
