"""blueprint analyze and blueprint queue: the JSON contracts, text output, bad parameters exit 2."""

import json

import pytest

from blueprint.cli import main

from .test_journey import HALL


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_queue_json_contract(capsys):
    code, out, _ = run(capsys, "queue", "--arrivals", "120/h", "--service", "6min", "--servers", "14",
                       "--standard", "10min", "--format", "json")
    result = json.loads(out)
    assert code == 0 and result["stable"] is True
    assert result["utilisation"] == pytest.approx(12 / 14)
    for key in ("wait_probability", "mean_wait_minutes", "within_standard", "servers_for_service_level"):
        assert isinstance(result[key], (int, float)), key


def test_queue_unstable_and_diversion(capsys):
    code, out, _ = run(capsys, "queue", "--arrivals", "2/min", "--service", "6", "--servers", "10",
                       "--format", "json")
    assert code == 0 and json.loads(out)["stable"] is False and json.loads(out)["mean_wait_minutes"] is None
    code, out, _ = run(capsys, "queue", "--arrivals", "2/min", "--service", "6", "--servers", "10",
                       "--diversion", "30%", "--standard", "10min")
    assert code == 0 and "mean wait" in out and "counters for 80% within 10 min" in out


@pytest.mark.parametrize("option, value, words", [
    ("--servers", "0", "--servers: '0' is not a number of servers"),
    ("--servers", "-2", "--servers"),
    ("--arrivals", "-5", "--arrivals"),
    ("--arrivals", "120/fortnight", "not an arrival rate"),
    ("--service", "6 parsecs", "--service: '6 parsecs' is not a duration"),
    ("--service", "0", "--service: the service time must be more than zero"),
    ("--diversion", "1.2", "--diversion: '1.2' is not a share"),
    ("--service-level", "120%", "--service-level"),
])
def test_bad_parameters_exit_2_with_one_clear_line(capsys, option, value, words):
    argv = {"--arrivals": "60/h", "--service": "6min", "--servers": "4", option: value}
    code, out, err = run(capsys, "queue", *[x for pair in argv.items() for x in pair])
    assert code == 2 and out == ""
    assert words in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_analyze_json_contract(tmp_path, capsys):
    path = tmp_path / "hall.yaml"
    path.write_text(HALL, encoding="utf-8")
    code, out, _ = run(capsys, "analyze", str(path), "--format", "json")
    result = json.loads(out)
    journey = result["journey"]
    assert journey["total_minutes"] == {"best": 16, "expected": 19, "worst": 22}
    assert journey["critical_path"][-1] == "sign" and journey["wait_share"] == pytest.approx(8 / 19)
    assert journey["by_phase"] == {"arrive": 11, "counter": 8} and "by_lane" in journey
    assert {(s["id"], s["status"]) for s in result["standards"]} >= {("queue", "met"), ("whole", "exceeded")}
    assert all({"id", "minutes", "max_minutes", "status"} <= set(s) for s in result["standards"])
    assert result["queues"] == [] and code == 0


def test_analyze_text_and_queue_on_a_wait_point(tmp_path, capsys):
    path = tmp_path / "hall.yaml"
    path.write_text(HALL.replace("wait: 10min,", "wait: 10min, queue: {arrivals: 40/h, servers: 3},"),
                    encoding="utf-8")
    code, out, _ = run(capsys, "analyze", str(path))
    assert code == 0
    assert "total          19 min (best 16 min, worst 22 min)" in out
    assert "whole" in out and "exceeded" in out and "mean wait" in out
    code, out, _ = run(capsys, "analyze", str(path), "--format", "json")
    (queue,) = json.loads(out)["queues"]
    assert queue["step"] == "wait" and queue["served_by"] == "serve" and queue["stable"] is True


def test_analyze_reports_content_problems_with_positions(tmp_path, capsys):
    path = tmp_path / "hall.yaml"
    path.write_text(HALL.replace("duration: 6-10min", "duration: 10-6min"), encoding="utf-8")
    code, _out, err = run(capsys, "analyze", str(path))
    assert code == 1 and f"{path}:12:83:" in err and "starts above where it ends" in err
