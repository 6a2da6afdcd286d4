import pytest
from django.urls import reverse

from projects.models import Project

from ..factories import DistrictMunicipalityFactory, MunicipalityFactory, ProjectFactory

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
    assert '<a class="visually-hidden-focusable skip-link" href="#inhalt">Zum Inhalt springen</a>' in content
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

    # transitions, counts, municipalities, upcoming Fachtage
    with django_assert_num_queries(4):
        response = client.get(reverse("projects:home"))

    assert len(response.context["rows"]) == municipality_count


def test_home_without_municipalities_shows_empty_state(client, transitions):
    response = client.get(reverse("projects:home"))
    assert "Es sind noch keine Kommunen eingetragen." in response.content.decode()
