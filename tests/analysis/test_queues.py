"""Erlang C against published textbook values, large hall sizes, unstable queues and diversion."""

import math

import pytest

from blueprint import loads
from blueprint.analysis.queues import erlang_b, erlang_c, mmc, queues, servers_for_service_level


def test_hillier_lieberman_county_hospital():
    # Hillier & Lieberman, Introduction to Operations Research (9th ed.), section 17.6, the County
    # Hospital emergency room (Table 17.2): lambda = 2 per hour, mu = 3 per hour (20 min service).
    one = mmc(2, 20, 1)
    assert one["utilisation"] == pytest.approx(2 / 3)
    assert one["mean_queue_length"] == pytest.approx(4 / 3)  # Lq = 1.333
    assert one["mean_wait_minutes"] == pytest.approx(40)     # Wq = 2/3 hour
    two = mmc(2, 20, 2)
    assert two["mean_queue_length"] == pytest.approx(1 / 12)  # Lq = 0.0833
    assert two["mean_wait_minutes"] == pytest.approx(60 / 24)  # Wq = 1/24 hour


def test_erlang_tables():
    # Erlang B table values (e.g. Kleinrock, Queueing Systems vol. 1, section 3.6; any traffic
    # table): B(2, 1 erlang) = 0.2, B(10, 5 erlangs) = 0.01838.
    assert erlang_b(2, 1.0) == pytest.approx(0.2)
    assert erlang_b(10, 5.0) == pytest.approx(0.018385, abs=1e-6)
    # Erlang C: C(3 servers, 2 erlangs) = 4/9 (Gross, Shortle, Thompson & Harris, Fundamentals of
    # Queueing Theory, 4th ed., section 2.3, P(wait) = p0 * a^c / (c! (1 - rho))).
    assert erlang_c(3, 2.0) == pytest.approx(4 / 9)
    # The M/M/1 case reduces to rho.
    assert erlang_c(1, 0.7) == pytest.approx(0.7)


def test_hundreds_of_servers_neither_overflow_nor_lose_precision():
    # The closed form needs 200^200 / 200!, far beyond floats; the recursion stays in [0, 1].
    # Against exact fractions for a size the closed form still handles in Python integers:
    from fractions import Fraction

    servers, load = 60, 55
    term = [Fraction(load) ** k / math.factorial(k) for k in range(servers + 1)]
    exact_b = term[servers] / sum(term)
    assert erlang_b(servers, load) == pytest.approx(float(exact_b), rel=1e-12)
    for servers in (200, 2000):
        probability = erlang_c(servers, servers * 0.97)
        assert 0 < probability < 1 and math.isfinite(probability)


def test_wait_within_standard_and_fewest_servers():
    q = mmc(120, 6, 14, standard_minutes=10, level=0.8)
    assert q["stable"]
    expected = 1 - q["wait_probability"] * math.exp(-(14 / 6 - 2) * 10)
    assert q["within_standard"] == pytest.approx(expected)
    fewest = q["servers_for_service_level"]
    assert mmc(120, 6, fewest, standard_minutes=10)["within_standard"] >= 0.8
    below = mmc(120, 6, fewest - 1, standard_minutes=10)
    assert not below["stable"] or below["within_standard"] < 0.8
    assert servers_for_service_level(120, 6, 10, 0.95) > fewest


def test_unstable_queue_is_reported_unstable_not_as_a_number():
    q = mmc(60, 6, 6, standard_minutes=10)  # 6 erlangs onto 6 counters: at capacity
    assert q["stable"] is False
    assert q["mean_wait_minutes"] is None and q["wait_probability"] is None and q["within_standard"] is None
    assert q["servers_for_service_level"] >= 7


def test_diversion_takes_arrivals_off_the_counters():
    q = mmc(120, 6, 14, diversion=0.3)
    assert q["arrivals_per_hour"] == pytest.approx(84) and q["diverted_per_hour"] == pytest.approx(36)
    assert q["mean_wait_minutes"] < mmc(120, 6, 14)["mean_wait_minutes"]
    assert mmc(120, 6, 10)["stable"] is False and mmc(120, 6, 10, diversion=0.3)["stable"] is True


@pytest.mark.parametrize("kwargs", [
    {"servers": 0}, {"service_minutes": 0}, {"arrivals_per_hour": -1}, {"diversion": 1.5},
])
def test_bad_figures_raise(kwargs):
    args = {"arrivals_per_hour": 60, "service_minutes": 3, "servers": 4, **kwargs}
    with pytest.raises(ValueError):
        mmc(**args)


QUEUED = """\
blueprint: 1
title: hall
steps:
  - {id: wait, lane: customer, label: Wait, wait: 10min, next: serve,
     queue: {arrivals: 2/min, servers: 8, diversion: 25%, hours: {"9:00": 30/h, "10:00": 90/h}}}
  - {id: serve, lane: frontstage, label: Serve, duration: 4min}
"""


def test_queue_on_a_wait_point_defaults_service_to_the_serving_step():
    (q,) = queues(loads(QUEUED))
    assert q["step"] == "wait" and q["served_by"] == "serve" and q["service_minutes"] == 4
    assert q["arrivals_per_hour"] == pytest.approx(90)  # 120/h, a quarter diverted
    assert q["stable"] and q["standard_minutes"] == 10
    assert [row["hour"] for row in q["by_hour"]] == ["9:00", "10:00"]
    assert q["by_hour"][0]["mean_wait_minutes"] < q["by_hour"][1]["mean_wait_minutes"]


def test_queue_without_a_service_time_says_why():
    text = QUEUED.replace(", duration: 4min", "")
    (q,) = queues(loads(text))
    assert q["stable"] is None and q["reason"] == "no-service"


@pytest.mark.parametrize("queue, bad, words", [
    ("{arrivals: 2/fortnight, servers: 4}", "2/fortnight", "not an arrival rate"),
    ("{arrivals: 60, servers: 0}", "0}", "not a number of servers"),
    ("{arrivals: 60, servers: 2, diversion: 1.5}", "1.5", "not a share"),
    ("{arrivals: 60, servers: 2, service: -3}", "-3", "cannot be negative"),
    ("{arrivals: 60, servers: 2, hours: {am: lots}}", "lots", "not an arrival rate"),
])
def test_bad_queue_keys_are_reported_at_their_position(queue, bad, words):
    text = QUEUED.replace('{arrivals: 2/min, servers: 8, diversion: 25%, hours: {"9:00": 30/h, "10:00": 90/h}}',
                          queue)
    bp = loads(text, "hall.yaml")
    (problem,) = bp.problems
    line = text.splitlines()[4]
    assert (problem.pos.path, problem.pos.line, problem.pos.column) == ("hall.yaml", 5, line.index(bad) + 1)
    assert words in problem.message and problem.message_zh
