// Keyboard focus belongs to a table's open cell editor.
//
// The data editor's grid (Glide) focuses the clicked cell a moment after a click. When the grid
// already had the focus, that comes after a double-click has opened the cell editor: the editor
// shows, but the keys go to the grid, which takes the first one as "replace the cell's value"
// (and Ctrl+A selects the page). So: while a cell editor has just opened, focus that moves back
// into the grid goes to the editor, with the caret at the end of the text.
//
// A table rebuilt after an edit (a new id means new choices) is a new grid, scrolled to the top:
// each table's scroll position is kept and given to its next grid.
//
// Installed once per page; it keeps no state of the app and sends nothing back.

const SETTLE_MS = 800;

function openEditor() {
  const overlay = document.querySelector("#portal [id^='gdg-overlay-']");
  return overlay ? overlay.querySelector("textarea, input") : null;
}

function focusEditor(input) {
  input.focus({preventScroll: true});
  if (typeof input.setSelectionRange === "function" && /^(text|search|)$/.test(input.type || "")) {
    const end = input.value.length;
    input.setSelectionRange(end, end);
  }
}

function install() {
  let current = null;
  let openedAt = 0;
  const inGrid = (node) => node instanceof Element && node.closest("[data-testid='stDataFrame']") !== null;
  new MutationObserver(() => {
    const input = openEditor();
    if (input === current) return;
    current = input;
    if (!input) return;
    openedAt = performance.now();
    if (document.activeElement !== input && inGrid(document.activeElement)) focusEditor(input);
  }).observe(document.body, {childList: true, subtree: true});
  document.addEventListener("focusin", (event) => {
    const input = openEditor();
    if (!input || event.target === input || !inGrid(event.target)) return;
    if (performance.now() - openedAt > SETTLE_MS) return;  // a later click in the grid is the user's
    focusEditor(input);
  }, true);
}

const TABLE_KEY = /\bst-key-bp_table_([a-z]+)_(\d+)\b/;

function tableOf(node) {
  for (let box = node instanceof Element ? node : null; box; box = box.parentElement) {
    const match = typeof box.className === "string" ? TABLE_KEY.exec(box.className) : null;
    if (match) return {box, name: match[1], build: match[2]};
  }
  return null;
}

function installScrollKeeper() {
  const kept = new Map();  // table name -> {build, top, left}
  document.addEventListener("scroll", (event) => {
    const scroller = event.target;
    if (!(scroller instanceof Element) || !scroller.classList.contains("dvn-scroller")) return;
    const table = tableOf(scroller);
    if (table) kept.set(table.name, {build: table.build, top: scroller.scrollTop, left: scroller.scrollLeft});
  }, true);
  new MutationObserver(() => {
    for (const scroller of document.querySelectorAll("[class*='st-key-bp_table_'] .dvn-scroller")) {
      const table = tableOf(scroller);
      const last = table ? kept.get(table.name) : null;
      if (!last || last.build === table.build) continue;
      last.build = table.build;  // once per new build; the user's own scrolling takes over
      const {top, left} = last;
      requestAnimationFrame(() => { scroller.scrollTop = top; scroller.scrollLeft = left; });
    }
  }).observe(document.body, {childList: true, subtree: true});
}

export default function () {
  if (window.__bpGridFocus) return;
  window.__bpGridFocus = true;
  install();
  installScrollKeeper();
}
