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
    path("fachtage/", views.EventListView.as_view(), name="events"),
    path("fachtage/kalender.ics", views.EventFeedView.as_view(), name="event_feed"),
    path("fachtage/<slug:slug>/", views.EventDetailView.as_view(), name="event"),
    path("fachtage/<slug:slug>/kalender.ics", views.EventIcsView.as_view(), name="event_ics"),
    path("fachtage/<slug:slug>/anmelden/", views.EventRegisterView.as_view(), name="event_register"),
    path("fachtage/<slug:slug>/abmelden/", views.EventCancelView.as_view(), name="event_cancel"),
]
