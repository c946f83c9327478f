"""x positions of a picture: the header column, each grid column, and the gaps between them,
widened for the routes' tracks, for labels and for evidence notes."""

from __future__ import annotations

from dataclasses import dataclass, field

from .geometry import Style
from .grid import Grid

__all__ = ["BOLD", "Columns", "NOTE_CLEAR", "Tracks", "Wider", "place_columns"]

# Bold text (titles, headers, row and line names) is this much wider than the regular text measured.
BOLD = 1.1
#: Evidence notes of neighbouring columns keep this far apart.
NOTE_CLEAR = 12.0

#: Tracks each gap needs: ``("g", k)`` between columns, ``("ch", r)`` between lanes.
Tracks = dict[tuple[str, int], int]
# Room added for labels: width by gap between columns, height by gap between lanes (("ch", r)).
Wider = dict[int | tuple[str, int], float]


@dataclass
class Columns:
    """x positions: the header column, each grid column, the gaps (widened for their tracks)."""

    count: int
    x: list[float]
    gaps: list[float]
    header_x: float
    header_w: float
    right: float
    card_width: float
    #: How far each column's evidence notes reach past its cards on either side.
    reach: list[float] = field(default_factory=list)

    def gap_center(self, k: int) -> float:
        left = self.x[k - 1] + self.card_width if k > 0 else self.header_x + self.header_w
        return left + self.gaps[k] / 2


def place_columns(grid: Grid, style: Style, tracks: Tracks, wider: Wider,
             reach: dict[int, float]) -> Columns:
    """x positions; ``wider`` adds width to some gaps (room for a label beside its edge), and the
    gaps beside a column make room for notes that ``reach`` past it."""
    columns = max(grid.columns, 1)
    band_of_column = [0] * columns
    for band, first, last in grid.band_columns:
        for c in range(first, last + 1):
            band_of_column[c] = band
    header_x = style.margin
    header_w = style.zone_width + style.lane_label_width
    gap_w = []
    for k in range(columns + 1):
        base = style.column_gap
        if 0 < k < columns and band_of_column[k] != band_of_column[k - 1]:
            base += style.phase_gap
        if k == 0 or k == columns:
            base = style.column_gap / 2 + style.phase_pad
        need = (tracks.get(("g", k), 0) + 1) * style.track + 2 * style.stub
        # Notes reaching into the gap keep clear of the next column's notes (and phase frames of
        # each other); no route runs up there, so the gap's own width serves them first.
        notes = reach.get(k - 1, 0.0) + reach.get(k, 0.0)
        if k == 0 or k == columns:
            room = notes + style.phase_pad + NOTE_CLEAR
        elif band_of_column[k] != band_of_column[k - 1]:
            room = notes + 2 * style.phase_pad + 2 * NOTE_CLEAR
        else:
            room = notes + NOTE_CLEAR
        gap_w.append(max(base, room, need if tracks.get(("g", k)) else base) + wider.get(k, 0.0))
    col_x = []
    x = header_x + header_w + gap_w[0]
    for c in range(columns):
        col_x.append(x)
        x += style.card_width + gap_w[c + 1]
    return Columns(columns, col_x, gap_w, header_x, header_w, x, style.card_width,
                    [reach.get(c, 0.0) for c in range(columns)])
