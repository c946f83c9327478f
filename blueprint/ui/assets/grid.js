// Keyboard focus belongs to a table's open cell editor.
//
// The data editor's grid (Glide) focuses the clicked cell a moment after a click. When the grid
// already had the focus, that comes after a double-click has opened the cell editor: the editor
// shows, but the keys go to the grid, which takes the first one as "replace the cell's value"
// (and Ctrl+A selects the page). So: while a cell editor has just opened, focus that moves back
// into the grid goes to the editor, with the caret at the end of the text.
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

export default function () {
  if (window.__bpGridFocus) return;
  window.__bpGridFocus = true;
  install();
}
