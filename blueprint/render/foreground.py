"""The layers over the bands: cards with the edges that leave them, badges, step numbers, flow
labels, sheet-link tags, and the legend."""

from __future__ import annotations

from collections import defaultdict

from ..layout import Box, Card, Layout, Route
from ..model import FlowKind
from .background import number_layer
from .palette import BADGE, EDGE, EMOTION, EXCEEDED, INK, MUTED, ZONE_COLORS
from .quote import css_classes, dom_id, plain_lines
from .tables import card_label
from .writer import Layer, Writer, inches, num

__all__ = ["foreground", "node_id"]

def node_id(card: Card) -> str:
    """The DOT node name and SVG ``id`` of a step's card: ``step-<position in the file>``."""
    return f"step-{card.step.index:d}"


def _badge_classes(badge) -> tuple[str, ...]:
    classes = ["badge", badge.kind]
    if badge.kind == "fail-point" and badge.detail:
        classes.append("fail-callout")
    if badge.exceeded and badge.kind != "standard-exceeded":
        classes.append("standard-exceeded")
    return tuple(classes)


def _route_classes(route: Route) -> tuple[str, ...]:
    classes = ["flow"]
    if route.kind is not FlowKind.FLOW:
        classes.append(route.kind.value)
    if route.handoff:
        classes.append("handoff")
    if route.crosses:
        classes.append("crossing")
    return tuple(classes)


def foreground(w: Writer, grid: Layout, cards: list[Card], legend: bool) -> None:
    """``cards`` with the edges that leave them, their badges and their edges' labels."""
    style = grid.style
    mine = {id(card) for card in cards}
    routes = [(n, route) for n, route in enumerate(grid.routes) if id(route.source) in mine]
    _cards_and_edges(w, grid, cards, routes)

    badges: dict[tuple[str, ...], Layer] = {}
    for card in cards:
        for badge in card.badges:
            classes = _badge_classes(badge)
            layer = badges.get(classes)
            if layer is None:
                fill, ink = EXCEEDED if badge.exceeded else BADGE[badge.kind]
                layer = badges[classes] = w.layer(
                    style="rounded,filled", fillcolor=fill, fontcolor=ink, fontsize=num(style.badge_size),
                    height=inches(style.badge_height), class_=css_classes(*classes))
            name = dom_id("step", card.step.index, badge.kind)
            w.node(layer, name, badge.box, size=False, width=inches(badge.box.w), label=plain_lines([badge.text]))
    for _, layer in sorted(badges.items()):
        w.add(layer)
    tags = number_layer(w, style, "step-number")
    for card in cards:
        if card.number_box is not None:
            w.node(tags, dom_id("step", card.step.index, "number"), card.number_box,
                   label=plain_lines([str(card.number)]))
    w.add(tags)

    labels = w.layer(fillcolor="#FFFFFFE6", fontsize=num(style.flow_label_size), class_="flow-label")
    for n, route in routes:
        if route.label is not None:
            w.node(labels, dom_id("flow", n, "label"), route.label.box, fontcolor=EDGE[route.kind]["color"],
                   label=plain_lines(route.label.lines))
    w.add(labels)
    links = w.layer(style="rounded,filled", fillcolor="#FFFFFF", color="#33475B", penwidth="0.8",
                    fontcolor="#33475B", fontsize=num(style.flow_label_size), class_="sheet-link")
    for n, link in enumerate(grid.links):
        if id(link.card) in mine:
            w.node(links, dom_id("sheet-link", n), link.box, label=plain_lines([link.text]))
    w.add(links)
    if legend:
        _legend(w, grid)


def _cards_and_edges(w: Writer, grid: Layout, cards: list[Card], routes: list[tuple[int, Route]]) -> None:
    """One layer of cards per lane (they share size, colours and classes), then the edges; an edge
    to a card drawn in another part ends at an invisible stand-in in the same place."""
    by_row: dict[tuple[int, bool], list[Card]] = defaultdict(list)
    for card in cards:
        by_row[(card.row, card.exceeded)].append(card)
    for (row, exceeded), row_cards in sorted(by_row.items()):
        zone = row_cards[0].zone
        # A card over its time standard is framed in the warning colour.
        frame = {"color": EXCEEDED[0], "penwidth": "2.4"} if exceeded else {
            "color": ZONE_COLORS[zone][1], "penwidth": "1.2"}
        layer = w.layer(style="rounded,filled", fillcolor="#FFFFFF", **frame,
                        width=inches(row_cards[0].box.w), height=inches(row_cards[0].box.h),
                        class_=css_classes("step", zone.value, *(["standard-exceeded"] if exceeded else [])))
        for card in sorted(row_cards, key=lambda card: card.step.index):
            w.card(layer, node_id(card), card.box, card_label(card, grid))
        w.add(layer)
    mine = {id(card) for card in cards}
    elsewhere = {node_id(route.target): route.target for _, route in routes if id(route.target) not in mine}
    if elsewhere:
        stand_ins = w.layer(style="invis")
        for name, card in sorted(elsewhere.items()):
            w.node(stand_ins, name, card.box)
        w.add(stand_ins)
    style = grid.style
    groups: dict[tuple[str, ...], list[tuple[int, Route]]] = defaultdict(list)
    for n, route in routes:
        groups[_route_classes(route)].append((n, route))
    for classes, members in groups.items():
        look = EDGE[members[0][1].kind]
        layer = w.layer("edge", color=look["color"], style=look["style"], arrowhead=look["arrowhead"],
                        class_=css_classes(*classes))
        for n, route in members:
            w.flow(layer, node_id(route.source), node_id(route.target), f"flow-{n:d}", w.spline(route.points, style))
        w.add(layer)


def _legend(w: Writer, grid: Layout) -> None:
    style = grid.style
    legend = w.layer(shape="none", style="", fontsize=num(style.small_size), fontcolor=MUTED, class_="legend")
    if grid.legend_title is not None:
        box, text = grid.legend_title
        w.node(legend, "legend", box, fontcolor=INK, label=plain_lines([text]))
    for item in grid.legend:
        name = dom_id("legend", item.sample)
        if item.sample in BADGE:
            fill, ink = BADGE[item.sample]
            w.node(legend, name, item.sample_box, shape="box", style="rounded,filled", fillcolor=fill,
                   fontcolor=ink, fontsize=num(style.badge_size), label=plain_lines([item.text]))
            continue
        if item.sample == "emotion":
            w.node(legend, name, item.sample_box, fontcolor=EMOTION[1], label=plain_lines(["●"]))
        else:
            look = EDGE[FlowKind(item.sample)]
            box = item.sample_box
            ends = (f"{name}-from", f"{name}-to")
            for end, x in zip(ends, (box.x, box.right)):
                w.node(legend, end, Box(x, box.cy, 0, 0), size=False, shape="point", style="invis", width="0.01",
                       height="0.01")
            w.edge(legend, *ends, name, color=look["color"], style=look["style"], arrowhead=look["arrowhead"],
                        pos=w.spline([(box.x, box.cy), (box.right, box.cy)], style),
                        **{"class": css_classes("legend-sample", f"legend-{item.sample}")})
        w.node(legend, f"{name}-text", item.text_box, label=plain_lines([item.text]))
    w.add(legend)
