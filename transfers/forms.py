from crispy_forms.helper import FormHelper
from crispy_forms.layout import Hidden, Submit
from django import forms
from django.template.defaultfilters import floatformat
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from projects.models import ActionField, Municipality, TargetGroup, Transition

from .models import (
    Action,
    NotificationPreference,
    Side,
    TransferInterest,
    TransferOffer,
    TransferPlan,
    TransferRequest,
    TransferService,
)


def _helper(submit_label: str, action: str = "") -> FormHelper:
    helper = FormHelper()
    helper.form_method = "post"
    helper.form_action = action
    submit = Submit("submit", submit_label)
    submit.field_classes = "kern-btn kern-btn--primary"
    helper.add_input(submit)
    return helper


class MunicipalityChoiceMixin:
    """Users coordinating one municipality act for it silently; others choose."""

    def _set_municipalities(self, municipalities):
        field = self.fields["municipality"]
        field.queryset = municipalities
        if len(municipalities) == 1:
            field.initial = municipalities.first().pk
            field.widget = forms.HiddenInput()


class InterestForm(MunicipalityChoiceMixin, forms.Form):
    municipality = forms.ModelChoiceField(label=_("Für Kommune"), queryset=Municipality.objects.none())
    services = forms.ModelMultipleChoiceField(
        label=_("Gewünschte Leistungen"),
        queryset=TransferService.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    message = forms.CharField(
        label=_("Nachricht an die anbietende Kommune"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Was möchten Sie übernehmen, was ist Ihre Ausgangslage?"),
    )
    preferred_period = forms.CharField(
        label=_("Gewünschter Zeitraum"), max_length=120, required=False, help_text=_("z. B. „2. Halbjahr 2026“")
    )
    contact_name = forms.CharField(label=_("Ansprechperson"), max_length=120)
    contact_email = forms.EmailField(label=_("E-Mail"))
    request = forms.ModelChoiceField(
        label=_("Antwort auf Ihr Gesuch"),
        queryset=TransferRequest.objects.none(),
        to_field_name="slug",
        required=False,
        empty_label=_("– auf kein Gesuch –"),
        help_text=_("Sobald die anbietende Kommune annimmt, gilt das Gesuch als vermittelt."),
    )

    def __init__(self, *args, offer: TransferOffer, municipalities, **kwargs):
        super().__init__(*args, **kwargs)
        self.offer = offer
        self._set_municipalities(municipalities)
        self.fields["request"].queryset = TransferRequest.objects.open().filter(municipality__in=municipalities)
        services = TransferService.objects.with_booked().filter(offer=offer)
        self.fields["services"].queryset = services
        self.fields["services"].label_from_instance = lambda service: _(
            "{kind} ({format}, {hours} Std.) – noch {free} von {capacity} Plätzen frei"
        ).format(
            kind=service.get_kind_display(),
            format=service.get_format_display(),
            hours=floatformat(service.effort_hours, "-1"),
            free=service.free_capacity,
            capacity=service.capacity,
        )
        self.helper = _helper(_("Interesse anmelden"))

    def clean_services(self):
        services = self.cleaned_data["services"]
        full = [service for service in services if service.free_capacity < 1]
        if full:
            raise forms.ValidationError(
                _("Für diese Leistung ist keine Kapazität mehr frei: {services}.").format(
                    services=", ".join(str(service) for service in full)
                )
            )
        return services

    def clean(self):
        cleaned = super().clean()
        municipality = cleaned.get("municipality")
        if municipality is None:
            return cleaned
        if municipality.pk == self.offer.project.municipality_id:
            raise forms.ValidationError(_("Eine Kommune kann kein Transferinteresse am eigenen Angebot anmelden."))
        request = cleaned.get("request")
        if request is not None and request.municipality_id != municipality.pk:
            self.add_error(
                "request",
                _("Das Gesuch „{title}“ ist nicht von {municipality}.").format(
                    title=request.title, municipality=municipality
                ),
            )
        if TransferInterest.objects.open().filter(offer=self.offer, municipality=municipality).exists():
            raise forms.ValidationError(
                _("{municipality} hat für dieses Angebot bereits ein offenes Transferinteresse.").format(
                    municipality=municipality
                )
            )
        return cleaned


class RequestForm(MunicipalityChoiceMixin, forms.Form):
    municipality = forms.ModelChoiceField(label=_("Für Kommune"), queryset=Municipality.objects.none())
    title = forms.CharField(label=_("Titel"), max_length=200, help_text=_("Kurz: Was suchen Sie?"))
    need = forms.CharField(
        label=_("Bedarf"),
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Beschreiben Sie die Lücke oder den Bedarf, für den Sie eine funktionierende Lösung suchen."),
    )
    transitions = forms.ModelMultipleChoiceField(
        label=_("Übergänge"), queryset=Transition.objects.all(), widget=forms.CheckboxSelectMultiple, required=False
    )
    action_fields = forms.ModelMultipleChoiceField(
        label=_("Handlungsfelder"),
        queryset=ActionField.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    target_groups = forms.ModelMultipleChoiceField(
        label=_("Zielgruppen"), queryset=TargetGroup.objects.all(), widget=forms.CheckboxSelectMultiple, required=False
    )

    def __init__(self, *args, municipalities, **kwargs):
        super().__init__(*args, **kwargs)
        self._set_municipalities(municipalities)
        self.helper = _helper(_("Gesuch veröffentlichen"))


RATINGS = [("", "—"), *[(str(value), str(value)) for value in range(1, 6)]]


class StepForm(forms.Form):
    """The form for one workflow step; the rating step asks for the experience report."""

    comment = forms.CharField(label=_("Kommentar"), widget=forms.Textarea(attrs={"rows": 3}), required=False)

    def __init__(self, *args, action: str, interest: TransferInterest, **kwargs):
        kwargs.setdefault("prefix", action)
        super().__init__(*args, **kwargs)
        self.action = action
        if action == Action.NOTE:
            self.fields["comment"].label = _("Notiz")
            self.fields["comment"].required = True
            self.fields["comment"].error_messages["required"] = _("Bitte schreiben Sie eine Notiz.")
            self.fields["is_private"] = forms.BooleanField(
                label=_("nur für meine Kommune sichtbar (interne Notiz)"), required=False
            )
        if action == Action.RATE:
            self.fields["experience_worked"] = forms.CharField(
                label=_("Was hat funktioniert?"),
                widget=forms.Textarea(attrs={"rows": 3}),
                error_messages={"required": _("Bitte beschreiben Sie, was funktioniert hat.")},
            )
            self.fields["experience_adapted"] = forms.CharField(
                label=_("Was haben Sie angepasst?"), widget=forms.Textarea(attrs={"rows": 3}), required=False
            )
            self.fields["experience_warnings"] = forms.CharField(
                label=_("Wovor würden Sie warnen?"), widget=forms.Textarea(attrs={"rows": 3}), required=False
            )
            self.fields["rating"] = forms.TypedChoiceField(
                label=_("Wie hilfreich war der Transfer? (1 = gar nicht, 5 = sehr)"),
                choices=RATINGS,
                coerce=int,
                empty_value=None,
                required=False,
            )
        self.helper = _helper(Action(action).label, reverse("transfers:interest_step", kwargs={"pk": interest.pk}))
        self.helper.inputs[0].field_classes = (
            "kern-btn kern-btn--secondary is-danger" if action in DANGER else "kern-btn kern-btn--primary"
        )
        self.helper.add_input(Hidden("action", action))

    def experience(self) -> dict:
        return {
            key: self.cleaned_data.get(key)
            for key in ("experience_worked", "experience_adapted", "experience_warnings", "rating")
        }


DANGER = {Action.DECLINE, Action.WITHDRAW}


class NotificationPreferenceForm(forms.ModelForm):
    class Meta:
        model = NotificationPreference
        fields = list(NotificationPreference.FIELDS.values())
        widgets = {field: forms.RadioSelect for field in fields}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(_("Einstellung speichern"))


# --- the transfer plan --------------------------------------------------------------------------


class PlanForm(forms.ModelForm):
    class Meta:
        model = TransferPlan
        fields = ["goals", "support_group", "midpoint_on"]
        widgets = {
            "goals": forms.Textarea(attrs={"rows": 4}),
            "support_group": forms.Textarea(attrs={"rows": 4}),
            "midpoint_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, prefix="plan", **kwargs)
        self.helper = _helper(_("Plan speichern"))
        self.helper.add_input(Hidden("form", "plan"))


class MilestoneForm(forms.Form):
    title = forms.CharField(label=_("Meilenstein"), max_length=200)
    due_on = forms.DateField(label=_("fällig am"), widget=forms.DateInput(attrs={"type": "date"}))
    owner = forms.ChoiceField(label=_("verantwortlich"))

    def __init__(self, *args, owners: list[tuple[str, object]], **kwargs):
        """``owners``: ``(side, user)`` for every coordinator of both sides."""
        super().__init__(*args, prefix="milestone", **kwargs)
        self.owners = {f"{side}:{user.pk}": (side, user) for side, user in owners}
        self.fields["owner"].choices = [
            (key, f"{user.get_full_name() or user.username} ({Side(side).label})")
            for key, (side, user) in self.owners.items()
        ]
        self.helper = _helper(_("Meilenstein hinzufügen"))
        self.helper.add_input(Hidden("form", "milestone"))

    def clean_owner(self):
        return self.owners[self.cleaned_data["owner"]]


class MidpointForm(forms.Form):
    midpoint_review = forms.CharField(
        label=_("Ergebnis des Halbzeit-Checks"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Wo steht die Übernahme gegenüber ihren Zielen? Was ändern Sie für die zweite Hälfte?"),
        error_messages={"required": _("Bitte halten Sie fest, was der Halbzeit-Check ergeben hat.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, prefix="midpoint", **kwargs)
        self.helper = _helper(_("Halbzeit-Check festhalten"))
        self.helper.add_input(Hidden("form", "midpoint"))


class CloseForm(forms.Form):
    lessons = forms.CharField(
        label=_("Was hat Ihre Kommune gelernt?"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Erscheint nach dem Abschluss auf der Seite des Projekts."),
        error_messages={"required": _("Bitte schreiben Sie, was Ihre Kommune gelernt hat.")},
    )

    def __init__(self, *args, side: str, **kwargs):
        super().__init__(*args, prefix=f"close-{side}", **kwargs)
        self.side = side
        if side == Side.OFFERING:
            self.fields["success_factors_addition"] = forms.CharField(
                label=_("Neuer Erfolgsfaktor für die Projektbeschreibung"),
                widget=forms.Textarea(attrs={"rows": 2}),
                required=False,
                help_text=_("Wird der Projektbeschreibung angefügt, sobald die Redaktion die Änderung freigibt."),
            )
            self.fields["pitfalls_addition"] = forms.CharField(
                label=_("Neuer Stolperstein für die Projektbeschreibung"),
                widget=forms.Textarea(attrs={"rows": 2}),
                required=False,
            )
        self.helper = _helper(_("Erkenntnisse festhalten ({side})").format(side=Side(side).label))
        self.helper.add_input(Hidden("form", f"close-{side}"))
