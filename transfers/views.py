from collections import OrderedDict

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import DetailView, FormView, ListView, TemplateView
from django_filters.views import FilterView

from projects.models import Municipality, Project, Transition
from transferboerse import spreadsheets
from transferboerse.params import RenamedParamsRedirectMixin

from . import matching, reciprocity, saved_searches, services
from .access import can_view_ledger, events_for, transfer_interests_for
from .filters import RENAMED_PARAMS, OfferFilter, RequestFilter
from .forms import (
    CloseForm,
    InterestForm,
    MidpointForm,
    MilestoneForm,
    NotificationPreferenceForm,
    PlanForm,
    RequestForm,
    StepForm,
)
from .models import (
    Action,
    Follow,
    NotificationPreference,
    PlanMilestone,
    SavedSearch,
    Side,
    TransferInterest,
    TransferOffer,
    TransferPlan,
    TransferRequest,
)


def _coordinated_municipalities(user):
    if not user.is_authenticated:
        return Municipality.objects.none()
    return Municipality.objects.filter(pk__in=user.coordinated_municipality_ids())


def _follow_ids(user, field: str) -> set[int]:
    if not user.is_authenticated:
        return set()
    return set(Follow.objects.filter(user=user, **{f"{field}__isnull": False}).values_list(field, flat=True))


def _apply_validation_error(form, error: ValidationError):
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


# --- offers -------------------------------------------------------------------------------------


class OfferListView(RenamedParamsRedirectMixin, FilterView):
    filterset_class = OfferFilter
    renamed_params = RENAMED_PARAMS
    template_name = "transfers/offer_list.html"
    paginate_by = 20
    queryset = TransferOffer.objects.active().with_details()


class OfferDetailView(DetailView):
    template_name = "transfers/offer_detail.html"
    context_object_name = "offer"
    queryset = TransferOffer.objects.active().with_details()

    def get_context_data(self, **kwargs):
        offer = self.object
        user = self.request.user
        ids = user.coordinated_municipality_ids() if user.is_authenticated else set()
        own_interests = offer.interests.filter(municipality_id__in=ids).open() if ids else []
        return super().get_context_data(
            matching_requests=matching.requests_for_offer(offer),
            is_own_offer=offer.project.municipality_id in ids,
            own_interests=list(own_interests),
            is_following=offer.pk in _follow_ids(user, "offer"),
            **kwargs,
        )


class InterestCreateView(LoginRequiredMixin, FormView):
    template_name = "transfers/interest_form.html"
    form_class = InterestForm

    def dispatch(self, request, *args, **kwargs):
        self.offer = get_object_or_404(TransferOffer.objects.active().with_details(), pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def municipalities(self):
        return _coordinated_municipalities(self.request.user).exclude(pk=self.offer.project.municipality_id)

    def get(self, request, *args, **kwargs):
        if not self.municipalities().exists():
            return self.refused()
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        if not self.municipalities().exists():
            return self.refused()
        return super().post(request, *args, **kwargs)

    def refused(self):
        user = self.request.user
        if self.offer.project.municipality_id in user.coordinated_municipality_ids():
            reason = _("Das ist ein Angebot Ihrer eigenen Kommune – dafür können Sie kein Interesse anmelden.")
        else:
            reason = _("Interesse anmelden können nur Koordinator/innen einer Kommune.")
        return self.render_to_response(self.get_context_data(form=None, refused=reason), status=403)

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs.update(offer=self.offer, municipalities=self.municipalities())
        return kwargs

    def get_initial(self):
        user = self.request.user
        return {
            "contact_name": user.get_full_name() or user.username,
            "contact_email": user.email,
            "request": self.request.GET.get("gesuch", ""),
        }

    def get_context_data(self, **kwargs):
        return super().get_context_data(offer=self.offer, **kwargs)

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            interest = services.interest_register(
                offer=self.offer,
                municipality=data["municipality"],
                user=self.request.user,
                services=data["services"],
                message=data["message"],
                preferred_period=data["preferred_period"],
                contact_name=data["contact_name"],
                contact_email=data["contact_email"],
                request=data["request"],
            )
        except ValidationError as error:
            _apply_validation_error(form, error)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("Ihr Interesse ist angemeldet. {municipality} wurde benachrichtigt.").format(
                municipality=self.offer.project.municipality
            ),
        )
        return redirect(interest)


# --- requests -----------------------------------------------------------------------------------


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


# --- my transfers and the workflow ----------------------------------------------------------------


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


# --- the transfer plan --------------------------------------------------------------------------


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


