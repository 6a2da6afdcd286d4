from django.db.models import Prefetch
from django.views.generic import DetailView
from django_filters.views import FilterView

from projects.models import Municipality, Organisation, Project

from .filters import NetworkFilter
from .models import Network


class NetworkListView(FilterView):
    template_name = "networks/network_list.html"
    filterset_class = NetworkFilter
    paginate_by = 20
    page_kwarg = "seite"
    queryset = (
        Network.objects.published()
        .select_related("coordinating_organisation")
        .prefetch_related(Prefetch("municipalities", queryset=Municipality.objects.order_by("name")))
        .order_by("name", "pk")
    )
    strict = False  # invalid filter values are reported in the form and ignored, the list stays

    def paginate_queryset(self, queryset, page_size):
        """Like Django's, but a bad or too large page number shows the first or last page instead of a 404."""
        paginator = self.get_paginator(queryset, page_size)
        page = paginator.get_page(self.request.GET.get(self.page_kwarg))
        return paginator, page, page.object_list, page.has_other_pages()

    def get_context_data(self, **kwargs):
        params = self.request.GET.copy()
        params.pop(self.page_kwarg, None)
        return super().get_context_data(page_query=params.urlencode(), **kwargs)


class NetworkDetailView(DetailView):
    template_name = "networks/network_detail.html"
    queryset = (
        Network.objects.published()
        .select_related("coordinating_organisation__municipality")
        .prefetch_related(
            Prefetch("members", queryset=Organisation.objects.select_related("municipality").order_by("name")),
            Prefetch("municipalities", queryset=Municipality.objects.order_by("name")),
            "transitions",
            "action_fields",
            Prefetch(
                "projects",
                queryset=Project.objects.published().select_related("municipality").order_by("title"),
            ),
        )
    )
