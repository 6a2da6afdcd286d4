"""CSV/XLSX import and export of projects (django-import-export), limited to the user's municipalities.

Columns carry the German field names. Projects are identified by Kommune + Titel. An import creates
drafts or updates drafts; published projects change only through the form, where edits are reviewed.
Any row error stops the whole import (the job's dry run lists the errors, nothing is saved).
The file is checked and read by transferboerse/uploads.py, the import runs in the background
(projects/imports.py).
"""

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils.translation import gettext as _
from import_export import resources, widgets
from import_export.fields import Field as Column

from .access import districts_for, municipalities_for, organisation_choices_for, projects_for
from .models import Field, LifePhase, Municipality, Project, TargetGroup, Transition


class StrictManyToManyWidget(widgets.ManyToManyWidget):
    """Names separated by ";"; an unknown name is an error instead of being dropped silently."""

    def __init__(self, model, *, field: str = "name", choices=None):
        super().__init__(model, separator=";", field=field)
        self.choices = choices

    def clean(self, value, row=None, **kwargs):
        names = [name.strip() for name in str(value or "").split(self.separator) if name.strip()]
        if not names:
            return self.model.objects.none()
        queryset = self.choices() if self.choices else self.model.objects.all()
        found = queryset.filter(**{f"{self.field}__in": names})
        missing = sorted(set(names) - {getattr(item, self.field) for item in found})
        if missing:
            raise ValueError(
                _("Unbekannt oder nicht auswählbar: {names}").format(names=", ".join(f"„{name}“" for name in missing))
            )
        return found

    def render(self, value, obj=None, **kwargs):
        return "; ".join(sorted(getattr(item, self.field) for item in value.all())) if value is not None else ""


class ScopedResource(resources.ModelResource):
    """A resource that exports and imports only what the access helpers allow the user."""

    def __init__(self, user=None, **kwargs):
        super().__init__(**kwargs)
        self.user = user

    def scope(self) -> QuerySet:
        raise NotImplementedError

    def get_queryset(self):
        return self.scope()

    def before_save_instance(self, instance, row, **kwargs):
        # Imports run in the background worker, outside a request: name the user in the change history.
        instance._history_user = self.user
        if kwargs.get("dry_run"):
            # A dry run is rolled back; its history entries (per save and per many-to-many field) cost
            # half of its time for nothing.
            instance.skip_history_when_saving = True
        super().before_save_instance(instance, row, **kwargs)


class ProjectResource(ScopedResource):
    municipality = Column(
        attribute="municipality",
        column_name="Kommune",
        widget=widgets.ForeignKeyWidget(Municipality, field="name"),
    )
    phases = Column(attribute="phases", column_name="Lebensphasen", widget=StrictManyToManyWidget(LifePhase))
    transitions = Column(attribute="transitions", column_name="Übergänge", widget=StrictManyToManyWidget(Transition))
    fields = Column(attribute="fields", column_name="Handlungsfelder", widget=StrictManyToManyWidget(Field))
    target_groups = Column(
        attribute="target_groups", column_name="Zielgruppen", widget=StrictManyToManyWidget(TargetGroup)
    )
    status = Column(attribute="get_status_display", column_name="Status", readonly=True)

    class Meta:
        model = Project
        import_id_fields = ["municipality", "title"]
        # The project's own content (what a Koordinator edits), plus where it belongs and its state.
        fields = ["municipality", *Project.REVIEWED_FIELDS, "status", "confirmed_at"]
        export_order = fields
        use_transactions = True
        clean_model_instances = True
        skip_unchanged = True
        report_skipped = True

    def __init__(self, user=None, **kwargs):
        super().__init__(user=user, **kwargs)
        # Partners and districts may only be picked from what the user may choose in the form.
        self.fields["organisations"] = Column(
            attribute="organisations",
            column_name="Träger und Partner",
            widget=StrictManyToManyWidget(Project.organisations.field.related_model, choices=self._organisations),
        )
        self.fields["districts"] = Column(
            attribute="districts",
            column_name="Sozialräume",
            widget=StrictManyToManyWidget(Project.districts.field.related_model, choices=self._districts),
        )
        for name, field in self.fields.items():
            if field.column_name == name and name in {f.name for f in Project._meta.fields}:
                field.column_name = str(Project._meta.get_field(name).verbose_name)
        self.fields["confirmed_at"].readonly = True

    def _organisations(self):
        return organisation_choices_for(self.user)

    def _districts(self):
        return districts_for(self.user)

    def scope(self):
        return projects_for(self.user).select_related("municipality")

    def before_import_row(self, row, **kwargs):
        name = (row.get("Kommune") or "").strip()
        if not municipalities_for(self.user).filter(name=name).exists():
            raise ValidationError(
                _(
                    "Die Zeile gehört zur Kommune „{name}“. Sie können nur Projekte Ihrer eigenen Kommune importieren."
                ).format(name=name)
            )

    def import_instance(self, instance, row, **kwargs):
        if instance.pk and instance.status != Project.Status.DRAFT:
            raise ValidationError(
                _(
                    "„{title}“ ist {status}. Änderungen daran nehmen Sie bitte im Formular vor, "
                    "damit sie geprüft werden."
                ).format(title=instance.title, status=instance.get_status_display())
            )
        super().import_instance(instance, row, **kwargs)
