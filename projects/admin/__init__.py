"""The projects app in the back office; importing the modules registers their ModelAdmins."""

from .municipalities import MunicipalityAdmin, OrganisationAdmin, SocialAreaAdmin
from .projects import ProjectAdmin, TaxonomyAdmin

__all__ = ["MunicipalityAdmin", "OrganisationAdmin", "ProjectAdmin", "SocialAreaAdmin", "TaxonomyAdmin"]
