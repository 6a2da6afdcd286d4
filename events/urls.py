from django.urls import path

from . import views

app_name = "events"
urlpatterns = [
    path("fachtage/", views.EventListView.as_view(), name="list"),
    path("fachtage/kalender.ics", views.EventFeedView.as_view(), name="feed"),
    path("fachtage/<slug:slug>/", views.EventDetailView.as_view(), name="detail"),
    path("fachtage/<slug:slug>/kalender.ics", views.EventIcsView.as_view(), name="ics"),
    path("fachtage/<slug:slug>/anmelden/", views.EventRegisterView.as_view(), name="register"),
    path("fachtage/<slug:slug>/abmelden/", views.EventCancelView.as_view(), name="cancel"),
]
