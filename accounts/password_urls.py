"""Django's password reset under German paths. The names are those the admin's sign-in page
(``admin_password_reset``) and Django's views look for, so they have no namespace."""

from django.contrib.auth import views as auth_views
from django.urls import path

from .views import PasswordResetView

urlpatterns = [
    path("passwort-vergessen/", PasswordResetView.as_view(), name="admin_password_reset"),
    path("passwort-vergessen/gesendet/", auth_views.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path(
        "passwort-neu/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path("passwort-neu/fertig/", auth_views.PasswordResetCompleteView.as_view(), name="password_reset_complete"),
]
