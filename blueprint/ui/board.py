"""The workshop board a session has open: the store, the token it acts with, its links, what it shows.

A board is opened by a link ``/board?board=ID&token=TOKEN``; the role comes from the token alone
(:meth:`~blueprint.store.boards.BoardStore.resolve`), never from another URL parameter. A
participant who joins gets a token of their own: it is kept in the session and in a cookie for
that board (``bp_board_<ID>``), so a reload finds them joined, and it never goes into the URL
(a link copied from the address bar must not make someone else that participant).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

import streamlit as st

from ..store import database_url, open_database
from ..store.boards import (
    DEFAULT_BASE_URL, Access, BoardStore, BoardView, NotAllowed, board_link,
)
from ..store.tokens import looks_like_token
from . import owner
from .view import view

__all__ = [
    "BOARD_PATH", "Opened", "base_url", "forget", "link", "link_token", "open_board", "own_token", "remember_link",
    "remember_own", "snapshot", "store", "token_in_link", "write_cookie",
]

#: The URL path of the board page (the links open it).
BOARD_PATH = "board"
_stores: dict[str, BoardStore] = {}
_stores_lock = threading.Lock()
_COOKIE_PREFIX = "bp_board_"



def store() -> BoardStore:
    """The boards of ``$BLUEPRINT_DATABASE_URL`` or the data directory's SQLite file, one per process."""
    database = open_database(database_url())
    with _stores_lock:
        found = _stores.get(database.url)
        if found is None or found.database is not database:
            found = _stores[database.url] = BoardStore(database)
        return found


def base_url() -> str:
    """The app's address as the browser sees it (behind a proxy, with its path prefix), for links."""
    try:
        url = st.context.url
    except Exception:  # noqa: BLE001 - no browser behind this run (a test's script run)
        url = None
    if not url:
        return DEFAULT_BASE_URL
    parts = urlsplit(url)
    path = parts.path.rstrip("/")
    head, _, last = path.rpartition("/")
    if last == BOARD_PATH:  # the board page's own address: its links go to the same page
        path = head
    return f"{parts.scheme}://{parts.netloc}{path}"


def link(board: str, token: str) -> str:
    """A board's link with ``token``, on this app's address."""
    return board_link(base_url(), board, token)


def token_in_link(text: str) -> str | None:
    """The token a pasted board link carries (or the text itself when it is a bare token)."""
    text = (text or "").strip()
    if looks_like_token(text):
        return text
    found = parse_qs(urlsplit(text).query).get("token")
    return found[0] if found and looks_like_token(found[0]) else None


def remember_link(board: str, token: str) -> None:
    """The link this session opened: the Workshop page returns to it, and it goes in the URL."""
    view().board_link = (board, token)
    if st.query_params.get("board") != board or st.query_params.get("token") != token:
        st.query_params["board"] = board
        st.query_params["token"] = token


def link_token() -> tuple[str | None, str | None]:
    """``(board, token)`` of the URL, else of the link this session opened last."""
    board, token = st.query_params.get("board"), st.query_params.get("token")
    if token:
        return board, token
    held = view().board_link
    return held if held is not None else (None, None)


def forget() -> None:
    """Leave the board: the Workshop page offers to start one again."""
    view().board_link = None
    for key in ("board", "token"):
        st.query_params.pop(key, None)


def own_token(board: str) -> str | None:
    """This browser's participant token on ``board``: from the session, else its cookie."""
    held = view().board_own.get(board)
    if looks_like_token(held):
        return held
    try:
        sent = st.context.cookies.get(_COOKIE_PREFIX + board)
    except Exception:  # noqa: BLE001 - no request behind this session
        sent = None
    return sent if looks_like_token(sent) else None


def remember_own(board: str, token: str) -> None:
    """Keep a participant's own token for the session (:func:`write_cookie` keeps it for the next visit)."""
    view().board_own[board] = token


def write_cookie(board: str) -> None:
    """Draw the cookie writer for the board's participant token (nothing when there is none)."""
    held = view().board_own.get(board)
    try:
        sent = st.context.cookies.get(_COOKIE_PREFIX + board)
    except Exception:  # noqa: BLE001 - no request behind this session
        sent = None
    if sent == held:
        return  # the browser has it already
    if looks_like_token(held) and looks_like_token(board):
        owner.set_cookie(_COOKIE_PREFIX + board, held, key="bp_board_cookie")


@dataclass(frozen=True, slots=True)
class Opened:
    """What the session may do on a board: the token it acts with and what that token is."""

    token: str
    access: Access
    #: The link token it came in with (the participant link before joining, the facilitator link).
    link: str


def open_board(board: str | None, token: str | None) -> Opened | None:
    """The board the URL's link opens, with the token this session acts with.

    A participant link acts with the participant's own token once they joined (None while they
    have not: :class:`Opened` with the bare link). Raises :class:`NotAllowed` for a link that
    opens nothing, or a ``board`` parameter naming another board than the token's.
    """
    boards = store()
    try:
        access = boards.resolve(token)
    except NotAllowed:
        # A rotated participant link: whoever joined through it still holds their own token.
        own = own_token(board) if looks_like_token(board) else None
        if own is None:
            raise
        access = boards.resolve(own)
        if access.board != board:
            raise
        return Opened(own, access, token or "")
    if board and board != access.board:
        raise NotAllowed("bad-link")
    if access.role == "participant" and access.participant is None:
        own = own_token(access.board)
        if own is not None:
            try:
                mine = boards.resolve(own)
            except NotAllowed:
                mine = None
            if mine is not None and mine.board == access.board and mine.participant is not None:
                return Opened(own, mine, token)
    return Opened(token, access, token)


def snapshot(opened: Opened) -> BoardView:
    """The board as ``opened`` sees it now (one read, the event id first)."""
    return store().view(opened.token)
