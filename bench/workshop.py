"""Workshop benchmark: write latency and the delay until another view sees a write, with 20 and 100
participants, on SQLite and PostgreSQL, on one app server and on two.

    python bench/workshop.py                 # 20 and 100 people, 30 s each, SQLite and a PostgreSQL started here
    python bench/workshop.py 50 --seconds 60 # other sizes, longer workshops

People, not machines: each participant is a thread that, like a person at a workshop, writes a
note or spends (or takes back) a dot every few seconds (exponential pauses, mean
:data:`THINK_SECONDS`), and whose view polls the board's latest event every second, as the app's
live fragment does, reloading the notes and rounds when it moved. So the store sees what 20 or
100 open browsers do: a write every ``THINK_SECONDS / people`` seconds and ``people`` polls a
second. Figures:

- write: the time of one note or dot, from the click to the commit (p50, p95, ms);
- seen: from another person's click until their view shows it (its next poll, plus the reload),
  p50 and p95 over every write and five other views each; at most the poll period plus a check
  and a reload;
- two servers: half the people on each of two processes (two ``streamlit run`` behind a proxy),
  each with its own connection pools, each view measuring the other server's writes.

A worst-case line per database keeps the old measure: every participant writes 10 notes and 5
dots with no pause at all, all starting together (a stampede no workshop makes).
"""

from __future__ import annotations

import argparse
import bisect
import multiprocessing
import random
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

#: Mean pause between one person's writes, in seconds ("every few seconds": a busy workshop).
THINK_SECONDS = 5.0
#: How often a view polls the board's latest event (the app's live fragment).
POLL_SECONDS = 1.0
#: Share of writes that are notes; the rest are dots spent or taken back.
NOTE_SHARE = 0.6
#: Other views each write's delay is measured at.
VIEWS_PER_WRITE = 5
DOTS = 5
TARGETS = 12
STEPS = ("enter", "greet", "triage", "divert", "pre-check")
BURST_NOTES, BURST_DOTS = 10, 5
HALL = (ROOT / "examples" / "hall-walk.en.yaml").read_text(encoding="utf-8")


def prepare(url: str, people: int) -> dict:
    """A board with ``people`` joined, pain points to vote on and an open round."""
    boards = BoardStore(open_database(url))
    made = boards.create(HALL)
    tokens = [boards.join(made.participant_token, f"P{n}")[1] for n in range(people)]
    targets = [boards.add_note(made.facilitator_token, STEPS[n % len(STEPS)], "pain", f"pain {n}")
               for n in range(TARGETS)]
    round_id = boards.open_round(made.facilitator_token, "pain", dots=DOTS, allow_stacking=True)
    return {"board": made.board, "facilitator": made.facilitator_token, "tokens": tokens, "targets": targets,
            "round": round_id}


