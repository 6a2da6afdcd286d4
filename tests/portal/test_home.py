import re

import pytest
from django.urls import reverse

from projects.models import Project
from transfers.models import TransferInterest

from ..factories import (
    DistrictMunicipalityFactory,
    MunicipalityFactory,
    ProjectFactory,
    TransferInterestFactory,
    TransferOfferFactory,
)

pytestmark = pytest.mark.django_db


def test_home_lists_municipalities_with_published_counts_per_transition(client, transitions):
    kreis = DistrictMunicipalityFactory(name="Kreis Unna")
    bergkamen = MunicipalityFactory(name="Bergkamen", parent=kreis)
    ProjectFactory(municipality=bergkamen, transitions=[transitions[0]])
    ProjectFactory(municipality=bergkamen, transitions=[transitions[0], transitions[4]])
    ProjectFactory(municipality=bergkamen, transitions=[transitions[1]], status=Project.Status.DRAFT)

    response = client.get(reverse("projects:home"))

    assert response.status_code == 200
    rows = {municipality.name: counts for municipality, counts in response.context["rows"]}
    assert rows == {"Kreis Unna": [0, 0, 0, 0, 0], "Bergkamen": [2, 0, 0, 0, 1]}
    assert [t.label for t in response.context["transitions"]] == [
        "Geburt",
        "Kita",
        "Grundschule",
        "Sekundarstufe",
        "Beruf",
    ]
    content = response.content.decode()
    assert '<a class="skip-link" href="#inhalt">Zum Inhalt springen</a>' in content
    assert content.count("<h1") == 1


def test_home_groups_towns_under_their_district(client, transitions):
    kreis = DistrictMunicipalityFactory(name="Kreis Unna")
    MunicipalityFactory(name="Werne", parent=kreis)
    MunicipalityFactory(name="Bönen", parent=kreis, has_own_youth_office=False, kind="community")
    MunicipalityFactory(name="Dortmund")

    response = client.get(reverse("projects:home"))

    assert [m.name for m, _ in response.context["rows"]] == ["Dortmund", "Kreis Unna", "Bönen", "Werne"]


@pytest.mark.parametrize("municipality_count", [1, 3, 10])
def test_home_query_count_does_not_grow_with_rows(client, transitions, django_assert_num_queries, municipality_count):
    for number in range(municipality_count):
        municipality = MunicipalityFactory(name=f"Stadt {number}")
        ProjectFactory(municipality=municipality, transitions=transitions[:2])

    # transitions, counts, municipalities, newest, most adopted, upcoming Fachtage
    with django_assert_num_queries(6):
        response = client.get(reverse("projects:home"))

    assert len(response.context["rows"]) == municipality_count


def test_home_without_municipalities_shows_empty_state(client, transitions):
    response = client.get(reverse("projects:home"))
    assert "Es sind noch keine Kommunen eingetragen." in response.content.decode()


def test_home_explains_a_praeventionskette_and_has_no_table_of_zeros(client, transitions):
    kreis = DistrictMunicipalityFactory(name="Kreis Unna")
    MunicipalityFactory(name="Selm", parent=kreis)

    content = client.get(reverse("projects:home")).content.decode()

    assert "Eine Präventionskette verbindet die Angebote für Kinder, Jugendliche und ihre Familien" in content
    assert "<table" not in content


def test_home_has_one_entry_per_transition_with_its_published_count(client, transitions):
    bergkamen = MunicipalityFactory(name="Bergkamen")
    kamen = MunicipalityFactory(name="Kamen")
    ProjectFactory(municipality=bergkamen, transitions=[transitions[0]])
    ProjectFactory(municipality=kamen, transitions=[transitions[0], transitions[4]])
    ProjectFactory(municipality=kamen, transitions=[transitions[1]], status=Project.Status.DRAFT)

    response = client.get(reverse("projects:home"))

    entries = [(transition.short_name, count) for transition, count in response.context["per_transition"]]
    assert entries == [("Geburt", 2), ("Kita", 0), ("Grundschule", 0), ("Sekundarstufe", 0), ("Beruf", 1)]
    assert f'href="/projekte/?uebergang={transitions[0].slug}"' in response.content.decode()


