"""The analysis page in a real browser: the as-is hall's queue, charts drawn, a slider moved."""

from __future__ import annotations

from blueprint.ui.i18n import t
from blueprint.ui.pages.analysis import WHATIF_KEY
from tests.browser.conftest import no_exception_box, no_horizontal_scroll, screenshot, wait_for_app
from tests.browser.test_app_browser import go_to, open_example


def metric_value(page, label: str) -> str:
    box = page.locator('[data-testid="stMetric"]').filter(has_text=label).first
    return box.locator('[data-testid="stMetricValue"]').inner_text().strip()


def test_the_peak_hour_what_if(page, server):
    open_example(page, server, "hall-before.zh.yaml")
    go_to(page, "analysis", "zh")
    mean_wait = t("analysis.mean_wait", "zh")
    page.wait_for_selector('[data-testid="stMetric"]', timeout=30_000)
    assert metric_value(page, mean_wait) == "56.3 分钟"
    # Four charts drawn by Vega in the page itself (no fetch from outside: checked below).
    page.wait_for_function("() => document.querySelectorAll('[data-testid=\"stVegaLiteChart\"] canvas, "
                           "[data-testid=\"stVegaLiteChart\"] svg.marks').length >= 4", timeout=30_000)
    # One counter more: the keyboard moves the slider by one step.
    page.locator(f".st-key-{WHATIF_KEY}_servers_queue-wait").get_by_role("slider").press("ArrowRight")
    wait_for_app(page)
    page.wait_for_function("(label) => !Array.from(document.querySelectorAll('[data-testid=\"stMetric\"]'))"
                           ".some(m => m.textContent.includes(label) && m.textContent.includes('56.3'))",
                           arg=mean_wait, timeout=30_000)
    assert metric_value(page, mean_wait) == "3.1 分钟"  # seven counters
    no_horizontal_scroll(page)
    screenshot(page, "analysis-zh")
    no_exception_box(page)
