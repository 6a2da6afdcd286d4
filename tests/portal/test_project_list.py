import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from projects.models import Project
from search import index

from ..factories import (
    ActionFieldFactory,
    MunicipalityFactory,
    ProjectFactory,
    SocialAreaFactory,
    TargetGroupFactory,
    TransferOfferFactory,
)

pytestmark = pytest.mark.django_db
LIST_URL = reverse("projects:list")


def titles(response) -> list[str]:
    return [project.title for project in response.context["object_list"]]


def facet_counts(response, name) -> dict[str, int]:
    facet = next(f for f in response.context["facets"] if f.name == name)
    return {option.value: option.count for option in facet.options}


@pytest.fixture
def catalogue(transitions, bergkamen, selm):
    health = ActionFieldFactory(name="Gesundheit")
    parents = TargetGroupFactory(name="Alleinerziehende")
    mitte = SocialAreaFactory(name="Mitte", municipality=bergkamen)
    baby = ProjectFactory(
        title="Baby-Besuchsdienst", municipality=bergkamen, transitions=[transitions[0]], action_fields=[health]
    )
    baby.social_areas.add(mitte)
    TransferOfferFactory(project=baby)
    ProjectFactory(title="Kita-Lotsen", municipality=bergkamen, transitions=[transitions[1]], target_groups=[parents])
    ProjectFactory(title="Ausbildungspaten", municipality=selm, transitions=[transitions[4]], action_fields=[health])
    ProjectFactory(title="Entwurf", municipality=selm, transitions=[transitions[4]], status=Project.Status.DRAFT)
    return {"transitions": transitions, "health": health}


def test_project_list_shows_published_projects_by_name(client, catalogue):
    response = client.get(LIST_URL)

    assert response.status_code == 200
    assert titles(response) == ["Ausbildungspaten", "Baby-Besuchsdienst", "Kita-Lotsen"]
    assert facet_counts(response, "kommune") == {"bergkamen": 2, "selm": 1}
    assert facet_counts(response, "sozialraum") == {"mitte": 1}
    assert facet_counts(response, "transfer") == {"on": 1}


def test_project_list_facets_combine_and_count_under_the_other_filters(client, catalogue):
    response = client.get(LIST_URL, {"handlungsfeld": "gesundheit", "kommune": "bergkamen"})

    assert titles(response) == ["Baby-Besuchsdienst"]
    # Kommune counts ignore the Kommune filter itself, but respect the Handlungsfeld filter.
    assert facet_counts(response, "kommune") == {"bergkamen": 1, "selm": 1}
    assert facet_counts(response, "uebergang")["schwangerschaft-geburt"] == 1
    assert catalogue["transitions"][4].slug not in facet_counts(response, "uebergang")  # no result: hidden


def test_project_list_values_of_one_facet_are_alternatives(client, catalogue):
    response = client.get(LIST_URL, {"uebergang": ["schwangerschaft-geburt", catalogue["transitions"][4].slug]})

    assert titles(response) == ["Ausbildungspaten", "Baby-Besuchsdienst"]


def test_project_list_filters_by_transfer_offer_and_district(client, catalogue):
    assert titles(client.get(LIST_URL, {"transfer": "on"})) == ["Baby-Besuchsdienst"]
    assert titles(client.get(LIST_URL, {"sozialraum": "mitte"})) == ["Baby-Besuchsdienst"]


def test_project_list_sorts_newest_first(client, catalogue):
    response = client.get(LIST_URL, {"sortierung": "neueste"})

    assert titles(response) == ["Ausbildungspaten", "Kita-Lotsen", "Baby-Besuchsdienst"]


def test_project_list_paginates_and_keeps_filters_in_page_links(client, transitions):
    town = MunicipalityFactory(name="Werne")
    for number in range(25):
        ProjectFactory(title=f"Projekt {number:02d}", municipality=town, transitions=[transitions[0]])

    response = client.get(LIST_URL, {"kommune": "werne", "seite": "2"})

    assert titles(response) == [f"Projekt {number:02d}" for number in range(20, 25)]
    assert 'href="?kommune=werne&amp;seite=1"' in response.content.decode()


