from django.views.generic import DetailView, TemplateView

from .models import Municipality, Project, Transition


class HomeView(TemplateView):
    template_name = "projects/home.html"

    def get_context_data(self, **kwargs):
        transitions = list(Transition.objects.all())
        counts = Project.objects.published().counts_by_municipality_and_transition()
        municipalities = Municipality.objects.grouped_by_district()
        rows = [
            (municipality, [counts.get((municipality.pk, transition.pk), 0) for transition in transitions])
            for municipality in municipalities
        ]
        return super().get_context_data(transitions=transitions, rows=rows, **kwargs)


class ProjectDetailView(DetailView):
    template_name = "projects/project_detail.html"
    queryset = (
        Project.objects.published()
        .select_related("municipality")
        .prefetch_related("transitions", "fields", "target_groups", "organisations", "indicators", "links")
    )


class MunicipalityDetailView(DetailView):
    template_name = "projects/municipality_detail.html"
    queryset = Municipality.objects.select_related("parent")

    def get_context_data(self, **kwargs):
        projects = self.object.projects.published().prefetch_related("transitions")
        return super().get_context_data(projects=projects, **kwargs)
