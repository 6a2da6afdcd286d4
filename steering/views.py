from django.contrib.auth.mixins import LoginRequiredMixin, UserPassesTestMixin
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import DetailView, TemplateView

from networks.models import Network
from projects.models import Municipality
from transferboerse import spreadsheets

from . import dashboard
from .access import can_view_dashboard, can_view_goals_of
from .models import BANDS, Goal, NetworkAssessment, QualityIndicator
from .pdf import html_to_pdf


class SteeringOnlyMixin(LoginRequiredMixin, UserPassesTestMixin):
    """Anonymous visitors are sent to the login, signed-in users without the role get 403."""

    raise_exception = False

    def test_func(self):
        return can_view_dashboard(self.request.user)

    def handle_no_permission(self):
        if self.request.user.is_authenticated:
            raise PermissionDenied
        return super().handle_no_permission()


# --- dashboard -------------------------------------------------------------------------------------


class DashboardView(SteeringOnlyMixin, TemplateView):
    template_name = "steering/dashboard.html"

    def get_context_data(self, **kwargs):
        rows = dashboard.figures()
        return super().get_context_data(
            rows=rows,
            table_rows=dashboard.with_district_totals(rows),
            charts=dashboard.chart_data(rows),
            bands=BANDS,
            generated_at=timezone.now(),
            **kwargs,
        )


class DashboardPrintView(DashboardView):
    template_name = "steering/dashboard_print.html"


class DashboardPdfView(DashboardView):
    template_name = "steering/dashboard_print.html"

    def get(self, request, *args, **kwargs):
        html = render_to_string(self.template_name, self.get_context_data(for_pdf=True), request=request)
        response = HttpResponse(html_to_pdf(html), content_type="application/pdf")
        filename = f"steuerung-{timezone.localdate():%Y-%m-%d}.pdf"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response


# --- goals -----------------------------------------------------------------------------------------


class GoalsView(LoginRequiredMixin, DetailView):
    """The goals of one municipality: raster of attainment and a chart per goal."""

    template_name = "steering/goals.html"
    context_object_name = "municipality"
    queryset = Municipality.objects.all()

    def get_object(self, queryset=None):
        municipality = super().get_object(queryset)
        if not can_view_goals_of(self.request.user, municipality):
            raise PermissionDenied
        return municipality

    def get_context_data(self, **kwargs):
        goals = list(Goal.objects.of_municipality(self.object).with_measurements())
        raster = [
            (
                dimension,
                label,
                [[goal for goal in goals if goal.dimension == dimension and goal.band == band] for band in BANDS],
            )
            for dimension, label in Goal.Dimension.choices
        ]
        return super().get_context_data(
            goals=goals,
            unmeasured=[goal for goal in goals if goal.attainment is None and not goal.is_qualitative],
            qualitative=[goal for goal in goals if goal.is_qualitative],
            raster=raster,
            bands=BANDS,
            charts={f"goal-{goal.pk}": goal.chart_data() for goal in goals if not goal.is_qualitative},
            **kwargs,
        )


# --- network quality -------------------------------------------------------------------------------


def _network_rows(indicators):
    """Per network with an assessment: its latest and previous assessment, level per indicator."""
    networks = (
        Network.objects.filter(assessments__isnull=False)
        .distinct()
        .prefetch_related(
            Prefetch("assessments", queryset=NetworkAssessment.objects.prefetch_related("ratings")),
            "municipalities",
        )
    )
    rows = []
    for network in networks:
        assessments = list(network.assessments.all())  # newest first
        latest, previous = assessments[0], (assessments[1] if len(assessments) > 1 else None)
        latest_levels, previous_levels = latest.levels(), previous.levels() if previous else {}
        cells = [
            (
                latest_levels.get(indicator.pk),
                None
                if indicator.pk not in latest_levels or indicator.pk not in previous_levels
                else latest_levels[indicator.pk] - previous_levels[indicator.pk],
            )
            for indicator in indicators
        ]
        rows.append({"network": network, "latest": latest, "previous": previous, "cells": cells})
    return rows


class NetworkQualityView(SteeringOnlyMixin, TemplateView):
    template_name = "steering/network_quality.html"

    def get_context_data(self, **kwargs):
        indicators = list(QualityIndicator.objects.all())
        return super().get_context_data(indicators=indicators, rows=_network_rows(indicators), **kwargs)


class NetworkQualityCsvView(SteeringOnlyMixin, View):
    def get(self, request):
        indicators = list(QualityIndicator.objects.all())
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="netzwerk-qualitaet.csv"'
        response.write("\ufeff")  # Excel opens UTF-8 only with a BOM
        writer = spreadsheets.writer(response, delimiter=";")
        writer.writerow(
            [_("Netzwerk"), _("Kommunen"), _("Jahr"), _("Vorjahr"), _("Durchschnitt")]
            + [indicator.name for indicator in indicators]
            + [_("Veränderung {indicator}").format(indicator=indicator.name) for indicator in indicators]
        )
        for row in _network_rows(indicators):
            writer.writerow(
                [
                    row["network"].name,
                    ", ".join(m.name for m in row["network"].municipalities.all()),
                    row["latest"].year,
                    row["previous"].year if row["previous"] else "",
                    str(row["latest"].average or "").replace(".", ","),
                ]
                + ["" if level is None else level for level, _change in row["cells"]]
                + ["" if change is None else f"{change:+d}" for _level, change in row["cells"]]
            )
        return response
