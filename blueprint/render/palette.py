"""The picture's colours and line styles: per zone, per kind of flow, per badge, per emotion."""

from __future__ import annotations

from ..model import FlowKind, Line, Zone

__all__ = ["BADGE", "EDGE", "EMOTION", "EXCEEDED", "INK", "LINE_STYLE", "MUTED", "ZONE_COLORS"]

#: Per zone: band tint, card border, header cell fill.
ZONE_COLORS: dict[Zone, tuple[str, str, str]] = {
    Zone.CUSTOMER: ("#FFF7E6", "#D4912A", "#FBE2B4"),
    Zone.FRONTSTAGE: ("#EDF4FC", "#3D7FC4", "#CFE2F6"),
    Zone.BACKSTAGE: ("#F3EFFA", "#7E5DB5", "#DFD5F0"),
    Zone.SUPPORT: ("#ECF5EF", "#3F8B5C", "#CFE6D7"),
}
INK = "#1E2A36"
MUTED = "#5B6B7B"
EDGE = {
    FlowKind.FLOW: {"color": "#34414E", "style": "solid", "arrowhead": "normal"},
    FlowKind.SUPPORT: {"color": "#6B7C8D", "style": "dashed", "arrowhead": "normal"},
    FlowKind.RETURN: {"color": "#1F6FB2", "style": "solid", "arrowhead": "empty"},
    FlowKind.RECOVERY: {"color": "#C0392B", "style": "dotted", "arrowhead": "vee"},
}
LINE_STYLE = {
    Line.INTERACTION: ("solid", "1.6", "#2C3E50"),
    Line.VISIBILITY: ("dashed", "1.6", "#2C3E50"),
    Line.INTERNAL_INTERACTION: ("solid", "1", "#5B6B7B"),
}
BADGE = {"fail-point": ("#C0392B", "#FFFFFF"), "wait-point": ("#F4B43F", "#3B2F00"),
          "standard-exceeded": ("#B5470B", "#FFFFFF")}
# A wait over its standard, and the frame of a card over its standard.
EXCEEDED = ("#B5470B", "#FFFFFF")
EMOTION = {-2: "#C0392B", -1: "#E67E22", 0: "#7F8C8D", 1: "#27AE60", 2: "#1E8449"}
