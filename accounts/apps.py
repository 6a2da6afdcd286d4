from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Konten und Rollen")

    def ready(self):
        from django.contrib import admin

        from .forms import AdminLoginForm

        # Optional second factor: asks for a TOTP code from staff who set one up.
        admin.site.login_form = AdminLoginForm
