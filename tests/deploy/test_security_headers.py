"""Headers every response carries, and the rule that makes the strict CSP possible: no inline code."""

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.urls import reverse

TEMPLATES_DIR = Path(__file__).resolve().parent.parent.parent / "templates"

EXPECTED_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/", "/impressum/", "/healthz", "/verwaltung/login/"])
def test_response_security_headers_are_set(client, url):
    response = client.get(url)

    assert response.status_code == 200
    assert response["Content-Security-Policy"] == EXPECTED_CSP
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


def test_csp_allows_no_unsafe_source(settings):
    sources = [source for directive in settings.SECURE_CSP.values() for source in directive]

    assert [source for source in sources if "unsafe" in source or source in {"*", "https:", "http:"}] == []


class InlineCodeFinder(HTMLParser):
    """Collects what a CSP without 'unsafe-inline' would block: inline scripts, styles and handlers."""

    def __init__(self):
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        names = [name for name, _ in attrs]
        if tag == "script" and "src" not in names:
            self.found.append("<script> ohne src")
        if tag == "style":
            self.found.append("<style>")
        self.found += [f"{name}= an <{tag}>" for name in names if name == "style" or name.startswith("on")]
        self.found += [
            f"javascript:-Link an <{tag}>" for name, value in attrs if (value or "").startswith("javascript:")
        ]


def inline_code(html: str) -> list[str]:
    finder = InlineCodeFinder()
    finder.feed(html)
    return finder.found


def test_inline_code_finder_finds_what_csp_blocks():
    html = '<script>x()</script><div style="color:red" onclick="x()"><style>p{}</style><script src="/a.js"></script>'

    assert inline_code(html) == ["<script> ohne src", "style= an <div>", "onclick= an <div>", "<style>"]


@pytest.mark.parametrize("template", sorted(TEMPLATES_DIR.rglob("*.html")), ids=lambda path: path.name)
def test_template_has_no_inline_code(template):
    # Template tags would confuse the HTML parser inside attributes; replace them by a neutral word.
    source = re.sub(r"{%.*?%}|{{.*?}}", "x", template.read_text(), flags=re.DOTALL)

    assert inline_code(source) == []


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url", ["/", "/impressum/", "/datenschutz/", "/barrierefreiheit/", "/offene-daten/", "/verwaltung/login/"]
)
def test_rendered_page_has_no_inline_code(client, url):
    assert inline_code(client.get(url).content.decode()) == []


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url", ["/", "/impressum/", "/datenschutz/", "/barrierefreiheit/", "/offene-daten/", "/healthz", "/api/v1/"]
)
def test_anonymous_visitor_gets_no_cookie(client, url):
    response = client.get(url)

    assert response.status_code == 200
    assert dict(response.cookies) == {}


@pytest.mark.django_db
def test_form_page_sets_only_the_csrf_cookie(client):
    response = client.get(reverse("admin:login"))

    assert sorted(response.cookies) == ["csrftoken"]
