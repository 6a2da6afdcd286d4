"""The trigger-maintained gap-grid counters and project columns stay exact on every write."""

import pytest
from django.db import connection

from projects.models import ChainCount, PhaseCount, Project

from ..factories import (
    ActionFieldFactory,
    LifePhaseFactory,
    ProjectFactory,
    SocialAreaFactory,
    TransferOfferFactory,
)

pytestmark = pytest.mark.django_db


def counters() -> dict:
    return {
        (m, t, f): n
        for m, t, f, n in ChainCount.objects.filter(count__gt=0).values_list(
            "municipality_id", "transition_id", "field_id", "count"
        )
    }


def rebuilt() -> dict:
    with connection.cursor() as cursor:
        cursor.execute("SELECT projects_rebuild_counts()")
    return counters()


def test_chain_counters_follow_inserts_relations_status_and_deletes(transitions, bergkamen, selm):
    field = ActionFieldFactory(name="Bildung")
    project = ProjectFactory(municipality=bergkamen, transitions=transitions[:2], action_fields=[field])
    ProjectFactory(municipality=selm, transitions=[transitions[4]], status=Project.Status.DRAFT)
    project.social_areas.add(SocialAreaFactory(municipality=bergkamen))
    offer = TransferOfferFactory(project=project)

    assert counters() == rebuilt()
    assert counters() == {
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
    assert counters() == {(selm.pk, transitions[4].pk, 0): 1}

    Project.objects.all().delete()
    assert counters() == {}


def phase_counters() -> dict:
    rows = PhaseCount.objects.filter(count__gt=0).values_list("municipality_id", "phase_id", "count")
    return {(m, p): n for m, p, n in rows}


def rebuilt_phases() -> dict:
    rebuilt()
    return phase_counters()


def test_phase_counters_follow_inserts_relations_status_and_deletes(bergkamen, selm):
    kita, school = LifePhaseFactory(name="Kita"), LifePhaseFactory(name="Grundschule")
    project = ProjectFactory(municipality=bergkamen, phases=[kita, school])
    ProjectFactory(municipality=selm, phases=[school], status=Project.Status.DRAFT)

    assert phase_counters() == rebuilt_phases()
    assert phase_counters() == {(bergkamen.pk, kita.pk): 1, (bergkamen.pk, school.pk): 1}
    assert PhaseCount.cells([selm.pk]) == {}

    project.phases.remove(kita)
    Project.objects.filter(municipality=selm).update(status=Project.Status.PUBLISHED)
    assert phase_counters() == rebuilt_phases()
    assert phase_counters() == {(bergkamen.pk, school.pk): 1, (selm.pk, school.pk): 1}

    project.municipality = selm
    project.save()
    assert PhaseCount.cells() == {(selm.pk, school.pk): 2}

    Project.objects.all().delete()
    assert phase_counters() == {}


def test_project_arrays_and_offer_flag_follow_relations(transitions, bergkamen):
    project = ProjectFactory(municipality=bergkamen, transitions=[transitions[2], transitions[0]])
    TransferOfferFactory(project=project, is_active=False)

    project.refresh_from_db()
    assert project.transition_ids == sorted([transitions[0].pk, transitions[2].pk])
    assert project.has_transfer_offer is False

    TransferOfferFactory(project=project)
    project.refresh_from_db()
    assert project.has_transfer_offer is True
