"""The blueprint model: plain typed objects that know where in the file they came from.

Every object has ``pos`` (where its mapping starts), ``key_pos`` (each key written in the file)
and ``value_pos`` (each value). References to other objects (``next:`` items, ``recovery:``,
a standard's ``from``/``to``/``steps``) are :class:`Ref` objects with their own position; a step's
``lane`` and ``phase`` are plain ids whose positions are ``value_pos["lane"]`` and
``value_pos["phase"]``.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import timedelta
from functools import cached_property
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING

from .errors import Pos, Problem
from .words import word

if TYPE_CHECKING:  # pragma: no cover
    import networkx as nx

__all__ = [
    "Zone", "Line", "FlowKind", "Touchpoint", "Ref", "Lane", "Phase", "Step", "Flow",
    "Standard", "Queue", "Blueprint", "NO_POSITIONS",
]


class Zone(enum.Enum):
    """The four rows of a blueprint, top to bottom; comparisons follow that order."""

    CUSTOMER = "customer"
    FRONTSTAGE = "frontstage"
    BACKSTAGE = "backstage"
    SUPPORT = "support"

    @property
    def order(self) -> int:
        return _ZONE_ORDER[self]

    def __lt__(self, other: "Zone") -> bool:
        if not isinstance(other, Zone):
            return NotImplemented
        return self.order < other.order

    def __le__(self, other: "Zone") -> bool:
        if not isinstance(other, Zone):
            return NotImplemented
        return self.order <= other.order

    def label(self, locale: str = "en") -> str:
        """The row name a designer reads: ``Customer actions`` / ``顾客行为``."""
        return word(f"row.{self.value}", locale)

    @property
    def line_below(self) -> "Line | None":
        """The line between this zone and the next one down (none below support)."""
        return _LINE_BELOW.get(self)


_ZONE_ORDER = {zone: i for i, zone in enumerate(Zone)}



class Line(enum.Enum):
    """The three lines of a blueprint, each between two adjacent zones."""

    INTERACTION = "line-of-interaction"
    VISIBILITY = "line-of-visibility"
    INTERNAL_INTERACTION = "line-of-internal-interaction"

    def label(self, locale: str = "en") -> str:
        """``line of interaction`` / ``互动分界线`` and so on."""
        return word(f"line.{self.value}", locale)

    @property
    def above(self) -> Zone:
        return _LINE_ZONES[self][0]

    @property
    def below(self) -> Zone:
        return _LINE_ZONES[self][1]

    @staticmethod
    def between(a: Zone, b: Zone) -> list["Line"]:
        """The lines a flow from zone ``a`` to zone ``b`` crosses, top to bottom."""
        low, high = sorted((a.order, b.order))
        return list(_LINES[low:high])


_LINES = tuple(Line)
_LINE_ZONES = {
    Line.INTERACTION: (Zone.CUSTOMER, Zone.FRONTSTAGE),
    Line.VISIBILITY: (Zone.FRONTSTAGE, Zone.BACKSTAGE),
    Line.INTERNAL_INTERACTION: (Zone.BACKSTAGE, Zone.SUPPORT),
}
_LINE_BELOW = {above: line for line, (above, _below) in _LINE_ZONES.items()}


class FlowKind(enum.Enum):
    """``flow``, ``support`` and ``return`` are written in files; ``recovery`` comes from ``recovery:``.

    The one definition of which flows count where: :attr:`journey` and :attr:`forward`.
    """

    FLOW = "flow"
    SUPPORT = "support"
    RETURN = "return"
    RECOVERY = "recovery"

    @property
    def journey(self) -> bool:
        """A flow of the journey as the file writes it; a recovery link happens only when something fails.

        Counted as flows by ``stats``; followed by open loops and dead ends.
        """
        return self is not FlowKind.RECOVERY

    @property
    def forward(self) -> bool:
        """``flow`` and ``support``: the journey going on. A ``return`` hands back and closes a loop.

        Followed by the flow order of the picture, cycles, and the longest path of a standard.
        """
        return self in (FlowKind.FLOW, FlowKind.SUPPORT)


class Touchpoint(enum.Enum):
    """Kinds of contact (the source documents' people / environment / equipment touchpoints)."""

    PEOPLE = "people"
    ENVIRONMENT = "environment"
    EQUIPMENT = "equipment"
    DIGITAL = "digital"
    PRINT = "print"

    def label(self, locale: str = "en") -> str:
        """``people`` / ``人员`` and so on."""
        return word(f"touchpoint.{self.value}", locale)


@dataclass(frozen=True, slots=True)
class Ref:
    """A reference to another object by id, with the position where it is written."""

    id: str
    pos: Pos


class _NoPositions(Mapping):
    """The positions of an object written without keys of its own (a ``next:`` item's flow, a
    standard lane the file does not list): none. One shared, read-only instance, every object's
    default, instead of two empty dictionaries per flow."""

    __slots__ = ()

    def __getitem__(self, key: str) -> Pos:
        raise KeyError(key)

    def __iter__(self) -> Iterator[str]:
        return iter(())

    def __len__(self) -> int:
        return 0

    def __hash__(self) -> int:  # read-only and always empty: every one is equal, so hashable
        return 0


NO_POSITIONS: Mapping[str, Pos] = _NoPositions()


@dataclass(eq=False)
class _Located:
    pos: Pos
    key_pos: Mapping[str, Pos] = field(default=NO_POSITIONS, repr=False)
    value_pos: Mapping[str, Pos] = field(default=NO_POSITIONS, repr=False)

    def where(self, key: str | None = None) -> Pos:
        """The position of ``key``'s value, else of the key, else of the object."""
        if key is not None:
            return self.value_pos.get(key) or self.key_pos.get(key) or self.pos
        return self.pos


@dataclass(eq=False)
class Lane(_Located):
    id: str = ""
    zone: Zone | None = None
    label: str | None = None
    #: True for the four standard lanes a file gets when it has no ``lanes:``.
    implicit: bool = False

    def display_label(self, locale: str = "en") -> str:
        """The label to draw: the file's, else the row name of a standard lane, else the id."""
        if self.label:
            return self.label
        if self.zone is not None and self.id == self.zone.value:
            return self.zone.label(locale)
        return self.id


@dataclass(eq=False)
class Phase(_Located):
    id: str = ""
    label: str | None = None

    def display_label(self) -> str:
        return self.label or self.id


@dataclass(eq=False)
class Step(_Located):
    id: str = ""
    lane: str = ""
    label: str = ""
    #: Resolved from the lane; None when the lane is unknown.
    zone: Zone | None = None
    phase: str | None = None
    next: list[Ref] = field(default_factory=list)
    description: str | None = None
    owner: str | None = None
    touchpoint: Touchpoint | None = None
    channel: str | None = None
    evidence: list[str] = field(default_factory=list)
    #: The expected time: the middle of a range such as ``2-4min``.
    duration: timedelta | None = None
    #: ``(low, high)`` when ``duration`` is written as a range, else None.
    duration_range: tuple[timedelta, timedelta] | None = None
    #: A wait point: the customer waits here.
    wait: bool = False
    #: The wait's own standard, from ``wait: 10min``.
    wait_max: timedelta | None = None
    fail: str | None = None
    recovery: Ref | None = None
    #: How customers arrive at this wait point and are served (``queue:``).
    queue: "Queue | None" = None
    emotion: int | None = None
    kpis: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    #: Position in the file's step list, 0-based.
    index: int = 0

    def attributes(self) -> dict:
        """The attributes of this step's node in :meth:`Blueprint.to_graph` (``None`` where the file is silent)."""
        return {
            "label": self.label,
            "lane": self.lane,
            "zone": self.zone.value if self.zone else None,
            "phase": self.phase,
            "description": self.description,
            "owner": self.owner,
            "touchpoint": self.touchpoint.value if self.touchpoint else None,
            "channel": self.channel,
            "evidence": list(self.evidence),
            "duration": self.duration,
            "wait": self.wait,
            "wait_max": self.wait_max,
            "fail": self.fail,
            "recovery": self.recovery.id if self.recovery else None,
            "emotion": self.emotion,
            "kpis": list(self.kpis),
            "notes": list(self.notes),
            "index": self.index,
            "pos": self.pos,
        }


@dataclass(eq=False)
class Queue(_Located):
    """A wait point's queue: ``queue: {arrivals: 120/h, servers: 4, service: 6min}``.

    ``service`` None means the duration of the step that serves the queue (the wait's next step);
    ``hours`` is a profile of arrivals by hour, ``(label, customers per hour)`` in file order.
    """

    arrivals: float | None = None
    servers: int | None = None
    service: timedelta | None = None
    diversion: float = 0.0
    level: float = 0.8
    hours: list[tuple[str, float]] = field(default_factory=list)

    @property
    def peak(self) -> float | None:
        """Customers per hour at the busiest time: ``arrivals``, else the profile's highest hour."""
        if self.arrivals is not None:
            return self.arrivals
        return max((rate for _label, rate in self.hours), default=None)


@dataclass(eq=False)
class Flow(_Located):
    """An edge: from ``next:`` (``origin="next"``), ``flows:`` or ``recovery:``.

    ``pos`` is the reference that makes the flow: the ``next:`` item, the ``to:`` of a
    ``flows:`` entry, or the ``recovery:`` value.
    """

    source: Ref = None  # type: ignore[assignment]
    target: Ref = None  # type: ignore[assignment]
    kind: FlowKind = FlowKind.FLOW
    label: str | None = None
    origin: str = "next"


@dataclass(eq=False)
class Standard(_Located):
    """A service promise: ``from``..``to`` along the flow within ``max``, or each of ``steps``."""

    id: str = ""
    label: str | None = None
    from_step: Ref | None = None
    to_step: Ref | None = None
    steps: list[Ref] = field(default_factory=list)
    max: timedelta | None = None

    @property
    def kind(self) -> str:
        """``path`` for a from/to standard, ``steps`` for a per-step bound."""
        return "steps" if self.steps and self.from_step is None else "path"

    def display_label(self) -> str:
        return self.label or self.id


@dataclass(eq=False)
class Blueprint(_Located):
    """A whole blueprint file. ``problems`` holds what was wrong with its content."""

    path: str = "<string>"
    version: int | None = 1
    title: str = ""
    description: str | None = None
    locale: str = "en"
    lanes: list[Lane] = field(default_factory=list)
    phases: list[Phase] = field(default_factory=list)
    steps: list[Step] = field(default_factory=list)
    #: Flows from ``next:`` and ``flows:`` in file order (``recovery:`` links are in :attr:`recoveries`).
    flows: list[Flow] = field(default_factory=list)
    standards: list[Standard] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    #: The YAML text the blueprint was loaded from.
    text: str = field(default="", repr=False)

    @cached_property
    def step_by_id(self) -> dict[str, Step]:
        """Steps by id; with duplicate ids the first one wins."""
        found: dict[str, Step] = {}
        for step in self.steps:
            found.setdefault(step.id, step)
        return found

    @cached_property
    def lane_by_id(self) -> dict[str, Lane]:
        found: dict[str, Lane] = {}
        for lane in self.lanes:
            found.setdefault(lane.id, lane)
        return found

    @cached_property
    def phase_by_id(self) -> dict[str, Phase]:
        found: dict[str, Phase] = {}
        for phase in self.phases:
            found.setdefault(phase.id, phase)
        return found

    @property
    def recoveries(self) -> list[Flow]:
        """``recovery:`` links as flows of kind ``recovery``, from the failing step to its recovery."""
        return [
            Flow(step.recovery.pos, source=Ref(step.id, step.where("id")),
                 target=step.recovery, kind=FlowKind.RECOVERY, origin="recovery")
            for step in self.steps
            if step.recovery is not None
        ]

    @property
    def ok(self) -> bool:
        """True when loading found no content problems."""
        return not self.problems

    def lanes_in_zone_order(self) -> list[Lane]:
        """Lanes grouped by zone (customer first), in file order within a zone."""
        return sorted(
            (lane for lane in self.lanes if lane.zone is not None), key=lambda lane: lane.zone.order
        )

    def steps_in_lane(self, lane_id: str) -> Iterator[Step]:
        return (step for step in self.steps if step.lane == lane_id)

    def to_graph(self) -> "nx.MultiDiGraph":
        """The blueprint as a ``networkx.MultiDiGraph``: the structure every analysis works on.

        Nodes are step ids with :meth:`Step.attributes`; edges are flows with ``kind`` (``flow``,
        ``support``, ``return``, ``recovery``), ``handoff`` (the lanes differ) and ``crosses`` (the
        ids of the lines between the two zones, top to bottom). Flows to steps that do not exist are
        left out (the loader reports them); a duplicate id keeps its first step.

        >>> from blueprint import loads
        >>> bp = loads("blueprint: 1\\ntitle: t\\nsteps:\\n"
        ...            "- {id: a, lane: customer, label: A, next: b}\\n"
        ...            "- {id: b, lane: backstage, label: B}\\n")
        >>> G = bp.to_graph()
        >>> [(u, v, d["handoff"], d["crosses"]) for u, v, d in G.edges(data=True)]
        [('a', 'b', True, ['line-of-interaction', 'line-of-visibility'])]
        """
        import networkx as nx  # here, not at the top: loading and linting need no graph library

        graph = nx.MultiDiGraph(
            title=self.title, locale=self.locale, path=self.path,
            lanes=[{"id": lane.id, "label": lane.display_label(self.locale),
                    "zone": lane.zone.value if lane.zone else None} for lane in self.lanes],
            phases=[{"id": phase.id, "label": phase.display_label()} for phase in self.phases],
        )
        for step in self.steps:
            if step.id not in graph:
                graph.add_node(step.id, **step.attributes())
        steps = self.step_by_id
        for flow in (*self.flows, *self.recoveries):
            source, target = steps.get(flow.source.id), steps.get(flow.target.id)
            if source is None or target is None:
                continue
            crosses = (
                [line.value for line in Line.between(source.zone, target.zone)]
                if source.zone is not None and target.zone is not None else []
            )
            graph.add_edge(
                source.id, target.id, kind=flow.kind.value, handoff=source.lane != target.lane,
                crosses=crosses, label=flow.label, origin=flow.origin, pos=flow.pos,
            )
        return graph
