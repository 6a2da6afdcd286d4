from django import forms
from django.contrib.admin.forms import AdminAuthenticationForm
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _
from django_otp import user_has_device
from django_otp.forms import OTPAuthenticationFormMixin
from django_otp.plugins.otp_totp.models import TOTPDevice

from .models import Coordinator, Role


class AdminLoginForm(OTPAuthenticationFormMixin, AdminAuthenticationForm):
    """The admin login. Staff who set up a second factor (TOTP) must also enter its current code;
    for everyone else the field stays empty and is ignored."""

    otp_token = forms.CharField(
        label=_("Einmalcode"),
        required=False,
        help_text=_("Nur wenn Sie die Zwei-Faktor-Anmeldung eingerichtet haben: der Code aus Ihrer App."),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )
    otp_device = forms.CharField(required=False, widget=forms.HiddenInput)
    otp_challenge = forms.CharField(required=False, widget=forms.HiddenInput)

    otp_error_messages = {
        **OTPAuthenticationFormMixin.otp_error_messages,
        "token_required": _("Bitte geben Sie den Einmalcode aus Ihrer Authenticator-App ein."),
        "invalid_token": _("Der Einmalcode stimmt nicht. Bitte versuchen Sie es mit dem aktuellen Code erneut."),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # AuthenticationForm sets the user name's max_length only after building the field, so nothing
        # checks it: an overlong name reached authenticate() and django-axes' log of failed logins (a
        # column of 255 characters), a server error instead of a form error.
        username = self.fields["username"]
        username.validators.append(MaxLengthValidator(username.max_length))

    def _chosen_device(self, user):
        # Each account has at most one app (see the set-up page), so nobody has to pick a device.
        return super()._chosen_device(user) or TOTPDevice.objects.filter(user=user, confirmed=True).first()

    def clean(self):
        cleaned_data = super().clean()
        user = self.get_user()
        if user is not None and user_has_device(user, confirmed=True):
            self.clean_otp(user)
        return cleaned_data


class TOTPConfirmForm(forms.Form):
    token = forms.CharField(
        label=_("Einmalcode aus der App"),
        max_length=8,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )


class InvitationForm(forms.Form):
    """ "Koordinator/in einladen": everything a working account needs, on one page."""

    first_name = forms.CharField(label=_("Vorname"), max_length=150)
    last_name = forms.CharField(label=_("Nachname"), max_length=150)
    email = forms.EmailField(label=_("E-Mail-Adresse"), help_text=_("An diese Adresse geht der Einladungslink."))
    role = forms.ChoiceField(label=_("Rolle"), choices=Role.choices, initial=Role.COORDINATOR)
    municipalities = forms.ModelMultipleChoiceField(
        label=_("Kommunen"),
        # By the field, not an import: accounts sits below projects.
        queryset=Coordinator._meta.get_field("municipality").related_model.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Die Kommunen, deren Einträge die Person pflegt; Pflicht für Koordinator/innen. Auch leere "
            "Demo-Kommunen lassen sich hier übernehmen."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipalities"].queryset = self.fields["municipalities"].queryset.order_by("name")
