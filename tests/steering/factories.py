import datetime
from decimal import Decimal

import factory

from steering.models import (
    Criterion,
    CriterionRating,
    Goal,
    IndicatorRating,
    Measurement,
    NetworkAssessment,
    ProjectSelfCheck,
    QualityIndicator,
)

from ..factories import MunicipalityFactory, NetworkFactory, ProjectFactory

LEVEL_TEXTS = {f"level_{n}": f"Beschreibung Stufe {n}" for n in range(1, 5)}


class CriterionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Criterion

    name = factory.Sequence(lambda n: f"Kriterium {n}")
    slug = factory.Sequence(lambda n: f"kriterium-{n}")
    position = 100
    level_1, level_2, level_3, level_4 = (LEVEL_TEXTS[f"level_{n}"] for n in range(1, 5))


class QualityIndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = QualityIndicator

    name = factory.Sequence(lambda n: f"Indikator {n}")
    position = 100
    level_1, level_2, level_3, level_4 = (LEVEL_TEXTS[f"level_{n}"] for n in range(1, 5))


class SelfCheckFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProjectSelfCheck

    project = factory.SubFactory(ProjectFactory)


class CriterionRatingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CriterionRating

    self_check = factory.SubFactory(SelfCheckFactory)
    criterion = factory.SubFactory(CriterionFactory)
    level = 3


class AssessmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NetworkAssessment

    network = factory.SubFactory(NetworkFactory)
    year = 2026


class IndicatorRatingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = IndicatorRating

    assessment = factory.SubFactory(AssessmentFactory)
    indicator = factory.SubFactory(QualityIndicatorFactory)
    level = 2


class GoalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Goal

    municipality = factory.SubFactory(MunicipalityFactory)
    dimension = Goal.Dimension.FAMILIES
    title = factory.Sequence(lambda n: f"Ziel {n}")
    indicator = "Anteil erreichter Familien"
    unit = "%"
    baseline = Decimal("40")
    baseline_date = datetime.date(2024, 1, 1)
    target_value = Decimal("80")
    deadline = datetime.date(2027, 12, 31)
    responsible = "Jugendamt"


class MeasurementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Measurement

    goal = factory.SubFactory(GoalFactory)
    measured_on = datetime.date(2025, 12, 31)
    value = Decimal("60")
