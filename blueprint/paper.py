"""Paper sizes and how a picture is put on them: plain data the CLI offers without loading the layout."""

from __future__ import annotations

__all__ = ["FITS", "ORIENTATIONS", "PAGE_SIZES"]

#: Page sizes in points (1/72 inch), portrait: width, height.
PAGE_SIZES: dict[str, tuple[float, float]] = {"a3": (842, 1191), "a4": (595, 842), "letter": (612, 792)}
#: ``auto`` takes the orientation that needs fewer pages.
ORIENTATIONS = ("auto", "landscape", "portrait")
#: ``page``: the whole sheet fits the page; ``width``: its width does, and it runs on to more pages.
FITS = ("page", "width")
