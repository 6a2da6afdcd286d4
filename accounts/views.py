import django_otp
from django.contrib import admin, messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import PasswordResetForm
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse, reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext
from django.views.decorators.cache import never_cache

from .forms import TOTPConfirmForm
from .outbox import absolute_url, mails_queue
from .services import invitation_tokens
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


class OutboxPasswordResetForm(PasswordResetForm):
    """Django's password reset, with the mail going through the outbox like every other mail."""

    def send_mail(
        self, subject_template_name, email_template_name, context, from_email, to_email, html_email_template_name=None
    ):
        url = absolute_url(reverse("password_reset_confirm", args=[context["uid"], context["token"]]))
        mails_queue(recipients=[context["user"]], template="password_reset", context={"url": url})


class PasswordResetView(auth_views.PasswordResetView):
    form_class = OutboxPasswordResetForm
    extra_context = {"site_header": admin.site.site_header, "site_title": admin.site.site_title}


class InvitationAcceptView(auth_views.PasswordResetConfirmView):
    """The link of the invitation mail: the invited person chooses a password and is signed in.

    Where a second factor is required, the middleware of ``accounts.two_factor`` then leads them to
    setting it up before any other page.
    """

    token_generator = invitation_tokens
    template_name = "accounts/invitation_accept.html"
    post_reset_login = True
    post_reset_login_backend = "django.contrib.auth.backends.ModelBackend"
    success_url = reverse_lazy("admin:index")
    reset_url_token = "passwort-setzen"

    def get_user(self, uidb64):
        user = super().get_user(uidb64)
        return user if user is not None and user.is_active else None

    def get_context_data(self, **kwargs):
        context = {**admin.site.each_context(self.request), **super().get_context_data(**kwargs)}
        if context["validlink"]:
            context["title"] = gettext("Willkommen, {name}").format(name=self.user)
        else:
            context["title"] = gettext("Dieser Einladungslink gilt nicht mehr")
        return context

    def form_valid(self, form):
        response = super().form_valid(form)
        messages.success(self.request, gettext("Willkommen! Ihr Passwort ist gesetzt, Sie sind angemeldet."))
        return response
