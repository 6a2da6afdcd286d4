import csv
import io

import pytest
from django.template import Context, Template
from django.urls import reverse

from steering.models import QualityIndicator

from ..factories import NetworkFactory
from .factories import AssessmentFactory, IndicatorRatingFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def assessed_network(bergkamen):
    """Two years of a network's self-assessment on the first two seeded indicators."""
    network = NetworkFactory(name="Runder Tisch Kinderarmut")
    goals, roles = QualityIndicator.objects.all()[:2]
    last_year = AssessmentFactory(network=network, year=2025)
    this_year = AssessmentFactory(network=network, year=2026)
    IndicatorRatingFactory(assessment=last_year, indicator=goals, level=2)
    IndicatorRatingFactory(assessment=last_year, indicator=roles, level=3)
    IndicatorRatingFactory(assessment=this_year, indicator=goals, level=4)
    IndicatorRatingFactory(assessment=this_year, indicator=roles, level=2)
    return network


def test_network_quality_partial_shows_latest_levels_and_change(assessed_network):
    html = Template('{% include "steering/_network_quality.html" %}').render(Context({"network": assessed_network}))

    assert "Qualität der Zusammenarbeit (2026)" in html
    assert "Veränderung gegenüber 2025" in html
    assert "▲ +2" in html
    assert "▼ -1" in html


def test_network_quality_partial_is_empty_without_assessment(db):
    html = Template('{% include "steering/_network_quality.html" %}').render(Context({"network": NetworkFactory()}))

    assert html.strip() == ""


def test_network_quality_overview_compares_networks(client, steering_member, assessed_network):
    client.force_login(steering_member)

    response = client.get(reverse("steering:network_quality"))

    row = response.context["rows"][0]
    assert (row["network"], row["latest"].year, row["previous"].year) == (assessed_network, 2026, 2025)
    assert row["cells"][:3] == [(4, 2), (2, -1), (None, None)]


def test_network_quality_csv_export(client, steering_member, assessed_network):
    client.force_login(steering_member)

    response = client.get(reverse("steering:network_quality_csv"))

    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert rows[0][:6] == ["Netzwerk", "Kommunen", "Jahr", "Vorjahr", "Durchschnitt", "Klare gemeinsame Ziele"]
    assert rows[1][:7] == [
        "Runder Tisch Kinderarmut",
        assessed_network.municipalities.get().name,
        "2026",
        "2025",
        "3,0",
        "4",
        "2",
    ]
    assert rows[1][13:15] == ["+2", "-1"]


def test_network_quality_csv_anonymous_is_sent_to_login(client, assessed_network):
    assert client.get(reverse("steering:network_quality_csv")).status_code == 302
