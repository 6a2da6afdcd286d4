import pytest
from django.urls import reverse

from networks.models import Network
from projects.models import Project

from ..factories import ActionFieldFactory, NetworkFactory, OrganisationFactory, ProjectFactory

pytestmark = pytest.mark.django_db
LIST_URL = reverse("networks:list")


def names(response) -> list[str]:
    return [network.name for network in response.context["object_list"]]


@pytest.fixture
def networks(transitions, bergkamen, selm):
    health = ActionFieldFactory(name="Gesundheit")
    youth_office = OrganisationFactory(name="Jugendamt Bergkamen", municipality=bergkamen)
    early = NetworkFactory(
        name="AK Frühe Hilfen",
        kind=Network.Kind.WORKING_GROUP,
        coordinating_organisation=youth_office,
        municipalities=[bergkamen],
        description="Netzwerk für 100% der Familien_mit Neugeborenen",
    )
    early.action_fields.add(health)
    early.transitions.add(transitions[0])
    early.members.add(OrganisationFactory(name="Hebammenpraxis Sonne", municipality=bergkamen))
    NetworkFactory(name="Runder Tisch Schule–Beruf", kind=Network.Kind.ROUND_TABLE, municipalities=[selm])
    return early


def test_network_list_shows_all_by_name(client, networks):
    response = client.get(LIST_URL)

    assert response.status_code == 200
    assert names(response) == ["AK Frühe Hilfen", "Runder Tisch Schule–Beruf"]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"kommune": "selm"}, ["Runder Tisch Schule–Beruf"]),
        ({"art": "round_table"}, ["Runder Tisch Schule–Beruf"]),
        ({"handlungsfeld": "gesundheit"}, ["AK Frühe Hilfen"]),
        ({"uebergang": "schwangerschaft-geburt"}, ["AK Frühe Hilfen"]),
        ({"q": "hebamme"}, ["AK Frühe Hilfen"]),
        ({"q": "100%"}, ["AK Frühe Hilfen"]),
        ({"q": "Familien_mit"}, ["AK Frühe Hilfen"]),
        # no word in the query: no text filter (the search engine reads words, not characters)
        ({"q": "_"}, ["AK Frühe Hilfen", "Runder Tisch Schule–Beruf"]),
        ({"q": "%%"}, ["AK Frühe Hilfen", "Runder Tisch Schule–Beruf"]),
    ],
)
def test_network_list_filters(client, networks, params, expected):
    assert names(client.get(LIST_URL, params)) == expected


def test_network_list_filters_by_coordinating_body(client, networks):
    response = client.get(LIST_URL, {"koordination": networks.coordinating_organisation_id})

    assert names(response) == ["AK Frühe Hilfen"]


@pytest.mark.parametrize(
    "params",
    [
        {"kommune": "gibt-es-nicht"},
        {"art": "<script>alert(1)</script>"},
        {"koordination": "abc"},
        {"seite": "abc"},
        {"seite": "9" * 40},
        {"q": "\\' OR 1=1 -- <b>x</b>" * 400},
    ],
)
def test_network_list_survives_bad_input(client, networks, params):
    response = client.get(LIST_URL, params)

    content = response.content.decode()
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in content
    assert "<b>x</b>" not in content


def test_network_list_unknown_value_shows_german_error_and_all_networks(client, networks):
    response = client.get(LIST_URL, {"kommune": "gibt-es-nicht"})

    assert names(response) == ["AK Frühe Hilfen", "Runder Tisch Schule–Beruf"]
    assert "Bitte eine gültige Auswahl treffen" in response.content.decode()


@pytest.mark.parametrize("count", [1, 3])
def test_network_list_query_count_is_fixed(client, bergkamen, django_assert_num_queries, count):
    for number in range(count):
        NetworkFactory(name=f"Netzwerk {number}", municipalities=[bergkamen])

    with django_assert_num_queries(7):
        response = client.get(LIST_URL)

    assert len(response.context["object_list"]) == count


def test_network_page_shows_members_coordination_turnus_agreement_and_published_projects(client, networks, bergkamen):
    networks.meetings_per_year = 4
    networks.meeting_note = "vierteljährlich"
    networks.has_cooperation_agreement = True
    networks.save()
    networks.projects.add(
        ProjectFactory(title="Baby-Besuchsdienst", municipality=bergkamen),
        ProjectFactory(title="Geheimer Entwurf", municipality=bergkamen, status=Project.Status.DRAFT),
    )

    response = client.get(networks.get_absolute_url())

    content = response.content.decode()
    assert [project.title for project in response.context["network"].projects.all()] == ["Baby-Besuchsdienst"]
    assert "Geheimer Entwurf" not in content
    assert "Hebammenpraxis Sonne" in content
    assert "Jugendamt Bergkamen" in content
    assert "4 Treffen pro Jahr – vierteljährlich" in content
    assert "ja, schriftlich vereinbart" in content


def test_network_page_unknown_slug_is_404(client):
    assert client.get("/netzwerke/gibt-es-nicht/").status_code == 404


def test_network_page_query_count_is_fixed(client, networks, django_assert_num_queries):
    with django_assert_num_queries(7):  # 6 + the latest quality self-assessments
        client.get(networks.get_absolute_url())
