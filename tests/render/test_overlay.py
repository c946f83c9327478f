"""Marks over a rendered picture (blueprint.render.overlay): note badges, vote heat and diff frames
land on the cards of the steps named, in both languages, on one picture, print sheets and the
parallel drawing, escaped and still passing the SVG safety check."""

from __future__ import annotations

import functools
import re

import pytest
from generate import generate

from blueprint import load, loads, render
from blueprint.render import render_pages
from blueprint.render.overlay import DIFF_STATUSES, NOTE_KINDS, overlay
from blueprint.render.svg import check_svg
from blueprint.store.boards import NOTE_KINDS as STORED_KINDS
from blueprint.words import word
from tests.conftest import ROOT

from .helpers import FIXTURES, SVG, groups, parse

HALL_EN = ROOT / "examples" / "hall-walk.en.yaml"
HALL_ZH = ROOT / "examples" / "hall-before.zh.yaml"


@functools.cache
def _picture(path):
    bp = load(path)
    return bp, render(bp, "svg")


def _cards(root) -> dict:
    return {group.title: group for group in groups(root, "step")}


def _marks(root, cls: str) -> list:
    return [group for group in groups(root, cls)]


def _texts(group) -> list[str]:
    return [text for text in group.texts() if text.strip()]


def _every_mark(bp):
    ids = [step.id for step in bp.steps]
    notes = {step: {kind: n + 1 for n, kind in enumerate(NOTE_KINDS[: 1 + i % 4])} for i, step in enumerate(ids)}
    heat = {step: i % 7 for i, step in enumerate(ids)}
    diff = {step: DIFF_STATUSES[i % 4] for i, step in enumerate(ids) if i % 3 == 0}
    return notes, heat, diff


def test_the_kinds_are_the_boards_kinds():
    assert NOTE_KINDS == STORED_KINDS


@pytest.mark.parametrize("path, locale", [(HALL_EN, "en"), (HALL_ZH, "zh")], ids=["en", "zh"])
def test_every_mark_sits_on_its_card(path, locale):
    bp, svg = _picture(path)
    notes, heat, diff = _every_mark(bp)
    marked = overlay(svg, notes=notes, heat=heat, diff=diff, locale=locale)
    check_svg(marked)
    root = parse(marked)
    cards = _cards(root)
    assert set(cards) == {step.id for step in bp.steps}

    badges = _marks(root, "note-badge")
    assert len(badges) == sum(len(counts) for counts in notes.values())
    for badge in badges:
        step = badge.title.split(": ")[0]
        (kind,) = {cls.removeprefix("note-") for cls in badge.classes} & set(NOTE_KINDS)
        assert f"note-{kind}" in badge.classes
        assert _texts(badge) == [str(notes[step][kind])]
        assert badge.title == f"{step}: " + word(f"note-kind.{kind}.count", locale).format(notes[step][kind])
        card, mark = cards[step].rect(), badge.rect()
        # On the card's lower edge, within its width.
        assert mark.y0 < card.y1 < mark.y1 and card.x0 <= mark.x0 and mark.x1 <= card.x1

    counts = _marks(root, "vote-count")
    assert {group.title.split(": ")[0]: _texts(group) for group in counts} == {
        step: [f"● {dots}"] for step, dots in heat.items() if dots}
    tints = [group for group in _marks(root, "vote-heat") if "vote-count" not in group.classes]
    strength = {}
    for tint in tints:
        step = tint.title.split(": ")[0]
        assert tint.rect().inside(cards[step].rect(), slack=0.1)
        strength[step] = float(tint.element.find(f"{SVG}path").get("fill-opacity"))
    most = max(heat.values())
    # The tint follows the dots: more dots, stronger; the most-voted card strongest.
    ranked = sorted(strength, key=lambda step: heat[step])
    assert [strength[step] for step in ranked] == sorted(strength.values())
    assert max(strength.values()) == max(strength[step] for step in strength if heat[step] == most)

    frames = [group for group in _marks(root, "diff") if "diff-sign" not in group.classes]
    assert {group.title.split(": ", 1)[1]: group.classes for group in frames} == {
        step: {"diff", f"diff-{status}"} for step, status in diff.items()}
    for frame in frames:
        assert cards[frame.title.split(": ", 1)[1]].rect().inside(frame.rect())

    legend = _texts(groups(root, "overlay-legend")[0])
    assert legend == [word(f"note-kind.{kind}", locale) for kind in NOTE_KINDS] + [word("overlay.votes", locale)] + [
        word(f"diff.{status}", locale) for status in DIFF_STATUSES]


def test_marks_overlap_no_other_card_and_badges_do_not_overlap_each_other():
    bp, svg = _picture(HALL_EN)
    notes, heat, diff = _every_mark(bp)
    root = parse(overlay(svg, notes=notes, heat=heat, diff=diff))
    cards = _cards(root)
    pills = [*_marks(root, "note-badge"), *_marks(root, "vote-count")]
    for pill in pills:
        step = pill.title.split(": ")[0]
        for other, card in cards.items():
            if other != step:
                assert not pill.rect().overlaps(card.rect()), (pill.id, other)
    for n, one in enumerate(pills):
        for two in pills[n + 1:]:
            assert not one.rect().overlaps(two.rect()), (one.id, two.id)
    legend = groups(root, "overlay-legend")[0].rect()
    for card in cards.values():
        assert not legend.overlaps(card.rect())


