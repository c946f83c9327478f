// The blueprint YAML editor on CodeMirror 5, which a component of its own puts in the page
// (window.CodeMirror; see blueprint/ui/components.py) just before this one.
//
// Python sends {draft, text, rev, taken, findings, goto, completions, height}. `rev` changes only
// when the text changed outside the editor (a table edit, undo, another tab's save): then the
// editor's text is replaced, by the smallest range that differs. Typing sends {text, base, seq}
// as the state value `edit`, debounced: `base` is the rev the typed text was made on, `seq`
// numbers the edit, and Python says which edit it has taken (`taken`). Python saves an edit made
// on a text it has since replaced on the revision that text was, merged with what changed
// meanwhile, so typing is never dropped.
//
// A new rev is taken only when Python has everything typed here: no keys since the last edit
// sent, and that edit taken. A run that began before the edit arrived (another tab's save, seen
// by the head check) draws a text without it; taking that text would wipe the keys from the
// screen and move the cursor under the user's hands, and the next keys, tagged with the new
// rev, would undo the other tab's change in the merge. Until then the editor keeps its text and
// the rev it was typed on, and sends what is typed; Python merges it and sends the result back.
//
// The document (text, undo history, cursor, scroll) lives in a CodeMirror.Doc kept per draft in
// this module, not in the editor's DOM: Streamlit may unmount and mount the component again (it
// does when it first loads another element's code), and the new editor takes the same Doc back,
// so reruns and remounts never lose the cursor or the undo history.

// Long enough to send a burst of keys (a word typed fast, a paste) as one edit, short enough to
// be a small part of keystroke -> picture (bench/browser.py: 150 ms was half of it at 50 steps).
const SEND_DELAY_MS = 80;
const FLASH_MS = 1600;
const REFOCUS_WINDOW_MS = 3000;

/** draft id -> {doc, rev, sent, sentSeq, sentEdit, timer, cm, setStateValue, findings, findingsJson, completions,
 *  gotoNonce} */
const sessions = new Map();
/** The number of the last edit sent, from any draft's editor (Python echoes the last it took). */
let lastSeq = 0;

function commonEnds(a, b) {
  let start = 0;
  const limit = Math.min(a.length, b.length);
  while (start < limit && a.charCodeAt(start) === b.charCodeAt(start)) start++;
  let end = 0;
  while (end < limit - start && a.charCodeAt(a.length - 1 - end) === b.charCodeAt(b.length - 1 - end)) end++;
  return [start, end];
}

function replaceText(doc, text) {
  const current = doc.getValue();
  if (current === text) return;
  const [start, end] = commonEnds(current, text);
  doc.replaceRange(text.slice(start, text.length - end), doc.posFromIndex(start),
                   doc.posFromIndex(current.length - end), "+bp-sync");
}

// The end of the YAML token at (line, ch): the underline covers the reference or key named.
function tokenEnd(doc, line, ch) {
  const content = doc.getLine(line) || "";
  let end = ch;
  while (end < content.length && !/[\s,\]}#]/.test(content[end])) end++;
  if (end === ch) end = Math.min(content.length, ch + 1);
  return end;
}

function annotations(session) {
  if (!session) return [];  // CodeMirror lints once while it is being built
  const doc = session.doc;
  const last = doc.lineCount() - 1;
  return (session.findings || []).map((f) => {
    const line = Math.max(0, Math.min(last, f.line - 1));
    const ch = Math.max(0, f.column - 1);
    return {
      from: CodeMirror.Pos(line, ch),
      to: CodeMirror.Pos(line, tokenEnd(doc, line, ch)),
      message: `${f.message} (${f.rule})`,
      severity: f.level,
    };
  });
}

