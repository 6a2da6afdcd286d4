import django_otp
from django.contrib import admin, messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext
from django.views.decorators.cache import never_cache

from .forms import TOTPConfirmForm
from .two_factor import confirmed_totp_device, enrolment_context, totp_device_for_enrolment, totp_device_verify


def _next_url(request) -> str:
    url = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(url, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return url
    return reverse("admin:index")


@never_cache
@login_required
def second_factor(request):
    """After the password: set up the authenticator app (first sign-in) or enter its current code.

    Where a second factor is required (``accounts.two_factor``) every page leads here until the
    session is verified; afterwards the user goes on to the page they asked for.
    """
    next_url = _next_url(request)
    if request.user.is_verified():
        return redirect(next_url)
    device = confirmed_totp_device(request.user)
    enrolling = device is None
    if enrolling:
        device = totp_device_for_enrolment(request.user)
    form = TOTPConfirmForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            totp_device_verify(device=device, token=form.cleaned_data["token"])
        except ValidationError as error:
            form.add_error("token", error)
        else:
            django_otp.login(request, device)
            if enrolling:
                messages.success(request, gettext("Die Zwei-Faktor-Anmeldung ist eingerichtet."))
            return redirect(next_url)
    context = _second_factor_context(request, form=form, device=device, enrolling=enrolling, next_url=next_url)
    return TemplateResponse(request, "accounts/second_factor.html", context)


def _second_factor_context(request, *, form, device, enrolling: bool, next_url: str) -> dict:
    context = {
        **admin.site.each_context(request),
        "title": gettext("Zwei-Faktor-Anmeldung einrichten") if enrolling else gettext("Einmalcode eingeben"),
        "is_nav_sidebar_enabled": False,  # every page but this one waits for the second factor
        "form": form,
        "enrolling": enrolling,
        "next": next_url,
    }
    if enrolling:
        context.update(enrolment_context(device))
    return context
