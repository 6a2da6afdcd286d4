"""The models of the projects app, one module per group; every name is importable from ``projects.models``."""

from .import_jobs import ImportJob, ImportJobStatus
from .municipalities import (
    Municipality,
    MunicipalityContact,
    MunicipalityContactQuerySet,
    MunicipalityQuerySet,
    Organisation,
    PopulationFigure,
    PopulationFigureQuerySet,
    SocialArea,
    median_or_none,
    per_thousand,
)
from .project import (
    CONFIRMATION_INTERVAL,
    DERIVED_FIELDS,
    STALE_AFTER,
    Indicator,
    Project,
    ProjectLink,
    ProjectQuerySet,
)
from .review import ReviewedModel, ReviewQuerySet, ReviewStatus
from .search import ChainCount, PhaseCount, SearchQueryField
from .taxonomy import (
    YEAR_VALIDATORS,
    ActionField,
    AgeBand,
    LifePhase,
    OrderedTaxonomy,
    SluggedModel,
    TargetGroup,
    Transition,
)

__all__ = [
    "CONFIRMATION_INTERVAL",
    "DERIVED_FIELDS",
    "STALE_AFTER",
    "YEAR_VALIDATORS",
    "ActionField",
    "AgeBand",
    "ChainCount",
    "ImportJob",
    "ImportJobStatus",
    "Indicator",
    "LifePhase",
    "Municipality",
    "MunicipalityContact",
    "MunicipalityContactQuerySet",
    "MunicipalityQuerySet",
    "OrderedTaxonomy",
    "Organisation",
    "PhaseCount",
    "PopulationFigure",
    "PopulationFigureQuerySet",
    "Project",
    "ProjectLink",
    "ProjectQuerySet",
    "ReviewQuerySet",
    "ReviewStatus",
    "ReviewedModel",
    "SearchQueryField",
    "SluggedModel",
    "SocialArea",
    "TargetGroup",
    "Transition",
    "median_or_none",
    "per_thousand",
]
