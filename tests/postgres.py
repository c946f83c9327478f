"""A real PostgreSQL server for the tests: Debian's ``initdb`` and ``pg_ctl`` on a free loopback port.

The server runs once per test session in a temporary directory, as the unprivileged ``postgres``
(or ``nobody``) user when the tests run as root, with fsync off (it holds nothing worth keeping).
Each test that asks for ``postgres_url`` gets a database of its own. Without PostgreSQL the tests
that need it are skipped with the reason, except under ``CI=true``, where they fail.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from contextlib import contextmanager

import pytest

__all__ = ["Unavailable", "new_database", "postgres_server", "postgres_url", "running_server"]


def _binaries() -> str | None:
    """The directory holding ``initdb`` and ``pg_ctl``: on PATH, else Debian's newest version."""
    found = shutil.which("initdb")
    if found:
        return os.path.dirname(found)
    versions = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                      key=lambda path: int(path.split("/")[4]) if path.split("/")[4].isdigit() else 0)
    return os.path.dirname(versions[-1]) if versions else None


def _missing(reason: str) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(f"PostgreSQL tests must run under CI: {reason}")
    pytest.skip(reason)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _as_user() -> tuple[list[str], pwd.struct_passwd | None]:
    """The command prefix that runs a program as an unprivileged user when we are root."""
    if os.geteuid() != 0:
        return [], None
    for name in ("postgres", "nobody"):
        try:
            user = pwd.getpwnam(name)
        except KeyError:
            continue
        return ["setpriv", f"--reuid={user.pw_uid}", f"--regid={user.pw_gid}", "--clear-groups", "--"], user
    return [], None


class Unavailable(RuntimeError):
    """PostgreSQL cannot be started here (not installed, or no user to run it as)."""


@contextmanager
def running_server():
    """A PostgreSQL server in a temporary directory for as long as the block runs: ``(host, port, user)``.

    Raises :class:`Unavailable` when it cannot be started here, ``RuntimeError`` when it fails.
    """
    binaries = _binaries()
    if binaries is None:
        raise Unavailable("PostgreSQL is not installed (scripts/system-deps.sh --browser installs it)")
    prefix, user = _as_user()
    if os.geteuid() == 0 and user is None:
        raise Unavailable("running as root with no unprivileged user to run PostgreSQL as")
    root = tempfile.mkdtemp(prefix="bp-postgres-")
    data = os.path.join(root, "data")
    if user is not None:
        os.chown(root, user.pw_uid, user.pw_gid)
    port = _free_port()
    log = os.path.join(root, "server.log")
    env = {**os.environ, "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"}
    try:
        subprocess.run([*prefix, f"{binaries}/initdb", "-D", data, "-U", "blueprint", "--auth=trust",
                        "--encoding=UTF8", "--no-sync"], check=True, capture_output=True, env=env, cwd=root)
        subprocess.run([*prefix, f"{binaries}/pg_ctl", "-D", data, "-l", log, "-w", "-t", "60", "-o",
                        f"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off "
                        "-c synchronous_commit=off -c full_page_writes=off -c max_connections=200",
                        "start"], check=True, capture_output=True, env=env, cwd=root)
    except (OSError, subprocess.CalledProcessError) as error:
        detail = getattr(error, "stderr", b"") or b""
        shutil.rmtree(root, ignore_errors=True)
        raise RuntimeError(f"PostgreSQL did not start: {error} {detail.decode(errors='replace')[-500:]}") from None
    try:
        yield "127.0.0.1", port, "blueprint"
    finally:
        subprocess.run([*prefix, f"{binaries}/pg_ctl", "-D", data, "-m", "immediate", "-w", "stop"],
                       capture_output=True, env=env, cwd=root)
        shutil.rmtree(root, ignore_errors=True)


def new_database(server: tuple[str, int, str]) -> str:
    """The URL of a new, empty database on ``server``."""
    import psycopg
    from psycopg import sql

    host, port, user = server
    name = "t_" + uuid.uuid4().hex[:16]
    with psycopg.connect(host=host, port=port, user=user, dbname="postgres", autocommit=True) as connection:
        connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    return f"postgresql+psycopg://{user}@{host}:{port}/{name}"


@pytest.fixture(scope="session")
def postgres_server():
    """``(host, port, user)`` of a PostgreSQL server running for the whole test session."""
    try:
        with running_server() as server:
            yield server
    except Unavailable as reason:
        _missing(str(reason))
    except RuntimeError as error:
        pytest.fail(str(error))


@pytest.fixture
def postgres_url(postgres_server):
    """The URL of a new, empty database on the session's server."""
    return new_database(postgres_server)
