"""Kommunen, the organisations in them and their Sozialräume."""

from datetime import date
from decimal import Decimal
from statistics import median

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from .taxonomy import YEAR_VALIDATORS, AgeBand, SluggedModel

REGIONAL_KEY_VALIDATOR = RegexValidator(
    r"^\d{12}$", _("Der Amtliche Regionalschlüssel hat zwölf Ziffern, z. B. 059780036036.")
)


class MunicipalityQuerySet(models.QuerySet):
    def in_district(self, district: "Municipality"):
        """The Kreis with all its towns and communities."""
        return self.filter(Q(pk=district.pk) | Q(parent=district))

    def districts(self):
        """The Kreise (for a filter "Kreis … mit allen Städten und Gemeinden")."""
        return self.filter(kind=Municipality.Kind.DISTRICT)

    def model_municipalities(self):
        return self.filter(is_model_municipality=True)

    def profiles_awaiting_review(self):
        """Kommunen whose coordinators submitted changes of the profile (not returned with a comment)."""
        return self.exclude(pending_changes={}).filter(review_comment="")

    def without_content(self):
        """Records nobody works with yet: no projects and no Koordinator/in."""
        return self.filter(projects__isnull=True, coordinators__isnull=True)

    def grouped_by_district(self):
        """Alphabetical, each district directly followed by its towns and communities."""
        return self.annotate(group_name=Coalesce("parent__name", "name")).order_by(
            "group_name", models.F("parent").asc(nulls_first=True), "name"
        )