def test_home_groups_kommunen_by_kreis_with_their_coverage(client, transitions):
    kreis = DistrictMunicipalityFactory(name="Kreis Unna")
    bergkamen = MunicipalityFactory(name="Bergkamen", parent=kreis)
    MunicipalityFactory(name="Selm", parent=kreis)
    MunicipalityFactory(name="Dortmund")
    ProjectFactory(municipality=bergkamen, transitions=[transitions[0], transitions[4]])
    ProjectFactory(municipality=bergkamen, transitions=[transitions[0]])

    response = client.get(reverse("projects:home"))

    groups = [
        (
            group.kreis and group.kreis.municipality.name,
            [(line.municipality.name, line.covered) for line in group.members],
        )
        for group in response.context["kreis_groups"]
    ]
    assert groups == [("Kreis Unna", [("Bergkamen", 2), ("Selm", 0)]), (None, [("Dortmund", 0)])]
    assert "2 von 5 Übergängen" in response.content.decode()


def test_home_sums_each_kreis_with_its_towns_in_a_last_row(client, transitions):
    kreis = DistrictMunicipalityFactory(name="Kreis Unna")
    bergkamen = MunicipalityFactory(name="Bergkamen", parent=kreis)
    selm = MunicipalityFactory(name="Selm", parent=kreis)
    MunicipalityFactory(name="Dortmund")
    ProjectFactory(municipality=kreis, transitions=[transitions[0]])
    ProjectFactory(municipality=bergkamen, transitions=[transitions[0], transitions[4]])
    ProjectFactory(municipality=selm, transitions=[transitions[2]])
    ProjectFactory(municipality=selm, transitions=[transitions[2]], status=Project.Status.DRAFT)

    response = client.get(reverse("projects:home"))

    unna, loose = response.context["kreis_groups"]
    assert (unna.total.municipality, unna.total.counts, unna.total.covered) == (kreis, [2, 0, 1, 0, 1], 3)
    assert loose.total is None  # the Kommunen outside any Kreis are no Kreis to sum
    content = response.content.decode()
    line = content[content.index('<li class="coverage-line is-kreis-total">') :]
    line = re.sub(r"\s+", " ", line[: line.index("</li>")])
    assert 'href="/kommunen/kreis-unna/">Kreis Unna mit allen Städten und Gemeinden</a>' in line
    assert '<span class="coverage-text">3 von 5 Übergängen</span>' in line
    assert content.count("is-kreis-total") == 1


def test_home_shows_newest_and_most_adopted_published_projects(client, transitions):
    kamen = MunicipalityFactory(name="Kamen")
    old = ProjectFactory(municipality=kamen, title="Stadtteileltern")
    new = ProjectFactory(municipality=kamen, title="Ausbildungslotsen")
    ProjectFactory(municipality=kamen, title="Entwurf", status=Project.Status.DRAFT)
    offer = TransferOfferFactory(project=old)
    for stage in [TransferInterest.Stage.IMPLEMENTED, TransferInterest.Stage.RATED, TransferInterest.Stage.REGISTERED]:
        TransferInterestFactory(offer=offer, stage=stage)

    response = client.get(reverse("projects:home"))

    assert [project.title for project in response.context["newest"]] == ["Ausbildungslotsen", "Stadtteileltern"]
    assert [(p.title, p.adoptions) for p in response.context["most_adopted"]] == [("Stadtteileltern", 2)]
    assert "von 2 Kommunen übernommen" in response.content.decode()
    assert new.title in response.content.decode()


def test_home_points_families_to_their_kommunes_family_portal_or_website(client, transitions):
    MunicipalityFactory(
        name="Selm", website="https://www.stadtselm.de", family_portal_url="https://familie.selm.example/"
    )
    MunicipalityFactory(name="Werne", website="https://www.werne.de")
    MunicipalityFactory(name="Ohne Adresse", website="")

    content = client.get(reverse("projects:home")).content.decode()

    families = content[content.index('id="home-families-heading"') :]
    assert "Sie haben ein Kind? Sie suchen Hilfe oder ein Angebot für Ihre Familie?" in families
    assert '<a href="https://familie.selm.example/" rel="noopener">Familienportal Selm</a>' in families
    assert '<a href="https://www.werne.de" rel="noopener">Internet-Seite Werne</a>' in families
    assert "Ohne Adresse" not in families
