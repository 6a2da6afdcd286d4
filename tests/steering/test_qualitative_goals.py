"""Goals are quantitative (indicator, baseline, target, measurements) or qualitative (state and evidence);
measurements are checked, and the goal raster never turns a qualitative goal into a percentage."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from steering.models import Goal, Measurement

from .factories import GoalFactory, MeasurementFactory

pytestmark = pytest.mark.django_db

WELCOME = "Familien fühlen sich in der Stadt willkommen"


def qualitative_goal(municipality, **overrides) -> Goal:
    data = {
        "municipality": municipality,
        "dimension": Goal.Dimension.FAMILIES,
        "title": WELCOME,
        "kind": Goal.Kind.QUALITATIVE,
        "progress": Goal.Progress.PARTLY,
        "evidence": "Rückmeldungen der Willkommensbesuche, Elternbefragung 2025",
        "deadline": datetime.date(2027, 12, 31),
        "responsible": "Jugendamt",
        **overrides,
    }
    return Goal(**data)


def test_qualitative_goal_is_saved_without_numbers(bergkamen):
    goal = qualitative_goal(bergkamen)

    goal.full_clean()
    goal.save()

    goal.refresh_from_db()
    assert (goal.indicator, goal.baseline, goal.target_value, goal.attainment, goal.band) == (
        "",
        None,
        None,
        None,
        None,
    )


def test_qualitative_goal_needs_its_state(bergkamen):
    with pytest.raises(ValidationError) as error:
        qualitative_goal(bergkamen, progress="").full_clean()

    assert error.value.message_dict == {"progress": ["Bitte geben Sie an, wie weit das qualitative Ziel erreicht ist."]}


def test_quantitative_goal_still_needs_indicator_baseline_and_target(bergkamen):
    goal = Goal(
        municipality=bergkamen,
        dimension="1",
        title="Mehr Kitaplätze",
        deadline=datetime.date(2027, 1, 1),
        responsible="X",
    )

    with pytest.raises(ValidationError) as error:
        goal.full_clean()

    required = ["Für ein quantitatives Ziel erforderlich (oder wählen Sie „qualitativ“)."]
    assert error.value.message_dict == {name: required for name in Goal.QUANTITATIVE_FIELDS}


def test_database_refuses_a_quantitative_goal_without_numbers(bergkamen):
    with pytest.raises(IntegrityError), transaction.atomic():
        Goal.objects.create(
            municipality=bergkamen,
            dimension="1",
            title="Ohne Zahlen",
            deadline=datetime.date(2027, 1, 1),
            responsible="X",
        )


@pytest.mark.parametrize(
    ("measured_on", "value", "errors"),
    [
        (
            datetime.date(2023, 6, 30),
            Decimal("50"),
            {"measured_on": ["Der Stichtag liegt vor dem Stand des Ausgangswerts (01.01.2024)."]},
        ),
        (datetime.date(2025, 6, 30), Decimal("-3"), {"value": ["Ein Messwert kann nicht negativ sein."]}),
        (datetime.date(2025, 6, 30), Decimal("120"), {"value": ["Ein Anteil in Prozent liegt zwischen 0 und 100."]}),
    ],
)
def test_implausible_measurement_is_refused_with_a_german_message(measured_on, value, errors):
    goal = GoalFactory()  # baseline 01.01.2024, unit "%"

    with pytest.raises(ValidationError) as error:
        Measurement(goal=goal, measured_on=measured_on, value=value).full_clean()

    assert error.value.message_dict == errors


def test_qualitative_goal_takes_no_measurement(bergkamen):
    goal = qualitative_goal(bergkamen)
    goal.save()

    with pytest.raises(ValidationError) as error:
        Measurement(goal=goal, measured_on=datetime.date(2025, 1, 1), value=Decimal("3")).full_clean()

    assert error.value.messages == [
        "Ein qualitatives Ziel hat keine Messwerte; beschreiben Sie seinen Stand unter „Belege“."
    ]


def test_admin_saves_a_qualitative_goal_of_the_coordinator(client, bergkamen, coordinator_bergkamen):
    client.force_login(coordinator_bergkamen)

    response = client.post(
        reverse("admin:steering_goal_add"),
        {
            "municipality": bergkamen.pk,
            "dimension": "2a",
            "title": WELCOME,
            "kind": "qualitative",
            "deadline": "31.12.2027",
            "responsible": "Jugendamt",
            "progress": "started",
            "evidence": "Elternbefragung",
            "measurements-TOTAL_FORMS": "1",
            "measurements-INITIAL_FORMS": "0",
            "measurements-MIN_NUM_FORMS": "0",
            "measurements-MAX_NUM_FORMS": "1000",
        },
    )

    assert response.status_code == 302
    goal = Goal.objects.get(title=WELCOME)
    assert (goal.kind, goal.progress, goal.baseline) == ("qualitative", "started", None)


def test_goal_raster_shows_a_qualitative_goal_with_its_state_never_a_percentage(
    client, bergkamen, coordinator_bergkamen
):
    measured = GoalFactory(municipality=bergkamen, title="Willkommensbesuche für alle")
    MeasurementFactory(goal=measured, value=Decimal("60"))
    qualitative_goal(bergkamen).save()
    client.force_login(coordinator_bergkamen)

    response = client.get(reverse("steering:goals", kwargs={"slug": bergkamen.slug}))

    page = response.content.decode()
    assert [goal.title for goal in response.context["qualitative"]] == [WELCOME]
    assert [goal.title for goal in response.context["unmeasured"]] == []
    in_raster = [goal.title for _d, _l, cells in response.context["raster"] for cell in cells for goal in cell]
    assert in_raster == ["Willkommensbesuche für alle"]
    assert f"{WELCOME}</a>: teilweise erreicht" in page
    assert f"{WELCOME} (" not in page  # no "(… %)" after its title
    assert set(response.context["charts"]) == {f"goal-{measured.pk}"}


def test_dashboard_mean_attainment_ignores_qualitative_goals(bergkamen):
    from steering.dashboard import MunicipalityFigures

    measured = GoalFactory(municipality=bergkamen)
    MeasurementFactory(goal=measured, value=Decimal("60"))  # half way from 40 to 80
    qualitative = qualitative_goal(bergkamen, progress=Goal.Progress.REACHED)
    qualitative.save()

    figures = MunicipalityFigures(municipality=bergkamen, goals=[measured, qualitative])

    assert figures.attainment == 50


def test_printed_report_names_a_qualitative_goals_state_not_numbers(client, bergkamen, steering_member):
    qualitative_goal(bergkamen).save()
    client.force_login(steering_member)

    page = client.get(reverse("steering:dashboard_print")).content.decode()

    row = page[page.index(WELCOME) : page.index("</tr>", page.index(WELCOME))]
    assert "qualitatives Ziel" in row
    assert "teilweise erreicht" in row
    assert "None" not in row
    assert "%" not in row
