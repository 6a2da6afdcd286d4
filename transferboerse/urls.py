from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from transferboerse.health import healthz

admin.site.site_header = _("Transferbörse – Verwaltung")
admin.site.site_title = _("Transferbörse")
admin.site.index_title = _("Übersicht")

urlpatterns = [
    # Before the admin's URLs: the second factor after the password (accounts/two_factor.py), the
    # invitation link and the password reset (accounts/password_urls.py: URL names without namespace).
    path("verwaltung/", include("accounts.urls")),
    path("verwaltung/", include("accounts.password_urls")),
    path("verwaltung/", admin.site.urls),
    path("netzwerke/", include("networks.urls")),
    path("suche/", include("search.urls")),
    path("transfer/", include("transfers.urls")),
    # Operations: health check, legal pages, open data API.
    path("healthz", healthz, name="healthz"),
    path("api/v1/", include("api.urls")),
    path("api/hsds/", include("api.hsds.urls")),
    path("offene-daten/", include("api.open_data_urls")),
    # Steering: dashboard, goals, network quality.
    path("", include("steering.urls")),
    path("", include("events.urls")),
    path("", include("pages.urls")),
    path("", include("portal.urls")),
]

# German pages in the portal's layout (transferboerse/errors.py); 500 and 503 render without database.
handler400 = "transferboerse.errors.bad_request"
handler403 = "transferboerse.errors.permission_denied"
handler404 = "transferboerse.errors.page_not_found"
handler500 = "transferboerse.errors.server_error"
