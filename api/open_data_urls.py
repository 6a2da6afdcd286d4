from django.urls import path

from . import open_data

app_name = "opendata"
urlpatterns = [
    path("", open_data.OpenDataView.as_view(), name="index"),
    path("transferboerse.json", open_data.download_json, name="json"),
    path("hsds-datenpaket.zip", open_data.download_hsds_package, name="hsds_package"),
    path("katalog.rdf", open_data.catalogue_rdf, name="catalogue_rdf"),
    path("katalog.jsonld", open_data.catalogue_jsonld, name="catalogue_jsonld"),
    path("<slug:name>.csv", open_data.download_csv, name="csv"),
]
