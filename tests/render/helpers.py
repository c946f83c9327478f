"""Reading rendered SVG back: groups by class, titles, and the bounding box of what a group draws."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

SVG = "{http://www.w3.org/2000/svg}"
FIXTURES = Path(__file__).parent / "fixtures"
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")


@dataclass(frozen=True)
class Rect:
    x0: float
    y0: float
    x1: float
    y1: float

    def inside(self, other: Rect, slack: float = 0.6) -> bool:
        return (self.x0 >= other.x0 - slack and self.y0 >= other.y0 - slack
                and self.x1 <= other.x1 + slack and self.y1 <= other.y1 + slack)

    def overlaps(self, other: Rect) -> bool:
        return self.x0 < other.x1 and other.x0 < self.x1 and self.y0 < other.y1 and other.y0 < self.y1


@dataclass
class Group:
    element: ET.Element
    id: str
    classes: set[str]
    title: str

    def rect(self) -> Rect:
        """The bounding box of the group's first shape (polygon, path or polyline)."""
        found = self.shape()
        if found is None:
            raise AssertionError(f"group {self.id} draws nothing")
        return found

    def shape(self) -> Rect | None:
        """The bounding box of the group's first shape, or None for text alone."""
        for child in self.element:
            tag = child.tag.removeprefix(SVG)
            if tag in ("polygon", "polyline"):
                numbers = [float(n) for n in _NUMBER.findall(child.get("points", ""))]
            elif tag == "path":
                numbers = [float(n) for n in _NUMBER.findall(child.get("d", ""))]
            else:
                continue
            xs, ys = numbers[0::2], numbers[1::2]
            return Rect(min(xs), min(ys), max(xs), max(ys))
        return None

    def texts(self) -> list[str]:
        return [t.text or "" for t in self.element.iter(f"{SVG}text")]


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg.encode("utf-8"))


def groups(root: ET.Element, cls: str | None = None) -> list[Group]:
    """Every ``<g>`` with a title, or only those whose class list holds ``cls``."""
    found = []
    for g in root.iter(f"{SVG}g"):
        title = g.find(f"{SVG}title")
        classes = set((g.get("class") or "").split())
        if title is None or (cls is not None and cls not in classes):
            continue
        found.append(Group(g, g.get("id", ""), classes, title.text or ""))
    return found


def line_y(root: ET.Element, cls: str) -> float:
    """The y of one of the three lines (the ``<polyline>`` of its group)."""
    (group,) = groups(root, cls)
    polyline = group.element.find(f"{SVG}polyline")
    ys = [float(n) for n in _NUMBER.findall(polyline.get("points"))][1::2]
    assert max(ys) - min(ys) < 0.01, "a line must be horizontal"
    return ys[0]
