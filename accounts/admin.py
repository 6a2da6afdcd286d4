from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from . import (
    admin_outbox,  # noqa: F401  (registers the outbox admin)
    admin_third_party,  # noqa: F401  (German admin pages of TOTP devices and task results)
    services,
)
from .forms import InvitationForm, TOTPConfirmForm
from .models import Coordinator, Role, User
from .two_factor import (
    confirmed_totp_device,
    enrolment_context,
    totp_device_for_enrolment,
    totp_device_verify,
    totp_devices_remove,
)


class CoordinatorInline(admin.TabularInline):
    model = Coordinator
    extra = 0
    autocomplete_fields = ["municipality"]


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    inlines = [CoordinatorInline]
    list_display = ["username", "first_name", "last_name", "email", "is_staff", "is_active"]
    list_filter = ["is_staff", "is_active", "groups", "coordinator_roles__municipality"]
    actions = ["deactivate_selected"]

    def get_urls(self):
        return [
            path("zwei-faktor/", self.admin_site.admin_view(self.two_factor_view), name="accounts_two_factor"),
            path("einladen/", self.admin_site.admin_view(self.invite_view), name="accounts_user_invite"),
            *super().get_urls(),
        ]

    @admin.action(description=_("Zugang der ausgewählten Personen sperren"), permissions=["change"])
    def deactivate_selected(self, request, queryset):
        locked = 0
        for user in queryset:
            try:
                services.user_deactivate(user=user, by=request.user)
            except (ValidationError, PermissionDenied) as error:
                text = error.messages[0] if isinstance(error, ValidationError) else gettext("nicht erlaubt")
                messages.error(request, gettext("{user}: {reason}").format(user=user, reason=text))
            else:
                locked += 1
        if locked:
            messages.success(
                request, gettext("{count} Zugang/Zugänge gesperrt. Die Einträge bleiben erhalten.").format(count=locked)
            )

    def invite_view(self, request):
        """ "Koordinator/in einladen": name, address, role and Kommunen in one form; the mail goes out."""
        if not services.can_invite(request.user):
            raise PermissionDenied
        form = InvitationForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data
            try:
                user = services.user_invite(
                    first_name=data["first_name"],
                    last_name=data["last_name"],
                    email=data["email"],
                    role=Role(data["role"]),
                    municipalities=data["municipalities"],
                    by=request.user,
                )
            except ValidationError as error:
                for field, errors in error.message_dict.items():
                    form.add_error(field if field in form.fields else None, errors)
            else:
                messages.success(
                    request,
                    gettext("Die Einladung an {email} ist unterwegs; der Link gilt sieben Tage.").format(
                        email=user.email
                    ),
                )
                return HttpResponseRedirect(reverse("admin:accounts_user_invite"))
        context = {
            **self.admin_site.each_context(request),
            "title": gettext("Koordinator/in einladen"),
            "form": form,
            "opts": self.opts,
        }
        return TemplateResponse(request, "admin/accounts/invite.html", context)

    def two_factor_view(self, request):
        """Any staff member sets up (or removes) their own TOTP second factor."""
        confirmed = confirmed_totp_device(request.user)
        device = confirmed or totp_device_for_enrolment(request.user)
        form = TOTPConfirmForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            try:
                totp_device_verify(device=device, token=form.cleaned_data["token"])
            except ValidationError as error:
                form.add_error("token", error)
            else:
                if confirmed is None:
                    messages.success(request, gettext("Die Zwei-Faktor-Anmeldung ist eingerichtet."))
                else:
                    totp_devices_remove(user=request.user)
                    messages.success(request, gettext("Die Zwei-Faktor-Anmeldung ist ausgeschaltet."))
                return HttpResponseRedirect(reverse("admin:accounts_two_factor"))
        context = {
            **self.admin_site.each_context(request),
            "title": gettext("Zwei-Faktor-Anmeldung"),
            "form": form,
            "confirmed": confirmed is not None,
            **({} if confirmed else enrolment_context(device)),
        }
        return TemplateResponse(request, "admin/accounts/two_factor.html", context)


@admin.register(Coordinator)
class CoordinatorAdmin(admin.ModelAdmin):
    list_display = ["user", "municipality", "created_at"]
    list_filter = ["municipality"]
    list_select_related = ["user", "municipality"]
    autocomplete_fields = ["user", "municipality"]
