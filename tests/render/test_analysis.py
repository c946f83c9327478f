"""The analysis on the picture: what fails at a fail point, and steps and waits over their standards."""

from __future__ import annotations

from blueprint import load, loads
from blueprint.cli import main
from blueprint.render import render
from tests.conftest import EXAMPLES

from .helpers import SVG, groups, parse

BEFORE = next(path for path in EXAMPLES if path.name == "hall-before.zh.yaml")


def test_a_fail_point_shows_what_fails_and_its_tooltip_holds_the_whole_text():
    bp = load(BEFORE)
    root = parse(render(bp, "svg"))
    callouts = groups(root, "fail-callout")
    failing = [step for step in bp.steps if step.fail]
    assert len(callouts) == len(failing) > 0
    for step in failing:
        (callout,) = [g for g in callouts if g.title.startswith(f"fail-point:{step.id}:")]
        assert callout.title == f"fail-point:{step.id}: {step.fail}"
        assert "fail-point" in callout.classes and "badge" in callout.classes
        text = "".join(callout.element.itertext())
        assert text.replace(callout.title, "").strip().startswith("F")


def test_steps_over_their_standards_are_framed_and_say_by_how_much():
    bp = loads("blueprint: 1\ntitle: t\nlocale: en\nsteps:\n"
               "- {id: queue, lane: customer, label: Queue, wait: 10min, duration: 12min, next: serve}\n"
               "- {id: serve, lane: frontstage, label: Serve, duration: 4min}\n"
               "- {id: quick, lane: frontstage, label: Quick, duration: 1min}\n"
               "standards:\n- {id: fast, label: At most 3 minutes, steps: [serve, quick], max: 3min}\n")
    root = parse(render(bp, "svg"))
    framed = {g.title for g in groups(root, "standard-exceeded") if "step" in g.classes}
    assert framed == {"queue", "serve"}
    badges = {g.title: "".join(g.element.itertext()) for g in groups(root, "badge")}
    assert "wait 12 min > 10 min" in badges["wait-point:queue: the wait's own standard"]
    assert "4 min > 3 min" in badges["standard-exceeded:serve: At most 3 minutes"]


def test_a_path_over_its_standard_is_marked_on_its_last_step():
    bp = load(BEFORE)
    root = parse(render(bp, "svg"))
    marks = [g for g in groups(root, "standard-exceeded") if "badge" in g.classes]
    ends = {standard.to_step.id for standard in bp.standards if standard.kind == "path"}
    assert any(g.title.split(":")[1] in ends for g in marks)


def test_plain_leaves_the_analysis_off(tmp_path):
    root = parse(render(load(BEFORE), "svg", plain=True))
    assert not groups(root, "fail-callout") and not groups(root, "standard-exceeded")
    assert groups(root, "fail-point")  # the fail points are still marked
    assert main(["render", str(BEFORE), "--plain", "-o", str(tmp_path / "plain.svg")]) == 0
    assert "fail-callout" not in (tmp_path / "plain.svg").read_text(encoding="utf-8")


def test_a_time_row_gives_each_phase_its_time_and_the_running_total():
    bp = loads("blueprint: 1\ntitle: t\nlocale: en\nphases: [{id: p1, label: One}, {id: p2, label: Two}]\nsteps:\n"
               "- {id: a, lane: customer, phase: p1, label: A, duration: 2min, next: [b, c]}\n"
               "- {id: b, lane: frontstage, phase: p1, label: B, duration: 5min, next: d}\n"
               "- {id: c, lane: backstage, phase: p1, label: C, duration: 1min, next: d}\n"
               "- {id: d, lane: customer, phase: p2, label: D, duration: 3min}\n")
    root = parse(render(bp, "svg"))
    texts = [" ".join("".join(g.element.itertext()).replace(g.title, "").split())
             for g in groups(root, "time-row") if g.id[len("time-row-"):].isdigit()]
    # Phase One: a then b in parallel with c, so 7 minutes; Two adds d's 3.
    assert texts == ["7 min total 7 min", "3 min total 10 min"]


def test_an_emotion_curve_has_a_point_per_step_with_an_emotion():
    bp = load(BEFORE)
    root = parse(render(bp, "svg"))
    points = [g for g in groups(root, "emotion-curve") if g.id.startswith("emotion-") and g.title.startswith("emotion:")]
    felt = [step for step in bp.steps if step.emotion is not None]
    assert sorted(g.title for g in points) == sorted(f"emotion:{s.id}: {s.emotion:+d}" for s in felt)
    # Higher on the picture for a happier customer.
    heights = {g.title.split(":")[1]: float(g.element.find(f"{SVG}ellipse").get("cy")) for g in points}
    best = max(felt, key=lambda s: s.emotion)
    worst = min(felt, key=lambda s: s.emotion)
    if best.emotion != worst.emotion:
        assert heights[best.id] < heights[worst.id]
    plain = parse(render(bp, "svg", plain=True))
    assert not groups(plain, "emotion-curve") and not groups(plain, "time-row")


def test_details_write_kpis_and_notes_on_the_cards(tmp_path):
    path = next(p for p in EXAMPLES if p.name == "hall-walk.en.yaml")
    bp = load(path)
    step = next(s for s in bp.steps if s.kpis)
    assert main(["render", str(path), "--details", "-o", str(tmp_path / "details.svg")]) == 0
    root = parse((tmp_path / "details.svg").read_text(encoding="utf-8"))
    (card,) = [g for g in groups(root, "step") if g.title == step.id]
    words = " ".join(" ".join(card.texts()).split())
    assert f"KPI: {step.kpis[0]}"[:20] in words
    (plain,) = [g for g in groups(parse(render(bp, "svg")), "step") if g.title == step.id]
    assert "KPI:" not in " ".join(plain.texts())
