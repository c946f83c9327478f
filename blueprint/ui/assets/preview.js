// The blueprint preview: the renderer's SVG inline, pan by drag, zoom by wheel and buttons.
//
// Python sends {svg, highlight: {id, nonce} | null, labels, height, empty}. The SVG is redrawn
// only when its text changes, and then only in part when it can be (an edit changes a few of a
// drawing's thousands of groups: see `patch`); the view (zoom and position) is kept across a
// re-render of a drawing of about the same size. A click on a step group (class "step",
// <title> = step id) sends the id as the trigger value `clicked`; a highlight request outlines
// that step and brings it into view.

const ZOOM_STEP = 1.25;
const CLICK_SLOP_PX = 5;

// An attribute named on...: the only place an event handler can hide in the SVG's text.
const HANDLER = /\son[a-z]/i;

// An SVG text parsed, without anything that could run: its root element, still in its own
// document; null when the text is not an SVG document. Both the whole drawing and a patch's
// changed groups (`patch`) are read here.
function parseSvg(text) {
  const doc = new DOMParser().parseFromString(text, "image/svg+xml");
  const root = doc.documentElement;
  if (!root || root.nodeName.toLowerCase() !== "svg") return null;
  // The renderer's SVG is sanitized already; this is a second lock on the door. Every element's
  // attributes are read only when the text holds something like a handler at all (a 500-step
  // drawing has 7 000 elements: the walk alone took 35 ms).
  root.querySelectorAll("script, foreignObject").forEach((node) => node.remove());
  if (HANDLER.test(text)) {
    root.querySelectorAll("*").forEach((node) => {
      for (const attr of Array.from(node.attributes)) {
        if (/^on/i.test(attr.name)) node.removeAttribute(attr.name);
      }
    });
  }
  return root;
}

// The drawing's text in parts: `head` (up to the graph group's first child group: the root
// element, the title, the white page), the graph group's child groups (`groups`, each from its
// <g to its </g>, nested groups inside), and `tail`. Null for a text of another shape (anything
// but white space between the groups): that one is drawn whole.
const GRAPH_GROUP = /<g\b[^>]*\bclass="graph"[^>]*>/;
const GROUP_TAG = /<g[\s>]|<\/g>/g;

function splitSvg(text) {
  const graph = GRAPH_GROUP.exec(text);
  if (!graph) return null;
  const groups = [];
  let depth = 0;
  let start = -1;
  let end = graph.index + graph[0].length;
  let head = null;
  GROUP_TAG.lastIndex = end;
  for (let match; (match = GROUP_TAG.exec(text));) {
    if (match[0] === "</g>") {
      depth -= 1;
      if (depth === 0) {
        groups.push(text.slice(start, GROUP_TAG.lastIndex));
        end = GROUP_TAG.lastIndex;
      } else if (depth < 0) {  // the graph group's own end
        if (head === null) return null;
        const tail = text.slice(match.index);
        return /^<\/g>\s*<\/svg>\s*$/.test(tail) ? {head, groups, tail} : null;
      }
    } else {
      if (depth === 0) {
        if (head === null) head = text.slice(0, match.index);
        else if (text.slice(end, match.index).trim()) return null;
        start = match.index;
      }
      depth += 1;
    }
  }
  return null;
}

// Bring the drawing in the page from the text `state.parts` was made from to `text` by parsing
// and swapping only the groups whose text changed (a label typed: one card, its edges); groups
// are matched by their text, so a group that moved is moved, not parsed again. False when only a
// whole redraw will do: the first drawing, a new size or title (the head changed), another shape.
function patch(state, text) {
  const old = state.parts;
  const parts = old && state.svg && state.svg.isConnected ? splitSvg(text) : null;
  if (!parts || parts.head !== old.head || parts.tail !== old.tail) return false;
  const kept = new Map();  // group text -> its elements in the page, in order
  old.groups.forEach((group, index) => {
    const list = kept.get(group);
    if (list) list.push(old.nodes[index]); else kept.set(group, [old.nodes[index]]);
  });
  const nodes = [];
  const changed = [];
  const slots = [];
  parts.groups.forEach((group, index) => {
    const list = kept.get(group);
    if (list && list.length) nodes.push(list.shift());
    else { nodes.push(null); changed.push(group); slots.push(index); }
  });
  if (changed.length) {
    const root = parseSvg(`<svg xmlns="http://www.w3.org/2000/svg">${changed.join("")}</svg>`);
    if (!root || root.querySelector("parsererror")) return false;
    const fresh = Array.from(root.children);
    if (fresh.length !== changed.length) return false;
    slots.forEach((slot, k) => { nodes[slot] = document.adoptNode(fresh[k]); });
  }
  for (const list of kept.values()) list.forEach((node) => node.remove());
  let previous = old.first;
  for (const node of nodes) {
    if (previous.nextElementSibling !== node) previous.after(node);
    previous = node;
  }
  state.parts = {head: parts.head, tail: parts.tail, groups: parts.groups, nodes, first: old.first};
  return true;
}

