"""The reciprocity ledger: who gave and who took, as a page and as CSV."""

from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from transferboerse import spreadsheets

from .. import reciprocity
from ..access import can_view_ledger
from ..models import TransferInterest


class LedgerView(LoginRequiredMixin, TemplateView):
    template_name = "transfers/ledger.html"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not can_view_ledger(request.user):
            raise PermissionDenied(
                _("Die Transferbilanz sehen die Koordination der Kommunen und die Steuerungsgruppe.")
            )
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        rows = sorted(
            reciprocity.with_modes(reciprocity.balances()), key=lambda row: (-abs(row.balance), row.municipality.name)
        )
        return super().get_context_data(
            rows=rows,
            without_received=[
                row.municipality for row in sorted(rows, key=lambda r: r.municipality.name) if row.has_received_nothing
            ],
            imbalance=reciprocity.IMBALANCE,
            **kwargs,
        )


class LedgerCsvView(LedgerView):
    def get(self, request, *args, **kwargs):
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="transferbilanz-{timezone.now():%Y-%m-%d}.csv"'
        response.write("\ufeff")  # Excel opens UTF-8 CSV correctly only with a BOM
        writer = spreadsheets.writer(response, delimiter=";")
        writer.writerow(
            [
                _("Angemeldet am"),
                _("Gebende Kommune"),
                _("Projekt"),
                _("Empfangende Kommune"),
                _("Stand"),
                _("Zuletzt geändert"),
                _("Bewertung"),
            ]
        )
        interests = TransferInterest.objects.select_related("offer__project__municipality", "municipality").order_by(
            "created_at", "pk"
        )
        for interest in interests:
            writer.writerow(
                [
                    f"{timezone.localtime(interest.created_at):%d.%m.%Y}",
                    interest.offer.project.municipality.name,
                    interest.offer.project.title,
                    interest.municipality.name,
                    interest.get_stage_display(),
                    f"{timezone.localtime(interest.updated_at):%d.%m.%Y}",
                    interest.rating or "",
                ]
            )
        return response
