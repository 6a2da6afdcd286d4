"""CSV/XLSX import and export of networks, limited to the user's municipalities (see projects/resources.py)."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from import_export.fields import Field as Column

from projects.access import municipalities_for, organisations_for
from projects.models import ActionField, Municipality, Organisation, Transition
from projects.resources import NamedForeignKeyWidget, ScopedResource, StrictManyToManyWidget
from transferboerse.spreadsheets import GermanChoiceWidget

from .access import networks_for
from .models import Network


class NetworkResource(ScopedResource):
    kind = Column(attribute="kind", column_name="Art", widget=GermanChoiceWidget(Network.Kind.choices))
    header_aliases = {"Art (Schlüssel)": "kind"}
    example = {
        "Name": _("Arbeitskreis Frühe Hilfen"),
        "Art": str(Network.Kind.WORKING_GROUP.label),
        "Treffen pro Jahr (Turnus)": "4",
        "Kooperationsvereinbarung": _("Nein"),
    }
    municipalities = Column(attribute="municipalities", column_name="Kommunen")
    coordinating_organisation = Column(attribute="coordinating_organisation", column_name="koordiniert von")
    transitions = Column(attribute="transitions", column_name="Übergänge", widget=StrictManyToManyWidget(Transition))
    action_fields = Column(
        attribute="action_fields", column_name="Handlungsfelder", widget=StrictManyToManyWidget(ActionField)
    )

    class Meta:
        model = Network
        import_id_fields = ["name"]
        fields = [
            "name",
            "kind",
            "description",
            "coordinating_organisation",
            "municipalities",
            "meetings_per_year",
            "meeting_note",
            "founded_year",
            "has_cooperation_agreement",
            "transitions",
            "action_fields",
        ]
        export_order = fields
        use_transactions = True
        clean_model_instances = True
        skip_unchanged = True
        report_skipped = True

    def __init__(self, user=None, **kwargs):
        super().__init__(user=user, **kwargs)
        self.fields["municipalities"].widget = StrictManyToManyWidget(
            Municipality, choices=lambda: municipalities_for(self.user)
        )
        self.fields["coordinating_organisation"].widget = NamedForeignKeyWidget(
            Organisation, field="name", choices=lambda: organisations_for(self.user)
        )

    def scope(self):
        return networks_for(self.user).select_related("coordinating_organisation")

    def change_error(self, instance) -> str:
        """New networks come in as drafts; one under review or published changes only through the form."""
        if instance.pk and instance.status != Network.Status.DRAFT:
            return _(
                "„{name}“ ist {status}. Änderungen daran nehmen Sie bitte im Formular vor, damit sie geprüft werden."
            ).format(name=instance.name, status=instance.get_status_display())
        return ""

    def before_import_row(self, row, **kwargs):
        if not str(row.get("koordiniert von") or "").strip():
            raise ValidationError(
                {
                    "coordinating_organisation": _(
                        "Bitte geben Sie an, welche Organisation Ihrer Kommune das Netzwerk koordiniert."
                    )
                }
            )
