from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import DetailView, ListView

from . import services
from .access import can_register_for_events
from .calendar import calendar_for
from .filters import EventFilter
from .models import Event, EventRegistration


def _own_registrations(user) -> dict[int, EventRegistration]:
    if not user.is_authenticated:
        return {}
    registrations = EventRegistration.objects.filter(user=user).exclude(status=EventRegistration.Status.CANCELLED)
    return {registration.event_id: registration for registration in registrations}


class EventListView(ListView):
    template_name = "events/event_list.html"
    context_object_name = "events"
    paginate_by = 20

    def get_queryset(self):
        events = Event.objects.published().with_counts().prefetch_related("transitions", "action_fields")
        if self.request.GET.get("zeitraum") == "vergangen":
            events = events.filter(ends_at__lt=timezone.now()).order_by("-starts_at")
        else:
            events = events.upcoming()
        self.filterset = EventFilter(self.request.GET, queryset=events)
        return self.filterset.qs

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            show_past=self.request.GET.get("zeitraum") == "vergangen",
            filter=self.filterset,
            query_text=(self.filterset.form.cleaned_data.get("q") or "").strip(),
            **kwargs,
        )


class EventDetailView(DetailView):
    template_name = "events/event_detail.html"
    context_object_name = "event"

    def get_queryset(self):
        return Event.objects.published().with_counts().prefetch_related("transitions", "action_fields")

    def get_context_data(self, **kwargs):
        user = self.request.user
        return super().get_context_data(
            registration=_own_registrations(user).get(self.object.pk),
            can_register=can_register_for_events(user),
            free_places=max(0, self.object.capacity - self.object.confirmed_count),
            **kwargs,
        )


class EventRegisterView(LoginRequiredMixin, View):
    def post(self, request, slug):
        event = get_object_or_404(Event.objects.published(), slug=slug)
        if not can_register_for_events(request.user):
            raise PermissionDenied
        try:
            registration = services.registration_register(event=event, user=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            if registration.status == EventRegistration.Status.CONFIRMED:
                messages.success(request, _("Sie sind für „{event}“ angemeldet.").format(event=event))
            else:
                messages.info(
                    request,
                    _(
                        "Der Fachtag ist ausgebucht. Sie stehen auf der Warteliste und rücken nach, "
                        "wenn ein Platz frei wird."
                    ),
                )
        return redirect(event)


class EventCancelView(LoginRequiredMixin, View):
    def post(self, request, slug):
        event = get_object_or_404(Event.objects.published(), slug=slug)
        registration = _own_registrations(request.user).get(event.pk)
        if registration is None:
            raise Http404
        services.registration_cancel(registration=registration, by=request.user)
        messages.success(request, _("Sie sind von „{event}“ abgemeldet.").format(event=event))
        return redirect(event)


def _ics_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


class EventIcsView(View):
    def get(self, request, slug):
        event = get_object_or_404(Event.objects.published(), slug=slug)
        return _ics_response(calendar_for([event]), f"{event.slug}.ics")


class EventFeedView(View):
    def get(self, request):
        return _ics_response(calendar_for(Event.objects.published()), "fachtage.ics")
