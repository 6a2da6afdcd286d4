"""The trigger-maintained counters (FacetCount, ChainCount) and search columns stay exact on every write."""

import pytest
from django.db import connection

from projects.models import ChainCount, FacetCount, Project

from ..factories import DistrictFactory, FieldFactory, ProjectFactory, TransferOfferFactory

pytestmark = pytest.mark.django_db


def counters() -> tuple[dict, dict]:
    facets = {(f, v): n for f, v, n in FacetCount.objects.filter(count__gt=0).values_list("facet", "value", "count")}
    cells = {
        (m, t, f): n
        for m, t, f, n in ChainCount.objects.filter(count__gt=0).values_list(
            "municipality_id", "transition_id", "field_id", "count"
        )
    }
    return facets, cells


def rebuilt() -> tuple[dict, dict]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT projects_rebuild_counts()")
    return counters()


def test_counters_follow_inserts_relations_status_offers_and_deletes(transitions, bergkamen, selm):
    field = FieldFactory(name="Bildung")
    project = ProjectFactory(municipality=bergkamen, transitions=transitions[:2], fields=[field])
    ProjectFactory(municipality=selm, transitions=[transitions[4]], status=Project.Status.DRAFT)
    project.districts.add(DistrictFactory(municipality=bergkamen))
    offer = TransferOfferFactory(project=project)

    facets, cells = counters()
    assert facets[("kommune", bergkamen.pk)] == 1
    assert ("kommune", selm.pk) not in facets
    assert facets[("transfer", 1)] == 1
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
    assert counters()[0] == {("kommune", selm.pk): 1, ("uebergang", transitions[4].pk): 1}

    Project.objects.all().delete()
    assert counters() == ({}, {})


def test_project_arrays_and_offer_flag_follow_relations(transitions, bergkamen):
    project = ProjectFactory(municipality=bergkamen, transitions=[transitions[2], transitions[0]])
    TransferOfferFactory(project=project, is_active=False)

    project.refresh_from_db()
    assert project.transition_ids == sorted([transitions[0].pk, transitions[2].pk])
    assert project.has_transfer_offer is False

    TransferOfferFactory(project=project)
    project.refresh_from_db()
    assert project.has_transfer_offer is True
