"""The production stack end to end: collectstatic, gunicorn with production settings, WhiteNoise."""

import urllib.error
import urllib.request

import pytest

from .conftest import PORT, get


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
