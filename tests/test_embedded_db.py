"""The embedded PostgreSQL must come back after a process that used it was killed."""

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

import psutil
import pytest

from transferboerse.embedded_db import HANDLE_FILE, _forget_dead_users, forget_dead_handles

PROJECT_DIR = Path(__file__).resolve().parent.parent

USE_SERVER = textwrap.dedent(
    """
    import sys, time
    import psycopg
    from pathlib import Path
    from transferboerse.embedded_db import database_url, start_server
    pgdata = Path(sys.argv[1])
    url = database_url(pgdata, name="probe")
    info = start_server(pgdata).get_postmaster_info()
    with psycopg.connect(host=str(info.socket_dir), port=info.port, user="postgres", dbname="probe") as conn:
        print(conn.execute("SELECT 41 + 1").fetchone()[0], info.pid, flush=True)
    if len(sys.argv) > 2:
        time.sleep(60)
    """
)


def use_server(pgdata: Path, *, linger: bool = False) -> subprocess.Popen:
    args = [sys.executable, "-c", USE_SERVER, str(pgdata)] + (["linger"] if linger else [])
    return subprocess.Popen(args, cwd=PROJECT_DIR, stdout=subprocess.PIPE, text=True)


def postmaster_pid(pgdata: Path) -> int | None:
    pid_file = pgdata / "postmaster.pid"
    return int(pid_file.read_text().split()[0]) if pid_file.exists() else None


def wait_until_stopped(pid: int, seconds: float = 15) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if not psutil.pid_exists(pid) or psutil.Process(pid).status() == psutil.STATUS_ZOMBIE:
            return True
        time.sleep(0.1)
    return False


@pytest.fixture
def pgdata():
    # Not under pytest's temp folder: pytest makes that owner-only again at each session start, and
    # the server runs as another user when we are root. A short path, too: the socket lives inside.
    (PROJECT_DIR / "var").mkdir(exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix="pgtest-", dir=PROJECT_DIR / "var"))
    yield folder / "data"
    shutil.rmtree(folder, ignore_errors=True)


def test_embedded_db_stops_after_last_user_even_if_one_was_killed(pgdata):
    killed = use_server(pgdata, linger=True)
    answer, server_pid = killed.stdout.readline().split()
    assert answer == "42"
    os.kill(killed.pid, signal.SIGKILL)
    killed.wait()
    assert killed.pid in json.loads((pgdata / HANDLE_FILE).read_text())

    survivor = use_server(pgdata)
    output, _ = survivor.communicate(timeout=60)

    assert output.split()[0] == "42"
    assert survivor.returncode == 0
    assert wait_until_stopped(int(server_pid)), "the server should stop when its last live user exits"
    assert json.loads((pgdata / HANDLE_FILE).read_text()) == []


def test_embedded_db_restarts_after_server_was_killed(pgdata):
    first = use_server(pgdata, linger=True)
    _, server_pid = first.stdout.readline().split()
    os.kill(int(server_pid), signal.SIGKILL)
    os.kill(first.pid, signal.SIGKILL)
    first.wait()
    assert wait_until_stopped(int(server_pid))

    second = use_server(pgdata)
    output, _ = second.communicate(timeout=60)

    assert output.split()[0] == "42"
    assert int(output.split()[1]) != int(server_pid)


def test_forget_dead_handles_keeps_live_pids(tmp_path):
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    (tmp_path / HANDLE_FILE).write_text(json.dumps([os.getpid(), dead.pid]))

    assert forget_dead_handles(tmp_path) == [dead.pid]
    assert json.loads((tmp_path / HANDLE_FILE).read_text()) == [os.getpid()]


def test_embedded_db_stops_when_its_only_user_is_terminated(pgdata):
    user = use_server(pgdata, linger=True)
    _, server_pid = user.stdout.readline().split()

    user.terminate()
    user.wait(timeout=30)

    assert wait_until_stopped(int(server_pid)), "SIGTERM must run the clean-up that stops the server"


def test_embedded_db_stops_when_the_last_live_user_exits_after_another_was_killed(pgdata):
    """Like Django's autoreloader on SIGTERM: it SIGKILLs its child, then exits itself."""
    parent = use_server(pgdata, linger=True)
    _, server_pid = parent.stdout.readline().split()
    child = use_server(pgdata, linger=True)
    child.stdout.readline()
    os.kill(child.pid, signal.SIGKILL)
    child.wait()

    parent.terminate()
    parent.wait(timeout=30)

    assert wait_until_stopped(int(server_pid)), "the last live user must stop the server"
    assert json.loads((pgdata / HANDLE_FILE).read_text()) == []


def test_handle_list_cut_short_by_a_kill_is_repaired_and_keeps_the_live_user(tmp_path):
    (tmp_path / HANDLE_FILE).write_text("")

    _forget_dead_users(tmp_path)

    assert json.loads((tmp_path / HANDLE_FILE).read_text()) == [os.getpid()]
