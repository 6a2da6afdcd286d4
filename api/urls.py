from django.urls import path, re_path

from . import views
from .endpoints import COLLECTIONS

app_name = "api"
urlpatterns = [
    path("", views.index, name="index"),
    path("openapi.json", views.openapi, name="openapi"),
    path("taxonomy_terms/", views.taxonomy_terms, name="taxonomy_terms"),
]
for collection in COLLECTIONS:
    urlpatterns += [
        path(f"{collection.path}/", views.collection_list, {"path": collection.path}, name=collection.path),
        path(
            f"{collection.path}/<int:pk>/",
            views.collection_detail,
            {"path": collection.path},
            name=f"{collection.path}_detail",
        ),
    ]
# Everything else under /api/v1/ (even paths with line breaks, hence [\s\S]) gets a JSON 404.
urlpatterns.append(re_path(r"^(?P<unknown>[\s\S]*)$", views.not_found))
