"""CSV/XLSX import and export of projects (django-import-export), limited to the user's municipalities.

Columns carry the German field names (the English field names are accepted too); cells are read and
written the German way (transferboerse/spreadsheets.py: ``1,5``, ``31.12.2025``, ``Ja``). Projects are
identified by Kommune + Titel. An import creates drafts or updates drafts; a published project may stand
in the file unchanged (a re-imported export) but changes only through the form, where edits are reviewed.
Every error of a row is reported at once, named by its column; any error stops the whole import (the
job's dry run lists the errors, nothing is saved).
The file is checked and read by transferboerse/uploads.py, the import runs in the background
(projects/imports.py).
"""

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models
from django.db.models import QuerySet
from django.utils.translation import gettext as _
from import_export import resources, widgets
from import_export.fields import Field as Column

from transferboerse.spreadsheets import (
    GERMAN_WIDGETS,
    GermanBooleanWidget,
    GermanChoiceWidget,
    GermanDateTimeWidget,
    GermanDateWidget,
    GermanDecimalWidget,
    GermanIntegerWidget,
)

from .access import municipalities_for, organisation_choices_for, projects_for, social_areas_for
from .models import ActionField, LifePhase, Municipality, Project, TargetGroup, Transition

LIST_SEPARATOR = ";"


class NamedForeignKeyWidget(widgets.ForeignKeyWidget):
    """A record named by ``field``, among ``choices`` if given; an unknown name is a German error."""

    def __init__(self, model, *, field: str = "name", choices=None):
        super().__init__(model, field=field)
        self.choices = choices

    def get_queryset(self, value, row, *args, **kwargs):
        return self.choices() if self.choices else self.model.objects.all()

    def clean(self, value, row=None, **kwargs):
        name = str(value or "").strip()
        if not name:
            return None
        try:
            return self.get_queryset(name, row).get(**{self.field: name})
        except (self.model.DoesNotExist, self.model.MultipleObjectsReturned):
            raise ValueError(_("„{name}“ ist unbekannt oder nicht auswählbar.").format(name=name)) from None