def test_project_list_empty_state_suggests_removing_a_filter(client, catalogue):
    response = client.get(LIST_URL, {"kommune": "selm", "transfer": "on"})

    content = response.content.decode()
    assert titles(response) == []
    assert "Entfernen Sie einen Filter" in content
    assert '<li><a href="?transfer=on">„Kommune: Selm“ entfernen</a></li>' in content
    assert '<li><a href="?kommune=selm">„mit Transfer-Angebot“ entfernen</a></li>' in content


@pytest.mark.parametrize(
    "params",
    [
        {"uebergang": "gibt-es-nicht"},
        {"kommune": ["selm", "<script>alert(1)</script>"]},
        {"seite": "abc"},
        {"seite": "-1"},
        {"seite": "9" * 40},
        {"sortierung": "'; DROP TABLE projects_project; --"},
        {"q": "x" * 5000},
        {"q": "\"Kita\" 'Eltern' \\ % _ <b>fett</b> ' OR 1=1 --"},
        {"q": "&|!():*<->"},
        {"q": "%"},
        {"transfer": "vielleicht"},
    ],
)
def test_project_list_survives_bad_input(client, catalogue, params):
    response = client.get(LIST_URL, params)

    content = response.content.decode()
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in content
    assert "<b>fett</b>" not in content
    assert Project.objects.count() == 4


def test_project_list_reports_unknown_filter_value_in_german(client, catalogue):
    response = client.get(LIST_URL, {"uebergang": "gibt-es-nicht"})

    assert titles(response) == ["Ausbildungspaten", "Baby-Besuchsdienst", "Kita-Lotsen"]
    assert "gibt-es-nicht ist keine gültige Auswahl." in response.content.decode()


def test_project_list_long_query_is_cut_with_a_message(client, catalogue):
    response = client.get(LIST_URL, {"q": "Baby " + "x" * 5000})

    # No project has both words: the best partial matches are shown, with a note.
    assert titles(response) == ["Baby-Besuchsdienst"]
    assert response.context["partial"] is True
    assert "Ihr Suchbegriff war sehr lang" in response.content.decode()


@pytest.mark.parametrize("count", [1, 3])
@pytest.mark.parametrize(
    ("params", "queries"),
    [
        # filter choices, whether the change log holds news for the index, the page of projects;
        # matching, counting and the facets are the search engine's
        ({}, 3),
        ({"uebergang": "schwangerschaft-geburt", "kommune": "bergkamen", "transfer": "on"}, 3),
        ({"uebergang": "schwangerschaft-geburt", "kommune": "bergkamen"}, 3),
        ({"uebergang": ["schwangerschaft-geburt", "uebergang-in-die-kita"]}, 3),
        ({"q": "Besuchsdienst"}, 3),
        ({"q": "Besuchsdienst Bergkamen"}, 3),
        ({"q": "Besuchsdinst"}, 3),
    ],
)
def test_project_list_query_count_is_fixed(
    client, transitions, bergkamen, django_assert_num_queries, count, params, queries
):
    for number in range(count):
        project = ProjectFactory(title=f"Besuchsdienst {number}", municipality=bergkamen, transitions=transitions[:2])
        TransferOfferFactory(project=project)
    index.searcher()  # the index is built on first use

    with django_assert_num_queries(queries):
        response = client.get(LIST_URL, params)

    assert len(response.context["object_list"]) == count


def test_facet_labels_are_escaped(client, transitions, bergkamen):
    field = ActionFieldFactory(name='Sucht & "Prävention" <script>')
    ProjectFactory(title="Beratung", municipality=bergkamen, action_fields=[field])

    content = client.get(LIST_URL, {"handlungsfeld": field.slug}).content.decode()

    assert "<script>" not in content
    assert "Sucht &amp; &quot;Prävention&quot; &lt;script&gt; (1)</label>" in content
    assert f'value="{field.slug}" id="id_handlungsfeld_0" checked>' in content


def test_facet_without_values_in_the_results_says_so(client, catalogue):
    content = client.get(LIST_URL, {"q": "Ausbildungspaten"}).content.decode()

    sozialraum = content[content.index('id="div_id_sozialraum"') :]
    assert sozialraum.index("Keine Angaben in den Treffern.") < sozialraum.index("</fieldset>")


def test_results_name_their_transitions_in_chain_order(client, transitions, bergkamen):
    ProjectFactory(title="Lotsen", municipality=bergkamen, transitions=[transitions[4], transitions[1]])

    content = client.get(LIST_URL).content.decode()

    assert f"Bergkamen · {transitions[1].short_name}, {transitions[4].short_name}</p>" in content


