"""The collector pause: off inside, the caller's state after, even when the block raises."""

from __future__ import annotations

import gc
import threading

import pytest

from blueprint.gcpause import paused_gc


@pytest.fixture(autouse=True)
def collector_on():
    assert gc.isenabled()
    yield
    gc.enable()


def test_an_error_inside_restores_the_collector():
    with pytest.raises(ZeroDivisionError):
        with paused_gc():
            assert not gc.isenabled()
            1 / 0
    assert gc.isenabled()


def test_a_caller_that_turned_it_off_keeps_it_off():
    gc.disable()
    with paused_gc():
        pass
    assert not gc.isenabled()


def test_overlapping_threads_turn_it_back_on_once_the_last_one_ends():
    inside, release = threading.Barrier(2), threading.Event()

    def work():
        with paused_gc():
            inside.wait()
            release.wait()

    other = threading.Thread(target=work)
    other.start()
    with paused_gc():
        inside.wait()
    assert not gc.isenabled()  # the other thread is still inside
    release.set()
    other.join()
    assert gc.isenabled()
