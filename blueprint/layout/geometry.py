"""The plain data of a placed picture: boxes in points (y down), sizes, and what each thing shows."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Flow, FlowKind, Lane, Line, Phase, Step, Zone

__all__ = [
    "Badge",
    "Banner",
    "Box",
    "Card",
    "EmotionCurve",
    "EvidenceNote",
    "FlowLabel",
    "LaneBand",
    "Layout",
    "LegendItem",
    "LinePlacement",
    "PhaseBand",
    "Route",
    "SheetLink",
    "Style",
    "TimeRow",
    "Window",
    "ZoneBand",
]


@dataclass(frozen=True, slots=True)
class Box:
    """A rectangle: top-left corner ``x, y``, width ``w``, height ``h`` (points, y down)."""

    x: float
    y: float
    w: float
    h: float

    @property
    def right(self) -> float:
        return self.x + self.w

    @property
    def bottom(self) -> float:
        return self.y + self.h

    @property
    def cx(self) -> float:
        return self.x + self.w / 2

    @property
    def cy(self) -> float:
        return self.y + self.h / 2

    def contains(self, other: Box, slack: float = 0.01) -> bool:
        """True when ``other`` lies inside this box.

        >>> Box(0, 0, 10, 10).contains(Box(2, 2, 3, 3))
        True
        """
        return (other.x >= self.x - slack and other.y >= self.y - slack
                and other.right <= self.right + slack and other.bottom <= self.bottom + slack)

    def overlaps(self, other: Box) -> bool:
        """True when the two boxes share more than an edge.

        >>> Box(0, 0, 10, 10).overlaps(Box(10, 0, 5, 5))
        False
        """
        return (self.x < other.right and other.x < self.right
                and self.y < other.bottom and other.y < self.bottom)


@dataclass(frozen=True)
class Style:
    """Sizes in points. The defaults make an A3-friendly picture at 100 %."""

    card_width: float = 140
    card_pad_x: float = 7
    card_pad_y: float = 6
    card_min_height: float = 46
    label_size: float = 10
    small_size: float = 8
    badge_size: float = 7
    badge_height: float = 12
    note_size: float = 8
    header_size: float = 10
    title_size: float = 16
    flow_label_size: float = 7
    line_height: float = 1.25
    max_label_lines: int = 6
    column_gap: float = 34
    phase_gap: float = 14
    phase_pad: float = 7
    lane_pad: float = 9
    lane_gap: float = 12
    zone_gap: float = 30
    zone_width: float = 74
    lane_label_width: float = 104
    track: float = 6
    stub: float = 12
    corner: float = 4
    arrow: float = 7
    margin: float = 18

    def lh(self, size: float) -> float:
        """The height of one text line at font ``size``."""
        return round(size * self.line_height, 2)


@dataclass(slots=True)
class Badge:
    """A marker on a card's top edge: ``kind`` is ``fail-point``, ``wait-point`` or
    ``standard-exceeded``; ``detail`` is the whole story for a tooltip (the fail text, the
    standard broken); ``exceeded`` marks a wait over its standard."""

    kind: str
    text: str
    box: Box
    detail: str = ""
    exceeded: bool = False


@dataclass(slots=True)
class Card:
    """One step's card: where it is in the grid and on the page, and its wrapped text."""

    step: Step
    zone: Zone
    row: int
    column: int
    box: Box
    lines: list[str]
    #: Owner and duration: one line, or the owner and then the duration when they do not fit.
    meta: list[str]
    touchpoint: str
    emotion: int | None
    badges: list[Badge]
    #: The step or its wait breaks a time standard (the card is framed in the warning colour).
    exceeded: bool = False
    #: KPIs and notes, in small text under the rest (only when details are asked for).
    details: list[str] = field(default_factory=list)
    #: The step's number in journey order (:mod:`blueprint.analysis.numbering`), in a small tag
    #: on the card's top edge at the right.
    number: int = 0
    number_box: Box | None = None


@dataclass
class LaneBand:
    lane: Lane
    zone: Zone
    row: int
    box: Box
    label_box: Box
    lines: list[str]


