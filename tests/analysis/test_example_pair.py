"""The shipped as-is / to-be hall pair tells the documents' peak-hour story in numbers."""

import json

from blueprint import load
from blueprint.analysis import analyze
from blueprint.analysis.diff import diff
from blueprint.cli import main

from ..conftest import ROOT

BEFORE = ROOT / "examples" / "hall-before.zh.yaml"
AFTER = ROOT / "examples" / "hall-walk.zh.yaml"


def peak(path):
    (queue,) = analyze(load(path))["queues"]
    return queue


def test_peak_wait_falls_from_about_an_hour_to_a_few_minutes():
    before, after = peak(BEFORE), peak(AFTER)
    # The documents: the longest peak wait fell from 55 minutes to an average of 7.
    assert 50 <= before["mean_wait_minutes"] <= 60 and before["utilisation"] > 0.95
    assert 5 <= after["mean_wait_minutes"] <= 9
    assert after["diverted_per_hour"] > 0 and after["servers"] < before["servers"]
    assert before["within_standard"] < 0.25 < 0.7 < after["within_standard"]
    # The profile: the 11:00 peak is the hour that breaks the standard before.
    worst = max(before["by_hour"], key=lambda row: row["mean_wait_minutes"])
    assert worst["hour"] == "11:00"


def test_the_diff_shows_why():
    d = diff(load(BEFORE), load(AFTER))
    added = {step["id"] for step in d["added"]}
    assert {"divert", "use-kiosk", "triage", "ipad-walk"} <= added
    (queue,) = d["queues"]
    assert queue["before"]["step"] == "queue-wait" and queue["after"]["step"] == "wait"
    assert any(f["rule"] == "standard-exceeded" for f in d["findings_fixed"])


def test_the_english_twin_tells_the_same_story():
    zh, en = peak(AFTER), peak(ROOT / "examples" / "hall-walk.en.yaml")
    assert zh["mean_wait_minutes"] == en["mean_wait_minutes"]


def test_cli_diff_of_the_pair(capsys):
    assert main(["diff", str(BEFORE), str(AFTER), "--format", "json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["queues"][0]["before"]["mean_wait_minutes"] > 50
