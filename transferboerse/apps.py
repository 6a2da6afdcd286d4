from django.contrib.admin.apps import AdminConfig
from django.utils.html import format_html
from django.utils.translation import gettext


def _boolean_icon(field_val):
    """Django's yes/no icon of the admin lists and read-only fields, with a German alternative text:
    Django writes alt="True"/"False", which screen readers read out in English."""
    from django.templatetags.static import static

    icon, text = {
        True: ("yes", gettext("Ja")),
        False: ("no", gettext("Nein")),
        None: ("unknown", gettext("Unbekannt")),
    }[field_val]
    return format_html('<img src="{}" alt="{}">', static(f"admin/img/icon-{icon}.svg"), text)


class BackOfficeAdminConfig(AdminConfig):
    """The Django admin (our back office under /verwaltung/) with the hardened site below."""

    default_site = "transferboerse.admin.BackOfficeSite"

    def ready(self):
        super().ready()
        from django.contrib.admin.templatetags import admin_list

        # The admin looks the function up here on every call (admin_list, utils, helpers).
        admin_list._boolean_icon = _boolean_icon
