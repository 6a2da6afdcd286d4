"""The organisation form of a Koordinator: their Kommune preset, help text that matches their rule."""

import pytest
from django.urls import reverse

from ..factories import make_coordinator

pytestmark = pytest.mark.django_db


def test_organisation_form_presets_the_coordinators_kommune(client, bergkamen, coordinator_bergkamen):
    client.force_login(coordinator_bergkamen)

    form = client.get(reverse("admin:projects_organisation_add")).context["adminform"].form

    assert form.initial["municipality"] == bergkamen.pk
    assert form.fields["municipality"].required is True
    assert form.fields["municipality"].help_text == (
        "Die Kommune, in der die Organisation arbeitet. Überregionale Träger trägt die Steuerungsgruppe ein."
    )


def test_organisation_form_presets_nothing_for_a_coordinator_of_two_kommunen(client, bergkamen, selm):
    user = make_coordinator(bergkamen, username="zwei-kommunen")
    user.coordinator_roles.create(municipality=selm)
    client.force_login(user)

    form = client.get(reverse("admin:projects_organisation_add")).context["adminform"].form

    assert "municipality" not in form.initial


def test_organisation_form_of_reviewers_keeps_the_supra_regional_rule(client, steering_member):
    client.force_login(steering_member)

    form = client.get(reverse("admin:projects_organisation_add")).context["adminform"].form

    assert (form.fields["municipality"].required, form.fields["municipality"].help_text) == (
        False,
        "Leer lassen bei überregionalen Trägern.",
    )
