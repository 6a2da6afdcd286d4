from decimal import Decimal

import pytest
from django.urls import reverse

from .factories import GoalFactory, MeasurementFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def goals(bergkamen, selm):
    reached = GoalFactory(municipality=bergkamen, title="Willkommensbesuche für alle")
    MeasurementFactory(goal=reached, value=Decimal("80"))
    GoalFactory(municipality=bergkamen, title="Sprachförderung", dimension="2b")
    GoalFactory(municipality=selm, title="Geheimes Ziel Selm")
    return reached


def _url(municipality):
    return reverse("steering:goals", kwargs={"slug": municipality.slug})


def test_goals_own_coordinator_sees_raster_and_charts(client, coordinator_bergkamen, bergkamen, goals):
    client.force_login(coordinator_bergkamen)

    response = client.get(_url(bergkamen))

    assert response.status_code == 200
    raster = {
        dimension: [[g.title for g in cell] for cell in cells] for dimension, _l, cells in response.context["raster"]
    }
    assert raster["2a"] == [[], [], [], [], ["Willkommensbesuche für alle"]]
    assert [goal.title for goal in response.context["unmeasured"]] == ["Sprachförderung"]
    assert list(response.context["charts"]) == [f"goal-{goals.pk}", f"goal-{goals.pk + 1}"]
    assert "Geheimes Ziel Selm" not in response.content.decode()


def test_goals_other_municipality_coordinator_is_forbidden(client, coordinator_selm, bergkamen, goals):
    client.force_login(coordinator_selm)

    response = client.get(_url(bergkamen))

    assert response.status_code == 403
    assert "Willkommensbesuche" not in response.content.decode()


def test_goals_anonymous_is_sent_to_login(client, bergkamen):
    response = client.get(_url(bergkamen))

    assert (response.status_code, response["Location"].split("?")[0]) == (302, reverse("admin:login"))


def test_goals_steering_member_sees_any_municipality(client, steering_member, selm, goals):
    client.force_login(steering_member)

    response = client.get(_url(selm))

    assert [goal.title for goal in response.context["goals"]] == ["Geheimes Ziel Selm"]


def test_goals_unknown_municipality_is_404(client, steering_member):
    client.force_login(steering_member)

    assert client.get(reverse("steering:goals", kwargs={"slug": "gibt-es-nicht"})).status_code == 404


def test_goals_empty_state(client, coordinator_bergkamen, bergkamen):
    client.force_login(coordinator_bergkamen)

    response = client.get(_url(bergkamen))

    assert "Für diese Kommune sind noch keine Ziele erfasst." in response.content.decode()
