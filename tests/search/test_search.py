from django.core.management import call_command
from django.urls import reverse

from projects.models import Project
from search import index, query
from search.models import SearchChange
from search.vocabulary import Term
from tests.factories import ProjectFactory

LIST_URL = reverse("projects:list")


def project_titles(text: str) -> list[str]:
    ids = query.matching_ids("project", text)
    titles = dict(Project.objects.filter(pk__in=ids).values_list("pk", "title"))
    return [titles[pk] for pk in ids]


def test_query_kita_bergkamen_shows_bergkamens_kita_projects_with_two_chips(client, demo):
    response = client.get(LIST_URL, {"q": "Kita Bergkamen"})

    titles = sorted(project.title for project in response.context["object_list"])
    expected = sorted(
        Project.objects.published()
        .filter(municipality__name="Bergkamen", transitions__short_name="Kita")
        .values_list("title", flat=True)
    )
    assert len(expected) == 2
    assert titles == expected
    labels = [label for label, _url in response.context["active_filters"]]
    assert labels == ["Übergang: Kita", "Kommune: Bergkamen"]


def test_query_uebergang_schule_beruf_kamen_finds_kamens_project(demo):
    assert project_titles("Übergang Schule Beruf Kamen") == [
        "Kontaktstelle für jugendliche Schul- und Ausbildungsabbrecher Kamen"
    ]


def test_query_familienzentrum_finds_projects_saying_familienzentren(demo):
    assert "Familienzentren im Kreis Unna" in project_titles("Familienzentrum")
    assert sorted(project_titles("Familienzentrum")) == sorted(project_titles("Familienzentren"))


def test_query_with_a_typo_finds_the_baby_besuchsdienst_offer(demo):
    ids = query.matching_ids("offer", "Besuchsdinst")

    from transfers.models import TransferOffer

    assert [offer.project.title for offer in TransferOffer.objects.filter(pk__in=ids)] == [
        "Baby-Besuchsdienst Bergkamen"
    ]


def test_query_suggests_only_words_of_the_index(demo):
    result = query.run("project", words=["schulverweigerung"])

    assert result.total == 0
    assert result.suggestion is None  # never "schulung", which is no better


def test_query_without_a_record_having_all_words_shows_best_partial_matches(demo):
    result = query.run("project", words=["besuchsdienst", "quantenphysik"])

    assert result.partial is True
    assert result.total >= 1


def test_api_q_gives_the_same_projects_as_the_web_list(client, demo):
    for text in ["Kinder", "Besuchsdinst", "Kita Bergkamen"]:
        web = client.get(LIST_URL, {"q": text})
        api = client.get("/api/v1/projects/", {"q": text, "per_page": 50})
        web_titles = sorted(p.title for p in web.context["object_list"])
        api_titles = sorted(item["name"] for item in api.json()["contents"])
        assert api_titles == web_titles, text


def test_published_project_is_found_after_the_task_worker_ran(
    db, bergkamen, run_tasks, django_capture_on_commit_callbacks
):
    index.rebuild()
    with django_capture_on_commit_callbacks(execute=True):
        ProjectFactory(title="Zirkusprojekt Sonnenschein", municipality=bergkamen)

    assert SearchChange.objects.filter(kind="project").exists()
    run_tasks()

    assert project_titles("Zirkusprojekt") == ["Zirkusprojekt Sonnenschein"]


def test_search_check_reports_a_project_changed_without_signals(db, bergkamen):
    project = ProjectFactory(title="Stiller Wechsel", municipality=bergkamen)
    index.rebuild()
    Project.objects.filter(pk=project.pk).update(status=Project.Status.DRAFT)  # no signal, no change log entry

    drifts = index.check()

    assert [(drift.kind, drift.extra) for drift in drifts] == [("project", {project.pk})]
    call_command("search_rebuild")
    assert index.check() == []


def test_understood_text_without_a_term_keeps_the_other_words_in_order():
    kita, bergkamen = Term("uebergang", 1, "Kita"), Term("kommune", 2, "Bergkamen")
    understood = query.understand(
        "Eltern „Frühe Hilfen“ Kita Bergkamen Café", known={("kita",): kita, ("bergkamen",): bergkamen}
    )

    assert understood.text_without(kita) == "„frühe hilfen“ eltern bergkamen café"
    assert understood.text_without(bergkamen) == "„frühe hilfen“ eltern kita café"
