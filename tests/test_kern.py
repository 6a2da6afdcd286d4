"""KERN UX (npm @kern-ux/native) is the public site's design system, served from our own host."""

import re
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders

pytestmark = pytest.mark.django_db

STYLESHEET = re.compile(r'<link rel="stylesheet" href="([^"]+)"')


def test_public_pages_link_kern_and_its_fonts_from_our_static_files(client):
    html = client.get("/impressum/").content.decode()

    sheets = STYLESHEET.findall(html)
    assert [sheet for sheet in sheets if "kern" in sheet] == [
        "/static/vendor/kern/fonts/fira-sans.css",
        "/static/vendor/kern/kern.min.css",
    ]
    assert all(sheet.startswith("/static/") for sheet in sheets)


@pytest.mark.parametrize("path", ["vendor/kern/kern.min.css", "vendor/kern/fonts/fira-sans.css"])
def test_kern_files_come_from_the_npm_package(path):
    found = finders.find(path)

    assert found is not None, f"{path} fehlt: npm ci (bin/run, bin/test) installiert @kern-ux/native"
    assert "node_modules/@kern-ux/native/dist" in str(found)


def test_kern_fonts_are_files_beside_the_stylesheet_not_on_another_host():
    css = Path(finders.find("vendor/kern/fonts/fira-sans.css")).read_text()
    urls = re.findall(r'url\("?([^")]+)"?\)', css)

    assert urls and all(url.startswith("./fira-sans/") for url in urls)
    assert all(finders.find(f"vendor/kern/fonts/{url[2:]}") for url in urls)


def test_forms_render_kern_markup(client):
    html = client.get("/barriere-melden/").content.decode()

    assert 'class="kern-form-input"' in html
    assert 'class="kern-label"' in html
    assert "kern-form-input__input" in html
    assert "form-control" not in html