def serve(url: str, setup: dict, tokens: list[str], seconds: float, start: object, seed: int) -> dict:
    """One app server: a thread per person (writes and a live view), for ``seconds`` after ``start``.

    Returns the writes ``(kind, clicked, committed)`` and each view's polls ``(started, shown)``
    (shown: when the poll, and the reload when the event moved, were done), on the machine's
    monotonic clock, which every process shares."""
    boards = BoardStore(open_database(url))
    writes: list[tuple[str, float, float]] = []
    polls: list[list[tuple[float, float]]] = [[] for _ in tokens]
    failures: list[str] = []
    lock = threading.Lock()
    start.wait()
    begin = time.monotonic()
    end = begin + seconds

    def person(index: int, token: str) -> None:
        rng = random.Random(seed * 1000 + index)
        mine: list[str] = []
        seen = 0
        next_poll = begin + rng.random() * POLL_SECONDS  # views were opened at different moments
        next_write = begin + rng.expovariate(1 / THINK_SECONDS)
        while True:
            now = time.monotonic()
            if now >= end:
                return
            if now >= next_write:
                clicked = time.monotonic()
                try:
                    if rng.random() < NOTE_SHARE:
                        kind = "note"
                        boards.add_note(token, rng.choice(STEPS), rng.choice(("pain", "idea", "question")),
                                        f"note {index}-{len(writes)}")
                    elif len(mine) < DOTS:
                        kind = "vote"
                        target = str(rng.choice(setup["targets"]))
                        boards.vote(token, setup["round"], target)
                        mine.append(target)
                    else:
                        kind = "vote"
                        boards.vote(token, setup["round"], mine.pop(rng.randrange(len(mine))), -1)
                except Exception as error:  # noqa: BLE001 - counted and shown, the run goes on
                    with lock:
                        failures.append(f"{type(error).__name__}: {error}")
                    kind = "failed"
                committed = time.monotonic()
                with lock:
                    writes.append((kind, clicked, committed))
                next_write = committed + rng.expovariate(1 / THINK_SECONDS)
                continue
            if now >= next_poll:
                started = time.monotonic()
                latest = boards.latest_event(setup["board"])
                if latest != seen:  # what the live fragment does when the board moved
                    boards.notes(token)
                    boards.rounds(token)
                    seen = latest
                polls[index].append((started, time.monotonic()))
                next_poll += POLL_SECONDS
                continue
            time.sleep(max(0.0, min(next_poll, next_write, end) - time.monotonic()))

    threads = [threading.Thread(target=person, args=(n, token)) for n, token in enumerate(tokens)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    close_database(url)
    return {"writes": writes, "polls": polls, "failures": failures}


def _serve_in_child(url, setup, tokens, seconds, start, seed, results) -> None:
    results.put(serve(url, setup, tokens, seconds, start, seed))


def seen_delays(servers: list[dict], cross_only: bool, seed: int = 7) -> list[float]:
    """For each write, at ``VIEWS_PER_WRITE`` other views: from its click until that view's first
    poll started after the commit was done (showing it)."""
    rng = random.Random(seed)
    views = [(n, polls) for n, server in enumerate(servers) for polls in server["polls"] if polls]
    starts = [[started for started, _ in polls] for _, polls in views]
    delays = []
    for n, server in enumerate(servers):
        others = [i for i, (owner, _) in enumerate(views) if not cross_only or owner != n]
        for kind, clicked, committed in server["writes"]:
            if kind == "failed":
                continue
            for i in rng.sample(others, min(VIEWS_PER_WRITE, len(others))):
                at = bisect.bisect_left(starts[i], committed)
                if at < len(starts[i]):
                    delays.append(views[i][1][at][1] - clicked)
    return delays


def workshop(url: str, people: int, seconds: float, servers: int) -> dict:
    setup = prepare(url, people)
    halves = [setup["tokens"][n::servers] for n in range(servers)]
    if servers == 1:
        start = threading.Barrier(1)
        results = [serve(url, setup, halves[0], seconds, start, 1)]
    else:
        context = multiprocessing.get_context("spawn")  # a fresh process: its own pools, as a second server
        start, queue = context.Barrier(servers), context.Queue()
        children = [context.Process(target=_serve_in_child, args=(url, setup, half, seconds, start, n + 1, queue))
                    for n, half in enumerate(halves[1:], 1)]
        for child in children:
            child.start()
        results = [serve(url, setup, halves[0], seconds, start, 0)]
        results += [queue.get(timeout=seconds + 120) for _ in children]
        for child in children:
            child.join()
    writes = [write for server in results for write in server["writes"]]
    failures = [failure for server in results for failure in server["failures"]]
    boards = BoardStore(open_database(url))
    notes = sum(1 for kind, _, _ in writes if kind == "note")
    assert len(boards.notes(setup["facilitator"])) == notes + TARGETS, "a note was lost"
    close_database(url)
    return {
        "write": percentiles([done - clicked for kind, clicked, done in writes if kind != "failed"]),
        "note": percentiles([done - clicked for kind, clicked, done in writes if kind == "note"]),
        "vote": percentiles([done - clicked for kind, clicked, done in writes if kind == "vote"]),
        "seen": percentiles(seen_delays(results, cross_only=servers > 1)),
        "rate": f"{len(writes) / seconds:5.1f}",
        "failed": len(failures),
        "why": sorted(set(failures))[:3],
    }


def burst(url: str, people: int) -> dict:
    """The worst case: everyone writes 10 notes and 5 dots without a pause, all at once, while one
    view polls every 0.1 s."""
    setup = prepare(url, people)
    boards = BoardStore(open_database(url))
    notes: list[float] = []
    votes: list[float] = []
    checks: list[float] = []
    done = threading.Event()
    start = threading.Barrier(people + 1)

    def participant(token: str) -> None:
        start.wait()
        for n in range(BURST_NOTES):
            notes.append(timed(lambda n=n: boards.add_note(token, "greet", "idea", f"idea {n}")))
        for _ in range(BURST_DOTS):
            votes.append(timed(lambda: boards.vote(token, setup["round"], str(setup["targets"][0]))))

    def watcher() -> None:
        start.wait()
        while not done.is_set():
            checks.append(timed(lambda: boards.latest_event(setup["board"])))
            time.sleep(0.1)

    threads = [threading.Thread(target=participant, args=(token,)) for token in setup["tokens"]]
    watching = threading.Thread(target=watcher)
    for thread in [*threads, watching]:
        thread.start()
    for thread in threads:
        thread.join()
    done.set()
    watching.join()
    assert len(boards.notes(setup["facilitator"])) == people * BURST_NOTES + TARGETS
    assert boards.rounds(setup["facilitator"])[0].ranking[0][1] == people * BURST_DOTS
    close_database(url)
    return {"write": percentiles(notes + votes), "note": percentiles(notes), "vote": percentiles(votes),
            "seen": percentiles(checks), "rate": "  max", "failed": 0, "why": []}


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[20, 100], help="participants (default: 20 100)")
    parser.add_argument("--seconds", type=float, default=30.0, help="length of each modelled workshop (default: 30)")
    parser.add_argument("--no-burst", action="store_true", help="leave out the worst-case lines")
    args = parser.parse_args(argv)
    print(f"people write every {THINK_SECONDS:g} s on average, views poll every {POLL_SECONDS:g} s; "
          f"{args.seconds:g} s each; all figures p50 p95 in ms (burst: 'seen' is one poll's check)")
    print(f"{'database':<11} {'servers':>7} {'people':>6} {'mode':<7}| {'any write':>15} | {'note':>15} |"
          f" {'dot':>15} | {'seen by others':>15} | writes/s | failed")
    with ExitStack() as stack:
        for name, make_url in databases(stack):
            rows = [(1, people, "people") for people in args.sizes]
            # Two servers: the case on PostgreSQL; on SQLite (two processes, one file) the largest.
            rows += [(2, people, "people") for people in (args.sizes if name == "postgresql" else args.sizes[-1:])]
            if not args.no_burst:
                rows += [(1, max(args.sizes), "burst")]
            for servers, people, mode in rows:
                row = workshop(make_url(), people, args.seconds, servers) if mode == "people" \
                    else burst(make_url(), people)
                print(f"{name:<11} {servers:>7} {people:>6} {mode:<7}| {row['write']:>15} | {row['note']:>15} |"
                      f" {row['vote']:>15} | {row['seen']:>15} | {row['rate']:>8} | {row['failed']:>6}", flush=True)
                for why in row["why"]:
                    print(f"    {why}")


if __name__ == "__main__":
    main(sys.argv[1:])
