from django.urls import path

from . import open_data

app_name = "opendata"
urlpatterns = [
    path("", open_data.OpenDataView.as_view(), name="index"),
    path("transferboerse.json", open_data.download_json, name="json"),
    path("<slug:name>.csv", open_data.download_csv, name="csv"),
]
