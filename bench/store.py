"""Store benchmark: how long a save takes, on the head and merged with another tab's, and the head check.

    python bench/store.py            # 50 and 500 steps, SQLite and a PostgreSQL started here
    python bench/store.py 2000       # other sizes

On SQLite (a file in a temporary directory) and on PostgreSQL (a server started in a temporary
directory, as ``make test`` does; skipped with the reason when it cannot start). Prints p50 and
p95 in milliseconds of: a save on the head revision, a save on an older revision merged with a
step changed meanwhile, the head check a page makes every second, and the merge alone.
"""

from __future__ import annotations

import sys
from contextlib import ExitStack
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from blueprint.store import DocumentStore, Settings, close_database, open_database  # noqa: E402
from blueprint.store.merge import merge3, step_chunks  # noqa: E402
from generate import generate  # noqa: E402
from timing import databases, percentiles, timed  # noqa: E402

SAVES = 60


def relabel(text: str, step_index: int, mark: str) -> str:
    head, pieces, tail = step_chunks(text)
    step_id, piece = pieces[step_index]
    pieces[step_index] = (step_id, piece.replace("label: ", f"label: {mark} ", 1))
    return head + "".join(p for _, p in pieces) + tail


def bench(url: str, steps: int) -> dict[str, str]:
    store = DocumentStore(open_database(url), Settings(revisions_per_draft=10_000))
    text = generate(steps)
    draft = store.create(text)
    head, current = draft.revision, text
    on_head, merged, checks = [], [], []
    for n in range(SAVES):
        changed = relabel(current, n % steps, f"h{n}")
        result = None

        def save():
            nonlocal result
            result = store.save(draft.id, head, changed, author="bench")
        on_head.append(timed(save))
        head, current = result.draft.revision, result.draft.text
    for n in range(SAVES):
        # Another tab saves step A; this tab saves step B on the revision before.
        base = head
        theirs = store.save(draft.id, base, relabel(current, n % steps, f"t{n}"), author="other")
        mine = relabel(current, (n + steps // 2) % steps, f"m{n}")
        merged.append(timed(lambda: store.save(draft.id, base, mine, author="bench")))
        latest = store.get(draft.id)
        assert theirs.ok and latest.text.count(f"t{n} ") == 1 and latest.text.count(f"m{n} ") == 1
        head, current = latest.revision, latest.text
    for _ in range(SAVES):
        checks.append(timed(lambda: store.head(draft.id)))
    close_database(url)
    return {"save": percentiles(on_head), "merged": percentiles(merged), "head": percentiles(checks)}


def main(sizes: list[int]) -> None:
    print(f"{'database':<11} {'steps':>6} | {'save on head p50 p95':>20} | {'merged save p50 p95':>20} |"
          f" {'head check p50 p95':>19}   (ms)")
    with ExitStack() as stack:
        for name, make_url in databases(stack):
            for steps in sizes:
                row = bench(make_url(), steps)
                print(f"{name:<11} {steps:>6} | {row['save']:>20} | {row['merged']:>20} | {row['head']:>19}")
    print()
    print(f"{'steps':>6} {'merge3 alone (ms, best of 5)':>30}")
    for steps in sizes:
        text = generate(steps)
        mine, theirs = relabel(text, 1, "m"), relabel(text, steps - 2, "t")
        best = min(timed(lambda: merge3(text, mine, theirs)) for _ in range(5))
        print(f"{steps:>6} {best * 1000:>30.1f}")


if __name__ == "__main__":
    main([int(arg) for arg in sys.argv[1:]] or [50, 500])