def selected_sort(response) -> list[str]:
    return re.findall(r'<option value="([^"]*)" selected>', response.content.decode().split('name="sortierung"')[1])[:1]


@pytest.mark.parametrize(
    ("params", "shown"),
    [
        ({}, "name"),
        ({"q": "Besuchsdienst"}, "relevanz"),
        ({"q": "Besuchsdienst", "sortierung": "gibt-es-nicht"}, "relevanz"),
        ({"q": "Kita"}, "relevanz"),  # a query whose words all became filters ("Übergang: Kita")
        ({"q": "Besuchsdienst", "sortierung": "neueste"}, "neueste"),
        ({"sortierung": "relevanz"}, "name"),  # nothing to rank: sorted by name, and said so
    ],
)
def test_project_list_sort_control_shows_the_order_used(client, catalogue, params, shown):
    response = client.get(LIST_URL, params)

    assert (selected_sort(response), response.context["filter"].sort) == ([shown], shown)


@pytest.fixture
def confirmations(transitions, bergkamen, selm):
    now = timezone.now()
    ProjectFactory(title="Frisch bestätigt", municipality=bergkamen, confirmed_at=now - timedelta(days=30))
    ProjectFactory(title="Knapp bestätigt", municipality=selm, confirmed_at=now - timedelta(days=540))
    ProjectFactory(title="Veraltet", municipality=bergkamen, confirmed_at=now - timedelta(days=640))
    ProjectFactory(title="Nie bestätigt", municipality=bergkamen, confirmed_at=None)


def test_project_list_filters_projects_confirmed_within_18_months(client, confirmations):
    response = client.get(LIST_URL, {"aktuell": "on"})

    assert titles(response) == ["Frisch bestätigt", "Knapp bestätigt"]
    assert ("aktuell bestätigt", "") in response.context["active_filters"]


def test_project_list_filter_confirmed_combines_with_facets_and_search(client, confirmations):
    assert titles(client.get(LIST_URL, {"aktuell": "on", "kommune": "bergkamen"})) == ["Frisch bestätigt"]
    assert titles(client.get(LIST_URL, {"aktuell": "on", "q": "Veraltet"})) == []
    assert titles(client.get(LIST_URL, {"q": "Veraltet"})) == ["Veraltet"]


def test_project_list_shows_a_change_as_soon_as_the_index_followed_it(client, catalogue, bergkamen):
    """The filters and results are cached per index version: a write is in the next list, not after a while."""
    assert "Kita-Lotsen" in client.get(LIST_URL, {"q": "Lotsen"}).content.decode()
    assert client.get(LIST_URL, {"q": "Lotsen"}).context.get("object_list") is None  # served from the cache

    project = Project.objects.get(title="Kita-Lotsen")
    project.title = "Kita-Lotsinnen und -Lotsen"
    project.save()
    bergkamen.name = "Bergkamen an der Seseke"
    bergkamen.save()
    response = client.get(LIST_URL, {"q": "Lotsen"})

    assert titles(response) == ["Kita-Lotsinnen und -Lotsen"]
    assert "Bergkamen an der Seseke" in response.content.decode()


def test_project_list_cached_for_one_visitor_still_offers_a_signed_in_user_to_save_the_search(
    client, catalogue, coordinator_bergkamen
):
    anonymous = client.get(LIST_URL, {"q": "Lotsen"}).content.decode()
    client.force_login(coordinator_bergkamen)

    signed_in = client.get(LIST_URL, {"q": "Lotsen"}).content.decode()

    assert "Suche speichern" not in anonymous
    assert "Suche speichern" in signed_in
    assert 'name="query" value="q=Lotsen"' in signed_in


def test_project_list_filter_answered_by_the_database_is_never_cached(client, confirmations):
    """Confirmation dates age without a write to the index: the filter "aktuell" is read anew each time."""
    assert titles(client.get(LIST_URL, {"aktuell": "on"})) == ["Frisch bestätigt", "Knapp bestätigt"]

    Project.objects.filter(title="Knapp bestätigt").update(confirmed_at=timezone.now() - timedelta(days=600))

    assert titles(client.get(LIST_URL, {"aktuell": "on"})) == ["Frisch bestätigt"]