class StrictManyToManyWidget(widgets.ManyToManyWidget):
    """Names separated by ";"; an unknown name is an error instead of being dropped silently."""

    def __init__(self, model, *, field: str = "name", choices=None):
        super().__init__(model, separator=LIST_SEPARATOR, field=field)
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
    """A resource that exports and imports only what the access helpers allow the user.

    ``example`` maps column names to the values of the example row of the import template;
    ``header_aliases`` maps former column names (of older exports) to field names.
    """

    WIDGETS_MAP = {**resources.ModelResource.WIDGETS_MAP, **GERMAN_WIDGETS}
    example: dict[str, str] = {}
    header_aliases: dict[str, str] = {}

    def __init__(self, user=None, **kwargs):
        super().__init__(**kwargs)
        self.user = user

    @classmethod
    def field_from_django_field(cls, field_name, django_field, readonly):
        """Columns named by the field's German label (also where the resource class itself is asked,
        as in the export's field chooser)."""
        field = super().field_from_django_field(field_name, django_field, readonly)
        field.column_name = str(django_field.verbose_name)
        return field

    def scope(self) -> QuerySet:
        raise NotImplementedError

    def get_queryset(self):
        return self.scope()

    # Headers --------------------------------------------------------------------------------------

    def header_names(self) -> dict[str, str]:
        """Every accepted header (lower case) → the column name: the German label and the field name."""
        names = {}
        for name, field in self.fields.items():
            names[name.lower()] = field.column_name
            if field.attribute:
                names[field.attribute.lower()] = field.column_name
            names[field.column_name.lower()] = field.column_name
        for alias, name in self.header_aliases.items():
            names[alias.lower()] = self.fields[name].column_name
        return names

    def normalise_headers(self, headers: list[str]) -> tuple[list[str], list[str]]:
        """The headers as column names, and those that name no column."""
        names = self.header_names()
        normalised, unknown = [], []
        for header in headers:
            cleaned = str(header or "").strip().lstrip("\ufeff")
            column = names.get(cleaned.lower())
            if column is None and cleaned:
                unknown.append(cleaned)
            normalised.append(column or cleaned)
        return normalised, unknown

    # Rows: every error of a row at once ------------------------------------------------------------

    def import_instance(self, instance, row, **kwargs):
        errors = {}
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        # The library reads many-to-many cells only after saving, so their errors would come in a
        # second round; read them here as well.
        for field in self.get_import_fields():
            if isinstance(field.widget, widgets.ManyToManyWidget) and field.column_name in row:
                try:
                    field.clean(row)
                except ValueError as error:
                    errors[field.attribute] = [ValidationError(str(error), code="invalid")]
        if errors:
            raise ValidationError(errors)

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        errors = dict(import_validation_errors or {})
        message = self.change_error(instance)
        if message:
            errors.setdefault(NON_FIELD_ERRORS, []).append(ValidationError(message))
        super().validate_instance(instance, errors, validate_unique)

    def change_error(self, instance) -> str:
        """Why the row may not change ``instance`` (a row that changes nothing is skipped before)."""
        return ""

    # The import template ---------------------------------------------------------------------------

    def get_user_visible_fields(self):
        # The upload page lists the columns an import reads; Status and the like are only exported.
        return self.template_fields()

    def template_fields(self) -> list:
        return [field for field in self.get_import_fields() if not field.readonly]

    def template_example(self) -> list[str]:
        return [self.example.get(field.column_name, "") for field in self.template_fields()]

    def column_explanations(self) -> list[tuple[str, str, str]]:
        """(column, required, what it holds) for each column of the template."""
        model = self._meta.model
        rows = []
        for field in self.template_fields():
            model_field = None
            try:
                model_field = model._meta.get_field(field.attribute)
            except Exception:
                model_field = None
            required = model_field is not None and not model_field.blank and not model_field.has_default()
            if field.attribute in self.get_import_id_fields():
                required = True
            rows.append((field.column_name, _("ja") if required else _("nein"), self._explain(field, model_field)))
        return rows

    def _explain(self, field, model_field) -> str:
        widget = field.widget
        parts = []
        if model_field is not None and model_field.help_text:
            parts.append(str(model_field.help_text))
        if isinstance(widget, widgets.ManyToManyWidget):
            choices = (widget.choices() if getattr(widget, "choices", None) else widget.model.objects.all())[:30]
            names = [str(getattr(item, widget.field)) for item in choices]
            parts.append(
                _("Mehrere Einträge mit Semikolon (;) trennen. Möglich: {names}").format(names="; ".join(names))
                if names
                else _("Mehrere Einträge mit Semikolon (;) trennen.")
            )
        elif isinstance(widget, widgets.ForeignKeyWidget):
            choices = widget.choices() if getattr(widget, "choices", None) else widget.model.objects.all()
            names = [str(getattr(item, widget.field)) for item in choices[:30]]
            parts.append(_("Der Name genau wie im Portal. Möglich: {names}").format(names="; ".join(names)))
        elif isinstance(widget, GermanBooleanWidget):
            parts.append(_("„Ja“ oder „Nein“."))
        elif isinstance(widget, GermanDateTimeWidget):
            parts.append(_("Datum und Uhrzeit, z. B. {example}.").format(example="31.12.2025 14:30"))
        elif isinstance(widget, GermanDateWidget):
            parts.append(_("Datum, z. B. {example}.").format(example="31.12.2025"))
        elif isinstance(widget, GermanIntegerWidget):
            parts.append(_("Ganze Zahl, z. B. 2019."))
        elif isinstance(widget, GermanDecimalWidget):
            parts.append(_("Zahl mit Komma, z. B. 1,5."))
        elif isinstance(widget, GermanChoiceWidget):
            parts.append(
                _("Einer dieser Werte: {values}").format(values="; ".join(label for _key, label in widget.choices))
            )
        elif model_field is not None and getattr(model_field, "choices", None):
            parts.append(
                _("Einer dieser Werte: {values}").format(
                    values="; ".join(str(key) for key, _label in model_field.choices)
                )
            )
        elif isinstance(model_field, models.CharField | models.TextField) and model_field.max_length:
            parts.append(_("Text, höchstens {count} Zeichen.").format(count=model_field.max_length))
        elif isinstance(model_field, models.TextField):
            parts.append(_("Text; Zeilenumbrüche in der Zelle sind erlaubt."))
        return " ".join(parts)

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
        widget=NamedForeignKeyWidget(Municipality, field="name"),
    )
    phases = Column(attribute="phases", column_name="Lebensphasen", widget=StrictManyToManyWidget(LifePhase))
    transitions = Column(attribute="transitions", column_name="Übergänge", widget=StrictManyToManyWidget(Transition))
    action_fields = Column(
        attribute="action_fields", column_name="Handlungsfelder", widget=StrictManyToManyWidget(ActionField)
    )
    target_groups = Column(
        attribute="target_groups", column_name="Zielgruppen", widget=StrictManyToManyWidget(TargetGroup)
    )
    served_municipalities = Column(
        attribute="served_municipalities",
        column_name=str(Project._meta.get_field("served_municipalities").verbose_name),
        widget=StrictManyToManyWidget(Municipality),
    )
    status = Column(attribute="get_status_display", column_name="Status", readonly=True)
    confirmed_at = Column(
        attribute="confirmed_at",
        column_name=str(Project._meta.get_field("confirmed_at").verbose_name),
        widget=GermanDateTimeWidget(),
        readonly=True,
    )
    example = {
        "Kommune": "",  # the user's own, filled in by template_example
        "Titel": _("Elterncafé im Familienzentrum"),
        "Kurzbeschreibung": _("Offener Treffpunkt für Eltern mit Kindern bis drei Jahren, einmal pro Woche."),
        "seit": "2019",
        "Kontakt veröffentlichen": _("Nein"),
    }

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
        self.fields["social_areas"] = Column(
            attribute="social_areas",
            column_name="Sozialräume",
            widget=StrictManyToManyWidget(Project.social_areas.field.related_model, choices=self._social_areas),
        )

    def template_example(self) -> list[str]:
        values = super().template_example()
        own = municipalities_for(self.user).order_by("name").first()
        columns = [field.column_name for field in self.template_fields()]
        if own is not None and "Kommune" in columns:
            values[columns.index("Kommune")] = own.name
        for column, model in [
            ("Übergänge", Transition),
            ("Handlungsfelder", ActionField),
            ("Zielgruppen", TargetGroup),
        ]:
            first = model.objects.order_by("position", "name").first() if column in columns else None
            if first is not None:
                values[columns.index(column)] = first.name
        return values

    def _organisations(self):
        return organisation_choices_for(self.user)

    def _social_areas(self):
        return social_areas_for(self.user)

    def scope(self):
        return projects_for(self.user).select_related("municipality")

    def before_import_row(self, row, **kwargs):
        # The Kommune identifies the row (with the title): without one of the user's own nothing else
        # can be checked.
        name = str(row.get("Kommune") or "").strip()
        if not municipalities_for(self.user).filter(name=name).exists():
            raise ValidationError(
                {
                    "municipality": _(
                        "Die Zeile gehört zur Kommune „{name}“. Sie können nur Projekte Ihrer eigenen Kommune "
                        "importieren."
                    ).format(name=name)
                    if name
                    else _("Bitte geben Sie die Kommune an.")
                }
            )

    def change_error(self, instance) -> str:
        if instance.pk and instance.status != Project.Status.DRAFT:
            return _(
                "„{title}“ ist {status}. Änderungen daran nehmen Sie bitte im Formular vor, damit sie geprüft werden."
            ).format(title=instance.title, status=instance.get_status_display())
        return ""