# --- reciprocity --------------------------------------------------------------------------------


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


# --- notifications and follows ------------------------------------------------------------------


class NotificationListView(LoginRequiredMixin, ListView):
    template_name = "transfers/notification_list.html"
    paginate_by = 30
    context_object_name = "notifications"

    def get_queryset(self):
        return self.request.user.transfer_notifications.all()

    def preference(self):
        return NotificationPreference.objects.filter(user=self.request.user).first() or NotificationPreference(
            user=self.request.user
        )

    def get_context_data(self, **kwargs):
        kwargs.setdefault("preference_form", NotificationPreferenceForm(instance=self.preference()))
        return super().get_context_data(**kwargs)

    def post(self, request, *args, **kwargs):
        if "mark_read" in request.POST:
            services.notifications_mark_read(user=request.user)
            messages.success(request, _("Alle Benachrichtigungen sind als gelesen markiert."))
            return redirect("transfers:notifications")
        form = NotificationPreferenceForm(request.POST, instance=self.preference())
        if not form.is_valid():
            self.object_list = self.get_queryset()
            return self.render_to_response(self.get_context_data(preference_form=form), status=400)
        services.notification_preference_set(user=request.user, **form.cleaned_data)
        messages.success(request, _("Ihre Einstellung ist gespeichert."))
        return redirect("transfers:notifications")


# --- saved searches -----------------------------------------------------------------------------


class SavedSearchListView(LoginRequiredMixin, ListView):
    """Meine Suchaufträge: save the current search of a list (POST from the list) or stop one."""

    template_name = "transfers/saved_search_list.html"
    context_object_name = "saved_searches"

    def get_queryset(self):
        return self.request.user.saved_searches.all()

    def get_context_data(self, **kwargs):
        for saved in self.object_list:
            searchable = saved_searches.LISTS.get(saved.list_name)
            saved.list_url = (
                reverse(searchable.url_name) + (f"?{saved.query}" if saved.query else "") if searchable else ""
            )
        return super().get_context_data(frequencies=SavedSearch.Frequency.choices, **kwargs)

    def post(self, request, *args, **kwargs):
        if "delete" in request.POST:
            saved = get_object_or_404(request.user.saved_searches, pk=request.POST.get("delete"))
            services.saved_search_unsubscribe(token=saved.token)
            messages.success(request, _("Der Suchauftrag „{search}“ ist gelöscht.").format(search=saved))
            return redirect("transfers:saved_searches")
        frequency = request.POST.get("frequency", "")
        if frequency not in SavedSearch.Frequency.values:
            return HttpResponseBadRequest(_("Bitte wählen Sie, wie oft Sie benachrichtigt werden möchten."))
        try:
            saved = services.saved_search_create(
                user=request.user,
                list_name=request.POST.get("list_name", ""),
                query=request.POST.get("query", ""),
                frequency=frequency,
            )
        except ValidationError as error:
            return HttpResponseBadRequest(error.messages[0])
        messages.success(
            request,
            _("Gespeichert: „{search}“. Neue Treffer melden wir Ihnen {frequency}.").format(
                search=saved, frequency=saved.get_frequency_display()
            ),
        )
        return redirect("transfers:saved_searches")


class SavedSearchUnsubscribeView(TemplateView):
    """The link in every mail of a saved search: a confirmation page, then the search is gone."""

    template_name = "transfers/saved_search_unsubscribe.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(saved=SavedSearch.objects.filter(token=kwargs["token"]).first(), **kwargs)

    def post(self, request, token):
        saved = services.saved_search_unsubscribe(token=token)
        if saved is not None:
            messages.success(request, _("Der Suchauftrag „{search}“ ist abbestellt.").format(search=saved))
        return redirect("transfers:saved_search_unsubscribe", token=token)


FOLLOW_TARGETS = {
    "angebot": TransferOffer.objects.active(),
    "gesuch": TransferRequest.objects.all(),
    "projekt": Project.objects.published(),
}


class FollowToggleView(LoginRequiredMixin, View):
    def post(self, request, kind, pk):
        if kind not in FOLLOW_TARGETS:
            raise PermissionDenied
        target = get_object_or_404(FOLLOW_TARGETS[kind], pk=pk)
        following = services.follow_toggle(user=request.user, target=target)
        if following:
            messages.success(request, _("Sie folgen jetzt „{target}“.").format(target=target))
        else:
            messages.success(request, _("Sie folgen „{target}“ nicht mehr.").format(target=target))
        return redirect(target)
