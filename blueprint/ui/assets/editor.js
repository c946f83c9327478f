// The blueprint YAML editor: CodeMirror 5 (inlined above this code by blueprint/ui/components.py).
//
// Python sends {text, rev, findings, goto, completions, height, empty}. The editor is created
// once per mount and kept on its host element, so reruns never lose the cursor or the undo
// history. `rev` changes only when the text changed outside the editor (a table edit, undo,
// another file): only then is the editor's text replaced, by the smallest range that differs.
// Typing sends {text, base: rev} as the state value `edit`, debounced, so Python can ignore an
// edit made on a text it has since replaced.

const SEND_DELAY_MS = 400;
const FLASH_MS = 1600;

function commonEnds(a, b) {
  let start = 0;
  const limit = Math.min(a.length, b.length);
  while (start < limit && a.charCodeAt(start) === b.charCodeAt(start)) start++;
  let end = 0;
  while (end < limit - start && a.charCodeAt(a.length - 1 - end) === b.charCodeAt(b.length - 1 - end)) end++;
  return [start, end];
}

function replaceText(cm, text) {
  const current = cm.getValue();
  if (current === text) return;
  const [start, end] = commonEnds(current, text);
  const doc = cm.getDoc();
  doc.replaceRange(text.slice(start, text.length - end), doc.posFromIndex(start),
                   doc.posFromIndex(current.length - end), "+bp-sync");
}

// The end of the YAML token at (line, ch): the underline covers the reference or key named.
function tokenEnd(cm, line, ch) {
  const content = cm.getLine(line) || "";
  let end = ch;
  while (end < content.length && !/[\s,\]}#]/.test(content[end])) end++;
  if (end === ch) end = Math.min(content.length, ch + 1);
  return end;
}

function annotations(state) {
  const cm = state.cm;
  if (!cm) return [];  // CodeMirror lints once while it is being built
  const last = cm.lineCount() - 1;
  return (state.findings || []).map((f) => {
    const line = Math.max(0, Math.min(last, f.line - 1));
    const ch = Math.max(0, f.column - 1);
    return {
      from: CodeMirror.Pos(line, ch),
      to: CodeMirror.Pos(line, tokenEnd(cm, line, ch)),
      message: `${f.message} (${f.rule})`,
      severity: f.level === "info" ? "info" : f.level,
    };
  });
}

// What to complete at the cursor: keys at a key position, ids after lane:/phase:/next:/...
function hintFor(state) {
  return (cm) => {
    const cursor = cm.getCursor();
    const before = cm.getLine(cursor.line).slice(0, cursor.ch);
    const word = /[^\s:,\[\]{}#'"]*$/.exec(before)[0];
    const head = before.slice(0, before.length - word.length);
    const c = state.completions || {};
    let list = null;
    let suffix = "";
    if (/^\s*(-\s+)?$/.test(head) || /[{,]\s*$/.test(head) && !/(next|steps):\s*\[[^\]]*$/.test(head)) {
      list = c.keys || [];
      suffix = ": ";
    } else if (/(^|[\s{,])lane:\s*$/.test(head)) {
      list = c.lanes || [];
    } else if (/(^|[\s{,])phase:\s*$/.test(head)) {
      list = c.phases || [];
    } else if (/(^|[\s{,])touchpoint:\s*$/.test(head)) {
      list = c.touchpoints || [];
    } else if (/(^|[\s{,])(next|recovery|from|to):\s*$/.test(head) || /(next|steps):\s*\[[^\]]*$/.test(head)
               || /^\s*-\s+$/.test(head)) {
      list = c.steps || [];
    }
    if (!list) return null;
    const folded = word.toLowerCase();
    const matches = list.filter((item) => item.toLowerCase().startsWith(folded) && item !== word);
    if (!matches.length) return null;
    return {
      list: matches.map((item) => ({text: item + suffix, displayText: item})),
      from: CodeMirror.Pos(cursor.line, cursor.ch - word.length),
      to: cursor,
    };
  };
}

function createEditor(host, state) {
  const cm = CodeMirror(host, {
    value: "",
    mode: "yaml",
    lineNumbers: true,
    lineWrapping: true,  // long Chinese labels stay in a narrow column
    indentUnit: 2,
    tabSize: 2,
    indentWithTabs: false,
    styleActiveLine: true,
    gutters: ["CodeMirror-lint-markers", "CodeMirror-linenumbers"],
    lint: {getAnnotations: () => annotations(state), lintOnChange: false, tooltips: true},
    extraKeys: {
      // YAML forbids tabs for indentation: Tab indents with spaces.
      Tab: (editor) => editor.somethingSelected() ? editor.indentSelection("add")
                                                   : editor.replaceSelection("  ", "end"),
      "Shift-Tab": (editor) => editor.indentSelection("subtract"),
      "Ctrl-Space": (editor) => editor.showHint({hint: hintFor(state), completeSingle: false}),
    },
  });
  cm.on("changes", (editor, changes) => {
    if (changes.every((change) => change.origin === "+bp-sync" || change.origin === "setValue")) return;
    clearTimeout(state.timer);
    state.timer = setTimeout(() => send(state), SEND_DELAY_MS);
  });
  cm.on("blur", () => {
    if (state.timer) { clearTimeout(state.timer); send(state); }
  });
  cm.on("inputRead", (editor, change) => {
    if (editor.state.completionActive) return;
    const typed = change.text.join("");
    if (/^[\p{L}\p{N}_-]$/u.test(typed)) {
      editor.showHint({hint: hintFor(state), completeSingle: false});
    }
  });
  return cm;
}

function send(state) {
  state.timer = null;
  const text = state.cm.getValue();
  if (text === state.sent) return;
  state.sent = text;
  state.setStateValue("edit", {text, base: state.rev});
}

function goTo(state, goto) {
  const cm = state.cm;
  const line = Math.max(0, Math.min(cm.lineCount() - 1, goto.line - 1));
  const ch = Math.max(0, (goto.column || 1) - 1);
  cm.setCursor({line, ch});
  const middle = cm.heightAtLine(line, "local") - cm.getScrollInfo().clientHeight / 2;
  cm.scrollTo(null, Math.max(0, middle));
  const handle = cm.addLineClass(line, "background", "bp-flash");
  setTimeout(() => cm.removeLineClass(handle, "background", "bp-flash"), FLASH_MS);
  cm.focus();
}

export default function (component) {
  const {data, parentElement, setStateValue} = component;
  const host = parentElement.querySelector(".bp-editor");
  if (!host || !data) return;
  let state = host.__bpEditor;
  if (!state) {
    state = {rev: null, sent: null, gotoNonce: null, timer: null, findings: [], completions: {}};
    state.cm = createEditor(host, state);
    host.__bpEditor = state;
  }
  state.setStateValue = setStateValue;
  state.completions = data.completions || {};
  state.findings = data.findings || [];
  host.style.setProperty("--bp-editor-height", data.height || "60vh");
  if (data.rev !== state.rev) {
    const first = state.rev === null;
    state.rev = data.rev;
    if (first) {
      // A fresh editor starts with the text and an empty history: Ctrl+Z never blanks the file.
      state.cm.setValue(data.text);
      state.cm.clearHistory();
    } else {
      replaceText(state.cm, data.text);
    }
    state.sent = data.text;
  }
  host.dataset.rev = String(state.rev);
  state.cm.performLint();
  if (data.goto && data.goto.nonce !== state.gotoNonce) {
    state.gotoNonce = data.goto.nonce;
    goTo(state, data.goto);
  }
  state.cm.refresh();
}
