"""The preview after an edit, in a real browser: only what changed is drawn again, and the drawing
in the page is exactly the one a whole redraw would give."""

from __future__ import annotations

from tests.browser.conftest import click_step, find_in_editor, no_exception_box, put_cursor, step_locator
from tests.browser.test_app_browser import open_example

ROOT = "document.querySelector('[data-testid=\"stBidiComponentIsolated\"]')?.shadowRoot"

# Each card of the drawing in the page, by step id, kept for after the edit.
KEEP_CARDS = """() => { const root = %s;
  window.__cards = new Map(Array.from(root.querySelectorAll('g.step')).map(
    (g) => [g.querySelector('title').textContent, g]));
  window.__view = root.querySelector('.bp-canvas > svg').getAttribute('viewBox'); }""" % ROOT

# The drawing in the page against the text it was drawn from, parsed whole: the same groups in the
# same order, each the same markup.
SAME_AS_WHOLE = """() => { const root = %s;
  const state = root.querySelector('.bp-preview').__bpPreview;
  const whole = new DOMParser().parseFromString(state.svgText, 'image/svg+xml').querySelector('g.graph');
  const shown = root.querySelector('.bp-canvas > svg g.graph');
  const markup = (graph) => Array.from(graph.children).map((el) => {
    const copy = el.cloneNode(true); copy.classList.remove('bp-selected');
    if (!copy.getAttribute('class')) copy.removeAttribute('class');
    return new XMLSerializer().serializeToString(copy).replace(/ xmlns="[^"]*"/g, ''); });
  const a = markup(whole), b = markup(shown);
  return a.length === b.length && a.every((text, i) => text === b[i]); }""" % ROOT


def test_an_edit_redraws_only_the_cards_it_changed(page, server):
    open_example(page, server)
    page.evaluate(KEEP_CARDS)
    assert page.evaluate(SAME_AS_WHOLE)
    # The font is named once on the drawing, and every text is set in it.
    assert page.evaluate(f"() => {ROOT}.querySelectorAll('text[font-family]').length") == 0
    assert "Noto Sans CJK SC" in page.evaluate(
        f"() => getComputedStyle({ROOT}.querySelector('g.step text')).fontFamily")

    line, ch = find_in_editor(page, "label: 进入营业厅")
    put_cursor(page, line, ch + len("label: 进入营业厅"))
    page.keyboard.type("X")
    page.wait_for_function(
        f"() => {ROOT}?.querySelector('.bp-canvas > svg')?.textContent.includes('进入营业厅X')", timeout=30_000)
    replaced = page.evaluate("""() => { const root = %s;
      return Array.from(root.querySelectorAll('g.step')).filter(
        (g) => window.__cards.get(g.querySelector('title').textContent) !== g)
        .map((g) => g.querySelector('title').textContent); }""" % ROOT)
    assert replaced == ["enter"]  # one card new; the other cards are the very same elements
    assert page.evaluate(SAME_AS_WHOLE)
    assert page.evaluate(f"() => {ROOT}.querySelector('.bp-canvas > svg').getAttribute('viewBox')") == \
        page.evaluate("() => window.__view")  # the view stays where the user had it

    # The new card is a card like the others: a click selects it, and it is outlined.
    click_step(page, "enter")
    page.wait_for_function(f"() => {ROOT}?.querySelector('g.bp-selected title')?.textContent === 'enter'",
                           timeout=15_000)
    assert step_locator(page, "enter").get_attribute("class").split()[-1] == "bp-selected"
    no_exception_box(page)
