from django.urls import path

from . import views

app_name = "steering"
urlpatterns = [
    path("steuerung/", views.DashboardView.as_view(), name="dashboard"),
    path("steuerung/druck/", views.DashboardPrintView.as_view(), name="dashboard_print"),
    path("steuerung/bericht.pdf", views.DashboardPdfView.as_view(), name="dashboard_pdf"),
    path("steuerung/ziele/<slug:slug>/", views.GoalsView.as_view(), name="goals"),
    path("steuerung/netzwerke/", views.NetworkQualityView.as_view(), name="network_quality"),
    path("steuerung/netzwerke/export.csv", views.NetworkQualityCsvView.as_view(), name="network_quality_csv"),
]
