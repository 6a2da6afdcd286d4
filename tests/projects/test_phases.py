"""Life phases: a managed taxonomy in a fixed order, named by projects beside the transitions."""

from itertools import pairwise

import pytest
from django.db import IntegrityError, transaction

from projects import services
from projects.models import LifePhase

from ..factories import ProjectFactory

pytestmark = pytest.mark.django_db


def test_life_phases_keep_their_order_and_each_position_once(phases):
    assert [phase.label for phase in LifePhase.objects.all()] == [
        "Schwangerschaft/Geburt",
        "0–3 Jahre",
        "Kita",
        "Grundschule",
        "Sek. I",
        "Schule–Beruf",
    ]
    with pytest.raises(IntegrityError), transaction.atomic():
        LifePhase.objects.create(name="Studium", position=3)


def test_transition_names_the_two_phases_it_bridges(phases, transitions):
    assert [t.phase_ids for t in transitions] == [[a.pk, b.pk] for a, b in pairwise(phases)]


def test_phases_of_a_published_project_change_only_through_review_and_are_versioned(
    bergkamen, phases, coordinator_bergkamen, steering_member
):
    project = ProjectFactory(municipality=bergkamen, phases=[phases[2]])

    services.project_propose_changes(
        project=project, changes={"phases": [phases[2].pk, phases[3].pk]}, by=coordinator_bergkamen
    )
    project.refresh_from_db()
    assert ([p.label for p in project.phases.all()], project.pending_changes) == (
        ["Kita"],
        {"phases": [phases[2].pk, phases[3].pk]},
    )
    assert project.pending_changes_diff() == [
        {"name": "phases", "label": "Lebensphasen", "old": "Kita", "new": "Grundschule, Kita", "changed": True}
    ]

    services.project_approve_changes(project=project, by=steering_member)
    assert [p.label for p in project.phases.all()] == ["Kita", "Grundschule"]
    assert sorted(project.history.first().phases.values_list("lifephase_id", flat=True)) == [
        phases[2].pk,
        phases[3].pk,
    ]
