"""Unguessable tokens: made with :mod:`secrets`, stored only as hashes, compared in constant time.

>>> token = new_token()
>>> len(token) >= 32, matches(token, digest(token)), matches("guess", digest(token))
(True, True, False)
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets

__all__ = ["digest", "looks_like_token", "matches", "new_id", "new_token"]

#: What :func:`new_token` and :func:`new_id` make; anything else from a URL or cookie is refused.
_TOKEN = re.compile(r"[A-Za-z0-9_-]{8,86}")


def new_token() -> str:
    """A secret of 192 bits (32 URL-safe characters): an owner's or a board link's token."""
    return secrets.token_urlsafe(24)


def new_id() -> str:
    """A public id of 128 bits (22 characters): a document's or a board's, which links carry and
    people paste on the command line, so never starting with ``-`` (argparse would take it for
    an option: ``blueprint board export -x...``)."""
    while True:
        made = secrets.token_urlsafe(16)
        if not made.startswith("-"):
            return made


def digest(token: str) -> str:
    """The SHA-256 hex digest stored in place of ``token``."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def matches(token: object, stored_digest: str | None) -> bool:
    """Whether ``token`` hashes to ``stored_digest`` (constant-time; False for a missing one)."""
    if not isinstance(token, str) or not stored_digest:
        return False
    return hmac.compare_digest(digest(token), stored_digest)


def looks_like_token(value: object) -> bool:
    """Whether ``value`` could be an id or token made here (no path tricks, no junk from a URL).

    >>> looks_like_token("a1B2c3D4e5"), looks_like_token("../../etc/passwd"), looks_like_token(None)
    (True, False, False)
    """
    return isinstance(value, str) and _TOKEN.fullmatch(value) is not None
