from django.shortcuts import get_object_or_404
from django.views.generic import DetailView

from .models import LegalPage


class LegalPageView(DetailView):
    template_name = "pages/legal_page.html"
    context_object_name = "page"

    def get_object(self, queryset=None) -> LegalPage:
        return get_object_or_404(LegalPage, kind=self.kwargs["kind"])
