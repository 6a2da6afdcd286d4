from django.contrib import admin

from accounts.scoping import ScopedModelAdmin
from projects.access import municipalities_for

from .access import event_registrations_for
from .models import Event, EventRegistration


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = ["title", "starts_at", "place", "capacity", "registration_open", "is_published"]
    list_filter = ["is_published", "registration_open"]
    search_fields = ["title", "place", "description"]
    date_hierarchy = "starts_at"
    filter_horizontal = ["transitions", "action_fields"]
    exclude = ["slug"]

    def view_on_site(self, obj: Event) -> str | None:
        return obj.get_absolute_url() if obj.is_published else None


@admin.register(EventRegistration)
class EventRegistrationAdmin(ScopedModelAdmin):
    scope = staticmethod(event_registrations_for)
    choice_scopes = {"municipality": municipalities_for}
    # Registrations are made and cancelled on the public Fachtag page (events.services keeps the
    # waiting list); the back office shows them read-only (transferboerse.workflow).
    list_display = ["user", "event", "municipality", "status", "created_at"]
    list_filter = ["status", "event"]
    list_select_related = ["user", "event", "municipality"]
    search_fields = ["user__username", "user__last_name", "event__title"]
    fields = ["event", "user", "municipality", "status", "created_at", "updated_at"]