// What to complete at the cursor: keys at a key position, ids after lane:/phase:/next:/...
function hint(cm) {
  const session = cm.__bpSession;
  const cursor = cm.getCursor();
  const before = cm.getLine(cursor.line).slice(0, cursor.ch);
  const word = /[^\s:,\[\]{}#'"]*$/.exec(before)[0];
  const head = before.slice(0, before.length - word.length);
  const c = (session && session.completions) || {};
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
  } else if (/(^|[\s{,])(next|recovery|from|to):\s*$/.test(head) || /(next|steps):\s*\[[^\]]*$/.test(head)) {
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
}

function showHint(cm) {
  cm.showHint({hint, completeSingle: false});
}

function send(session) {
  clearTimeout(session.timer);
  session.timer = null;
  const text = session.doc.getValue();
  if (text === session.sent) return;
  session.sent = text;
  lastSeq += 1;
  session.sentSeq = lastSeq;
  session.sentEdit = {text, base: session.rev, seq: lastSeq};
  session.setStateValue("edit", session.sentEdit);
}

// When did the user last click or press a key outside the editor: a blur right after that is theirs.
let lastUserAction = 0;
document.addEventListener("pointerdown", () => { lastUserAction = Date.now(); }, true);
document.addEventListener("keydown", (event) => {
  if (!(event.target && event.target.closest && event.target.closest(".bp-editor"))) lastUserAction = Date.now();
}, true);

// A blur nobody asked for (Streamlit hiding or remounting the component while it loads another
// element's code) is undone: once an editor for this draft shows again, it takes the focus, the
// cursor and an open completion list back. A blur the user caused is left alone.
function keepFocus(session, cm) {
  const hadHint = Boolean(cm.state.completionActive);
  const cursor = session.doc.getCursor();
  setTimeout(() => {
    const active = document.activeElement;
    if ((active && active !== document.body) || Date.now() - lastUserAction < 500) return;
    const started = Date.now();
    const retry = () => {
      if (document.activeElement && document.activeElement !== document.body) return;
      const target = session.cm;
      if (!target || target.getWrapperElement().offsetParent === null) {
        if (Date.now() - started < REFOCUS_WINDOW_MS) requestAnimationFrame(retry);
        return;
      }
      target.focus();
      session.doc.setCursor(cursor);
      if (hadHint) showHint(target);
    };
    retry();
  }, 0);
}

function createEditor(host) {
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
    lint: {getAnnotations: (_text, _options, editor) => annotations(editor.__bpSession), lintOnChange: false,
           tooltips: true},
    extraKeys: {
      // YAML forbids tabs for indentation: Tab indents with spaces.
      Tab: (editor) => editor.somethingSelected() ? editor.indentSelection("add")
                                                   : editor.replaceSelection("  ", "end"),
      "Shift-Tab": (editor) => editor.indentSelection("subtract"),
      "Ctrl-Space": showHint,
    },
  });
  cm.on("changes", (editor, changes) => {
    const session = editor.__bpSession;
    if (!session || changes.every((change) => change.origin === "+bp-sync" || change.origin === "setValue")) return;
    clearTimeout(session.timer);
    session.timer = setTimeout(() => send(session), SEND_DELAY_MS);
  });
  cm.on("blur", (editor) => {
    const session = editor.__bpSession;
    if (!session) return;
    if (session.timer) send(session);
    keepFocus(session, editor);
  });
  cm.on("inputRead", (editor, change) => {
    if (editor.state.completionActive) return;
    if (/^[\p{L}\p{N}_-]$/u.test(change.text.join(""))) showHint(editor);
  });
  return cm;
}

// Put the session's document in this editor (taking it from an editor that is gone).
function attach(session, cm) {
  if (session.cm && session.cm !== cm && session.cm.getDoc() === session.doc) {
    session.cm.swapDoc(CodeMirror.Doc("", "yaml"));
    session.cm.__bpSession = null;
  }
  if (cm.getDoc() !== session.doc) cm.swapDoc(session.doc);
  cm.__bpSession = session;
  session.cm = cm;
  session.findingsJson = null;  // mark the findings again in this editor
}

function goTo(session, goto) {
  const cm = session.cm;
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
  const host = component.parentElement.querySelector(".bp-editor");
  if (!host || !component.data) return;
  // The CodeMirror component mounts first, but its module may still be loading: wait for it,
  // then draw with the newest arguments this editor was given.
  host.__bpLatest = component;
  if (window.CodeMirror) {
    render(component, host);
  } else if (!host.__bpWaiting) {
    host.__bpWaiting = true;
    const wait = () => {
      if (!window.CodeMirror) { requestAnimationFrame(wait); return; }
      host.__bpWaiting = false;
      render(host.__bpLatest, host);
    };
    requestAnimationFrame(wait);
  }
}

function render(component, host) {
  const {data, setStateValue} = component;
  if (!host.__bpEditor) host.__bpEditor = createEditor(host);
  const cm = host.__bpEditor;

  let session = sessions.get(data.draft);
  if (!session) {
    // A new document has no history: Ctrl+Z never blanks the file.
    session = {doc: CodeMirror.Doc(data.text, "yaml"), rev: data.rev, sent: data.text, sentSeq: 0, timer: null,
               cm: null,
               findingsJson: null, gotoNonce: null};
    sessions.set(data.draft, session);
  }
  for (const [draft, other] of sessions) {
    if (draft !== data.draft && other.cm === cm) { clearTimeout(other.timer); other.cm = null; }
  }
  if (session.cm !== cm) attach(session, cm);
  session.setStateValue = setStateValue;
  session.completions = data.completions || {};

  if (data.rev !== session.rev) {
    const typed = session.doc.getValue();
    if (typed === data.text) {
      // Already what Python holds (the merge came back as typed).
      clearTimeout(session.timer);
      session.timer = null;
      session.sent = typed;
      session.rev = data.rev;
    } else if (typed !== session.sent) {
      // Typed here and not sent yet: sent now, on the rev it was typed on, for Python to merge.
      send(session);
    } else if (session.sentSeq <= (data.taken || 0)) {
      replaceText(session.doc, data.text);
      session.sent = data.text;
      session.rev = data.rev;
    } else {
      // The last edit sent is not taken yet: this text was drawn without it. Python takes it on
      // its next run and sends the merge back as a newer rev; it is given again through this
      // mount, in case the one it was sent through was gone before it reached Python.
      session.setStateValue("edit", session.sentEdit);
    }
  }
  const height = data.height || "60vh";
  if (height !== host.dataset.height) {
    host.dataset.height = height;
    host.style.setProperty("--bp-editor-height", height);
    cm.refresh();  // CodeMirror measures its box: only when the box changed
  }
  host.dataset.rev = String(session.rev);
  // Mark again only when the findings changed: a rerun must not disturb an open completion list.
  const findings = JSON.stringify(data.findings || []);
  if (findings !== session.findingsJson) {
    session.findingsJson = findings;
    session.findings = data.findings || [];
    cm.performLint();
  }
  if (data.goto && data.goto.nonce !== session.gotoNonce) {
    session.gotoNonce = data.goto.nonce;
    goTo(session, data.goto);
  }
}
