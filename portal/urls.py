from django.urls import path

from . import chains, gaps, views

# The namespace stays "projects": these are the project pages, and `projects:detail` & co. are reversed
# across every app, its models and its services (no import needed, so no layer is crossed).
app_name = "projects"
urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("projekte/", views.ProjectListView.as_view(), name="list"),
    path("projekte/<slug:slug>/", views.ProjectDetailView.as_view(), name="detail"),
    path("kommunen/", chains.MunicipalityListView.as_view(), name="municipalities"),
    path("kommunen/<slug:slug>/", chains.MunicipalityDetailView.as_view(), name="municipality"),
    path("kommunen/<slug:slug>/kette/", chains.ChainView.as_view(), name="chain"),
    path("luecken/", chains.GapGridView.as_view(), name="gaps"),
    path("luecken/csv/", chains.GapGridCsvView.as_view(), name="gaps_csv"),
    path("luecken/<slug:slug>/<slug:transition>/", gaps.GapView.as_view(), name="gap"),
    path("luecken/<slug:slug>/lebensphase/<slug:phase>/", gaps.PhaseGapView.as_view(), name="phase_gap"),
]
