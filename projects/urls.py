from django.urls import path

from . import views

app_name = "projects"
urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("projekte/<slug:slug>/", views.ProjectDetailView.as_view(), name="detail"),
    path("kommunen/<slug:slug>/", views.MunicipalityDetailView.as_view(), name="municipality"),
]
