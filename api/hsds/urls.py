from django.urls import re_path
from django.views.decorators.csrf import csrf_exempt

from . import views

app_name = "hsds"
urlpatterns = list(views.api.urls[0])
# Everything else under /api/hsds/ gets a JSON 404, as under /api/v1/.
urlpatterns.append(re_path(r"^(?P<unknown>[\s\S]*)$", csrf_exempt(views.not_found)))
