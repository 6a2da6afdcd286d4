import os
import secrets
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import quote

import pytest
from django.db import connection

PROJECT_DIR = Path(__file__).resolve().parent.parent.parent


def production_env(**overrides: str) -> dict[str, str]:
    """The environment a server would have: every required variable set, nothing of the test settings."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    env.update(
        DJANGO_SETTINGS_MODULE="transferboerse.settings.production",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DATABASE_URL="postgres://transferboerse:geheim@127.0.0.1:9/transferboerse",
        DJANGO_ALLOWED_HOSTS="transferboerse.example.org",
        DJANGO_CSRF_TRUSTED_ORIGINS="https://transferboerse.example.org",
        DJANGO_EMAIL_HOST="smtp.example.org",
        DJANGO_DEFAULT_FROM_EMAIL="transferboerse@example.org",
        DJANGO_SITE_URL="https://transferboerse.example.org",
    )
    env.update(overrides)
    return env


def manage(*args: str, env: dict[str, str], timeout: int = 180) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=PROJECT_DIR, env=env, capture_output=True, text=True, timeout=timeout
    )


@pytest.fixture
def deploy_env():
    return production_env()


# Servers started by tests: each pytest-xdist worker serves its own test database on its own ports
# (PORT and PORT + 1), so two workers never answer each other's requests.
PORT = 8017 + 2 * int(os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw"))


def database_url() -> str:
    db = connection.settings_dict
    return "postgres://{user}:{password}@{host}:{port}/{name}".format(
        user=db["USER"],
        password=quote(db["PASSWORD"] or ""),
        host=quote(db["HOST"], safe=""),
        port=db["PORT"],
        name=db["NAME"],
    )


def get(path: str, **headers: str):
    request = urllib.request.Request(
        f"http://127.0.0.1:{PORT}{path}",
        headers={"Host": "transferboerse.example.org", "X-Forwarded-Proto": "https", **headers},
    )
    try:
        return urllib.request.urlopen(request, timeout=10)
    except urllib.error.HTTPError as error:
        return error


@pytest.fixture(scope="session")
def gunicorn(django_db_setup, tmp_path_factory):
    """One server for all deploy tests: starting gunicorn and collecting static files takes seconds."""
    static_root = tmp_path_factory.mktemp("static")
    env = production_env(
        DATABASE_URL=database_url(),
        DJANGO_STATIC_ROOT=str(static_root),
        DJANGO_ALLOWED_HOSTS="transferboerse.example.org,127.0.0.1",  # the browser test cannot set Host
        # No connection kept between requests: the server lives for the whole session, and the backup
        # test copies the test database as a template, which PostgreSQL refuses while anyone is connected.
        DJANGO_CONN_MAX_AGE="0",
    )
    collected = manage("collectstatic", "--noinput", env=env)
    assert collected.returncode == 0, collected.stderr
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", "transferboerse/gunicorn.conf.py", "--workers", "2",
         "--bind", f"127.0.0.1:{PORT}", "transferboerse.wsgi"],
        cwd=PROJECT_DIR, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )  # fmt: skip
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{PORT}/healthz", timeout=1)
                break
            except urllib.error.HTTPError:
                break  # the server answers (with a redirect or an error): it is up
            except OSError:
                time.sleep(0.1)
        yield static_root
    finally:
        server.terminate()
        server.wait(timeout=10)
