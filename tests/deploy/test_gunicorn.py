"""The production stack end to end: collectstatic, gunicorn with production settings, WhiteNoise."""

import subprocess
import sys
import time
import urllib.error
import urllib.request
from urllib.parse import quote

import pytest
from django.db import connection

from .conftest import PROJECT_DIR, manage, production_env

PORT = 8017  # this worktree's port for servers started by tests


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


@pytest.fixture(scope="module")
def gunicorn(django_db_setup, tmp_path_factory):
    """One server for the module: starting gunicorn and collecting static files takes seconds."""
    static_root = tmp_path_factory.mktemp("static")
    env = production_env(DATABASE_URL=database_url(), DJANGO_STATIC_ROOT=str(static_root))
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


def test_gunicorn_serves_healthz_over_plain_http(gunicorn):
    response = get("/healthz", **{"X-Forwarded-Proto": "http"})

    assert response.status == 200
    assert response.read() == b'{"status": "ok", "database": "ok"}'


def test_gunicorn_redirects_plain_http_to_https(gunicorn):
    request = urllib.request.Request(
        f"http://127.0.0.1:{PORT}/impressum/", headers={"Host": "transferboerse.example.org"}
    )

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    with pytest.raises(urllib.error.HTTPError) as error:
        urllib.request.build_opener(NoRedirect).open(request, timeout=10)

    assert error.value.code == 301
    assert error.value.headers["Location"] == "https://transferboerse.example.org/impressum/"


def test_gunicorn_page_has_hsts_and_hashed_static_links(gunicorn):
    response = get("/impressum/")
    html = response.read().decode()

    assert response.status == 200
    assert response.headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    hashed = sorted(path.name for path in (gunicorn / "css").glob("site.*.css"))
    assert f"/static/css/{hashed[0]}" in html


def test_whitenoise_serves_hashed_file_compressed_and_cacheable_forever(gunicorn):
    name = next(path.name for path in (gunicorn / "css").glob("site.*.css") if path.suffix == ".css")

    response = get(f"/static/css/{name}", **{"Accept-Encoding": "gzip"})

    assert response.status == 200
    assert response.headers["Content-Encoding"] == "gzip"
    assert response.headers["Cache-Control"] == "max-age=315360000, public, immutable"


def test_gunicorn_unknown_host_is_refused(gunicorn):
    response = get("/impressum/", Host="evil.example.com")

    assert response.status == 400