@dataclass
class ZoneBand:
    zone: Zone
    box: Box
    label_box: Box
    lines: list[str]
    #: True when the blueprint has no lane in this zone (an empty row keeps the lines in place).
    empty: bool = False


@dataclass
class PhaseBand:
    """A column band; ``phase`` is None for the unlabelled band of steps without a phase."""

    phase: Phase | None
    first: int
    last: int
    box: Box
    header: Box
    lines: list[str]


@dataclass
class LinePlacement:
    line: Line
    y: float
    x0: float
    x1: float
    label_box: Box
    lines: list[str]


@dataclass(slots=True)
class EvidenceNote:
    """What the customer sees at a step, with the step's number in a tag at the top right."""

    step: Step
    column: int
    box: Box
    lines: list[str]
    number: int = 0
    number_box: Box | None = None


@dataclass(slots=True)
class FlowLabel:
    box: Box
    lines: list[str]


@dataclass(slots=True)
class Route:
    """An edge drawn as an orthogonal polyline; the last point is the arrow's tip."""

    flow: Flow
    kind: FlowKind
    source: Card
    target: Card
    points: list[tuple[float, float]]
    handoff: bool
    crosses: tuple[Line, ...]
    label: FlowLabel | None = None


@dataclass
class LegendItem:
    """One legend entry: a sample (``flow``/``support``/... edge, or a badge kind) and its text."""

    sample: str
    text: str
    sample_box: Box
    text_box: Box


@dataclass
class SheetLink:
    """Where a flow continues on another print sheet: beside ``card``, on its right for a flow
    leaving to ``sheet``, on its left for one arriving from it; ``others`` are the steps there."""

    card: Card
    outgoing: bool
    sheet: int
    others: list[Step]
    box: Box
    text: str


@dataclass
class Banner:
    """The warning over a drawing of a file with problems: what it shows may be wrong or missing."""

    box: Box
    lines: list[str]
    count: int


@dataclass
class TimeRow:
    """Under the last lane: per phase band, the time it adds and the running total."""

    box: Box
    label_box: Box
    label: list[str]
    cells: list[tuple[Box, list[str]]]


@dataclass
class EmotionCurve:
    """Between the evidence row and the first lane: the customer's emotion step by step, as
    points ``(x, y, emotion, step)`` joined left to right."""

    box: Box
    label_box: Box
    label: list[str]
    points: list[tuple[float, float, int, Step]]


@dataclass(frozen=True)
class Window:
    """One print sheet: grid columns ``first`` to ``last`` of the whole blueprint, sheet ``number``
    of ``count``; ``sheet_of_column`` gives the sheet of every column of the whole grid."""

    first: int
    last: int
    number: int
    count: int
    sheet_of_column: tuple[int, ...]


@dataclass
class Layout:
    """Everything the picture shows, placed."""

    width: float
    height: float
    locale: str
    style: Style
    title: str
    title_box: Box
    cards: list[Card]
    lanes: list[LaneBand]
    zones: list[ZoneBand]
    phases: list[PhaseBand]
    lines: list[LinePlacement]
    evidence: list[EvidenceNote]
    evidence_band: Box | None
    evidence_label: tuple[Box, list[str]] | None
    routes: list[Route]
    legend: list[LegendItem]
    legend_title: tuple[Box, str] | None
    columns: int
    #: Steps that could not be placed (their lane is unknown or has no zone).
    skipped: list[Step] = field(default_factory=list)
    #: On a print sheet: which one, and where flows continue on other sheets.
    window: Window | None = None
    links: list[SheetLink] = field(default_factory=list)
    #: The left edge of every grid column.
    column_x: list[float] = field(default_factory=list)
    #: Set when the file has problems: the drawing is incomplete.
    banner: Banner | None = None
    time_row: TimeRow | None = None
    emotion_curve: EmotionCurve | None = None
    #: The lanes given more than one row (see :func:`blueprint.layout.grid.stacking`), and how many.
    stacks: dict[str, int] = field(default_factory=dict)
    #: Where the lanes, bands and time row end: the legend stands under it, or on a sheet beside the title.
    picture_bottom: float = 0.0
