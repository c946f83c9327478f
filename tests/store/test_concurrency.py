"""No lost update under load: editors saving at once, in threads and in processes, on both databases."""

from __future__ import annotations

import multiprocessing
import threading

from blueprint import loads
from blueprint.store import DocumentStore, Settings, open_database

WRITERS = 20
SAVES_EACH = 5


def many_steps(count: int) -> str:
    steps = "".join(f"  - id: s{i}\n    lane: customer\n    phase: p\n    label: step {i}\n" for i in range(count))
    return ("title: load\nlanes:\n  - id: customer\n    zone: customer\nphases:\n  - id: p\n"
            f"steps:\n{steps}")


def edit_label(text: str, index: int, value: str) -> str:
    head, sep, rest = text.partition(f"  - id: s{index}\n")
    line_start = rest.index("    label: ")
    line_end = rest.index("\n", line_start)
    return head + sep + rest[:line_start] + f"    label: {value}" + rest[line_end:]


def save_until_done(store: DocumentStore, document_id: str, index: int, value: str) -> str:
    """What an editor does: save on the text it holds; on a conflict, take the head and do it again."""
    draft = store.get(document_id)
    while True:
        result = store.save(document_id, draft.revision, edit_label(draft.text, index, value), author=f"w{index}")
        if result.ok:
            return result.status
        draft = store.get(document_id)


def head_chain(store: DocumentStore, document_id: str) -> list[int]:
    revisions = {r.id: r for r in store.revisions(document_id, limit=10_000)}
    chain, current = [], store.head(document_id)
    while current is not None:
        chain.append(current)
        current = revisions[current].parent_id
    return chain


def test_two_editors_on_the_same_base_at_once_lose_nothing(store):
    for round_number in range(10):
        draft = store.create(many_steps(4))
        barrier = threading.Barrier(2)
        results = {}

        def editor(index: int) -> None:
            text = edit_label(draft.text, index, f"edited by {index} in round {round_number}")
            barrier.wait()
            results[index] = store.save(draft.id, draft.revision, text, author=f"editor {index}").status

        threads = [threading.Thread(target=editor, args=(i,)) for i in (1, 2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert sorted(results.values()) == ["merged", "saved"]
        found = {step.id: step.label for step in loads(store.get(draft.id).text).steps}
        assert found["s1"] == f"edited by 1 in round {round_number}"
        assert found["s2"] == f"edited by 2 in round {round_number}"


def test_twenty_writers_at_once_give_exact_counts(store):
    draft = store.create(many_steps(WRITERS))
    errors: list[BaseException] = []
    barrier = threading.Barrier(WRITERS)

    def writer(index: int) -> None:
        try:
            barrier.wait()
            for n in range(1, SAVES_EACH + 1):
                save_until_done(store, draft.id, index, f"w{index} save {n}")
        except BaseException as error:  # noqa: BLE001 - reported by the main thread
            errors.append(error)

    threads = [threading.Thread(target=writer, args=(i,)) for i in range(WRITERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors, errors
    final = {step.id: step.label for step in loads(store.get(draft.id).text).steps}
    assert final == {f"s{i}": f"w{i} save {SAVES_EACH}" for i in range(WRITERS)}
    # Every save is one revision on the head's chain: the first text plus exactly one per save.
    assert len(head_chain(store, draft.id)) == 1 + WRITERS * SAVES_EACH


def _process_writer(url: str, data_dir: str, document_id: str, index: int, saves: int, start) -> None:
    import os

    os.environ["BLUEPRINT_DATA_DIR"] = data_dir
    store = DocumentStore(open_database(url), Settings())
    start.wait()
    for n in range(1, saves + 1):
        save_until_done(store, document_id, index, f"p{index} save {n}")


def test_writers_in_separate_processes_lose_nothing(store, database_url, tmp_path):
    processes = 3
    draft = store.create(many_steps(processes))
    context = multiprocessing.get_context("spawn")
    start = context.Event()
    workers = [context.Process(target=_process_writer,
                               args=(database_url, str(tmp_path / "data"), draft.id, i, SAVES_EACH, start))
               for i in range(processes)]
    for worker in workers:
        worker.start()
    start.set()
    for worker in workers:
        worker.join(timeout=120)
        assert worker.exitcode == 0
    final = {step.id: step.label for step in loads(store.get(draft.id).text).steps}
    assert final == {f"s{i}": f"p{i} save {SAVES_EACH}" for i in range(processes)}
    assert len(head_chain(store, draft.id)) == 1 + processes * SAVES_EACH


def test_a_conflict_in_a_race_never_overwrites(store):
    """Both change the same label: one wins, the other gets a conflict holding its text."""
    draft = store.create(many_steps(2))
    barrier = threading.Barrier(2)
    results = {}

    def editor(index: int) -> None:
        text = edit_label(draft.text, 0, f"label from {index}")
        barrier.wait()
        results[index] = store.save(draft.id, draft.revision, text, author=f"editor {index}")

    threads = [threading.Thread(target=editor, args=(i,)) for i in (1, 2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    statuses = sorted(result.status for result in results.values())
    assert statuses == ["conflict", "saved"]
    winner = next(i for i, r in results.items() if r.status == "saved")
    loser = next(r for r in results.values() if r.status == "conflict")
    assert f"label from {winner}" in store.get(draft.id).text
    assert store.revision(draft.id, loser.mine).text == loser.mine_text