class Municipality(SluggedModel):
    class Kind(models.TextChoices):
        DISTRICT = "district", _("Kreis")
        CITY = "city", _("kreisfreie Stadt")
        TOWN = "town", _("kreisangehörige Stadt")
        COMMUNITY = "community", _("kreisangehörige Gemeinde")

    # The Kommune's own profile: its coordinators edit it, a reviewer approves each change
    # (projects.services.municipality_profile_save); the public Kommune page shows it.
    PROFILE_FIELDS = [
        "website",
        "family_portal_url",
        "focus_areas",
        "steering_structure",
        "management",
        "council_decision_date",
        "council_decision_body",
        "funding_programme",
        "funding_amount",
        "funding_from_year",
        "funding_until_year",
    ]
    MAX_FOCUS_AREAS = 8

    name = models.CharField(
        _("Name"),
        max_length=120,
        unique=True,
        error_messages={
            "unique": _(
                "Diese Kommune gibt es bereits, vielleicht als leerer Eintrag. Übernehmen Sie ihn, indem Sie "
                "ihre Koordination einladen („Koordinator/in einladen“)."
            )
        },
    )
    slug = models.SlugField(_("Kurzname (URL)"), max_length=80, unique=True, blank=True)
    kind = models.CharField(_("Art"), max_length=12, choices=Kind)
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="members",
        verbose_name=_("gehört zum Kreis"),
        limit_choices_to={"kind": Kind.DISTRICT},
    )
    regional_key = models.CharField(
        _("Amtlicher Regionalschlüssel"),
        max_length=12,
        blank=True,
        validators=[REGIONAL_KEY_VALIDATOR],
        help_text=_("Zwölf Ziffern; Schlüssel für den Import der Bevölkerungszahlen."),
    )
    population = models.PositiveIntegerField(_("Einwohnerzahl"), null=True, blank=True)
    population_year = models.PositiveSmallIntegerField(
        _("Stand der Einwohnerzahl"), null=True, blank=True, validators=YEAR_VALIDATORS
    )
    population_source = models.CharField(_("Quelle der Einwohnerzahl"), max_length=200, blank=True)
    has_own_youth_office = models.BooleanField(
        _("eigenes Jugendamt"),
        default=False,
        help_text=_("Sonst ist das Jugendamt des Kreises zuständig."),
    )
    address = models.TextField(_("Anschrift"), blank=True)
    website = models.URLField(_("Website"), blank=True)
    is_model_municipality = models.BooleanField(
        _("Modellkommune"), default=False, help_text=_("Teil des Landesprogramms „Kein Kind zurücklassen“.")
    )
    family_portal_url = models.URLField(
        _("Familienportal"),
        blank=True,
        help_text=_("Adresse des Familienportals der Kommune, z. B. ihres Guter-Start-NRW-Portals."),
    )
    focus_areas = models.TextField(
        _("Schwerpunkte"), blank=True, help_text=_("Eine Zeile je Schwerpunkt, höchstens acht.")
    )
    steering_structure = models.TextField(
        _("Steuerungsstruktur"),
        blank=True,
        help_text=_("Lenkungsgruppe und Arbeitsgremien: wer gehört dazu, wie oft tagen sie."),
    )
    management = models.CharField(
        _("Geschäftsführung"), max_length=200, blank=True, help_text=_("Stelle, die die Präventionskette koordiniert.")
    )
    council_decision_date = models.DateField(_("Ratsbeschluss vom"), null=True, blank=True)
    council_decision_body = models.CharField(
        _("beschließendes Gremium"),
        max_length=200,
        blank=True,
        help_text=_("z. B. Rat der Stadt, Kreistag, Jugendhilfeausschuss"),
    )
    funding_programme = models.CharField(_("Förderprogramm"), max_length=200, blank=True)
    funding_amount = models.DecimalField(
        _("Fördersumme in Euro"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    funding_from_year = models.PositiveSmallIntegerField(
        _("gefördert ab"), null=True, blank=True, validators=YEAR_VALIDATORS
    )
    funding_until_year = models.PositiveSmallIntegerField(
        _("gefördert bis"), null=True, blank=True, validators=YEAR_VALIDATORS
    )
    # Review of the profile: a coordinator's edit waits here ({field name: new value}; the whole new list
    # of contacts under "contacts", see MunicipalityContact.REVIEWED_COLUMNS) until a reviewer approves
    # it; the public page keeps showing the approved values.
    pending_changes = models.JSONField(_("ausstehende Änderungen"), default=dict, blank=True, encoder=DjangoJSONEncoder)
    changes_submitted_at = models.DateTimeField(_("Änderungen eingereicht am"), null=True, blank=True)
    changes_submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="submitted_municipality_changes",
        verbose_name=_("Änderungen eingereicht von"),
    )
    review_comment = models.TextField(_("Kommentar der Prüfung"), blank=True)

    objects = MunicipalityQuerySet.as_manager()

    class Meta:
        verbose_name = _("Kommune")
        verbose_name_plural = _("Kommunen")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(kind="district") | Q(parent__isnull=True),
                name="municipality_district_has_no_parent",
            ),
            models.CheckConstraint(
                condition=Q(has_own_youth_office=True) | Q(parent__isnull=False),
                name="municipality_youth_office_own_or_district",
            ),
            models.CheckConstraint(
                condition=Q(population__isnull=True) | Q(population_year__isnull=False),
                name="municipality_population_has_year",
            ),
            models.CheckConstraint(
                condition=Q(funding_from_year__isnull=True)
                | Q(funding_until_year__isnull=True)
                | Q(funding_until_year__gte=models.F("funding_from_year")),
                name="municipality_funding_period_in_order",
            ),
            models.CheckConstraint(condition=Q(funding_amount__gte=0), name="municipality_funding_amount_not_negative"),
            models.CheckConstraint(
                condition=~Q(kind="city") | Q(parent__isnull=True),
                name="municipality_city_has_no_parent",
            ),
            models.CheckConstraint(
                condition=Q(regional_key="") | Q(regional_key__regex=r"^\d{12}$"),
                name="municipality_regional_key_twelve_digits",
            ),
            # Blank means "not yet entered"; an entered key names one Kommune.
            models.UniqueConstraint(
                fields=["regional_key"], condition=~Q(regional_key=""), name="municipality_unique_regional_key"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("projects:municipality", kwargs={"slug": self.slug})

    def clean(self):
        if self.kind == self.Kind.DISTRICT and self.parent_id:
            raise ValidationError({"parent": _("Ein Kreis kann keinem anderen Kreis angehören.")})
        if self.kind == self.Kind.CITY and self.parent_id:
            raise ValidationError({"parent": _("Eine kreisfreie Stadt gehört keinem Kreis an.")})
        if not self.has_own_youth_office and not self.parent_id:
            raise ValidationError(
                {"has_own_youth_office": _("Eine Kommune ohne eigenes Jugendamt muss einem Kreis angehören.")}
            )
        if self.population is not None and self.population_year is None:
            raise ValidationError(
                {"population_year": _("Bitte geben Sie an, aus welchem Jahr die Einwohnerzahl stammt.")}
            )
        self.clean_profile()

    def clean_profile(self):
        """The rules of the profile fields, with German messages (the constraints repeat the hard ones)."""
        errors = {}
        if self.funding_from_year and self.funding_until_year and self.funding_until_year < self.funding_from_year:
            errors["funding_until_year"] = _("Das Ende der Förderung liegt vor ihrem Beginn.")
        if self.funding_amount is not None and self.funding_amount < 0:
            errors["funding_amount"] = _("Die Fördersumme kann nicht negativ sein.")
        if len(self.focus_area_list) > self.MAX_FOCUS_AREAS:
            errors["focus_areas"] = _("Bitte nennen Sie höchstens {count} Schwerpunkte, einen je Zeile.").format(
                count=self.MAX_FOCUS_AREAS
            )
        if errors:
            raise ValidationError(errors)

    @property
    def focus_area_list(self) -> list[str]:
        return [line.strip(" -•\t") for line in self.focus_areas.splitlines() if line.strip(" -•\t")]

    @property
    def has_pending_changes(self) -> bool:
        return bool(self.pending_changes)

    def profile_values(self) -> dict:
        """The approved values of the profile fields, as ``pending_changes`` holds them."""
        return {name: getattr(self, name) for name in self.PROFILE_FIELDS}

    def contact_rows(self) -> list[dict]:
        """The approved contacts, as ``pending_changes["contacts"]`` holds a proposed list."""
        columns = MunicipalityContact.REVIEWED_COLUMNS
        return [
            {**dict(zip(columns, row, strict=True)), "consent_given_on": _iso(row[columns.index("consent_given_on")])}
            for row in self.contacts.values_list(*columns)
        ]

    def pending_changes_diff(self) -> list[dict]:
        """Field by field: what approving the pending changes would change on the public page."""
        rows = []
        if "contacts" in self.pending_changes and self.pending_changes["contacts"] != self.contact_rows():
            rows.append(
                {
                    "name": "contacts",
                    "label": MunicipalityContact._meta.verbose_name_plural,
                    "old": MunicipalityContact.lines(self.contact_rows()),
                    "new": MunicipalityContact.lines(self.pending_changes["contacts"]),
                }
            )
        for name in self.PROFILE_FIELDS:
            if name not in self.pending_changes:
                continue
            new = self.pending_changes[name]
            field = self._meta.get_field(name)
            old = getattr(self, name)
            if field.to_python(new) == old:
                continue
            rows.append(
                {"name": name, "label": field.verbose_name, "old": _shown(old), "new": _shown(field.to_python(new))}
            )
        return rows

    @property
    def is_district(self) -> bool:
        return self.kind == self.Kind.DISTRICT

    @property
    def youth_office_municipality(self) -> "Municipality":
        """Whose youth office (Jugendamt) serves this municipality."""
        return self if self.has_own_youth_office or self.parent is None else self.parent

    @property
    def youth_office_label(self) -> str:
        """ "eigenes Jugendamt", "Jugendamt des Kreises Unna"; a name that does not start with "Kreis"
        ("Märkischer Kreis", "Rhein-Kreis Neuss") cannot be declined safely: "Kreisjugendamt (…)"."""
        office = self.youth_office_municipality
        if office == self:
            return str(_("eigenes Jugendamt"))
        if office.name.startswith("Kreis "):
            return str(_("Jugendamt des Kreises {name}")).format(name=office.name.removeprefix("Kreis ").strip())
        return str(_("Kreisjugendamt ({name})")).format(name=office.name)

    def served_label(self, provider: "Municipality") -> str:
        """How a project of ``provider`` reaches this municipality: "über den Kreis" or "über Kommune Unna"."""
        if provider.pk == self.parent_id:
            return str(_("über den Kreis"))
        return str(_("über Kommune {name}")).format(name=provider.name)


def _iso(day) -> str | None:
    return day.isoformat() if day else None


class MunicipalityContactQuerySet(models.QuerySet):
    def public(self):
        """Only contacts whose person agreed to be shown: the public page, the API, HSDS and the search."""
        return self.filter(is_public=True)


class MunicipalityContact(models.Model):
    """A person to contact in a Kommune, part of its reviewed profile."""

    # The columns of a contact as a proposed change stores them (dates as ISO text).
    REVIEWED_COLUMNS = ("name", "role", "email", "phone", "is_public", "consent_given_on", "position")

    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="contacts", verbose_name=_("Kommune")
    )
    name = models.CharField(_("Ansprechperson"), max_length=120)
    role = models.CharField(_("Funktion"), max_length=120, blank=True)
    email = models.EmailField(_("E-Mail"), blank=True)
    phone = models.CharField(_("Telefon"), max_length=40, blank=True)
    is_public = models.BooleanField(
        _("Darf veröffentlicht werden"),
        default=False,
        help_text=_("Nur mit Einverständnis der Ansprechperson ankreuzen."),
    )
    consent_given_on = models.DateField(
        _("Einverständnis vom"),
        null=True,
        blank=True,
        help_text=_("Leer gelassen gilt der heutige Tag."),
    )
    position = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)

    objects = MunicipalityContactQuerySet.as_manager()

    class Meta:
        verbose_name = _("Ansprechperson")
        verbose_name_plural = _("Ansprechpersonen")
        ordering = ["position", "pk"]
        constraints = [
            # Consent is shown to the reviewers with its date; a public contact without one has none on record.
            models.CheckConstraint(
                condition=Q(is_public=False) | Q(consent_given_on__isnull=False),
                name="municipalitycontact_public_has_consent_date",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name}, {self.role}" if self.role else self.name

    def clean(self):
        if self.is_public and self.consent_given_on is None:
            self.consent_given_on = timezone.localdate()
        if not self.is_public:
            # Without consent its date says nothing; a later consent gets its own.
            self.consent_given_on = None

    @staticmethod
    def lines(rows: list[dict]) -> str:
        """Contacts as the reviewer reads them, one a line."""
        return "\n".join(MunicipalityContact._line(row) for row in rows) or "–"

    @staticmethod
    def _line(row: dict) -> str:
        parts = [row["name"], row["role"], row["email"], row["phone"]]
        if row["is_public"]:
            day = row["consent_given_on"]
            consent = _("Darf veröffentlicht werden (Einverständnis vom {date})").format(
                date=_shown(date.fromisoformat(day)) if day else "–"
            )
        else:
            consent = _("nicht öffentlich")
        return ", ".join(str(part) for part in [*parts, consent] if part)


def _shown(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(_("Ja") if value else _("Nein"))
    if hasattr(value, "strftime"):
        return value.strftime("%d.%m.%Y")
    if isinstance(value, Decimal):
        places = 0 if value == value.to_integral_value() else 2
        return formats.number_format(value, decimal_pos=places, force_grouping=True)
    return str(value)


class Organisation(models.Model):
    class Kind(models.TextChoices):
        YOUTH_OFFICE = "youth_office", _("Jugendamt")
        ADMINISTRATION = "administration", _("Verwaltung")
        JOBCENTER = "jobcenter", _("Jobcenter / Arbeitsagentur")
        HEALTH = "health", _("Gesundheitswesen")
        CLINIC = "clinic", _("Klinik")
        SCHOOL = "school", _("Schule")
        DAYCARE = "daycare", _("Kita / Familienzentrum")
        WELFARE = "welfare", _("Freier Träger / Wohlfahrtsverband")
        ASSOCIATION = "association", _("Verein / Initiative")
        EDUCATION_OFFICE = "education_office", _("Bildungsbüro")
        POLICE_JUSTICE = "police_justice", _("Polizei / Justiz")
        OTHER = "other", _("Sonstige")

    name = models.CharField(_("Name"), max_length=200)
    kind = models.CharField(_("Art"), max_length=20, choices=Kind, default=Kind.OTHER)
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="organisations",
        verbose_name=_("Kommune"),
        help_text=_("Leer lassen bei überregionalen Trägern."),
    )
    department = models.CharField(_("Fachbereich"), max_length=200, blank=True)
    website = models.URLField(_("Website"), blank=True)

    class Meta:
        verbose_name = _("Organisation")
        verbose_name_plural = _("Organisationen")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["name", "municipality"],
                nulls_distinct=False,
                name="organisation_unique_name_per_municipality",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class SocialArea(SluggedModel):
    """A Sozialraum, Stadtteil or Quartier inside one municipality."""

    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="social_areas", verbose_name=_("Kommune")
    )
    name = models.CharField(_("Name"), max_length=120)
    slug = models.SlugField(_("Kurzname (URL)"), max_length=80, unique=True, blank=True)

    class Meta:
        verbose_name = _("Sozialraum")
        verbose_name_plural = _("Sozialräume")
        ordering = ["municipality__name", "name"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "name"], name="social_area_unique_name_per_municipality"),
        ]

    def __str__(self) -> str:
        return self.label(self.name, self.municipality.name)

    @staticmethod
    def label(name: str, municipality_name: str) -> str:
        """The label of district ``name``, e.g. "Bergkamen-Mitte"; names that already say the town stay as they are."""
        return name if name.startswith(municipality_name) else f"{municipality_name}-{name}"