// What `patch` needs to know of a drawing just put in the page whole: its parts, and which
// element each group is (the graph group's children after the head's elements).
function remember(state, text) {
  state.parts = null;
  const parts = state.svg ? splitSvg(text) : null;
  const graph = state.svg && state.svg.querySelector("g.graph");
  if (!parts || !graph) return;
  const children = Array.from(graph.children);
  const groups = children.filter((child) => child.nodeName.toLowerCase() === "g");
  const at = children.indexOf(groups[0]);
  const first = children[at - 1];  // the head's last element: the white page
  if (groups.length !== parts.groups.length || !first || at + groups.length !== children.length) return;
  state.parts = {...parts, nodes: groups, first};
}

function baseBox(svg) {
  const vb = svg.viewBox && svg.viewBox.baseVal;
  if (vb && vb.width > 0 && vb.height > 0) return {x: vb.x, y: vb.y, w: vb.width, h: vb.height};
  const w = parseFloat(svg.getAttribute("width")) || 800;
  const h = parseFloat(svg.getAttribute("height")) || 600;
  return {x: 0, y: 0, w, h};
}

// The viewBox that shows `box` whole in a canvas of the given size (what "meet" would show).
function fitted(box, width, height) {
  const scale = Math.min(width / box.w, height / box.h);
  const w = width / scale;
  const h = height / scale;
  return {x: box.x - (w - box.w) / 2, y: box.y - (h - box.h) / 2, w, h};
}

function apply(state) {
  const v = state.view;
  if (state.svg && v) state.svg.setAttribute("viewBox", `${v.x} ${v.y} ${v.w} ${v.h}`);
}

function canvasSize(state) {
  const rect = state.canvas.getBoundingClientRect();
  return {width: Math.max(rect.width, 1), height: Math.max(rect.height, 1), rect};
}

function fit(state) {
  if (!state.base) return;
  const {width, height} = canvasSize(state);
  state.view = fitted(state.base, width, height);
  state.fitted = true;
  apply(state);
}

// Screen pixels per drawing unit at which a card's label (10 units) is 12.5 px: readable.
const READABLE_SCALE = 1.25;

// A group's box in the SVG's own coordinates, transforms included.
function boxOf(state, group) {
  const box = group.getBBox();
  const toSvg = state.svg.getScreenCTM().inverse().multiply(group.getScreenCTM());
  const a = new DOMPoint(box.x, box.y).matrixTransform(toSvg);
  const b = new DOMPoint(box.x + box.width, box.y + box.height).matrixTransform(toSvg);
  return {x: Math.min(a.x, b.x), y: Math.min(a.y, b.y), w: Math.abs(b.x - a.x), h: Math.abs(b.y - a.y)};
}

// A new drawing opens whole when it can be read that way; a larger one opens readable where the
// journey starts: the customer's first step, with the phase headers above it (the fit buttons
// still show it whole or across the width).
function opening(state) {
  if (!state.base) return;
  const {width, height, rect} = canvasSize(state);
  // Not laid out yet: the resize observer opens it once the canvas has its size.
  state.opening = rect.width < 2 || rect.height < 2;
  if (state.opening) return;
  const base = state.base;
  if (Math.min(width / base.w, height / base.h) >= READABLE_SCALE) { fit(state); return; }
  const w = width / READABLE_SCALE;
  const h = height / READABLE_SCALE;
  const first = state.svg.querySelector("g.step.customer") || state.svg.querySelector("g.step");
  let x = base.x;
  if (first) {
    // From the left edge (the lane names in view) when the first step shows there; else from it.
    const box = boxOf(state, first);
    if (box.x + box.w > base.x + 0.7 * w) x = Math.max(base.x, Math.min(box.x - 0.15 * w, base.x + base.w - w));
  }
  state.view = {x, y: base.y, w, h};
  state.fitted = false;
  apply(state);
}

// The drawing across the canvas's width (a wide blueprint: its rows readable side to side).
function fitWidth(state) {
  if (!state.base) return;
  const {width, height} = canvasSize(state);
  const base = state.base;
  const scale = width / base.w;
  const y = state.view ? state.view.y : base.y;
  state.view = {x: base.x, y, w: base.w, h: height / scale};
  state.fitted = false;
  apply(state);
}

