"""Frequent search terms: their counters and lists of best hits stay exact, and a search for one
gives the same page as counting and ranking every hit."""

import io
import random

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from portal import views
from projects.models import ConditionalFacetCount, Project, SearchTerm, SearchTermHit

from ..factories import FieldFactory, MunicipalityFactory, ProjectFactory, TransferOfferFactory

pytestmark = pytest.mark.django_db
LIST_URL = reverse("projects:list")


def choose_terms(min_projects: int, list_size: int) -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT projects_choose_search_terms(%s, 100, %s)", [min_projects, list_size])
        return cursor.fetchone()[0]


def term(word: str) -> SearchTerm:
    return SearchTerm.objects.for_terms([word])


def listed() -> dict[tuple[int, int], float]:
    return {(hit.term_id, hit.project_id): hit.rank for hit in SearchTermHit.objects.all()}


def ranked_at_least_floor() -> dict[tuple[int, int], float]:
    """What the lists must hold: every published hit of each term ranked at least its floor."""
    with connection.cursor() as cursor:
        cursor.execute(
            """
            SELECT t.id, p.id, ts_rank(p.search_vector, t.query)::float8
            FROM projects_searchterm t JOIN projects_project p ON p.search_vector @@ t.query
            WHERE p.status = 'published' AND ts_rank(p.search_vector, t.query) >= t.floor
            """
        )
        return {(term_id, project_id): rank for term_id, project_id, rank in cursor.fetchall()}


def term_counters() -> dict[tuple[str, str, int], tuple[int, int]]:
    rows = ConditionalFacetCount.objects.filter(given__startswith="q=").exclude(count=0, transfer_count=0)
    return {(r.given, r.facet, r.value): (r.count, r.transfer_count) for r in rows}


def rebuilt_term_counters() -> dict[tuple[str, str, int], tuple[int, int]]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT projects_rebuild_search_terms()")
    return term_counters()


def assert_exact() -> None:
    assert listed() == ranked_at_least_floor()
    assert term_counters() == rebuilt_term_counters()
    assert listed() == ranked_at_least_floor()  # and the rebuilt lists keep the rule


def test_choosing_keeps_the_best_hits_and_counts_the_rest(transitions, bergkamen, selm):
    for repeat in range(1, 6):
        ProjectFactory(
            title=f"Elterncafé {repeat}",
            summary="Familie " * repeat,
            municipality=bergkamen if repeat % 2 else selm,
            transitions=[transitions[repeat % 2]],
        )
    ProjectFactory(title="Entwurf", summary="Familie " * 9, status=Project.Status.DRAFT)

    chosen = choose_terms(min_projects=5, list_size=2)

    family = term("Familie")
    assert chosen >= 1 and family is not None
    assert term("familien") == family  # any form of the word, stemmed as the search stems it
    assert term("Elterncafe") == term("Elterncafé") is not None  # unaccented like the search vector
    assert family.projects == 5 and family.listed == 2
    assert sorted(Project.objects.filter(search_term_hits__term=family).values_list("title", flat=True)) == [
        "Elterncafé 4",
        "Elterncafé 5",
    ]
    counts = {
        (f, v): n
        for f, v, n in ConditionalFacetCount.objects.filter(given=family.given).values_list("facet", "value", "count")
    }
    assert counts[("kommune", bergkamen.pk)] == 3
    assert counts[("kommune", selm.pk)] == 2
    assert counts[("uebergang", transitions[0].pk)] == 2
    assert SearchTerm.objects.for_terms(["familie", "kita"]) is None  # only single words