class PopulationFigureQuerySet(models.QuerySet):
    def latest_by_band(self) -> dict[int, dict[str, "PopulationFigure"]]:
        """``{municipality_id: {age band: figure of the latest year}}``, in one query."""
        result: dict[int, dict[str, PopulationFigure]] = {}
        for figure in self.order_by("municipality_id", "age_band", "-year"):
            result.setdefault(figure.municipality_id, {}).setdefault(figure.age_band, figure)
        return result


class PopulationFigure(models.Model):
    """How many children or young people of one age band lived in a Kommune in a year, and who says so."""

    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="population_figures", verbose_name=_("Kommune")
    )
    year = models.PositiveSmallIntegerField(_("Jahr"), validators=YEAR_VALIDATORS)
    age_band = models.CharField(_("Altersgruppe"), max_length=5, choices=AgeBand)
    count = models.PositiveIntegerField(_("Anzahl"))
    source = models.CharField(_("Quelle"), max_length=200, help_text=_("z. B. „IT.NRW, Stand 31.12.2023“"))

    objects = PopulationFigureQuerySet.as_manager()

    class Meta:
        verbose_name = _("Bevölkerungszahl nach Alter")
        verbose_name_plural = _("Bevölkerungszahlen nach Alter")
        ordering = ["municipality__name", "-year", "age_band"]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "year", "age_band"], name="populationfigure_unique_band_per_year"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.municipality}, {self.get_age_band_display()} ({self.year}): {self.count}"


def per_thousand(count: int, children: int | None) -> float | None:
    """Projects per 1 000 children, one decimal; None where the number of children is unknown."""
    if not children:
        return None
    return round(count * 1000 / children, 1)


def median_or_none(values) -> float | None:
    known = [value for value in values if value is not None]
    return round(median(known), 1) if known else None
