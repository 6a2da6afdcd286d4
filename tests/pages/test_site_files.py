"""What every public site has: favicon, robots.txt, sitemap.xml of published pages, print source line."""

import re

import pytest
from django.urls import reverse

from projects.models import Project
from tests.factories import ProjectFactory

pytestmark = pytest.mark.django_db


def test_favicon_redirects_to_the_icon_served_from_our_host(client):
    response = client.get("/favicon.ico")

    assert (response.status_code, response["Location"]) == (301, "/static/favicon.svg")


def test_robots_txt_keeps_crawlers_out_of_the_back_office_and_names_the_sitemap(client):
    response = client.get("/robots.txt", HTTP_HOST="127.0.0.1")

    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response.content.decode().splitlines() == [
        "User-agent: *",
        "Disallow: /verwaltung/",
        "Disallow: /transfer/meine/",
        "Disallow: /transfer/interessen/",
        "Disallow: /transfer/benachrichtigungen/",
        "Disallow: /transfer/bilanz/",
        "Disallow: /api/",
        "Sitemap: http://127.0.0.1/sitemap.xml",
    ]


def test_sitemap_lists_published_projects_and_never_drafts(client):
    published = ProjectFactory(title="Baby-Besuchsdienst")
    draft = ProjectFactory(title="Entwurf Kita", status=Project.Status.DRAFT)

    content = client.get("/sitemap.xml").content.decode()

    locations = re.findall(r"<loc>([^<]+)</loc>", content)
    assert f"http://testserver{published.get_absolute_url()}" in locations
    assert f"http://testserver{draft.get_absolute_url()}" not in locations
    assert f"http://testserver{published.municipality.get_absolute_url()}" in locations
    assert {"http://testserver/", "http://testserver/leichte-sprache/", "http://testserver/barriere-melden/"} <= set(
        locations
    )
    assert not [location for location in locations if "/verwaltung/" in location]


def test_every_page_carries_its_source_address_from_site_url_and_date_for_the_printout(client, settings):
    settings.SITE_URL = "https://transfer.example.org/"

    content = client.get(reverse("pages:imprint")).content.decode()

    assert re.search(
        r'<p class="print-source">Quelle: https://transfer.example.org/impressum/ · '
        r'Gedruckt am <span class="print-date">\d{1,2}\. \w+ \d{4}</span></p>',
        content,
    )
