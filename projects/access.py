"""Which records of the projects app a user may see and edit; used by the admin and by views.

Each helper returns the queryset the user may work with. Reviewers get everything; Koordinatoren
get the records of their own municipalities; anyone else gets nothing.
"""

from django.db.models import Q, QuerySet

from accounts.access import coordinated_municipalities, is_coordinator, is_reviewer, scoped

from .models import ImportJob, Indicator, Municipality, Organisation, Project, ProjectLink, SocialArea


def municipalities_for(user) -> QuerySet[Municipality]:
    """Municipalities a user may assign records to."""
    return scoped(user, Municipality.objects.all(), municipality="pk")


def served_municipality_choices_for(user) -> QuerySet[Municipality]:
    """Municipalities a user may name as served by a project: any, for whoever edits projects (a Kreis
    serves its towns, a town its neighbours; naming one gives no rights there)."""
    if is_reviewer(user) or is_coordinator(user):
        return Municipality.objects.all()
    return Municipality.objects.none()


def projects_for(user) -> QuerySet[Project]:
    return scoped(user, Project.objects.all())


def indicators_for(user) -> QuerySet[Indicator]:
    return Indicator.objects.filter(project__in=projects_for(user))


def project_links_for(user) -> QuerySet[ProjectLink]:
    return ProjectLink.objects.filter(project__in=projects_for(user))


def organisations_for(user) -> QuerySet[Organisation]:
    """Organisations a user may edit: those of their own municipalities."""
    return scoped(user, Organisation.objects.all())


def organisation_choices_for(user) -> QuerySet[Organisation]:
    """Organisations a user may *pick* as partner or member: their own, their Kreis's, and
    supra-regional ones (no municipality). Never another town's."""
    if is_reviewer(user):
        return Organisation.objects.all()
    if is_coordinator(user):
        own = coordinated_municipalities(user)
        return Organisation.objects.filter(
            Q(municipality__in=own)
            | Q(municipality__isnull=True)
            | Q(municipality__in=Municipality.objects.filter(members__in=own).values("pk"))
        )
    return Organisation.objects.none()


def social_areas_for(user) -> QuerySet[SocialArea]:
    return scoped(user, SocialArea.objects.all())


def import_jobs_for(user) -> QuerySet[ImportJob]:
    """Import jobs a user may see and confirm: only their own (the import runs with their rights)."""
    if not user.is_authenticated:
        return ImportJob.objects.none()
    return ImportJob.objects.filter(created_by=user)


def can_delete_project(user, project: Project) -> bool:
    """Only what was never public may be deleted by those who edit it (a draft, a submission); a
    published or archived project is archived, and removed for good only by a superuser."""
    if user.is_authenticated and user.is_active and user.is_superuser:
        return True
    if project.status not in {Project.Status.DRAFT, Project.Status.IN_REVIEW}:
        return False
    return projects_for(user).filter(pk=project.pk).exists()
