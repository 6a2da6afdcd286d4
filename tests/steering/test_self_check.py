import pytest
from django.template import Context, Template
from django.urls import reverse

from projects.models import Project
from steering.filters import GoodPracticeFilterSet, projects_with_min_criterion_level
from steering.models import Criterion

from ..factories import ProjectFactory
from .factories import CriterionRatingFactory, SelfCheckFactory

pytestmark = pytest.mark.django_db


class ProjectFilter(GoodPracticeFilterSet):
    class Meta:
        model = Project
        fields = []


@pytest.fixture
def rated(bergkamen):
    participation = Criterion.objects.get(slug="partizipation")
    result = {}
    for title, level in [("Stadtteileltern", 4), ("Baby-Besuche", 3), ("Beratungsführer", 1)]:
        check = SelfCheckFactory(project=ProjectFactory(municipality=bergkamen, title=title))
        CriterionRatingFactory(self_check=check, criterion=participation, level=level, justification=f"Grund {title}")
        result[title] = check.project
    ProjectFactory(municipality=bergkamen, title="Ohne Selbstcheck")
    return result


def test_projects_with_min_criterion_level(rated):
    projects = projects_with_min_criterion_level(Project.objects.all(), "partizipation", 3)

    assert list(projects.values_list("title", flat=True)) == ["Baby-Besuche", "Stadtteileltern"]


@pytest.mark.parametrize(
    ("params", "titles"),
    [
        ({"gp_kriterium": "partizipation", "gp_stufe": "3"}, ["Baby-Besuche", "Stadtteileltern"]),
        ({"gp_kriterium": "partizipation", "gp_stufe": "4"}, ["Stadtteileltern"]),
        ({"gp_kriterium": "partizipation"}, ["Baby-Besuche", "Beratungsführer", "Ohne Selbstcheck", "Stadtteileltern"]),
        ({"gp_kriterium": "konzeption", "gp_stufe": "1"}, []),
    ],
)
def test_good_practice_filterset(rated, params, titles):
    filterset = ProjectFilter(params, queryset=Project.objects.all())

    assert [project.title for project in filterset.qs] == titles


def test_good_practice_filterset_bad_input_gives_german_error(rated):
    filterset = ProjectFilter({"gp_kriterium": "gibt-es-nicht", "gp_stufe": "9"}, queryset=Project.objects.all())

    assert not filterset.is_valid()
    assert sorted(filterset.errors) == ["gp_kriterium", "gp_stufe"]
    assert "gültige Auswahl" in filterset.errors["gp_stufe"][0]


def test_project_profile_partial_lists_all_criteria(rated):
    html = Template('{% include "steering/_project_profile.html" %}').render(
        Context({"project": rated["Stadtteileltern"]})
    )

    assert "Good-Practice-Profil" in html
    assert html.count('<th scope="row"') == 12
    assert "Stufe 4 von 4" in html
    assert "Grund Stadtteileltern" in html
    assert html.count("nicht bewertet") == 11


def test_project_profile_partial_is_empty_without_self_check(bergkamen):
    html = Template('{% include "steering/_project_profile.html" %}').render(
        Context({"project": ProjectFactory(municipality=bergkamen)})
    )

    assert html.strip() == ""


def test_project_list_filters_by_good_practice_level(client, rated, transitions):
    rated["Stadtteileltern"].transitions.set([transitions[1]])

    response = client.get(reverse("projects:list"), {"gp_kriterium": "partizipation", "gp_stufe": "3"})

    assert [project.title for project in response.context["object_list"]] == ["Baby-Besuche", "Stadtteileltern"]
    transition_facet = next(facet for facet in response.context["facets"] if facet.name == "uebergang")
    counts = {option.value: option.count for option in transition_facet.options}
    assert counts[transitions[1].slug] == 1
