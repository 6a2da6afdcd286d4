from django.urls import path

from . import views

# The namespace stays "projects": these are the project pages, and `projects:detail` & co. are reversed
# across every app, its models and its services (no import needed, so no layer is crossed).
app_name = "projects"
urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("projekte/", views.ProjectListView.as_view(), name="list"),
    path("projekte/<slug:slug>/", views.ProjectDetailView.as_view(), name="detail"),
    path("kommunen/<slug:slug>/", views.MunicipalityDetailView.as_view(), name="municipality"),
    path("kommunen/<slug:slug>/kette/", views.ChainView.as_view(), name="chain"),
    path("luecken/", views.GapGridView.as_view(), name="gaps"),
    path("luecken/csv/", views.GapGridCsvView.as_view(), name="gaps_csv"),
]