// The phases, left to right, for the jump list: {id, label, box}.
function phases(state) {
  if (!state.svg) return [];
  const found = [];
  for (const group of state.svg.querySelectorAll("g.phase-header")) {
    const title = Array.from(group.children).find((child) => child.nodeName.toLowerCase() === "title");
    const id = title ? title.textContent.replace(/^phase-header:/, "").trim() : "";
    const label = Array.from(group.querySelectorAll("text")).map((t) => t.textContent).join(" ").trim();
    if (id) found.push({id, label: label || id, group});
  }
  return found;
}

// Bring a phase to the left of the view, at the zoom the user has.
function jumpTo(state, id) {
  const phase = phases(state).find((item) => item.id === id);
  if (!phase || !state.view) return;
  const box = boxOf(state, phase.group);
  state.view = {...state.view, x: box.x - 0.05 * state.view.w};
  state.fitted = false;
  apply(state);
}

function fillPhases(root, state, label) {
  const select = root.querySelector(".bp-phase");
  const found = phases(state);
  select.replaceChildren();
  const head = document.createElement("option");
  head.value = "";
  head.textContent = label || "";
  select.appendChild(head);
  for (const phase of found) {
    const option = document.createElement("option");
    option.value = phase.id;
    option.textContent = phase.label;
    select.appendChild(option);
  }
  select.style.display = found.length > 1 ? "" : "none";
}

function zoomAt(state, factor, clientX, clientY) {
  if (!state.view) return;
  const {width, height, rect} = canvasSize(state);
  const v = state.view;
  const px = clientX === undefined ? 0.5 : (clientX - rect.left) / width;
  const py = clientY === undefined ? 0.5 : (clientY - rect.top) / height;
  const fit0 = fitted(state.base, width, height);
  // From four times magnified (however large the drawing) out to four times the fitted view.
  const w = Math.min(fit0.w * 4, Math.max(width / 4, v.w / factor));
  const h = w * (height / width);
  const x = v.x + (v.w - w) * px;
  const y = v.y + (v.h - h) * py;
  state.view = {x, y, w, h};
  state.fitted = false;
  apply(state);
}

// One SVG unit to one screen pixel (the drawing's natural size), around the current centre.
function actualSize(state) {
  if (!state.view) return;
  const {width} = canvasSize(state);
  zoomAt(state, state.view.w / width);
}

function stepGroup(node) {
  for (let el = node; el && el.nodeType === 1 && el.nodeName.toLowerCase() !== "svg"; el = el.parentNode) {
    if (el.nodeName.toLowerCase() === "g" && el.classList.contains("step")) return el;
  }
  return null;
}

function stepId(group) {
  const title = Array.from(group.children).find((child) => child.nodeName.toLowerCase() === "title");
  return title ? title.textContent.trim() : null;
}

function findStep(state, id) {
  if (!state.svg) return null;
  for (const group of state.svg.querySelectorAll("g.step")) {
    if (stepId(group) === id) return group;
  }
  return null;
}

function highlight(state, request, bringIntoView) {
  if (state.selected) state.selected.classList.remove("bp-selected");
  state.selected = null;
  if (!request || !request.id) return;
  const group = findStep(state, request.id);
  if (!group) return;
  group.classList.add("bp-selected");
  state.selected = group;
  if (!bringIntoView) return;
  const box = boxOf(state, group);
  const cx = box.x + box.w / 2;
  const cy = box.y + box.h / 2;
  const {width, height} = canvasSize(state);
  const fit0 = fitted(state.base, width, height);
  // Close enough to read the card, never further out than the whole drawing.
  const w = Math.min(fit0.w, Math.max(box.w * 5, 500));
  const h = w * (height / width);
  state.view = {x: cx - w / 2, y: cy - h / 2, w, h};
  state.fitted = false;
  apply(state);
}

