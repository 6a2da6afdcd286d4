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
from .search import (
    ChainCount,
    ConditionalFacetCount,
    FacetCount,
    SearchQueryField,
    SearchTerm,
    SearchTermHit,
    SearchTermQuerySet,
    SearchWord,
)
from .taxonomy import YEAR_VALIDATORS, AgeBand, Field, OrderedTaxonomy, SluggedModel, TargetGroup, Transition

__all__ = [
    "CONFIRMATION_INTERVAL",
    "DERIVED_FIELDS",
    "STALE_AFTER",
    "YEAR_VALIDATORS",
    "AgeBand",
    "ChainCount",
    "ConditionalFacetCount",
    "District",
    "FacetCount",
    "Field",
    "ImportJob",
    "ImportJobStatus",
    "Indicator",
    "Municipality",
    "MunicipalityQuerySet",
    "OrderedTaxonomy",
    "Organisation",
    "PopulationFigure",
    "PopulationFigureQuerySet",
    "Project",
    "ProjectLink",
    "ProjectQuerySet",
    "SearchQueryField",
    "SearchTerm",
    "SearchTermHit",
    "SearchTermQuerySet",
    "SearchWord",
    "SluggedModel",
    "TargetGroup",
    "Transition",
    "median_or_none",
    "per_thousand",
]
