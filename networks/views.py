from django.views.generic import DetailView

from .models import Network


class NetworkDetailView(DetailView):
    template_name = "networks/network_detail.html"
    queryset = Network.objects.select_related("coordinating_organisation").prefetch_related(
        "members", "municipalities", "transitions", "fields"
    )
