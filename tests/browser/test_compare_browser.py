"""The Compare page in a real browser: the as-is hall against the to-be hall, changes marked on both pictures."""

from __future__ import annotations

from blueprint import load
from blueprint.analysis.diff import diff
from blueprint.ui.i18n import t
from blueprint.ui.pages.compare import key
from blueprint.ui.pipeline import diff_marks
from tests.browser.conftest import no_exception_box, no_horizontal_scroll, screenshot, wait_for_app
from tests.conftest import ROOT

_COUNT = """([scope, selector]) => {
    const host = document.querySelector(`.st-key-${scope} [data-testid="stBidiComponentIsolated"]`);
    return host && host.shadowRoot ? host.shadowRoot.querySelectorAll(selector).length : -1; }"""


def test_the_as_is_and_to_be_halls_side_by_side(page, server):
    page.goto(server + "/compare")
    wait_for_app(page)
    left, right = diff_marks(diff(load(ROOT / "examples" / "hall-before.zh.yaml"),
                                  load(ROOT / "examples" / "hall-walk.zh.yaml")))
    expected = {("before", status): sum(1 for found in left.values() if found == status)
                for status in ("removed", "moved", "changed")}
    expected |= {("after", status): sum(1 for found in right.values() if found == status)
                 for status in ("added", "moved", "changed")}
    for (side, status), count in expected.items():
        page.wait_for_function(f"(args) => ({_COUNT})(args) === {count}",
                               arg=[key(side, "picture"), f"g.diff.diff-{status}"], timeout=60_000)
    # Each picture is whole (its cards drawn) and carries the legend of what it marks.
    for side in ("before", "after"):
        assert page.evaluate(_COUNT, [key(side, "picture"), "g.step"]) > 10
        assert page.evaluate(_COUNT, [key(side, "picture"), "g.overlay-legend"]) == 1
    assert page.evaluate(_COUNT, [key("before", "picture"), "g.diff-added"]) == 0
    assert page.evaluate(_COUNT, [key("after", "picture"), "g.diff-removed"]) == 0
    page.get_by_text(t("compare.added", "zh")).first.wait_for(timeout=30_000)
    no_horizontal_scroll(page)
    screenshot(page, "compare-zh")
    no_exception_box(page)
