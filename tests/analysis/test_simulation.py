"""Erlang C checked against a SimPy simulation of the same hall (seeded, so the run is repeatable)."""

import pytest

from blueprint.analysis import mmc

from .simulation import simulate_mean_wait


@pytest.mark.parametrize("load", [0.5, 0.8, 0.95])
def test_simulated_mean_wait_agrees_with_erlang_c_within_5_percent(load):
    servers, service_minutes = 4, 6.0
    arrivals_per_minute = load * servers / service_minutes
    formula = mmc(arrivals_per_minute * 60, service_minutes, servers)["mean_wait_minutes"]
    simulated = simulate_mean_wait(arrivals_per_minute, service_minutes, servers, customers=40_000, seed=12)
    assert simulated == pytest.approx(formula, rel=0.05)


def test_the_simulation_tells_a_different_queue_apart():
    # The check has teeth: five counters instead of four give a clearly different mean wait.
    formula = mmc(0.8 * 4 / 6 * 60, 6.0, 5)["mean_wait_minutes"]
    simulated = simulate_mean_wait(0.8 * 4 / 6, 6.0, 4, customers=20_000, seed=12)
    assert simulated > 2 * formula