function setUp(root, state) {
  const canvas = root.querySelector(".bp-canvas");
  state.canvas = canvas;
  root.querySelectorAll(".bp-toolbar button").forEach((button) => {
    button.addEventListener("click", () => {
      const action = button.dataset.action;
      if (action === "in") zoomAt(state, ZOOM_STEP);
      else if (action === "out") zoomAt(state, 1 / ZOOM_STEP);
      else if (action === "actual") actualSize(state);
      else if (action === "width") fitWidth(state);
      else fit(state);
    });
  });
  const select = root.querySelector(".bp-phase");
  select.addEventListener("change", () => {
    if (select.value) jumpTo(state, select.value);
    select.value = "";
  });
  canvas.addEventListener("wheel", (event) => {
    if (!state.view) return;
    event.preventDefault();
    zoomAt(state, Math.pow(1.0015, -event.deltaY), event.clientX, event.clientY);
  }, {passive: false});
  canvas.addEventListener("pointerdown", (event) => {
    if (event.button !== 0 || !state.view) return;
    state.drag = {x: event.clientX, y: event.clientY, view: {...state.view}, moved: false, target: event.target};
    canvas.setPointerCapture(event.pointerId);
  });
  canvas.addEventListener("pointermove", (event) => {
    const drag = state.drag;
    if (!drag) return;
    const dx = event.clientX - drag.x;
    const dy = event.clientY - drag.y;
    if (!drag.moved && Math.hypot(dx, dy) < CLICK_SLOP_PX) return;
    drag.moved = true;
    canvas.classList.add("bp-dragging");
    const {width} = canvasSize(state);
    const scale = drag.view.w / width;
    state.view = {...drag.view, x: drag.view.x - dx * scale, y: drag.view.y - dy * scale};
    state.fitted = false;
    apply(state);
  });
  const end = (event) => {
    const drag = state.drag;
    state.drag = null;
    canvas.classList.remove("bp-dragging");
    if (!drag || drag.moved || event.type !== "pointerup") return;
    const group = stepGroup(drag.target);
    const id = group && stepId(group);
    if (id) {
      highlight(state, {id}, false);
      state.setTriggerValue("clicked", id);
    }
  };
  canvas.addEventListener("pointerup", end);
  canvas.addEventListener("pointercancel", end);
  // Keep the drawing fitted when the column changes width, unless the user has zoomed.
  state.resize = new ResizeObserver(() => {
    if (state.opening) opening(state); else if (state.fitted) fit(state);
  });
  state.resize.observe(canvas);
}

export default function (component) {
  const {data, parentElement, setTriggerValue} = component;
  const root = parentElement.querySelector(".bp-preview");
  if (!root || !data) return;
  let state = root.__bpPreview;
  if (!state) {
    state = {svgText: null, svg: null, base: null, view: null, highlightNonce: null, fitted: true};
    root.__bpPreview = state;
    setUp(root, state);
  }
  state.setTriggerValue = setTriggerValue;
  root.style.setProperty("--bp-preview-height", data.height || "65vh");
  const labels = data.labels || {};
  root.querySelectorAll(".bp-toolbar button").forEach((button) => {
    const label = labels[button.dataset.action];
    if (label) { button.title = label; button.setAttribute("aria-label", label); }
  });
  root.querySelector(".bp-hint").textContent = labels.hint || "";
  const empty = root.querySelector(".bp-empty");
  empty.textContent = data.svg ? "" : (data.empty || "");
  empty.style.display = data.svg ? "none" : "flex";

  if (data.svg !== state.svgText && data.svg && patch(state, data.svg)) {
    state.svgText = data.svg;
    root.dataset.steps = String(state.svg.querySelectorAll("g.step").length);
  } else if (data.svg !== state.svgText) {
    state.svgText = data.svg;
    const parsed = data.svg ? parseSvg(data.svg) : null;
    // Moved into the page, not copied: the parsed document is thrown away anyway.
    const svg = parsed && document.adoptNode(parsed);
    const oldBase = state.base;
    state.canvas.replaceChildren();
    state.svg = svg;
    state.selected = null;
    if (svg) {
      svg.removeAttribute("width");
      svg.removeAttribute("height");
      svg.setAttribute("preserveAspectRatio", "xMidYMid meet");
      state.canvas.appendChild(svg);
      state.base = baseBox(svg);
      // Keep the user's view when the drawing keeps about its size (an edit, not a new file).
      const similar = oldBase && state.view && !state.fitted
        && Math.abs(state.base.w - oldBase.w) / oldBase.w < 0.3
        && Math.abs(state.base.h - oldBase.h) / oldBase.h < 0.3;
      if (similar) apply(state); else opening(state);
    }
    remember(state, data.svg || "");
    root.dataset.steps = svg ? String(svg.querySelectorAll("g.step").length) : "0";
  }
  if (state.phaseLabel !== (labels.phase || "") || state.phasesFor !== state.svgText) {
    state.phaseLabel = labels.phase || "";
    state.phasesFor = state.svgText;
    fillPhases(root, state, state.phaseLabel);
  }
  const request = data.highlight;
  const isNew = Boolean(request && request.nonce !== null && request.nonce !== state.highlightNonce);
  if (request) state.highlightNonce = request.nonce;
  highlight(state, request, Boolean(isNew));
  return () => { if (state.resize) state.resize.disconnect(); };
}
