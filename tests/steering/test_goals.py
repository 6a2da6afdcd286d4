import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from steering.dashboard import attainment_over_time, figures
from steering.models import Trend

from .factories import GoalFactory, MeasurementFactory

pytestmark = pytest.mark.django_db


def _goal(baseline, target, *values):
    goal = GoalFactory(baseline=Decimal(baseline), target_value=Decimal(target))
    for year, value in enumerate(values, start=2024):
        MeasurementFactory(goal=goal, measured_on=datetime.date(year, 12, 31), value=Decimal(value))
    return goal


@pytest.mark.parametrize(
    ("baseline", "target", "values", "attainment"),
    [
        ("40", "80", ["60"], 50),  # half way up
        ("40", "80", ["50", "70"], 75),  # the latest measurement counts
        ("31", "22", ["29"], 22),  # falling target: 2 of 9 points
        ("40", "80", ["95"], 100),  # capped above
        ("40", "80", ["30"], 0),  # capped below
        ("31", "22", ["35"], 0),  # falling target, moved away
        ("0", "6", ["6"], 100),
    ],
)
def test_goal_attainment_is_share_of_way_from_baseline_to_target_capped(baseline, target, values, attainment):
    assert _goal(baseline, target, *values).attainment == attainment


def test_goal_attainment_without_measurement_is_none():
    goal = _goal("40", "80")

    assert (goal.attainment, goal.band, goal.trend) == (None, None, Trend.UNKNOWN)


@pytest.mark.parametrize(
    ("baseline", "target", "values", "trend"),
    [
        ("40", "80", ["60"], Trend.IMPROVING),
        ("40", "80", ["60", "55"], Trend.WORSENING),
        ("40", "80", ["60", "60"], Trend.STEADY),
        ("31", "22", ["29", "30"], Trend.WORSENING),
        ("31", "22", ["29", "25"], Trend.IMPROVING),
    ],
)
def test_goal_trend_follows_the_last_two_values_towards_the_target(baseline, target, values, trend):
    assert _goal(baseline, target, *values).trend == trend


@pytest.mark.parametrize(
    ("value", "band"), [("40", "none"), ("50", "started"), ("60", "partly"), ("70", "mostly"), ("80", "reached")]
)
def test_goal_band_is_the_step_of_the_raster(value, band):
    assert _goal("40", "80", value).band.key == band


def test_goal_clean_rejects_equal_target_and_deadline_before_baseline():
    goal = GoalFactory.build(baseline=Decimal("5"), target_value=Decimal("5"), deadline=datetime.date(2023, 1, 1))

    with pytest.raises(ValidationError) as error:
        goal.clean()

    assert error.value.message_dict == {
        "target_value": ["Der Zielwert muss sich vom Ausgangswert unterscheiden."],
        "deadline": ["Der Termin muss nach dem Stand des Ausgangswerts liegen."],
    }


def test_goal_chart_data_starts_at_the_baseline():
    goal = _goal("40", "80", "50", "70")

    data = goal.chart_data()

    assert (data["labels"], data["values"], data["target"]) == (
        ["01.01.2024", "31.12.2024", "31.12.2025"],
        [40.0, 50.0, 70.0],
        80.0,
    )


def test_attainment_over_time_averages_goals_per_year(bergkamen):
    first = GoalFactory(municipality=bergkamen)  # 40 → 80
    second = GoalFactory(municipality=bergkamen, baseline=Decimal("0"), target_value=Decimal("10"))
    MeasurementFactory(goal=first, measured_on=datetime.date(2024, 6, 30), value=Decimal("44"))
    MeasurementFactory(goal=first, measured_on=datetime.date(2024, 12, 31), value=Decimal("50"))  # 25 %
    MeasurementFactory(goal=second, measured_on=datetime.date(2024, 12, 31), value=Decimal("5"))  # 50 %
    MeasurementFactory(goal=first, measured_on=datetime.date(2025, 12, 31), value=Decimal("80"))  # 100 %

    rows = figures([bergkamen])

    assert rows[0].attainment == 75  # latest: 100 % and 50 %
    assert attainment_over_time(rows) == {"Bergkamen": {2024: 38, 2025: 100}}
