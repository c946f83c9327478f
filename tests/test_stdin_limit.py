"""Standard input is read up to the size limit plus one byte, never whole: 600 MB piped into
``blueprint lint -`` took 652 MB of memory before being refused. Checked on the real process: its
peak memory and how much of the pipe it read."""

from __future__ import annotations

import io
import subprocess
import sys

import pytest

from blueprint import BlueprintError, Limits
from blueprint.lint import lint
from blueprint.loader import read_stream

MB = 1024 * 1024
LIMIT = Limits().max_bytes


class Counting(io.RawIOBase):
    """An endless stream of YAML comments that counts what was read from it."""

    def __init__(self):
        self.served = 0

    def readable(self):
        return True

    def readinto(self, buffer):
        buffer[:] = b"#" * (len(buffer) - 1) + b"\n"
        self.served += len(buffer)
        return len(buffer)


def test_read_stream_stops_one_byte_past_the_limit():
    source = Counting()
    with pytest.raises(BlueprintError) as exc:
        read_stream(io.BufferedReader(source, buffer_size=64 * 1024), "<stdin>")
    assert exc.value.rule == "input-limit" and (exc.value.pos.line, exc.value.pos.column) == (1, 1)
    assert "limit" in exc.value.message and "上限" in exc.value.message_zh
    assert source.served <= LIMIT + 128 * 1024


def test_lint_takes_a_stream_and_reads_no_more_than_the_limit():
    source = Counting()
    (finding,) = lint(io.BufferedReader(source), path="<stdin>")
    assert (finding.path, finding.rule, finding.level) == ("<stdin>", "input-limit", "error")
    assert source.served <= LIMIT + 128 * 1024
    small = io.BytesIO(b"blueprint: 1\ntitle: t\nsteps:\n- {id: a, lane: customer, label: A}\n")
    assert [f.rule for f in lint(small)] == ["isolated-step"]


# The command, then its peak memory on stderr: VmHWM counts this process only (ru_maxrss would
# carry the high-water mark of the pytest process it was forked from across exec).
RUN = """
import sys
from blueprint.cli import main
code = main(sys.argv[1:])
peak = next(line for line in open("/proc/self/status") if line.startswith("VmHWM"))
sys.stderr.write("\\n" + peak)
sys.exit(code)
"""


@pytest.mark.parametrize("command", [["lint", "-"], ["render", "-", "-o", "-"], ["stats", "-"], ["graph", "-"]])
def test_the_real_process_refuses_a_huge_pipe_without_reading_it_whole(command):
    """The child reads at most the limit plus a byte and exits; what it did not read stays in the pipe."""
    child = subprocess.Popen([sys.executable, "-c", RUN, *command], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    chunk = b"#" * (MB - 1) + b"\n"
    written = 0
    try:
        while written < 200 * MB:  # far more than the limit: the child stops reading long before
            child.stdin.write(chunk)
            written += len(chunk)
    except BrokenPipeError:
        pass
    finally:
        try:
            child.stdin.close()
        except BrokenPipeError:
            pass
    out = child.stdout.read().decode("utf-8")
    err = child.stderr.read().decode("utf-8")
    assert child.wait(timeout=60) == 1, err
    assert "input-limit" in out + err and "Traceback" not in err
    assert written < 200 * MB  # the pipe broke: the rest was never read
    peak_kb = int(err.rsplit("VmHWM:", 1)[1].split()[0])
    assert peak_kb < 150 * 1024, peak_kb  # well under the 200 MB offered
