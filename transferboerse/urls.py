from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

admin.site.site_header = _("Transferbörse – Verwaltung")
admin.site.site_title = _("Transferbörse")
admin.site.index_title = _("Übersicht")

urlpatterns = [
    path("verwaltung/", admin.site.urls),
    path("netzwerke/", include("networks.urls")),
    path("transfer/", include("transfers.urls")),
    path("", include("projects.urls")),
]
