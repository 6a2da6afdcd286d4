from django.contrib.sitemaps.views import sitemap
from django.urls import path

from . import views
from .models import LegalPage
from .sitemaps import SITEMAPS

app_name = "pages"
# German paths as visitors expect them (/impressum/, /datenschutz/, /barrierefreiheit/); route names English.
urlpatterns = [
    *(
        path(f"{kind.value}/", views.LegalPageView.as_view(), {"kind": kind.value}, name=kind.name.lower())
        for kind in LegalPage.Kind
    ),
    path("leichte-sprache/", views.EasyLanguageView.as_view(), name="easy_language"),
    path("gebaerdensprache/", views.SignLanguageView.as_view(), name="sign_language"),
    path("gebaerdensprache/<str:topic>.mp4", views.sign_language_video, name="sign_language_video"),
    path("barriere-melden/", views.BarrierReportView.as_view(), name="barrier_report"),
    path("barriere-melden/gesendet/", views.BarrierReportSentView.as_view(), name="barrier_report_sent"),
    path("robots.txt", views.robots_txt, name="robots"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("favicon.ico", views.favicon, name="favicon"),
]
