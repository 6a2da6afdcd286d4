import django_filters
from django.utils.translation import gettext_lazy as _

from projects.models import ActionField, Municipality, TargetGroup, Transition
from transferboerse.text_search import filter_by_text

from .models import TransferOffer, TransferRequest, TransferService


def slug_choice_filter(label, field_name: str, model, empty_label) -> django_filters.ModelChoiceFilter:
    """A choice of one taxonomy term or municipality, addressed by slug in the URL."""
    return django_filters.ModelChoiceFilter(
        label=label, field_name=field_name, to_field_name="slug", queryset=model.objects.all(), empty_label=empty_label
    )


# The lists' URL parameters are German, as on every list of the site; links and saved searches from
# before keep working (``transfers.views.GermanParamsMixin`` redirects, migration 0011 renamed the saved ones).
RENAMED_PARAMS = {
    "transition": "uebergang",
    "field": "handlungsfeld",
    "target_group": "zielgruppe",
    "municipality": "kommune",
    "service": "leistung",
    "mode": "transferform",
    "effort": "aufwand",
    "difficulty": "schwierigkeit",
}


class OfferFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Suche"), method="search")
    uebergang = slug_choice_filter(_("Übergang"), "project__transitions", Transition, _("alle Übergänge"))
    handlungsfeld = slug_choice_filter(
        _("Handlungsfeld"), "project__action_fields", ActionField, _("alle Handlungsfelder")
    )
    zielgruppe = slug_choice_filter(_("Zielgruppe"), "project__target_groups", TargetGroup, _("alle Zielgruppen"))
    kommune = slug_choice_filter(_("Anbietende Kommune"), "project__municipality", Municipality, _("alle Kommunen"))
    leistung = django_filters.ChoiceFilter(
        label=_("Leistung"), field_name="services__kind", choices=TransferService.Kind.choices, empty_label=_("alle")
    )
    transferform = django_filters.ChoiceFilter(
        label=_("Transferform"),
        field_name="services__mode",
        choices=TransferService.Mode.choices,
        empty_label=_("alle"),
    )
    aufwand = django_filters.ChoiceFilter(
        label=_("Aufwand für Ihre Kommune"),
        field_name="adopter_effort",
        choices=TransferOffer.Effort.choices,
        empty_label=_("jeder"),
    )
    schwierigkeit = django_filters.ChoiceFilter(
        label=_("Schwierigkeit"),
        field_name="difficulty",
        choices=TransferOffer.Difficulty.choices,
        empty_label=_("jede"),
    )

    class Meta:
        model = TransferOffer
        fields = []

    def search(self, queryset, name, value):
        return filter_by_text(queryset, "offer", value)

    def filter_queryset(self, queryset):
        # m2m facets can repeat rows; distinct keeps one card per offer
        return super().filter_queryset(queryset).distinct()


class RequestFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Suche"), method="search")
    uebergang = slug_choice_filter(_("Übergang"), "transitions", Transition, _("alle Übergänge"))
    handlungsfeld = slug_choice_filter(_("Handlungsfeld"), "action_fields", ActionField, _("alle Handlungsfelder"))
    zielgruppe = slug_choice_filter(_("Zielgruppe"), "target_groups", TargetGroup, _("alle Zielgruppen"))
    kommune = slug_choice_filter(_("Suchende Kommune"), "municipality", Municipality, _("alle Kommunen"))

    class Meta:
        model = TransferRequest
        fields = []

    def search(self, queryset, name, value):
        return filter_by_text(queryset, "request", value)

    def filter_queryset(self, queryset):
        return super().filter_queryset(queryset).distinct()
