"""Workshop benchmark: note and vote write latency with many participants at once, and the change check.

    python bench/workshop.py            # 20 and 100 participants, SQLite and a PostgreSQL started here
    python bench/workshop.py 50         # other sizes

Each participant is a thread that adds notes and spends dots as fast as it can, all starting
together (a worst case: real people pause between notes); a watcher polls the board's latest event
meanwhile, as a live view does every second. Prints p50 and p95 in milliseconds of a note write, a
vote write and the latest-event check under that load: another view sees a write within its poll
period plus one check.
"""

from __future__ import annotations

import sys
import threading
import time
from contextlib import ExitStack
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from timing import databases, percentiles, timed

from blueprint.store import close_database, open_database
from blueprint.store.boards import BoardStore

NOTES_EACH = 10
DOTS_EACH = 5
HALL = (ROOT / "examples" / "hall-walk.en.yaml").read_text(encoding="utf-8")


def bench(url: str, participants: int) -> dict[str, str]:
    boards = BoardStore(open_database(url))
    made = boards.create(HALL)
    tokens = [boards.join(made.participant_token, f"P{n}")[1] for n in range(participants)]
    target = boards.add_note(made.facilitator_token, "enter", "pain", "vote here")
    round_id = boards.open_round(made.facilitator_token, "pain", dots=DOTS_EACH, allow_stacking=True)
    notes: list[float] = []
    votes: list[float] = []
    checks: list[float] = []
    done = threading.Event()
    start = threading.Barrier(participants + 1)

    def participant(token: str) -> None:
        start.wait()
        for n in range(NOTES_EACH):
            notes.append(timed(lambda n=n: boards.add_note(token, "greet", "idea", f"idea {n}")))
        for _ in range(DOTS_EACH):
            votes.append(timed(lambda: boards.vote(token, round_id, str(target))))

    def watcher() -> None:
        start.wait()
        while not done.is_set():
            checks.append(timed(lambda: boards.latest_event(made.board)))
            time.sleep(0.1)

    threads = [threading.Thread(target=participant, args=(token,)) for token in tokens]
    watching = threading.Thread(target=watcher)
    for thread in [*threads, watching]:
        thread.start()
    for thread in threads:
        thread.join()
    done.set()
    watching.join()
    assert len(boards.notes(made.facilitator_token)) == participants * NOTES_EACH + 1
    assert boards.rounds(made.facilitator_token)[0].ranking[0][1] == participants * DOTS_EACH
    close_database(url)
    return {"note": percentiles(notes), "vote": percentiles(votes), "check": percentiles(checks)}


def main(sizes: list[int]) -> None:
    print(f"{'database':<11} {'people':>6} | {'note write p50 p95':>18} | {'vote write p50 p95':>18} |"
          f" {'event check p50 p95':>19}   (ms)")
    with ExitStack() as stack:
        for name, make_url in databases(stack):
            for people in sizes:
                row = bench(make_url(), people)
                print(f"{name:<11} {people:>6} | {row['note']:>18} | {row['vote']:>18} |"
                      f" {row['check']:>19}")


if __name__ == "__main__":
    main([int(arg) for arg in sys.argv[1:]] or [20, 100])
