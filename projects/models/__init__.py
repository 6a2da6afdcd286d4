"""The models of the projects app, one module per group; every name is importable from ``projects.models``."""

from .import_jobs import ImportJob, ImportJobStatus
from .municipalities import (
    District,
    Municipality,
    MunicipalityQuerySet,
    Organisation,
    PopulationFigure,
    PopulationFigureQuerySet,
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
from .search import ChainCount, SearchQueryField
from .taxonomy import (
    YEAR_VALIDATORS,
    AgeBand,
    Field,
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
    "AgeBand",
    "ChainCount",
    "District",
    "Field",
    "ImportJob",
    "ImportJobStatus",
    "Indicator",
    "LifePhase",
    "Municipality",
    "MunicipalityQuerySet",
    "OrderedTaxonomy",
    "Organisation",
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
    "TargetGroup",
    "Transition",
    "median_or_none",
    "per_thousand",
]
