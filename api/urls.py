from django.urls import re_path

from . import views

app_name = "api"
# ninja's own URL patterns, spliced in so that their names live in this app's namespace (api:projects).
urlpatterns = list(views.api.urls[0])
# Everything else under /api/v1/ (even paths with line breaks, hence [\s\S]) gets a JSON 404.
urlpatterns.append(re_path(r"^(?P<unknown>[\s\S]*)$", views.not_found))
