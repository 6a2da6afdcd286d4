"""In a real browser against the production stack: no request leaves our host, the CSP blocks nothing."""

import shutil
from urllib.parse import urlsplit

import pytest

from .conftest import PORT

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
BROWSER_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run",
]  # fmt: skip

pytestmark = [
    pytest.mark.browser,  # Chromium: in the complete run, not in ``bin/test --fast``
    pytest.mark.skipif(not shutil.which("chromium"), reason="Debian chromium fehlt (apt-get install chromium)"),
]


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=BROWSER_ARGS)
        yield browser
        browser.close()


@pytest.mark.parametrize(
    "path", ["/", "/impressum/", "/datenschutz/", "/barrierefreiheit/", "/offene-daten/", "/verwaltung/login/"]
)
def test_page_loads_only_from_own_host_without_csp_violation(gunicorn, browser, path):
    # The proxy's job (TLS, X-Forwarded-Proto) is played by a header on every request.
    context = browser.new_context(
        base_url=f"http://127.0.0.1:{PORT}", extra_http_headers={"X-Forwarded-Proto": "https"}
    )
    page = context.new_page()
    hosts, console_errors, failed = set(), [], []
    page.on("request", lambda request: hosts.add(urlsplit(request.url).netloc or request.url.split(":")[0]))
    page.on("console", lambda message: console_errors.append(message.text) if message.type == "error" else None)
    page.on("response", lambda response: failed.append(response.url) if response.status >= 400 else None)

    response = page.goto(path, wait_until="networkidle")

    assert response.status == 200
    assert hosts - {"data"} == {f"127.0.0.1:{PORT}"}
    # The browser asks for /favicon.ico on its own (we have none); anything else failing is a bug.
    assert [url for url in failed if not url.endswith("/favicon.ico")] == []
    assert [error for error in console_errors if not error.startswith("Failed to load resource")] == []
    context.close()
