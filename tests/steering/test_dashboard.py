import datetime
import shutil
import subprocess
from decimal import Decimal

import pytest
from django.urls import reverse

from projects.models import PopulationFigure, Project
from transfers.models import TransferInterest

from ..factories import (
    DistrictMunicipalityFactory,
    MunicipalityFactory,
    NetworkFactory,
    OrganisationFactory,
    ProjectFactory,
    TransferInterestFactory,
    TransferOfferFactory,
    UserFactory,
)
from .factories import GoalFactory, MeasurementFactory

pytestmark = pytest.mark.django_db
URLS = ["steering:dashboard", "steering:dashboard_print"]


@pytest.fixture
def kreis_data(bergkamen, selm, transitions):
    """Bergkamen covers two transitions and gives a transfer to Selm, which has a goal half reached."""
    project = ProjectFactory(municipality=bergkamen, title="Baby-Besuchsdienst", status=Project.Status.PUBLISHED)
    project.transitions.set(transitions[:2])
    ProjectFactory(municipality=bergkamen, title="Neu", status=Project.Status.IN_REVIEW)
    offer = TransferOfferFactory(project=project)
    TransferInterestFactory(offer=offer, municipality=selm, stage=TransferInterest.Stage.IMPLEMENTED)
    NetworkFactory(coordinating_organisation=OrganisationFactory(municipality=selm))
    goal = GoalFactory(municipality=selm, title="Familien früh erreichen")
    MeasurementFactory(goal=goal, value=Decimal("60"))
    return offer


@pytest.mark.parametrize("name", URLS)
def test_dashboard_anonymous_is_sent_to_login(client, name):
    response = client.get(reverse(name))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


@pytest.mark.parametrize("name", [*URLS, "steering:dashboard_pdf", "steering:network_quality"])
def test_dashboard_coordinator_is_forbidden(client, coordinator_bergkamen, kreis_data, name):
    client.force_login(coordinator_bergkamen)

    response = client.get(reverse(name))

    assert response.status_code == 403
    assert b"Familien fr" not in response.content


def test_dashboard_user_without_role_is_forbidden(client):
    client.force_login(UserFactory(username="ohne-rolle"))

    assert client.get(reverse("steering:dashboard")).status_code == 403


@pytest.mark.parametrize("who", ["steering_member", "editor", "superuser"])
def test_dashboard_opens_for_steering_editorial_and_superuser(client, request, kreis_data, who):
    client.force_login(request.getfixturevalue(who))

    response = client.get(reverse("steering:dashboard"))

    assert response.status_code == 200
    assert [row.municipality.name for row in response.context["rows"]] == ["Bergkamen", "Selm"]


def test_dashboard_shows_coverage_transfers_reciprocity_and_attainment(client, steering_member, kreis_data):
    client.force_login(steering_member)

    response = client.get(reverse("steering:dashboard"))

    bergkamen, selm = response.context["rows"]
    assert (bergkamen.covered, bergkamen.published, bergkamen.in_review, bergkamen.offers) == (2, 1, 1, 1)
    assert (bergkamen.balance.given_completed, bergkamen.balance.balance) == (1, 1)
    assert (selm.balance.received, selm.balance.balance, selm.networks) == ({"implemented": 1}, -1, 1)
    assert (bergkamen.attainment, selm.attainment, selm.band.key) == (None, 50, "partly")
    charts = response.context["charts"]
    assert charts["coverage"]["datasets"][0]["data"] == [2, 0]
    assert charts["attainment"]["datasets"][0]["data"] == [None, 50]
    implemented = next(d for d in charts["stages"]["datasets"] if d["label"] == "Umgesetzt")
    assert implemented["data"] == [0, 1]
    html = response.content.decode()
    assert 'id="steering-chart-data"' in html
    assert "/static/vendor/chart.js/chart.umd.min.js" in html
    assert "Umgesetzt: 1 erhalten" in html


def test_dashboard_counts_stale_projects(client, steering_member, bergkamen):
    ProjectFactory(municipality=bergkamen, status=Project.Status.PUBLISHED, confirmed_at=None)
    client.force_login(steering_member)

    row = client.get(reverse("steering:dashboard")).context["rows"][0]

    assert (row.published, row.stale) == (1, 1)


def children(municipality, band, count, year=2023):
    return PopulationFigure.objects.create(
        municipality=municipality, age_band=band, count=count, year=year, source="IT.NRW"
    )


@pytest.mark.parametrize("count", [1, 3])
def test_dashboard_query_count_does_not_grow_with_municipalities(
    client, steering_member, transitions, django_assert_num_queries, count
):
    kreis = DistrictMunicipalityFactory(name="Kreis Unna")
    transitions[0].age_band = "0-2"
    transitions[0].save()
    for index in range(count):
        town = MunicipalityFactory(name=f"Stadt {index}", parent=kreis)
        ProjectFactory(municipality=town, status=Project.Status.PUBLISHED).transitions.set(transitions[:1])
        MeasurementFactory(goal=GoalFactory(municipality=town))
        children(town, "0-2", 100 + index)
        children(MunicipalityFactory(name=f"Gemeinde {index}", parent=kreis), "0-2", 200)  # no data, has children
    client.force_login(steering_member)
    client.get(reverse("steering:dashboard"))  # session and groups warm

    with django_assert_num_queries(21):
        response = client.get(reverse("steering:dashboard"))

    assert len(response.context["rows"]) == count
    assert all(row.needs[0].district_median is not None for row in response.context["rows"])


