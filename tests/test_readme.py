"""The README is honest: every command in it runs, and every output it shows is what users get."""

from __future__ import annotations

import json
import os
import re
import shlex
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

import blueprint

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
BLOCK = re.compile(r"```(\w+)\n(.*?)```", re.S)
BLOCKS = [(lang, body) for lang, body in BLOCK.findall(README)]
EXITS = re.compile(r"#\s*exits (\d)")


def commands() -> list[tuple[str, int]]:
    found = []
    for lang, body in BLOCKS:
        if lang != "console":
            continue
        for line in body.splitlines():
            if line.startswith("$ "):
                command = line[2:]
                expected = EXITS.search(command)
                found.append((command.split("#")[0].strip(), int(expected[1]) if expected else 0))
    return found


def run_in(workdir: Path, command: str) -> subprocess.CompletedProcess:
    """Run a README command: `make` targets in the repository, the rest where a user works."""
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    cwd = ROOT if command.startswith("make ") else workdir
    return subprocess.run(shlex.split(command), cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=300)


@pytest.fixture(scope="module")
def workdir(tmp_path_factory):
    """A fresh directory with the examples, as a user's checkout would have them."""
    path = tmp_path_factory.mktemp("readme")
    (path / "examples").symlink_to(ROOT / "examples")
    return path


def test_readme_starts_with_the_two_commands():
    lang, body = BLOCKS[0]
    assert lang == "console" and [line.split()[:2] for line in body.splitlines()] == [["make", "run"], ["make", "test"]]


@pytest.mark.parametrize("command, expected", commands())
def test_every_command_runs_with_its_documented_exit_status(workdir, command, expected):
    result = run_in(workdir, command)
    assert result.returncode == expected, result.stderr
    assert "Traceback" not in result.stderr


def test_the_commands_made_what_they_say(workdir):
    for command, _expected in commands():
        if not command.startswith("make "):  # the benchmarks make nothing, and take a while
            run_in(workdir, command)
    assert blueprint.load(workdir / "my-hall.zh.yaml").ok
    assert (workdir / "hall-walk.svg").read_text(encoding="utf-8").startswith("<?xml")
    assert (workdir / "pictures" / "hall-walk.zh.png").read_bytes().startswith(b"\x89PNG")
    assert (workdir / "fault-report.graphml").read_text(encoding="utf-8").startswith("<?xml")
    assert '"$schema"' in (workdir / "blueprint.schema.json").read_text(encoding="utf-8")


def test_the_board_the_readme_creates_opens_with_its_links(workdir):
    from blueprint.store import close_database, open_database
    from blueprint.store.boards import BoardStore

    url = f"sqlite:///{workdir / 'workshop.db'}"
    store = BoardStore(open_database(url))
    try:
        made = json.loads(run_in(workdir, "blueprint board create examples/hall-walk.zh.yaml --db "
                                          "sqlite:///workshop.db --base-url http://localhost:8501").stdout)
        token = parse_qs(urlsplit(made["participant_url"]).query)["token"][0]
        assert made["participant_url"].startswith("http://localhost:8501/board?board=")
        assert store.resolve(token).role == "participant" and store.resolve(token).board == made["board"]
    finally:
        close_database(url)


def test_shown_outputs_are_real(workdir):
    texts = [body for lang, body in BLOCKS if lang == "text" and ("(examples/" in body or "[error]" in body)]
    stats_block, lint_block, chinese_block = texts
    assert run_in(workdir, "blueprint stats examples/hall-walk.zh.yaml").stdout == stats_block
    lint = run_in(workdir, "blueprint lint -f parsable examples/hall-before.zh.yaml").stdout.splitlines()
    for line in lint_block.splitlines():
        assert line in lint
    command = "blueprint lint -f parsable --locale zh examples/hall-before.zh.yaml"
    chinese = run_in(workdir, command).stdout.splitlines()
    for line in chinese_block.splitlines():
        assert line in chinese


def test_python_block_runs():
    (code,) = [body for lang, body in BLOCKS if lang == "python"]
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        exec(compile(code, "README.md", "exec"), {})  # noqa: S102 - our own README's example
    finally:
        os.chdir(cwd)


def test_yaml_block_loads_clean():
    (text,) = [body for lang, body in BLOCKS if lang == "yaml"]
    bp = blueprint.loads(text)
    assert bp.ok and blueprint.lint(bp) == []


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_make_run_starts_the_app(tmp_path):
    port = _free_port()
    env = {**os.environ, "BLUEPRINT_DRAFTS_DIR": str(tmp_path)}
    process = subprocess.Popen(["make", "run", f"PORT={port}"], cwd=ROOT, env=env, start_new_session=True,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            assert process.poll() is None, process.stdout.read().decode()
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2) as answer:
                    assert answer.read() == b"ok"
                    break
            except OSError:
                time.sleep(0.5)
        else:
            pytest.fail("make run did not start the app within 120 s")
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)
