"""Pages of the offers (Transfer-Angebote) and registering an interest in one."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.generic import DetailView, FormView
from django_filters.views import FilterView

from transferboerse.params import RenamedParamsRedirectMixin

from .. import matching, services
from ..filters import RENAMED_PARAMS, OfferFilter
from ..forms import InterestForm
from ..models import TransferOffer
from .shared import _apply_validation_error, _coordinated_municipalities, _follow_ids


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
