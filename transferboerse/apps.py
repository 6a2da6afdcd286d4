from django.contrib.admin.apps import AdminConfig


class BackOfficeAdminConfig(AdminConfig):
    """The Django admin (our back office under /verwaltung/) with the hardened site below."""

    default_site = "transferboerse.admin.BackOfficeSite"
