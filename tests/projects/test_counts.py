"""The trigger-maintained counters and search columns stay exact on every write."""

import pytest
from django.db import connection

from projects.models import ChainCount, ConditionalFacetCount, FacetCount, Project

from ..factories import DistrictFactory, FieldFactory, ProjectFactory, TransferOfferFactory

pytestmark = pytest.mark.django_db


def counters() -> tuple[dict, dict, dict]:
    facets = {
        (f, v): (n, t)
        for f, v, n, t in FacetCount.objects.filter(count__gt=0).values_list(
            "facet", "value", "count", "transfer_count"
        )
    }
    conditional = {
        (g, f, v): (n, t)
        for g, f, v, n, t in ConditionalFacetCount.objects.filter(count__gt=0).values_list(
            "given", "facet", "value", "count", "transfer_count"
        )
    }
    cells = {
        (m, t, f): n
        for m, t, f, n in ChainCount.objects.filter(count__gt=0).values_list(
            "municipality_id", "transition_id", "field_id", "count"
        )
    }
    return facets, cells, conditional


def rebuilt() -> tuple[dict, dict, dict]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT projects_rebuild_counts()")
    return counters()


def test_counters_follow_inserts_relations_status_offers_and_deletes(transitions, bergkamen, selm):
    field = FieldFactory(name="Bildung")
    project = ProjectFactory(municipality=bergkamen, transitions=transitions[:2], fields=[field])
    ProjectFactory(municipality=selm, transitions=[transitions[4]], status=Project.Status.DRAFT)
    project.districts.add(DistrictFactory(municipality=bergkamen))
    offer = TransferOfferFactory(project=project)

    facets, cells, conditional = counters()
    assert facets[("kommune", bergkamen.pk)] == (1, 1)
    assert ("kommune", selm.pk) not in facets
    assert facets[("transfer", 1)] == (1, 1)
    kita, birth = transitions[1].pk, transitions[0].pk
    assert conditional[(f"kommune={bergkamen.pk}", "uebergang", birth)] == (1, 1)
    assert conditional[(f"kommune={bergkamen.pk}", "transfer", 1)] == (1, 1)
    assert conditional[(f"handlungsfeld={field.pk}&kommune={bergkamen.pk}", "uebergang", kita)] == (1, 1)
    assert conditional[(f"uebergang={birth}&uebergang={kita}", "kommune", bergkamen.pk)] == (1, 1)
    # values of the condition's own facets are not counted, and the transfer flag is never a condition
    assert (f"uebergang={kita}", "uebergang", birth) not in conditional
    assert not any("transfer" in given for given, _facet, _value in conditional)
    assert counters() == rebuilt()
    assert cells == {
        (bergkamen.pk, transitions[0].pk, 0): 1,
        (bergkamen.pk, transitions[1].pk, 0): 1,
        (bergkamen.pk, transitions[0].pk, field.pk): 1,
        (bergkamen.pk, transitions[1].pk, field.pk): 1,
    }

    offer.delete()
    project.transitions.remove(transitions[0])
    Project.objects.filter(municipality=selm).update(status=Project.Status.PUBLISHED)
    assert counters() == rebuilt()

    project.status = Project.Status.ARCHIVED
    project.save()
    assert counters() == rebuilt()
    assert counters()[0] == {("kommune", selm.pk): (1, 0), ("uebergang", transitions[4].pk): (1, 0)}
    assert counters()[2] == {
        (f"kommune={selm.pk}", "uebergang", transitions[4].pk): (1, 0),
        (f"uebergang={transitions[4].pk}", "kommune", selm.pk): (1, 0),
    }

    Project.objects.all().delete()
    assert counters() == ({}, {}, {})


def test_project_arrays_and_offer_flag_follow_relations(transitions, bergkamen):
    project = ProjectFactory(municipality=bergkamen, transitions=[transitions[2], transitions[0]])
    TransferOfferFactory(project=project, is_active=False)

    project.refresh_from_db()
    assert project.transition_ids == sorted([transitions[0].pk, transitions[2].pk])
    assert project.has_transfer_offer is False

    TransferOfferFactory(project=project)
    project.refresh_from_db()
    assert project.has_transfer_offer is True
