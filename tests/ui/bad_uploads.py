"""Uploads that are not blueprints, shared by the package, AppTest and browser tests."""

from __future__ import annotations

from tests.test_safeyaml import BILLION_LAUGHS

#: name -> (file name, bytes, what the page must say: the rule's words in the message)
BAD_UPLOADS: dict[str, tuple[str, bytes, str]] = {
    "not-yaml": ("notes.yaml", b"title: [unclosed\nsteps: {\n", "line 2"),
    "binary": ("photo.yaml", bytes(range(256)) * 8, "binary"),
    "too-large": ("huge.yaml", b"# padding\n" * (2 * 1024 * 1024), "MB"),  # 20 MB
    "alias-bomb": ("lol.yaml", BILLION_LAUGHS.encode(), "alias"),
    "latin-1": ("latin.yaml", "title: café\n".encode("latin-1"), "UTF-8"),
}

#: A blueprint whose labels try to be HTML, Markdown, a formula and a script.
HOSTILE = """blueprint: 1
title: "<img src=x onerror=alert(1)> **bold** [link](javascript:alert(2))"
steps:
  - {id: a, lane: customer, label: "<script>alert(3)</script>", next: b, owner: "=HYPERLINK(\\"http://x\\")"}
  - {id: b, lane: frontstage, label: ":red[red] $x^2$ <b>bold</b>"}
"""
