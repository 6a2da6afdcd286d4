from django.urls import path

from . import views
from .models import LegalPage

app_name = "pages"
# German paths as visitors expect them (/impressum/, /datenschutz/, /barrierefreiheit/); route names English.
urlpatterns = [
    path(f"{kind.value}/", views.LegalPageView.as_view(), {"kind": kind.value}, name=kind.name.lower())
    for kind in LegalPage.Kind
]
