"""A Kommune's own transfers and the steps of each transfer's workflow."""

from collections import OrderedDict

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.generic import DetailView, TemplateView

from projects.models import Municipality

from .. import matching, services
from ..access import events_for, transfer_interests_for
from ..forms import StepForm
from ..models import (
    Action,
    TransferInterest,
    TransferRequest,
)
from .shared import _apply_validation_error


def _by_stage(interests) -> "OrderedDict[str, list]":
    groups: OrderedDict[str, list] = OrderedDict()
    for value, label in TransferInterest.Stage.choices:
        found = [interest for interest in interests if interest.stage == value]
        if found:
            groups[label] = found
    return groups


class MyTransfersView(LoginRequiredMixin, TemplateView):
    template_name = "transfers/my_transfers.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        ids = user.coordinated_municipality_ids()
        interests = list(
            TransferInterest.objects.involving(ids).select_related("offer__project__municipality", "municipality")
        )
        incoming = [interest for interest in interests if interest.offering_municipality_id in ids]
        outgoing = [interest for interest in interests if interest.municipality_id in ids]
        for interest in interests:
            interest.my_actions = interest.allowed_actions(user)
        own_requests = list(TransferRequest.objects.open().filter(municipality_id__in=ids).with_details())
        suggestions = matching.suggestions_for_requests(own_requests)
        return super().get_context_data(
            municipalities=list(Municipality.objects.filter(pk__in=ids)),
            incoming=_by_stage(incoming),
            outgoing=_by_stage(outgoing),
            own_requests=[(request, suggestions.get(request.pk, [])) for request in own_requests],
            **kwargs,
        )


class InterestDetailView(LoginRequiredMixin, DetailView):
    template_name = "transfers/interest_detail.html"
    context_object_name = "interest"

    def get_queryset(self):
        return (
            transfer_interests_for(self.request.user)
            .select_related("offer__project__municipality", "municipality")
            .prefetch_related("services")
        )

    def get_context_data(self, bound_form=None, step_error=None, **kwargs):
        interest = self.object
        user = self.request.user
        forms = []
        for action in interest.allowed_actions(user):
            if bound_form is not None and bound_form.action == action:
                forms.append(bound_form)
            else:
                forms.append(StepForm(action=action, interest=interest))
        return super().get_context_data(
            events=events_for(user, interest),
            step_forms=forms,
            step_error=step_error,
            sides=interest.sides_of(user),
            plan_stages=TransferInterest.PLAN_STAGES,
            **kwargs,
        )


class InterestStepView(InterestDetailView):
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        self.object = interest = self.get_object()
        action = request.POST.get("action", "")
        error = interest.step_error(action, request.user)
        if error:
            return self.render_to_response(self.get_context_data(step_error=error), status=403)
        form = StepForm(request.POST, action=action, interest=interest)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(bound_form=form), status=400)
        try:
            services.interest_advance(
                interest=interest,
                action=action,
                user=request.user,
                comment=form.cleaned_data["comment"],
                is_private=form.cleaned_data.get("is_private", False),
                experience=form.experience(),
            )
        except services.StepNotAllowed as step_error:
            # someone else was quicker: the stage changed between loading the page and sending the form
            return self.render_to_response(self.get_context_data(step_error=step_error.messages[0]), status=409)
        except ValidationError as validation_error:
            _apply_validation_error(form, validation_error)
            return self.render_to_response(self.get_context_data(bound_form=form), status=400)
        messages.success(request, _("Gespeichert: {action}.").format(action=Action(action).label))
        return redirect(interest)
