from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("zweiter-faktor/", views.second_factor, name="second_factor"),
    path("einladung/<uidb64>/<token>/", views.InvitationAcceptView.as_view(), name="invitation"),
]
