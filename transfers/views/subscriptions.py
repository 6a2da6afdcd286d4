"""Saved searches and follows of offers, requests and projects."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import ListView, TemplateView

from projects.models import Project

from .. import saved_searches, services
from ..models import (
    SavedSearch,
    TransferOffer,
    TransferRequest,
)


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
