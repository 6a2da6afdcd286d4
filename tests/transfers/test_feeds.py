"""The Atom feeds carry unreviewed offer and request texts: as plain text, never as live HTML."""

import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from ..factories import TransferRequestFactory

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
MARKUP = '<script>alert("x")</script><a href="http://x.example/">Klick</a> & <b>fett</b>'


def entries(client, url_name: str) -> list[dict]:
    response = client.get(reverse(url_name))
    feed = ET.fromstring(response.content)
    return [
        {
            "title": entry.find(f"{ATOM}title").text,
            "summary": entry.find(f"{ATOM}summary").text,
            "summary_type": entry.find(f"{ATOM}summary").get("type"),
        }
        for entry in feed.iter(f"{ATOM}entry")
    ]


def test_offer_feed_serves_the_description_as_plain_text(client, baby_offer):
    baby_offer.description = MARKUP
    baby_offer.save()

    assert entries(client, "transfers:offers_feed") == [
        {"title": "Bergkamen: Baby-Besuchsdienst", "summary": MARKUP, "summary_type": "text"}
    ]


def test_request_feed_serves_the_need_as_plain_text(client, selm):
    TransferRequestFactory(municipality=selm, title="<i>Lotsen</i> gesucht", need=MARKUP)

    assert entries(client, "transfers:requests_feed") == [
        {"title": "Selm: <i>Lotsen</i> gesucht", "summary": MARKUP, "summary_type": "text"}
    ]


@pytest.mark.parametrize("url_name", ["transfers:offers_feed", "transfers:requests_feed"])
def test_feeds_declare_no_html_content(client, baby_offer, selm, url_name):
    TransferRequestFactory(municipality=selm, need=MARKUP)
    baby_offer.description = MARKUP
    baby_offer.save()

    feed = ET.fromstring(client.get(reverse(url_name)).content)

    assert sorted({element.get("type") for element in feed.iter() if element.get("type") is not None}) == ["text"]


@pytest.mark.parametrize("consent", [False, True])
def test_offer_feed_never_carries_the_contact(client, baby_offer, consent):
    baby_offer.contact_phone = "02307 98765"
    baby_offer.contact_is_public = consent
    baby_offer.save()

    body = client.get(reverse("transfers:offers_feed")).content.decode()

    assert ("berg@example.org" in body, "02307 98765" in body, "Frau Berg" in body) == (False, False, False)
