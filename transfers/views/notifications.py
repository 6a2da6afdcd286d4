"""A user's notifications and mail settings."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.generic import ListView

from .. import services
from ..forms import NotificationPreferenceForm
from ..models import NotificationPreference


class NotificationListView(LoginRequiredMixin, ListView):
    template_name = "transfers/notification_list.html"
    paginate_by = 30
    context_object_name = "notifications"

    def get_queryset(self):
        return self.request.user.transfer_notifications.all()

    def preference(self):
        return NotificationPreference.objects.filter(user=self.request.user).first() or NotificationPreference(
            user=self.request.user
        )

    def get_context_data(self, **kwargs):
        kwargs.setdefault("preference_form", NotificationPreferenceForm(instance=self.preference()))
        return super().get_context_data(**kwargs)

    def post(self, request, *args, **kwargs):
        if "mark_read" in request.POST:
            services.notifications_mark_read(user=request.user)
            messages.success(request, _("Alle Benachrichtigungen sind als gelesen markiert."))
            return redirect("transfers:notifications")
        form = NotificationPreferenceForm(request.POST, instance=self.preference())
        if not form.is_valid():
            self.object_list = self.get_queryset()
            return self.render_to_response(self.get_context_data(preference_form=form), status=400)
        services.notification_preference_set(user=request.user, **form.cleaned_data)
        messages.success(request, _("Ihre Einstellung ist gespeichert."))
        return redirect("transfers:notifications")
