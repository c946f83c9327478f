"""The app as a person sees it, in Chromium: keystroke → preview updated, and reload → drawing.

    python bench/browser.py            # 50 and 500 steps
    python bench/browser.py 50 200 500

For each size a generated blueprint (bench/generate.py) is opened from the command line by a
real ``streamlit run`` server on 127.0.0.1, and Debian's Chromium (Playwright) at 1366x768:

* keystroke → preview: a character typed at the end of the first step's label, timed in the page
  from the key's ``keydown`` to the frame that shows the new label in the preview, painted
  (editor's send delay, the rerun: load, lint, render; the transfer; the browser's SVG parse,
  style, layout and paint);
* reload → drawing: a reload of the editor page, timed from the navigation's start to every step
  of the drawing in the page.

Each figure is the median of 10 (min and max beside it); a keystroke is also split into its parts
(send delay, server, browser), timed from the page's websocket. Targets (issue 9): keystroke ≤ 300 ms at
50 steps and ≤ 800 ms at 500; reload ≤ 1.5 s. The benchmark measures: the verdict is in the
table, not in the exit status.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from generate import generate  # noqa: E402

RUNS = 10
TARGETS = {"keystroke": {50: 0.3, 500: 0.8}, "reload": 1.5}
CHROMIUM_ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
PREVIEW = "document.querySelector('[data-testid=\"stBidiComponentIsolated\"]')?.shadowRoot"

# Before the app's code: the times the page's websocket sends and receives (Streamlit's one
# connection), so a keystroke's time can be split into its parts.
WIRE = """window.__wire = {sent: [], got: [], bytes: 0};
const send = WebSocket.prototype.send;
WebSocket.prototype.send = function (data) { window.__wire.sent.push(performance.now()); return send.call(this, data); };
const listen = WebSocket.prototype.addEventListener;
WebSocket.prototype.addEventListener = function (type, handler, options) {
  if (type !== "message") return listen.call(this, type, handler, options);
  return listen.call(this, type, (event) => {
    window.__wire.got.push(performance.now());
    window.__wire.bytes += event.data.byteLength || event.data.size || event.data.length || 0;
    return handler(event);
  }, options);
};"""

# In the page: the time of the last keydown, of the first change to the drawing that makes it hold
# the marker (compared without white space: a label wrapped over two lines is two <text>
# elements; the preview replaces the drawing or only its changed groups), and of the frame that
# shows it: the first task after that frame's style, layout and paint.
PROBE = """() => {
  const root = %s;
  window.__bench = {t0: 0, dom: 0, t1: 0, marker: ""};
  document.addEventListener("keydown", () => {
    window.__bench.t0 = performance.now(); window.__bench.dom = 0; window.__bench.t1 = 0;
    window.__wire.sent = []; window.__wire.got = []; window.__wire.bytes = 0;
  }, true);
  new MutationObserver(() => {
    const b = window.__bench, svg = root.querySelector(".bp-canvas > svg");
    if (!b.marker || b.dom || !svg || !svg.textContent.replace(/\\s+/g, "").includes(b.marker)) return;
    b.dom = performance.now();
    requestAnimationFrame(() => setTimeout(() => { b.t1 = performance.now(); }, 0));
  }).observe(root.querySelector(".bp-canvas"), {childList: true, subtree: true});
}""" % PREVIEW
# A keystroke in parts: the editor's send delay (keydown -> the edit sent), the server (the edit
# sent -> the last message before the drawing: the rerun, its transfer), the browser (that message
# -> the new drawing in the page: the messages' decoding, the SVG's parse), the paint (-> the
# frame showing it: style, layout, paint), and the size of what came.
PARTS = """() => { const b = window.__bench, w = window.__wire;
  const sent = w.sent.find((t) => t >= b.t0) ?? b.t0;
  const before = w.got.filter((t) => t <= b.dom);
  const last = before.length ? before[before.length - 1] : sent;
  return {send: sent - b.t0, server: last - sent, browser: b.dom - last, paint: b.t1 - b.dom,
          kb: w.bytes / 1024}; }"""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _serve(path: Path, data: str) -> tuple[subprocess.Popen, str]:
    port = _free_port()
    env = {**os.environ, "BLUEPRINT_DATA_DIR": data}
    env.pop("BLUEPRINT_DATABASE_URL", None)
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.headless=true",
         "--server.address=127.0.0.1", f"--server.port={port}", "--browser.gatherUsageStats=false",
         "--server.fileWatcherType=none", "--", str(path)],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{base}/_stcore/health", timeout=2) as answer:
                if answer.read() == b"ok":
                    return process, base
        except OSError:
            time.sleep(0.3)
    process.kill()
    raise RuntimeError("streamlit did not start")


def _idle(page) -> None:
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')"
        " || !/running/i.test(document.querySelector('[data-testid=\"stStatusWidget\"]').textContent)",
        timeout=60_000)


def _drawn(page, steps: int) -> None:
    page.wait_for_function(f"(n) => {PREVIEW}?.querySelectorAll('g.step').length === n", arg=steps,
                           timeout=120_000)


def bench(browser, steps: int) -> dict[str, list[float]]:
    text = generate(steps)
    label = next(line.split("label: ", 1)[1] for line in text.splitlines() if line.strip().startswith("label: "))
    with tempfile.TemporaryDirectory() as data:
        path = Path(data) / f"bench-{steps}.yaml"
        path.write_text(text, encoding="utf-8")
        process, base = _serve(path, data)
        try:
            page = browser.new_page(viewport={"width": 1366, "height": 768}, locale="zh-CN")
            page.add_init_script(WIRE)
            page.goto(base + "/")
            page.wait_for_selector(".bp-editor .CodeMirror", timeout=120_000)
            _drawn(page, steps)
            _idle(page)
            page.evaluate(PROBE)
            keystrokes = []
            parts: dict[str, list[float]] = {"send": [], "server": [], "browser": [], "paint": [], "kb": []}
            typed = ""
            for n in range(RUNS):
                page.evaluate(
                    """(label) => { const cm = document.querySelector('.bp-editor .CodeMirror').CodeMirror;
                       for (let i = 0; i < cm.lineCount(); i++) { const k = cm.getLine(i).indexOf(label);
                         if (k >= 0) { cm.focus(); cm.setCursor({line: i, ch: k + label.length}); return; } } }""",
                    label + typed)
                typed += "QWERTYUIOP"[n]
                page.evaluate("(marker) => { window.__bench.marker = marker.replace(/\\s+/g, ''); }", label + typed)
                page.keyboard.type(typed[-1])
                page.wait_for_function("() => window.__bench.t1 > 0", timeout=60_000)
                keystrokes.append(page.evaluate("() => window.__bench.t1 - window.__bench.t0") / 1000)
                for name, value in page.evaluate(PARTS).items():
                    parts[name].append(value)
                _idle(page)
                page.wait_for_timeout(300)
            reloads = []
            for _ in range(RUNS):
                page.reload()
                _drawn(page, steps)
                reloads.append(page.evaluate("() => performance.now()") / 1000)
                _idle(page)
            page.close()
        finally:
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=20)
    return {"keystroke": keystrokes, "reload": reloads, "parts": parts}


def _figure(values: list[float]) -> str:
    return f"{statistics.median(values):6.3f}s ({min(values):.3f}-{max(values):.3f})"


def main(argv: list[str]) -> int:
    from playwright.sync_api import sync_playwright

    chromium = shutil.which("chromium")
    if chromium is None:
        print("Debian's chromium is not installed (scripts/system-deps.sh --browser)")
        return 1
    sizes = [int(arg) for arg in argv] or [50, 500]
    print(f"{'steps':>6}  {'keystroke → preview (median, min-max)':<40} {'reload → drawing':<28} targets")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        for steps in sizes:
            result = bench(browser, steps)
            key_target = TARGETS["keystroke"].get(steps)
            targets = (f"{key_target:.1f}s / " if key_target else "- / ") + f"{TARGETS['reload']:.1f}s"
            print(f"{steps:>6}  {_figure(result['keystroke']):<40} {_figure(result['reload']):<28} {targets}")
            parts = {name: statistics.median(values) for name, values in result["parts"].items()}
            print(f"{'':>6}  keystroke in parts (medians): send delay {parts['send']:.0f} ms, server (rerun and "
                  f"transfer) {parts['server']:.0f} ms, browser (decode, SVG parse) {parts['browser']:.0f} ms, "
                  f"paint (style, layout, paint) {parts['paint']:.0f} ms; "
                  f"{parts['kb']:.0f} kB received")
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
