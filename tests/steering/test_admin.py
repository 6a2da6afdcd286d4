import pytest
from django.urls import reverse

from steering.models import Criterion, Goal, NetworkAssessment, QualityIndicator

from ..factories import NetworkFactory, OrganisationFactory, ProjectFactory
from .factories import AssessmentFactory

pytestmark = pytest.mark.django_db


def _goal_data(municipality, **overrides):
    data = {
        "municipality": municipality.pk,
        "dimension": "2a",
        "title": "Familien früh erreichen",
        "kind": "quantitative",
        "indicator": "Anteil besuchter Familien",
        "unit": "%",
        "baseline": "70",
        "baseline_date": "31.12.2024",
        "target_value": "90",
        "deadline": "31.12.2027",
        "responsible": "Jugendamt",
        "measurements-TOTAL_FORMS": "1",
        "measurements-INITIAL_FORMS": "0",
        "measurements-0-measured_on": "31.12.2025",
        "measurements-0-value": "80",
        "_save": "Sichern",
    }
    return {**data, **overrides}


def test_goal_admin_coordinator_adds_goal_with_measurement(client, coordinator_bergkamen, bergkamen):
    client.force_login(coordinator_bergkamen)

    response = client.post(reverse("admin:steering_goal_add"), _goal_data(bergkamen))

    assert response.status_code == 302
    goal = Goal.objects.get()
    assert (goal.municipality, goal.attainment) == (bergkamen, 50)


def test_goal_admin_coordinator_cannot_add_for_another_municipality(client, coordinator_bergkamen, selm):
    client.force_login(coordinator_bergkamen)

    response = client.post(reverse("admin:steering_goal_add"), _goal_data(selm))

    assert response.status_code == 200
    assert "Bitte eine gültige Auswahl treffen." in response.content.decode()
    assert not Goal.objects.exists()


def test_goal_admin_bad_input_keeps_values_and_explains_in_german(client, coordinator_bergkamen, bergkamen):
    client.force_login(coordinator_bergkamen)

    response = client.post(
        reverse("admin:steering_goal_add"), _goal_data(bergkamen, target_value="70", deadline="01.01.2024")
    )

    html = response.content.decode()
    assert "Der Zielwert muss sich vom Ausgangswert unterscheiden." in html
    assert "Der Termin muss nach dem Stand des Ausgangswerts liegen." in html
    assert 'value="Familien früh erreichen"' in html
    assert not Goal.objects.exists()


def test_self_check_add_form_offers_one_row_per_criterion(client, coordinator_bergkamen, bergkamen):
    ProjectFactory(municipality=bergkamen, title="Baby-Besuche")
    client.force_login(coordinator_bergkamen)

    response = client.get(reverse("admin:steering_projectselfcheck_add"))

    formset = response.context["inline_admin_formsets"][0].formset
    assert [form.initial.get("criterion") for form in formset.forms] == list(
        Criterion.objects.values_list("pk", flat=True)
    )
    assert [str(p) for p in response.context["adminform"].form.fields["project"].queryset] == ["Baby-Besuche"]


def test_network_assessment_same_year_twice_is_refused_in_german(client, coordinator_bergkamen, bergkamen):
    network = NetworkFactory(coordinating_organisation=OrganisationFactory(municipality=bergkamen))
    AssessmentFactory(network=network, year=2026)
    client.force_login(coordinator_bergkamen)
    indicator = QualityIndicator.objects.first()

    response = client.post(
        reverse("admin:steering_networkassessment_add"),
        {
            "network": network.pk,
            "year": "2026",
            "ratings-TOTAL_FORMS": "1",
            "ratings-INITIAL_FORMS": "0",
            "ratings-0-indicator": indicator.pk,
            "ratings-0-level": "3",
            "_save": "Sichern",
        },
    )

    assert "Für dieses Netzwerk gibt es schon eine Selbstbewertung in diesem Jahr." in response.content.decode()
    assert NetworkAssessment.objects.count() == 1
