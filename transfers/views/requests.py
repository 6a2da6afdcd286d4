"""Pages of the requests (Transfer-Gesuche): list, detail, publishing, asking for an offer, closing."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import DetailView, FormView
from django_filters.views import FilterView

from projects.models import Project, Transition
from transferboerse.params import RenamedParamsRedirectMixin

from .. import matching, services
from ..access import transfer_interests_for
from ..filters import RENAMED_PARAMS, RequestFilter
from ..forms import RequestForm
from ..models import (
    TransferInterest,
    TransferRequest,
)
from .shared import _apply_validation_error, _coordinated_municipalities, _follow_ids


class RequestListView(RenamedParamsRedirectMixin, FilterView):
    filterset_class = RequestFilter
    renamed_params = RENAMED_PARAMS
    template_name = "transfers/request_list.html"
    paginate_by = 20
    queryset = TransferRequest.objects.open().with_details()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page = list(context["object_list"])
        suggestions = matching.suggestions_for_requests(page)
        context["requests_with_suggestions"] = [(request, suggestions.get(request.pk, [])) for request in page]
        context["scale_note"] = matching.SCALE_NOTE
        return context


class RequestDetailView(DetailView):
    template_name = "transfers/request_detail.html"
    queryset = TransferRequest.objects.with_details()

    def get_context_data(self, **kwargs):
        user = self.request.user
        transfer_request = self.object
        own_ids = user.coordinated_municipality_ids() if user.is_authenticated else set()
        visible = set(transfer_interests_for(user).filter(request=transfer_request).values_list("pk", flat=True))
        transfers = list(
            transfer_request.interests.exclude(stage__in=TransferInterest.CANCELLED_STAGES).select_related(
                "offer__project__municipality"
            )
        )
        for interest in transfers:
            interest.is_visible = interest.pk in visible
        return super().get_context_data(
            suggestions=matching.suggestions_for_request(transfer_request),
            scale_note=matching.SCALE_NOTE,
            transfers=transfers,
            is_own_request=transfer_request.municipality_id in own_ids,
            is_following=transfer_request.pk in _follow_ids(user, "request"),
            **kwargs,
        )


class RequestCreateView(LoginRequiredMixin, FormView):
    template_name = "transfers/request_form.html"
    form_class = RequestForm

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not _coordinated_municipalities(request.user).exists():
            raise PermissionDenied(_("Gesuche veröffentlichen können nur Koordinator/innen einer Kommune."))
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "municipalities": _coordinated_municipalities(self.request.user)}

    def get_initial(self):
        """A gap page links here with ``?kommune=…&uebergang=…``: the Gesuch starts with both filled in."""
        initial = super().get_initial()
        municipality = _coordinated_municipalities(self.request.user).filter(slug=self.request.GET.get("kommune"))
        if municipality:
            initial["municipality"] = municipality[0]
        transitions = Transition.objects.filter(slug__in=self.request.GET.getlist("uebergang"))
        if transitions:
            initial["transitions"] = list(transitions)
        return initial

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            request = services.request_publish(user=self.request.user, **data)
        except ValidationError as error:
            _apply_validation_error(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("Ihr Gesuch ist veröffentlicht."))
        return redirect(request)


class OfferAskView(LoginRequiredMixin, View):
    """The Kommune of a Gesuch asks the Kommune of a fitting project for a Transfer-Angebot."""

    def post(self, request, slug, project_pk):
        transfer_request = get_object_or_404(TransferRequest.objects.open(), slug=slug)
        project = get_object_or_404(Project.objects.published(), pk=project_pk)
        try:
            services.offer_ask(project=project, request=transfer_request, user=request.user)
        except ValidationError as error:
            raise PermissionDenied(error.messages[0]) from error
        messages.success(
            request,
            _("{municipality} ist gebeten, ein Transfer-Angebot zu „{project}“ anzulegen.").format(
                municipality=project.municipality, project=project
            ),
        )
        return redirect(transfer_request)


class RequestCloseView(LoginRequiredMixin, View):
    def post(self, request, slug):
        transfer_request = get_object_or_404(TransferRequest, slug=slug)
        try:
            services.request_close(request=transfer_request, user=request.user)
        except ValidationError as error:
            raise PermissionDenied(error.messages[0]) from error
        messages.success(request, _("Das Gesuch ist geschlossen."))
        return redirect(transfer_request)
