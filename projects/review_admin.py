"""The reviewer's side of the back office, alike for every reviewed record (projects, networks, Kommune
profiles): the review-state filter, the return form and the review page at ``<id>/pruefen/``."""

from collections.abc import Callable

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from accounts.access import is_reviewer


class ReviewStateFilter(admin.SimpleListFilter):
    """The reviewers' queue of a reviewed model: its queryset names each state (``models/review.py``)."""

    title = _("Prüfung")
    parameter_name = "pruefung"
    # value in the URL: (label, queryset method)
    states = {
        "entwurf": (_("Entwürfe"), "drafts"),
        "in-pruefung": (_("In Prüfung (auch Änderungen)"), "awaiting_review"),
        "zurueckgegeben": (_("Mit Kommentar zurückgegeben"), "returned"),
    }

    def lookups(self, request, model_admin):
        return [(value, label) for value, (label, _method) in self.states.items()]

    def queryset(self, request, queryset):
        state = self.states.get(self.value())
        return getattr(queryset, state[1])() if state else queryset


class ReturnForm(forms.Form):
    comment = forms.CharField(
        label=_("Kommentar für die Koordination"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Pflicht beim Zurückgeben: Was soll noch geändert werden?"),
    )


def show_step_error(form: forms.Form, error: ValidationError) -> None:
    """A refused review step's reasons on the review form: at its field where the form has one."""
    if hasattr(error, "error_dict"):
        for field, errors in error.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error.messages)


def inline_rows(formset, columns) -> list[dict]:
    """The rows an inline formset would store (kept, changed and new ones), for a proposed change."""
    rows = [
        form.cleaned_data
        for form in formset.forms
        if form.cleaned_data and not form.cleaned_data.get("DELETE") and (form.instance.pk or form.has_changed())
    ]
    return [{column: row.get(column) for column in columns} for row in rows]


class ReviewPageMixin:
    """The review page of a ModelAdmin: what will be published (or change), then one review step.

    A ModelAdmin names its template, its steps (``review_services``), the message after each and what the
    page shows of a record; the services check again who may take the step.
    """

    review_template: str
    # Where the reviewer lands after a step: the changelist, filtered to what still waits.
    review_done_query = "?pruefung=in-pruefung"
    choose_a_step = _("Bitte wählen Sie, was mit der Einreichung geschehen soll.")

    # step (the button's name without "_") → its service, called with the record (named by its model), ``by``
    # and, for "return", the ``comment``
    review_services: dict[str, Callable]

    def review_steps(self, request, record, form: ReturnForm) -> dict[str, Callable[[], object]]:
        def step(action: str, service: Callable) -> Callable[[], object]:
            comment = {"comment": form.cleaned_data["comment"]} if action == "return" else {}
            return lambda: service(**{self.opts.model_name: record}, by=request.user, **comment)

        return {action: step(action, service) for action, service in self.review_services.items()}

    def review_message(self, action: str, record) -> str:
        raise NotImplementedError

    def review_context(self, record) -> dict:
        """The page's title and what it shows of the record."""
        raise NotImplementedError

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        review = path(
            "<path:object_id>/pruefen/", self.admin_site.admin_view(self.review_view), name="{}_{}_review".format(*info)
        )
        return [review, *super().get_urls()]

    def review_view(self, request, object_id):
        if not is_reviewer(request.user) or not self.has_change_permission(request):
            raise PermissionDenied
        record = get_object_or_404(self.get_queryset(request), pk=object_id)
        form = ReturnForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            steps = self.review_steps(request, record, form)
            action = next((name for name in steps if f"_{name}" in request.POST), None)
            if action is None:
                form.add_error(None, self.choose_a_step)
            else:
                try:
                    steps[action]()
                except ValidationError as error:
                    show_step_error(form, error)
                else:
                    messages.success(request, self.review_message(action, record))
                    changelist = reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_changelist")
                    return HttpResponseRedirect(changelist + self.review_done_query)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            self.opts.model_name: record,
            "original": record,
            "form": form,
            **self.review_context(record),
        }
        return TemplateResponse(request, self.review_template, context)
