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
// Under each table, its add line (pages/tables_add.py): Enter in one of its text inputs presses
// its Add button; after an add, the new build of the grid is scrolled to its last row (the new
// one) and the line's first input takes the keyboard for the next row; text typed in the line and
// not added is given back to it after a page switch.
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

// The nearest element from `node` up (itself first) with a class `pattern` matches: {box, match},
// or null. Streamlit marks an element made with key=k by the class st-key-k.
function keyed(node, pattern) {
  for (let box = node instanceof Element ? node : null; box; box = box.parentElement) {
    for (const name of box.classList) {
      const match = pattern.exec(name);
      if (match) return {box, match};
    }
  }
  return null;
}

const TABLE_KEY = /^st-key-bp_table_([a-z]+)_(\d+)$/;

function tableOf(node) {
  const found = keyed(node, TABLE_KEY);
  return found && {box: found.box, name: found.match[1], build: found.match[2]};
}

const kept = new Map();  // table name -> {build, top, left}: each table's last scroll position

function installScrollKeeper() {
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

const ADD_BOX = /^st-key-(bp_add_[a-z]+)$/;

function installAddLine() {
  document.addEventListener("keydown", (event) => {
    const input = event.target;
    if (event.key !== "Enter" || event.isComposing || !(input instanceof HTMLInputElement) || input.type !== "text") return;
    if (input.getAttribute("role") === "combobox") return;  // Enter in a select box picks an option
    const line = keyed(input, ADD_BOX);
    if (!line) return;
    // After Streamlit has taken the input's value (its own Enter handler, this same event).
    const go = () => line.box.querySelector(`.st-key-${line.match[1]}_go button`);
    setTimeout(() => { const button = go(); if (button) button.click(); }, 0);
  }, true);
  // What each input held when the row was sent: still there until the app clears it, which is not
  // the person typing the next row.
  document.addEventListener("click", (event) => {
    const line = keyed(event.target, ADD_BOX);
    if (line && event.target.closest("button")) {
      for (const input of line.box.querySelectorAll("input")) sent.set(input, input.value);
    }
  }, true);
}

const sent = new WeakMap();

// What is typed in the add lines and not added, by draft and input: a page switch that comes
// right after the typing can reach the app before the typed text does (Streamlit then drops the
// text), so the page gives it back to the input when the line shows again.
const typed = new Map();
const FIELD = /^st-key-(bp_add_[a-z]+_[a-z]+)$/;

function fieldOf(input) {
  const found = keyed(input, FIELD);
  return found && `${new URLSearchParams(location.search).get("draft")}/${found.match[1]}`;
}

function installTypedKeeper() {
  document.addEventListener("input", (event) => {
    const input = event.target;
    if (!(input instanceof HTMLInputElement) || input.type !== "text" || input.getAttribute("role") === "combobox") return;
    const field = fieldOf(input);
    if (field) typed.set(field, input.value);
  }, true);
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value").set;
  new MutationObserver(() => {
    for (const input of document.querySelectorAll("[class*='st-key-bp_add_'] input[type=text]:not([role=combobox])")) {
      if (input.__bpSeen) continue;
      input.__bpSeen = true;
      const field = fieldOf(input);
      const value = field ? typed.get(field) : undefined;
      if (value && input.value === "") {
        setValue.call(input, value);  // as if typed: the input takes it when Enter or leaving it
        input.dispatchEvent(new Event("input", {bubbles: true}));
      }
    }
  }).observe(document.body, {childList: true, subtree: true});
}

function forgetTyped(box) {
  const draft = new URLSearchParams(location.search).get("draft");
  for (const field of Array.from(typed.keys())) if (field.startsWith(`${draft}/${box}_`)) typed.delete(field);
}

function scrollToEnd(table, build) {
  const started = performance.now();
  let still = 0;
  const step = () => {
    const scroller = document.querySelector(`.st-key-bp_table_${table}_${build} .dvn-scroller`);
    if (scroller) {
      kept.set(table, {build, top: scroller.scrollHeight, left: 0});
      const end = scroller.scrollHeight - scroller.clientHeight;
      still = scroller.scrollTop >= end - 1 ? still + 1 : 0;
      scroller.scrollTop = end;
      scroller.scrollLeft = 0;
    }
    // The grid lays itself out over a few frames: scroll until it stays at its end.
    if (still < 3 && performance.now() - started < 3000) requestAnimationFrame(step);
  };
  requestAnimationFrame(step);
}

function focusAddLine(key) {
  const box = document.querySelector(`.st-key-${key}`);
  const first = box ? box.querySelector("input") : null;
  if (!first) return;
  const active = document.activeElement;
  // Not when the person has gone elsewhere or is already typing the next row.
  const here = !active || active === document.body || box.contains(active);
  const typing = active instanceof HTMLInputElement && active !== first && active.value !== ""
    && active.value !== sent.get(active);
  if (here && !typing) first.focus({preventScroll: true});
}

const done = new Set();

export default function (component) {
  if (!window.__bpGridFocus) {
    window.__bpGridFocus = true;
    install();
    installScrollKeeper();
    installAddLine();
    installTypedKeeper();
  }
  const reveal = component && component.data ? component.data.reveal : null;
  if (!reveal || done.has(reveal.nonce)) return;
  done.add(reveal.nonce);
  forgetTyped(reveal.box);
  scrollToEnd(reveal.table, reveal.build);
  focusAddLine(reveal.box);
}
