"""Who owns a draft: the browser holding an unguessable owner token in a cookie.

The token (192 bits) is made on a browser's first visit and kept in the ``bp_owner`` cookie for a
year; the server stores only its hash with the drafts. Recent drafts are the drafts of this
token, so a second browser (or a private window) sees none of the first one's. A draft's link
(``?draft=<id>``, 128 bits) is the way to share it: whoever has the link can open it, but it
does not join their Recent list.

The cookie is read from the session's first request (``st.context.cookies``) and written by a
tiny component in the page; within a session the token lives in the view state
(:attr:`~.view.View.owner`), where a test can also put one to play the same browser twice.
"""

from __future__ import annotations

import streamlit as st

from ..store.tokens import digest, looks_like_token, new_token
from .view import View, view

__all__ = ["COOKIE", "author", "remember", "set_cookie", "token"]

COOKIE = "bp_owner"
_YEAR = 365 * 24 * 3600

_cookie_writer = st.components.v2.component(
    "service_blueprint_owner_cookie",
    js=("export default function ({data}) {\n"
        "  if (data && data.cookie && !document.cookie.split('; ').includes(data.pair)) document.cookie = data.cookie;\n"
        "}\n"),
    # No shadow root: it shows nothing, and the page's one isolated component stays the preview.
    isolate_styles=False,
)


def token(state: View | None = None) -> str:
    """This browser's owner token: from the session's view ``state`` (the current one by default),
    else the cookie, else a new one. Given a ``state``, it never reads ``st.session_state``."""
    state = state if state is not None else view()
    if looks_like_token(state.owner):
        return state.owner
    try:
        sent = st.context.cookies.get(COOKIE)
    except Exception:  # noqa: BLE001 - no request behind this session (a script run without a browser)
        sent = None
    found = sent if looks_like_token(sent) else new_token()
    state.owner = found
    state.owner_sent = found == sent
    return found


def author(state: View | None = None) -> str:
    """How this browser is named in a revision's history: a short, non-secret tag of its token
    (read as :func:`token` reads it)."""
    return "browser-" + digest(token(state))[:8]


def remember() -> None:
    """Put the token in the browser's cookie, unless the browser sent it with this session.

    Drawn on every run while needed (the same element each time, so Streamlit sends it once).
    """
    value = token()
    if view().owner_sent:
        return
    set_cookie(COOKIE, value, key="bp_owner_cookie")


def set_cookie(name: str, value: str, *, key: str) -> None:
    """Have the browser keep ``name=value`` for a year on every page of the app (the element
    ``key`` writes it; a cookie the browser has already is not written again)."""
    pair = f"{name}={value}"
    _cookie_writer(key=key, data={"pair": pair, "cookie": f"{pair}; Path=/; Max-Age={_YEAR}; SameSite=Lax"})
