"""The transfer plan of a transfer, its print version and its milestones."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import DetailView

from .. import services
from ..access import transfer_interests_for
from ..forms import (
    CloseForm,
    MidpointForm,
    MilestoneForm,
    PlanForm,
)
from ..models import (
    PlanMilestone,
    Side,
    TransferInterest,
    TransferPlan,
)
from .shared import _apply_validation_error


class PlanView(LoginRequiredMixin, DetailView):
    """The transfer plan of one interest: both sides read and write it, the Steuerungsgruppe reads it."""

    template_name = "transfers/plan.html"
    context_object_name = "interest"

    def get_queryset(self):
        return transfer_interests_for(self.request.user).select_related("offer__project__municipality", "municipality")

    def get_object(self, queryset=None):
        interest = super().get_object(queryset)
        if interest.stage not in TransferInterest.PLAN_STAGES:
            raise Http404(_("Einen Transferplan gibt es erst nach dem Erstgespräch."))
        return interest

    def plan(self) -> TransferPlan:
        interest = self.object
        return TransferPlan.objects.filter(interest=interest).first() or TransferPlan(interest=interest)

    def owners(self) -> list[tuple[str, object]]:
        interest = self.object
        return [
            (side, user)
            for side, municipality_id in [
                (Side.ADOPTING, interest.municipality_id),
                (Side.OFFERING, interest.offering_municipality_id),
            ]
            for user in services.coordinators_of([municipality_id]).order_by("username")
        ]

    def get_context_data(self, forms=None, **kwargs):
        plan = self.plan()
        sides = self.object.sides_of(self.request.user)
        forms = forms or {}
        can_edit = bool(sides) and not plan.is_closed
        context = {
            "plan": plan,
            "milestones": list(plan.milestones.select_related("owner")) if plan.pk else [],
            "can_edit": can_edit,
        }
        if can_edit:
            context.update(
                plan_form=forms.get("plan") or PlanForm(instance=plan),
                milestone_form=forms.get("milestone") or MilestoneForm(owners=self.owners()),
                midpoint_form=forms.get("midpoint") or MidpointForm(),
                close_forms=[
                    forms.get(f"close-{side}") or CloseForm(side=side)
                    for side in (Side.OFFERING, Side.ADOPTING)
                    if side in sides
                    and not getattr(plan, f"lessons_{side}").strip()
                    # a refused closing is shown with its error even before the mid-point check
                    and (plan.midpoint_done_at or f"close-{side}" in forms)
                ],
            )
        return super().get_context_data(**context, **kwargs)

    def post(self, request, *args, **kwargs):
        self.object = interest = self.get_object()
        which = request.POST.get("form", "")
        if which == "plan":
            form = PlanForm(request.POST, instance=self.plan())
        elif which == "milestone":
            form = MilestoneForm(request.POST, owners=self.owners())
        elif which == "midpoint":
            form = MidpointForm(request.POST)
        elif which in (f"close-{Side.OFFERING}", f"close-{Side.ADOPTING}"):
            form = CloseForm(request.POST, side=which.removeprefix("close-"))
        else:
            return HttpResponseBadRequest(_("Unbekanntes Formular."))
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(forms={which: form}), status=400)
        data = form.cleaned_data
        user = request.user
        try:
            if which == "plan":
                services.plan_save(interest=interest, user=user, **data)
            elif which == "milestone":
                side, owner = data["owner"]
                services.milestone_add(
                    interest=interest, user=user, title=data["title"], due_on=data["due_on"], side=side, owner=owner
                )
            elif which == "midpoint":
                services.plan_midpoint_record(interest=interest, user=user, review=data["midpoint_review"])
            else:
                services.plan_close(interest=interest, user=user, side=form.side, **data)
        except services.StepNotAllowed as error:
            raise PermissionDenied(error.messages[0]) from error
        except ValidationError as error:
            _apply_validation_error(form, error)
            return self.render_to_response(self.get_context_data(forms={which: form}), status=400)
        messages.success(request, _("Der Transferplan ist gespeichert."))
        return redirect("transfers:plan", pk=interest.pk)


class PlanPrintView(PlanView):
    template_name = "transfers/plan_print.html"

    def get_context_data(self, **kwargs):
        plan = self.plan()
        return DetailView.get_context_data(
            self, plan=plan, milestones=list(plan.milestones.select_related("owner")) if plan.pk else [], **kwargs
        )

    def post(self, request, *args, **kwargs):
        return HttpResponseBadRequest()


class MilestoneDoneView(LoginRequiredMixin, View):
    def post(self, request, pk):
        milestone = get_object_or_404(
            PlanMilestone.objects.filter(plan__interest__in=transfer_interests_for(request.user)), pk=pk
        )
        try:
            services.milestone_done(milestone=milestone, user=request.user)
        except services.StepNotAllowed as error:
            raise PermissionDenied(error.messages[0]) from error
        messages.success(request, _("Erledigt: {title}.").format(title=milestone.title))
        return redirect("transfers:plan", pk=milestone.plan.interest_id)
