import pytest
from django.urls import reverse

from projects.models import Project
from search import index
from search.snippets import snippet

from ..factories import MunicipalityFactory, OrganisationFactory, ProjectFactory

pytestmark = pytest.mark.django_db
LIST_URL = reverse("projects:list")


def titles(response) -> list[str]:
    return [project.title for project in response.context["object_list"]]


def test_snippet_escapes_everything_but_marks():
    assert snippet("<script>x</script> Kita & mehr", ["kita"]) == (
        "&lt;script&gt;x&lt;/script&gt; <mark>Kita</mark> &amp; mehr"
    )


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Kinder", ["Lesepaten"]),  # stemming: "Kinder" finds "Kind"
        ("Familienzentren", ["Familienzentrum am Markt"]),  # compound parts, Latin plural
        ("ubergange", ["Übergangscoaching"]),  # umlauts folded
        ("Jobcenter", ["Übergangscoaching"]),  # organisation names are searched
        ("Unna", ["Familienzentrum am Markt"]),  # a Kommune's name becomes its filter
    ],
)
def test_search_uses_german_stemming_unaccent_and_related_names(client, query, expected):
    unna = MunicipalityFactory(name="Unna")
    ProjectFactory(title="Lesepaten", summary="Ehrenamtliche lesen mit jedem Kind.", municipality=MunicipalityFactory())
    ProjectFactory(title="Familienzentrum am Markt", summary="Beratung unter einem Dach.", municipality=unna)
    coaching = ProjectFactory(title="Übergangscoaching", summary="Begleitung in Übergänge.")
    coaching.organisations.add(OrganisationFactory(name="Jobcenter Kreis"))

    response = client.get(LIST_URL, {"q": query})

    assert response.status_code == 200
    assert titles(response) == expected


def test_search_ranks_title_above_summary_above_sections(client):
    ProjectFactory(title="Eltern-Café", summary="Treffpunkt.", situation="")
    ProjectFactory(title="Sprachkurs", summary="Für Eltern und Kinder.")
    ProjectFactory(title="Lernhilfe", summary="Nachhilfe.", goals="Eltern entlasten.")

    response = client.get(LIST_URL, {"q": "Eltern"})

    assert titles(response) == ["Eltern-Café", "Sprachkurs", "Lernhilfe"]
    assert response.context["object_list"][1].snippet.count("<mark>Eltern</mark>") == 1


@pytest.mark.parametrize(
    ("typo", "expected", "suggestion"),
    [
        # found within one typo; the word of the index is suggested
        ("Besuchsdinst", "Baby-Besuchsdienst", "besuchsdienst"),
        ("Familie Besuchsdinst", "Baby-Besuchsdienst", "familie besuchsdienst"),
        ("Stadtteilelter", "Stadtteileltern", "stadtteileltern"),
    ],
)
def test_search_with_typo_finds_the_right_project(client, typo, expected, suggestion):
    ProjectFactory(title="Baby-Besuchsdienst", summary="Besuchsdienst für jede Familie mit Neugeborenen.")
    ProjectFactory(title="Stadtteileltern", summary="Stadtteileltern begleiten Familien.")

    response = client.get(LIST_URL, {"q": typo})

    assert titles(response) == [expected]
    assert response.context["suggestion"] == suggestion
    assert ("Meinten Sie" in response.content.decode()) == bool(suggestion)


def test_search_never_shows_drafts_nor_suggests_their_words(client):
    ProjectFactory(title="Geheimprojekt", summary="Vertraulicher Entwurf.", status=Project.Status.DRAFT)

    response = client.get(LIST_URL, {"q": "Geheimprojekt"})

    assert titles(response) == []
    assert response.context["suggestion"] is None
    assert index.searcher().doc_freq("spell", "geheimprojekt") == 0


def test_search_follows_renamed_organisation(client):
    project = ProjectFactory(title="Kita-Lotsen")
    organisation = OrganisationFactory(name="Caritas")
    project.organisations.add(organisation)
    organisation.name = "Diakonie"
    organisation.save()

    assert titles(client.get(LIST_URL, {"q": "Diakonie"})) == ["Kita-Lotsen"]
    assert titles(client.get(LIST_URL, {"q": "Caritas"})) == []


def test_search_finds_a_title_that_is_a_stop_word(client):
    ProjectFactory(title="WEITER", summary="Begleitung nach der Schule.")

    assert titles(client.get(LIST_URL, {"q": "WEITER"})) == ["WEITER"]


def test_search_quoted_phrase_finds_less_than_the_bare_words(client):
    ProjectFactory(title="Frühe Hilfen Selm", summary="Netzwerk.")
    ProjectFactory(title="Hilfen für frühe Leser", summary="Lesen.")

    assert titles(client.get(LIST_URL, {"q": '"Frühe Hilfen"'})) == ["Frühe Hilfen Selm"]
    assert sorted(titles(client.get(LIST_URL, {"q": "Frühe Hilfen"}))) == [
        "Frühe Hilfen Selm",
        "Hilfen für frühe Leser",
    ]


def test_search_sorts_by_name_in_german_order(client):
    for title in ["Zirkus", "Übergangslotsen", "Ausbildung"]:
        ProjectFactory(title=title)

    assert titles(client.get(LIST_URL, {"sortierung": "name"})) == ["Ausbildung", "Übergangslotsen", "Zirkus"]