def test_lists_and_counters_follow_every_write(transitions, bergkamen, selm):
    field = FieldFactory(name="Bildung")
    projects = [
        ProjectFactory(
            title=f"Lernhaus {n}", summary="Familie Kita " * n, municipality=bergkamen, transitions=[transitions[1]]
        )
        for n in range(1, 7)
    ]
    choose_terms(min_projects=3, list_size=3)
    assert SearchTerm.objects.count() >= 2
    assert_exact()

    family = term("Familie")
    best = projects[-1]
    assert (family.pk, best.pk) in listed()
    best.summary = "Nur noch Kita."  # drops below the floor: leaves the list, which is not refilled
    best.save()
    assert (family.pk, best.pk) not in listed()
    assert term("Familie").listed == 2
    assert_exact()

    projects[0].summary = "Familie " * 20  # from last to first
    projects[0].save()
    projects[1].fields.add(field)
    projects[2].transitions.add(transitions[2])
    TransferOfferFactory(project=projects[3])
    projects[4].municipality = selm
    projects[4].save()
    assert_exact()

    projects[0].status = Project.Status.ARCHIVED
    projects[0].save()
    assert_exact()
    projects[0].status = Project.Status.PUBLISHED
    projects[0].save()
    ProjectFactory(title="Neu", summary="Familie " * 30, municipality=selm)
    ProjectFactory(title="Entwurf", summary="Familie " * 30, status=Project.Status.DRAFT)
    projects[1].delete()
    bergkamen.name = "Bergkamen an der Seseke"  # renaming changes every vector of the municipality
    bergkamen.save()
    assert_exact()


@pytest.fixture
def family_catalogue(transitions, monkeypatch):
    """22 published projects, each with "Familie" a different number of times (fixed seed), pages of 5."""
    monkeypatch.setattr(views, "PAGE_SIZE", 5)
    rng = random.Random(11)
    municipalities = [MunicipalityFactory(name=name) for name in ("Kamen", "Lünen", "Werne")]
    for number in range(22):
        project = ProjectFactory(
            title=f"{rng.choice(['Familienbüro', 'Lesepaten', 'Sportgruppe'])} {number}",
            summary=" ".join(["Familie"] * rng.randint(1, 6) + ["Stadtteil"] * rng.randint(0, 6)),
            municipality=rng.choice(municipalities),
            transitions=rng.sample(transitions, rng.randint(1, 2)),
        )
        if rng.random() < 0.4:
            TransferOfferFactory(project=project)
    ProjectFactory(title="Familienbüro Entwurf", summary="Familie " * 9, status=Project.Status.DRAFT)


def page_seen(client, params) -> tuple[list[str], dict, int, bool]:
    """Titles on the page, facet counts, total, and whether a list of best hits was read."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(LIST_URL, params)
    assert response.status_code == 200
    counts = {
        (facet.name, option.value): option.count for facet in response.context["facets"] for option in facet.options
    }
    listed_read = any('INNER JOIN "projects_searchtermhit"' in query["sql"] for query in queries.captured_queries)
    titles = [project.title for project in response.context["object_list"]]
    return titles, counts, response.context["paginator"].count, listed_read


@pytest.mark.parametrize(
    ("params", "reads_list"),
    [
        ({"q": "Familie"}, True),
        ({"q": "familien"}, True),
        ({"q": "Familie", "seite": "2"}, True),
        ({"q": "Familie", "seite": "3"}, False),  # beyond the list: ranked per request
        ({"q": "Familie", "seite": "99"}, False),  # the last page
        ({"q": "Familie", "transfer": "on"}, False),
        ({"q": "Familie", "kommune": "kamen"}, False),
        ({"q": "Familie", "sortierung": "neueste"}, False),
        ({"q": "Familie", "sortierung": "name", "seite": "2"}, False),
        ({"q": "Familie Stadtteil"}, False),
        ({"q": "Famlie"}, True),  # the suggestion is the frequent word
    ],
)
def test_frequent_word_gives_the_page_of_counting_every_hit(client, family_catalogue, params, reads_list):
    assert choose_terms(min_projects=5, list_size=10) >= 1
    assert term("Familie").listed >= 10

    with_term = page_seen(client, params)
    SearchTerm.objects.all().delete()
    counted = page_seen(client, params)

    assert with_term[:3] == counted[:3]
    assert with_term[3] is reads_list
    assert counted[2] > 0 and with_term[0]


def test_refresh_command_chooses_frequent_words(transitions, bergkamen):
    for number in range(3):
        ProjectFactory(title=f"Sprachförderung {number}", municipality=bergkamen)
    out = io.StringIO()

    call_command("refresh_search_terms", min_projects=3, stdout=out)

    assert term("Sprachförderung") is not None
    assert "ab 3 Projekten" in out.getvalue()
    call_command("refresh_search_terms", min_projects=4, stdout=out)
    assert not SearchTerm.objects.exists()