def test_dashboard_shows_children_per_age_band_projects_per_thousand_and_kreis_median(
    client, steering_member, transitions
):
    for transition, band in zip(transitions, ["0-2", "3-5"], strict=False):
        transition.age_band = band
        transition.save()
    kreis = DistrictMunicipalityFactory(name="Kreis Unna")
    bergkamen = MunicipalityFactory(name="Bergkamen", parent=kreis)
    selm = MunicipalityFactory(name="Selm", parent=kreis)
    boenen = MunicipalityFactory(name="Bönen", parent=kreis, has_own_youth_office=False)
    ProjectFactory(municipality=bergkamen, transitions=transitions[:1])
    ProjectFactory(municipality=bergkamen, transitions=transitions[:1])
    ProjectFactory(municipality=selm, transitions=transitions[2:3])
    ProjectFactory(municipality=kreis, transitions=transitions[:1]).served_municipalities.set([boenen])
    children(bergkamen, "0-2", 1000)
    children(bergkamen, "0-2", 800, year=2020)  # older: not used
    children(selm, "0-2", 500)
    children(boenen, "0-2", 250)  # no row of its own (no data), but in the median: 1 project over the Kreis
    client.force_login(steering_member)

    response = client.get(reverse("steering:dashboard"))

    needs = {
        (row.municipality.name, row.is_total): [
            (n.transition.label, n.figure.count, n.projects, n.per_thousand, n.district_median) for n in row.needs
        ]
        for row in response.context["table_rows"]
    }
    assert needs == {
        ("Kreis Unna", False): [],
        ("Bergkamen", False): [("Geburt", 1000, 2, 2.0, 2.0)],
        ("Selm", False): [("Geburt", 500, 0, 0.0, 2.0)],
        ("Kreis Unna", True): [],
    }
    total = response.context["table_rows"][-1]
    assert [(transition.label, median) for transition, median in total.district_medians] == [("Geburt", 2.0)]
    html = response.content.decode()
    assert "Geburt: 1.000 Kinder (2023) · 2,0 je 1 000 · Kreis-Median 2,0" in html
    assert "Geburt: Kreis-Median 2,0 je 1 000" in html
    assert "keine Kinderzahlen" in html  # the Kreis's own row


def test_dashboard_sums_each_kreis_and_counts_projects_serving_a_town(client, steering_member, transitions):
    kreis = DistrictMunicipalityFactory(name="Kreis Unna")
    bergkamen = MunicipalityFactory(name="Bergkamen", parent=kreis)
    boenen = MunicipalityFactory(name="Bönen", parent=kreis, has_own_youth_office=False)
    centres = ProjectFactory(municipality=kreis, title="Familienzentren im Kreis Unna")
    centres.transitions.set(transitions[:2])
    centres.served_municipalities.set([boenen])
    ProjectFactory(municipality=bergkamen).transitions.set(transitions[1:3])
    network = NetworkFactory(name="AK Kinderschutz", municipalities=[bergkamen, boenen])
    ProjectFactory(municipality=boenen, status=Project.Status.IN_REVIEW)
    client.force_login(steering_member)

    response = client.get(reverse("steering:dashboard"))

    rows = [
        (row.municipality.name, row.is_total, [count for _t, count in row.coverage], row.published, row.networks)
        for row in response.context["table_rows"]
    ]
    assert rows == [
        ("Kreis Unna", False, [1, 1, 0, 0, 0], 1, 0),
        ("Bergkamen", False, [0, 1, 1, 0, 0], 1, 1),
        ("Bönen", False, [1, 1, 0, 0, 0], 0, 1),
        ("Kreis Unna", True, [1, 2, 1, 0, 0], 2, 1),
    ]
    assert len(response.context["rows"]) == 3  # the charts show the Kommunen only
    assert network.pk in response.context["rows"][1].network_ids
    assert "Kreis Unna mit allen Städten und Gemeinden" in response.content.decode()


def test_dashboard_print_view_has_goal_bars_and_no_script(client, steering_member, kreis_data):
    client.force_login(steering_member)

    html = client.get(reverse("steering:dashboard_print")).content.decode()

    assert "<script" not in html
    assert "Familien früh erreichen" in html
    assert 'width="50" height="10" fill="#146c43"' in html


def _weasyprint_works() -> bool:
    try:
        import weasyprint  # noqa: F401
    except OSError:
        return False
    return True


@pytest.mark.skipif(not _weasyprint_works(), reason="WeasyPrint braucht Pango (apt-get install libpango-1.0-0)")
def test_dashboard_pdf_is_a_pdf_with_the_figures(client, steering_member, kreis_data, tmp_path):
    client.force_login(steering_member)

    response = client.get(reverse("steering:dashboard_pdf"))

    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (f'attachment; filename="steuerung-{datetime.date.today():%Y-%m-%d}.pdf"')
    assert response.content.startswith(b"%PDF-")
    if shutil.which("pdftotext"):
        path = tmp_path / "bericht.pdf"
        path.write_bytes(response.content)
        text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
        assert "Steuerungsbericht" in text
        assert "Familien früh erreichen" in text
