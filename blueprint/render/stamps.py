"""What a picture file says about itself: a PNG its resolution, a PDF when it was made.

Graphviz (through cairo) writes neither a PNG's ``pHYs`` chunk, so viewers and word processors take
144-dpi pictures at 72 dpi and print them twice as large, nor a PDF date that builds can reproduce.
"""

from __future__ import annotations

import os
import re
import struct
import time
import zlib

__all__ = ["png_with_dpi", "pdf_dated"]

_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_PDF_DATE = re.compile(rb"/(?:CreationDate|ModDate) \(D:(\d{14})([^)]*)\)")


def png_with_dpi(data: bytes, dpi: int) -> bytes:
    """The PNG with a ``pHYs`` chunk saying ``dpi`` (in pixels per metre, as PNG counts), after IHDR.

    >>> png = png_with_dpi(_PNG_SIGNATURE + _chunk(b"IHDR", bytes(13)) + _chunk(b"IEND", b""), 144)
    >>> png[37:41], struct.unpack(">IIB", png[41:50])
    (b'pHYs', (5669, 5669, 1))
    """
    if not data.startswith(_PNG_SIGNATURE) or data[12:16] != b"IHDR":
        raise ValueError("not a PNG that starts with its IHDR chunk")
    after_header = 8 + 12 + struct.unpack(">I", data[8:12])[0]
    existing = data.find(b"pHYs", after_header)
    if existing >= 0 and existing < data.find(b"IDAT"):  # already says it: keep Graphviz's word
        return data
    per_metre = round(dpi / 0.0254)
    return data[:after_header] + _chunk(b"pHYs", struct.pack(">IIB", per_metre, per_metre, 1)) + data[after_header:]


def _chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def pdf_dated(data: bytes, source_date_epoch: str | None = None) -> bytes:
    """The PDF with its creation and modification dates: the real ones Graphviz wrote, or the moment
    ``SOURCE_DATE_EPOCH`` (the argument, else the environment variable) names, for reproducible
    builds; written in UTC in the same number of bytes, so the file's offsets stay valid.

    >>> pdf_dated(b"<< /CreationDate (D:20261124042559+08'00) >>", "1767225600")
    b"<< /CreationDate (D:20260101000000+00'00) >>"
    """
    epoch = (source_date_epoch or os.environ.get("SOURCE_DATE_EPOCH", "")).strip()
    if not epoch.isdigit():
        return data
    stamp = time.strftime("%Y%m%d%H%M%S", time.gmtime(int(epoch))).encode()

    def redate(match: re.Match) -> bytes:
        zone = re.sub(rb"\d", b"0", match.group(2)).replace(b"-", b"+")  # +00'00 or Z: UTC
        return match.group(0).replace(match.group(1) + match.group(2), stamp + zone)

    return _PDF_DATE.sub(redate, data)
