"""The analysis page through AppTest: journey, standards, what-if sliders and charts on real files."""

from __future__ import annotations

from blueprint.ui.i18n import t
from blueprint.ui.pages.analysis import WAIT_POINT_KEY, WHATIF_KEY
from tests.ui.conftest import open_example, switch_page, type_in_editor


def metric(at, label: str) -> str:
    (found,) = [m for m in at.metric if m.label == label]
    return found.value


def charts(at) -> list:
    return at.get("vega_lite_chart")


def frame_with(at, column: str):
    (found,) = [frame.value for frame in at.dataframe if column in frame.value.columns]
    return found


def test_the_as_is_hall_shows_its_peak_wait_and_exceeded_standards(app):
    open_example(app, "hall-before.zh.yaml")
    switch_page(app, "analysis")
    assert app.selectbox(key=WAIT_POINT_KEY).value == "queue-wait"
    assert metric(app, t("analysis.mean_wait", "zh")) == "56.3 分钟"
    assert metric(app, t("analysis.utilisation", "zh")) == "98%"
    assert metric(app, t("analysis.counters_needed", "zh")) == "7"
    standards = frame_with(app, t("analysis.col_status", "zh"))
    status = standards[t("analysis.col_status", "zh")].tolist()
    assert t("analysis.status_exceeded", "zh") in status and t("analysis.status_met", "zh") in status
    hours = frame_with(app, t("analysis.col_hour", "zh"))
    assert hours[t("analysis.col_hour", "zh")].tolist() == ["9:00", "10:00", "11:00", "14:00", "16:00"]
    # Timeline by lane, emotion curve, wait distribution, counters: four charts.
    assert len(charts(app)) == 4


def test_sliders_redraw_the_figures_at_once(app):
    open_example(app, "hall-before.zh.yaml")
    switch_page(app, "analysis")
    app.slider(key=f"{WHATIF_KEY}_diversion_queue-wait").set_value(0.25).run()
    app.slider(key=f"{WHATIF_KEY}_service_queue-wait").set_value(4.7).run()
    app.slider(key=f"{WHATIF_KEY}_servers_queue-wait").set_value(4).run()
    assert not app.exception
    # The to-be hall's figures, reached by sliding: 7.4 minutes.
    assert metric(app, t("analysis.mean_wait", "zh")) == "7.4 分钟"
    app.slider(key=f"{WHATIF_KEY}_servers_queue-wait").set_value(3).run()
    assert metric(app, t("analysis.mean_wait", "zh")) == t("analysis.unstable_short", "zh")
    assert any(t("analysis.unstable_short", "zh") in error.value for error in app.error)


def test_a_blueprint_without_queues_still_offers_the_what_if(english_app):
    app = english_app
    open_example(app, "clinic-visit.en.yaml")
    switch_page(app, "analysis")
    assert not app.exception
    # The app speaks the user's language (English here).
    assert t("analysis.no_queue", "en") in [c.value for c in app.caption]
    # The defaults: 40 an hour, 5 minutes each, 4 counters: 3.33 of 4 counters busy.
    assert metric(app, t("analysis.utilisation", "en")) == "83%"
    assert metric(app, t("analysis.total", "en")).endswith("min")


def test_a_file_that_does_not_load_says_where(app):
    open_example(app)
    type_in_editor(app, "blueprint: 1\ntitle: [\n")
    switch_page(app, "analysis")
    (error,) = app.error
    assert error.value.startswith(t("analysis.broken", "zh", line=3, column=1, message="")[:-1])
    assert not app.metric and not app.get("vega_lite_chart")
