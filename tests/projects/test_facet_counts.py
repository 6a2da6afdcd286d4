"""Facet counts equal a plain count over the projects, whichever counters or scans the filter uses."""

import random

import pytest
from django.urls import reverse

from projects.models import Project

from ..factories import (
    DistrictFactory,
    FieldFactory,
    MunicipalityFactory,
    ProjectFactory,
    TargetGroupFactory,
    TransferOfferFactory,
)

pytestmark = pytest.mark.django_db
LIST_URL = reverse("projects:list")
FACETS = ["uebergang", "handlungsfeld", "zielgruppe", "kommune", "sozialraum"]


@pytest.fixture
def mixed_catalogue(transitions):
    """30 projects with random facet values (fixed seed); returns each published project's values."""
    rng = random.Random(7)
    municipalities = [MunicipalityFactory(name=name) for name in ("Kamen", "Lünen", "Werne")]
    fields = [FieldFactory(name=name) for name in ("Bildung", "Gesundheit", "Jugendhilfe")]
    groups = [TargetGroupFactory(name=name) for name in ("Eltern", "Kinder", "Jugendliche")]
    districts = {m.pk: [DistrictFactory(name=f"{m.name}-Mitte", municipality=m)] for m in municipalities}
    for number in range(30):
        municipality = rng.choice(municipalities)
        project = ProjectFactory(
            title=f"{rng.choice(['Lesepaten', 'Sportgruppe'])} {number}",
            municipality=municipality,
            transitions=rng.sample(transitions, rng.randint(1, 2)),
            fields=rng.sample(fields, rng.randint(0, 2)),
            target_groups=rng.sample(groups, rng.randint(0, 2)),
            status=Project.Status.DRAFT if number % 10 == 9 else Project.Status.PUBLISHED,
        )
        if rng.random() < 0.3:
            project.districts.add(*districts[municipality.pk])
        if rng.random() < 0.4:
            TransferOfferFactory(project=project)
    # has all transitions of the multi-value cases below: counting per value would count it repeatedly
    both = ProjectFactory(
        title="Lesepaten plus",
        municipality=municipalities[0],
        transitions=[transitions[1], transitions[3], transitions[4]],
        fields=fields[:2],
        target_groups=groups[:1],
    )
    TransferOfferFactory(project=both)

    return [
        {
            "title": project.title,
            "uebergang": {t.slug for t in project.transitions.all()},
            "handlungsfeld": {f.slug for f in project.fields.all()},
            "zielgruppe": {g.slug for g in project.target_groups.all()},
            "kommune": {project.municipality.slug},
            "sozialraum": {d.slug for d in project.districts.all()},
            "transfer": {"on"} if project.transfer_offers.filter(is_active=True).exists() else set(),
        }
        for project in Project.objects.filter(status=Project.Status.PUBLISHED)
    ]


def passes(project: dict, name: str, chosen) -> bool:
    if name == "q":
        return chosen in project["title"]
    return bool(project[name] & set(chosen if isinstance(chosen, list) else [chosen]))


def expected_counts(projects: list[dict], params: dict, facet: str) -> dict[str, int]:
    """Per value of ``facet``: the projects that pass every filter in ``params`` except the facet's own."""
    counts: dict[str, int] = {}
    for project in projects:
        if all(passes(project, name, chosen) for name, chosen in params.items() if name != facet):
            for value in project[facet]:
                counts[value] = counts.get(value, 0) + 1
    return counts


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"transfer": "on"},
        {"uebergang": "uebergang-schuleberuf"},
        {"uebergang": "uebergang-schuleberuf", "transfer": "on"},
        {"kommune": ["kamen", "werne"]},
        {"uebergang": ["uebergang-schuleberuf", "uebergang-in-die-sekundarstufe"]},
        {"uebergang": "uebergang-schuleberuf", "handlungsfeld": "gesundheit"},
        {"uebergang": "uebergang-schuleberuf", "handlungsfeld": "gesundheit", "transfer": "on"},
        {"kommune": ["kamen", "luenen"], "zielgruppe": "eltern", "transfer": "on"},
        {"uebergang": ["uebergang-schuleberuf", "uebergang-in-die-sekundarstufe"], "handlungsfeld": "bildung"},
        {"uebergang": "uebergang-schuleberuf", "handlungsfeld": "gesundheit", "zielgruppe": "kinder"},
        {"sozialraum": "kamen-mitte", "handlungsfeld": ["bildung", "gesundheit"], "transfer": "on"},
        {"q": "Lesepaten", "uebergang": "uebergang-schuleberuf"},
        {"uebergang": ["uebergang-schuleberuf", "uebergang-in-die-sekundarstufe", "uebergang-in-die-kita"]},
        {
            "uebergang": ["uebergang-schuleberuf", "uebergang-in-die-sekundarstufe"],
            "handlungsfeld": ["bildung", "gesundheit"],
            "transfer": "on",
        },
        {"uebergang": ["uebergang-schuleberuf", "uebergang-in-die-sekundarstufe"], "kommune": ["kamen", "luenen"]},
        {
            "uebergang": ["uebergang-schuleberuf", "uebergang-in-die-sekundarstufe"],
            "handlungsfeld": "bildung",
            "zielgruppe": "eltern",
        },
    ],
)
def test_facet_counts_equal_counting_the_projects(client, mixed_catalogue, params):
    response = client.get(LIST_URL, params)

    assert response.status_code == 200
    for facet in FACETS:
        options = next(f for f in response.context["facets"] if f.name == facet).options
        shown = {option.value: option.count for option in options if option.count}
        assert shown == expected_counts(mixed_catalogue, params, facet), facet
    transfer = next(f for f in response.context["facets"] if f.name == "transfer").options[0].count
    assert transfer == expected_counts(mixed_catalogue, params, "transfer").get("on", 0)
    assert response.context["paginator"].count == sum(
        all(passes(project, name, chosen) for name, chosen in params.items()) for project in mixed_catalogue
    )
