"""Uploads that are not blueprints, shared by the package, AppTest and browser tests."""

from __future__ import annotations

import struct
import zlib

from tests.test_safeyaml import BILLION_LAUGHS


def _png(width: int = 16, height: int = 16) -> bytes:
    """A real PNG picture (grey, ``width`` x ``height``): what people upload by mistake."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\x00" + b"\x80" * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


#: name -> (file name, bytes, what the page must say: the rule's words in the message)
BAD_UPLOADS: dict[str, tuple[str, bytes, str]] = {
    "not-yaml": ("notes.yaml", b"title: [unclosed\nsteps: {\n", "line 2"),
    "binary": ("photo.yaml", bytes(range(256)) * 8, "binary"),
    "png": ("photo.png", _png(), "PNG picture"),
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
