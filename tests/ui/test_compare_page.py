"""The Compare page through AppTest: two examples, two revisions of the open draft, an upload that
does not load; the changes marked on both pictures and listed, in Chinese and English."""

from __future__ import annotations

import json
import re

from blueprint import load, loads
from blueprint.analysis.diff import diff
from blueprint.ui.i18n import t
from blueprint.ui.pages.compare import key
from blueprint.ui.pipeline import comparison, diff_marks, load_text
from tests.conftest import ROOT
from tests.ui.conftest import draft_text, open_example, switch_page, type_in_editor

BEFORE, AFTER = ROOT / "examples" / "hall-before.zh.yaml", ROOT / "examples" / "hall-walk.zh.yaml"


def pictures(at) -> list[str]:
    """The SVG each preview on the page was given (the as-is first)."""
    return [json.loads(element.proto.json)["svg"] for element in at.get("bidi_component")
            if "preview" in element.proto.component_name]


def marked(svg: str, status: str) -> set[str]:
    """The step ids an overlay frames with ``status`` (from the marks' tooltips)."""
    return set(re.findall(rf'class="diff diff-{status}">\n<title>[^:<]*: ([^<]*)</title>', svg))


def frame(at, title: str):
    """The table under the heading ``title`` (each table comes after its "**title** (rows)")."""
    headings = [match.group(1) for m in at.markdown if (match := re.fullmatch(r"\*\*(.+)\*\* \((\d+)\)", m.value))]
    assert title in headings, headings
    return at.dataframe[headings.index(title)].value


def test_without_a_draft_the_as_is_hall_is_compared_with_the_to_be(app):
    switch_page(app, "compare")
    assert not app.exception
    assert app.selectbox(key=key("before", "example")).value == BEFORE.name
    assert app.selectbox(key=key("after", "example")).value == AFTER.name
    expected = diff(load(BEFORE), load(AFTER))
    before, after = pictures(app)
    left, right = diff_marks(expected)
    # Removed, moved and changed on the left; added, moved and changed on the right.
    for status in ("removed", "moved", "changed"):
        assert marked(before, status) == {step for step, found in left.items() if found == status}
        assert not marked(after, "removed") and not marked(before, "added")
    for status in ("added", "moved", "changed"):
        assert marked(after, status) == {step for step, found in right.items() if found == status}
    assert marked(before, "removed") and marked(after, "added") and marked(after, "moved")
    # The legend speaks the UI's language.
    assert t("diff.removed", "zh") in before and t("diff.added", "zh") in after

    metrics = {m.label: m.value for m in app.metric}
    minutes = expected["journey_minutes"]
    assert metrics[t("compare.journey", "zh")] == t("compare.before_after", "zh", before=f"{minutes['before']:g}",
                                                   after=f"{minutes['after']:g}")
    assert minutes["after"] < minutes["before"]  # the hall's story: the to-be journey is shorter
    assert metrics[t("compare.steps", "zh")] == t("compare.added_removed", "zh", added=len(expected["added"]),
                                                 removed=len(expected["removed"]))
    added = frame(app, t("compare.added", "zh"))
    assert added[t("compare.col_step", "zh")].tolist() == [row["id"] for row in expected["added"]]
    fixed = frame(app, t("compare.findings_fixed", "zh"))
    assert fixed[t("compare.col_rule", "zh")].tolist() == [row["rule"] for row in expected["findings_fixed"]]
    moved = frame(app, t("compare.moved", "zh"))
    assert moved[t("compare.col_step", "zh")].tolist() == [row["id"] for row in expected["moved"]]


def test_two_revisions_of_the_open_draft(english_app):
    app = english_app
    open_example(app, "clinic-visit.en.yaml")
    text = draft_text(app)
    bp = loads(text)
    gone, renamed = bp.steps[1], bp.steps[2]
    edited = text.replace(f"label: {renamed.label}", f"label: {renamed.label} (new)", 1)
    assert edited != text
    type_in_editor(app, edited)
    switch_page(app, "compare")
    assert not app.exception
    # The previous revision against the current one, by default.
    assert app.segmented_control(key=key("before", "source")).value == "revision"
    assert app.segmented_control(key=key("after", "source")).value == "revision"
    before, after = pictures(app)
    assert marked(before, "changed") == {renamed.id} == marked(after, "changed")
    changed = frame(app, t("compare.changed", "en"))
    assert changed[t("compare.col_field", "en")].tolist() == ["label"]
    assert changed[t("compare.col_after", "en")].tolist() == [f"{renamed.label} (new)"]
    assert t("diff.changed", "en") in after  # the legend in English

    # The same revision on both sides: nothing differs, nothing is marked.
    app.selectbox(key=key("after", "revision")).set_value(app.selectbox(key=key("before", "revision")).value).run()
    assert [s.value for s in app.success] == [t("compare.same", "en")]
    assert all("diff-" not in svg for svg in pictures(app))
    assert gone.id  # untouched here: a removed step is the examples' case above


def test_an_example_against_another_and_a_broken_upload(english_app):
    app = english_app
    switch_page(app, "compare")
    app.selectbox(key=key("after", "example")).set_value("parcel-locker.en.yaml").run()
    assert not app.exception
    expected = diff(load(BEFORE), load(ROOT / "examples" / "parcel-locker.en.yaml"))
    assert len(marked(pictures(app)[0], "removed")) == len(expected["removed"]) > 0
    app.segmented_control(key=key("after", "source")).set_value("upload").run()
    assert [i.value for i in app.info] == [t("compare.pick_both", "en")] and not pictures(app)
    # A draft source without drafts, and a revision without an open draft, say so.
    app.segmented_control(key=key("before", "source")).set_value("revision").run()
    assert t("compare.no_draft", "en") in [c.value for c in app.caption]


def test_comparison_refuses_a_text_that_does_not_load():
    assert comparison(load_text("blueprint: 1\ntitle: [\n"), load_text(BEFORE.read_text(encoding="utf-8"))) is None