def test_the_legend_names_only_what_is_drawn():
    bp, svg = _picture(HALL_EN)
    first = bp.steps[0].id
    root = parse(overlay(svg, notes={first: {"idea": 2, "pain": 0}}, diff={first: "moved", "no-such-step": "added"}))
    assert _texts(groups(root, "overlay-legend")[0]) == ["idea", "moved"]
    assert not _marks(root, "vote-heat") and not _marks(root, "note-pain")


def test_marks_are_drawn_after_cards_and_frames_before_them():
    bp, svg = _picture(HALL_EN)
    step = bp.steps[2].id
    marked = overlay(svg, heat={step: 3}, diff={step: "changed"})
    card = re.search(r'<g id="(step-\d+)" class="node step[^"]*">\n<title>' + re.escape(step) + "</title>", marked)
    element = card.group(1)
    frame = marked.index(f'id="overlay-{element}-diff"')
    tint = marked.index(f'id="overlay-{element}-heat"')
    assert frame < card.start() < tint < marked.index('id="overlay"')


def test_no_marks_leave_the_picture_as_it_was():
    _, svg = _picture(HALL_EN)
    assert overlay(svg) == svg
    assert overlay(svg, notes={"no-such-step": {"pain": 3}}, heat={"x": 2}) == svg


def test_a_phase_gets_its_notes_on_its_header():
    bp, svg = _picture(HALL_EN)
    steps = {step.id for step in bp.steps}
    phase = next(phase for phase in bp.phases if phase.id not in steps)
    root = parse(overlay(svg, notes={phase.id: {"question": 4}}))
    (header,) = [group for group in groups(root, "phase-header") if group.title == f"phase-header:{phase.id}"]
    (badge,) = _marks(root, "note-question")
    assert _texts(badge) == ["4"]
    assert badge.rect().overlaps(header.rect())


def test_hostile_ids_and_tooltips_are_escaped():
    bp = load(FIXTURES / "hostile.yaml")
    svg = render(bp, "svg")
    ids = [step.id for step in bp.steps if step.id]
    hostile = next(step for step in ids if "<" in step or "&" in step or '"' in step)
    marked = overlay(svg, notes={hostile: {"pain": 1}}, heat={hostile: 2}, diff={hostile: "removed"}, locale="zh")
    check_svg(marked)
    root = parse(marked)
    assert {group.title.split(": ")[0] for group in _marks(root, "note-badge")} == {hostile}
    assert _marks(root, "diff-removed")[0].title == f"{word('diff.removed', 'zh')}: {hostile}"


@pytest.mark.parametrize("bad", [
    {"notes": {"a": {"complaint": 1}}},
    {"notes": {"a": {"pain": -1}}},
    {"heat": {"a": 1.5}},
    {"heat": {"a": True}},
    {"diff": {"a": "renamed"}},
])
def test_bad_marks_are_refused(bad):
    _, svg = _picture(HALL_EN)
    with pytest.raises(ValueError):
        overlay(svg, **bad)


def test_print_sheets_each_mark_the_cards_they_hold():
    bp = load(HALL_EN)
    notes, heat, diff = _every_mark(bp)
    seen: list[str] = []
    for printed, sheet in render_pages(bp, "svg", page="a3"):
        marked = overlay(sheet, notes=notes, heat=heat, diff=diff)
        check_svg(marked)
        root = parse(marked)
        cards = _cards(root)
        for badge in _marks(root, "note-badge"):
            step = badge.title.split(": ")[0]
            assert badge.rect().overlaps(cards[step].rect())
        # A sheet taller than the page goes on in parts: a card at the cut is marked on both.
        seen += [group.title.split(": ")[0] for group in _marks(root, "vote-count")
                 if printed.part == 0 or group.title.split(": ")[0] not in seen]
        if _marks(root, "vote-count"):
            # The legend lies within the sheet's own page.
            page = root.find(f"{SVG}g").find(f"{SVG}polygon").get("points")
            xs = [float(n) for n in re.findall(r"-?[\d.]+", page)][0::2]
            legend = groups(root, "overlay-legend")[0].rect()
            assert min(xs) <= legend.x0 and legend.x1 <= max(xs)
    # Every voted step is drawn on one sheet and marked there.
    assert sorted(seen) == sorted(step for step, dots in heat.items() if dots)


def test_the_parallel_drawing_is_marked_too():
    bp = loads(generate(1100))
    svg = render(bp, "svg")
    steps = [bp.steps[0].id, bp.steps[600].id, bp.steps[-1].id]
    marked = overlay(svg, heat={step: n + 1 for n, step in enumerate(steps)})
    root = parse(marked)
    assert sorted(group.title.split(": ")[0] for group in _marks(root, "vote-count")) == sorted(steps)
    for step in steps:
        element = re.search(r'<g id="(step-\d+)" class="node step[^"]*">\n<title>' + re.escape(step), marked).group(1)
        card = marked.index(f'<g id="{element}" class="node step')
        # The tint follows its own card, not a stand-in of it in another part.
        assert card < marked.index(f'id="overlay-{element}-heat"') < marked.index("</g>", card) + 12


def test_an_id_that_is_a_step_and_a_phase_is_the_step():
    bp, svg = _picture(HALL_EN)
    both = next(phase.id for phase in bp.phases if phase.id in {step.id for step in bp.steps})
    root = parse(overlay(svg, notes={both: {"pain": 1}}))
    (badge,) = _marks(root, "note-pain")
    assert badge.rect().overlaps(_cards(root)[both].rect())
