"""The app's server time with AppTest: the first render of the editor, and the rerun after an edit.

    python bench/app.py            # 50 and 500 steps
    python bench/app.py 50 200 500

For each size: a generated blueprint (bench/generate.py) is opened as a draft; the editor page's
first run (nothing cached: load, lint, render, completions) is timed, then ten edits as the
editor sends them (a label changed each time, so the text, the findings and the drawing all
change), then a rerun with nothing changed, then a table edit. Figures are wall-clock seconds of
``AppTest.run()``, which runs the whole script in this process: the server's share of a rerun.
Budgets (issue 6): an edit's rerun at most 0.3 s at 50 steps and 1 s at 500 steps.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from generate import generate
from streamlit.logger import set_log_level

# AppTest outside a server warns about its stand-in runtime, from the first import on.
set_log_level("error")

from streamlit.testing.v1 import AppTest  # noqa: E402
from streamlit.util import calc_hash  # noqa: E402

from blueprint.ui.components import EDITOR_KEY  # noqa: E402
from blueprint.store import open_store  # noqa: E402
from blueprint.ui.view import KEY as VIEW_KEY  # noqa: E402

BUDGETS = {50: 0.3, 500: 1.0}
EDITS = 10


def timed(at: AppTest) -> float:
    start = time.perf_counter()
    at.run()
    elapsed = time.perf_counter() - start
    if at.exception:
        raise RuntimeError(at.exception[0].message)
    return elapsed


def bench(steps: int) -> dict[str, float]:
    text = generate(steps)
    with tempfile.TemporaryDirectory() as data:
        os.environ["BLUEPRINT_DATA_DIR"] = data
        os.environ.pop("BLUEPRINT_DATABASE_URL", None)
        draft = open_store().create(text, title=f"bench-{steps}")
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
        at.query_params["draft"] = draft.id
        at.run()
        set_log_level("error")  # each AppTest sets Streamlit's loggers back to warning
        at._page_hash = calc_hash("editor")  # the navigation menu's request for the editor page
        first = timed(at)
        assert at.session_state[VIEW_KEY].last_good == text  # the editor page ran, and the text loaded
        edits = []
        current = text
        for n in range(EDITS):
            label = f"label: Edited step {n}"
            current = current.replace("label: ", label + " ", 1) if n == 0 else \
                current.replace(f"label: Edited step {n - 1}", label, 1)
            at.session_state[EDITOR_KEY]["edit"] = {"text": current, "base": at.session_state[VIEW_KEY].rev}
            edits.append(timed(at))
        assert at.session_state[VIEW_KEY].draft.text == current
        idle = timed(at)
        at._page_hash = calc_hash("tables")
        at.run()
        key = next(d.key for d in at.data_editor if d.key.startswith("bp_table_steps_"))
        at.session_state[key] = {"edited_rows": {0: {"owner": "bench"}}, "added_rows": [], "deleted_rows": []}
        table_edit = timed(at)
    return {"first": first, "edit_median": statistics.median(edits), "edit_max": max(edits), "idle": idle,
            "table_edit": table_edit}


def main(argv: list[str]) -> int:
    sizes = [int(arg) for arg in argv] or [50, 500]
    print(f"{'steps':>6} {'first render':>13} {'edit median':>12} {'edit max':>9} {'no change':>10} "
          f"{'table edit':>11}  budget")
    for steps in sizes:
        result = bench(steps)
        budget = BUDGETS.get(steps)
        verdict = "" if budget is None else ("ok" if result["edit_median"] <= budget else "OVER")
        print(f"{steps:>6} {result['first']:>12.3f}s {result['edit_median']:>11.3f}s {result['edit_max']:>8.3f}s "
              f"{result['idle']:>9.3f}s {result['table_edit']:>10.3f}s  "
              f"{'' if budget is None else f'{budget:.1f}s {verdict}'}")
    return 0  # a benchmark measures: the verdict is in the table, not in the exit status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
