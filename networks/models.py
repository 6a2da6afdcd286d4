from django.core.validators import MaxValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from accounts.history_records import TrackedHistoricalRecords
from projects.models import (
    YEAR_VALIDATORS,
    ActionField,
    Municipality,
    Organisation,
    Project,
    ReviewedModel,
    ReviewQuerySet,
    SluggedModel,
    Transition,
)


class NetworkQuerySet(ReviewQuerySet):
    def for_municipality(self, municipality: Municipality):
        return self.filter(municipalities=municipality)


class Network(ReviewedModel, SluggedModel):
    """A standing group of organisations that meets regularly (Arbeitskreis, Runder Tisch …).

    Reviewed like projects (networks.services): public only once published, and a Koordinator's edit of
    a published network waits in ``pending_changes`` for a reviewer.
    """

    REVIEWED_FIELDS = [
        "name",
        "kind",
        "description",
        "coordinating_organisation",
        "municipalities",
        "meetings_per_year",
        "meeting_note",
        "founded_year",
        "has_cooperation_agreement",
        "members",
        "projects",
        "transitions",
        "action_fields",
    ]
    MANY_TO_MANY_REVIEWED_FIELDS = ["municipalities", "members", "projects", "transitions", "action_fields"]

    class Kind(models.TextChoices):
        WORKING_GROUP = "working_group", _("Arbeitskreis")
        ROUND_TABLE = "round_table", _("Runder Tisch")
        DISTRICT_CONFERENCE = "district_conference", _("Stadtteilkonferenz")
        NETWORK = "network", _("Netzwerk")
        STEERING_GROUP = "steering_group", _("Lenkungs-/Steuerungsgruppe")
        QUALITY_CIRCLE = "quality_circle", _("Qualitätszirkel")
        CONFERENCE = "conference", _("Konferenz / Forum")
        ALLIANCE = "alliance", _("Bündnis")
        OTHER = "other", _("Sonstiges Gremium")

    name = models.CharField(_("Name"), max_length=200)
    slug = models.SlugField(_("Kurzname (URL)"), max_length=80, unique=True, blank=True)
    kind = models.CharField(_("Art"), max_length=20, choices=Kind, default=Kind.WORKING_GROUP)
    description = models.TextField(_("Beschreibung"), blank=True)
    coordinating_organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="coordinated_networks",
        verbose_name=_("koordiniert von"),
    )
    members = models.ManyToManyField(Organisation, blank=True, related_name="networks", verbose_name=_("Teilnehmende"))
    municipalities = models.ManyToManyField(
        Municipality,
        related_name="networks",
        verbose_name=_("Kommunen"),
        help_text=_("Für welche Kommunen arbeitet das Netzwerk?"),
    )
    meetings_per_year = models.PositiveSmallIntegerField(
        _("Treffen pro Jahr (Turnus)"), null=True, blank=True, validators=[MaxValueValidator(365)]
    )
    meeting_note = models.CharField(
        _("Turnus (Erläuterung)"), max_length=120, blank=True, help_text=_("z. B. „bei Bedarf“ oder „vierteljährlich“")
    )
    action_fields = models.ManyToManyField(
        ActionField, blank=True, related_name="networks", verbose_name=_("Handlungsfelder")
    )
    transitions = models.ManyToManyField(Transition, blank=True, related_name="networks", verbose_name=_("Übergänge"))
    projects = models.ManyToManyField(
        Project, blank=True, related_name="networks", verbose_name=_("getragene Projekte")
    )
    founded_year = models.PositiveSmallIntegerField(_("gegründet"), null=True, blank=True, validators=YEAR_VALIDATORS)
    has_cooperation_agreement = models.BooleanField(_("Kooperationsvereinbarung"), default=False)
    # Why the coordination asked for archiving (with ``archive_requested_at``), for the reviewer.
    archive_reason = models.TextField(_("Begründung der beantragten Archivierung"), blank=True)
    created_at = models.DateTimeField(_("angelegt"), auto_now_add=True)
    updated_at = models.DateTimeField(_("geändert"), auto_now=True)

    objects = NetworkQuerySet.as_manager()
    history = TrackedHistoricalRecords(
        verbose_name=_("Version des Netzwerks"),
        verbose_name_plural=_("Versionen der Netzwerke"),
        excluded_fields=["updated_at", "pending_changes"],
        m2m_fields=[members, municipalities],
    )

    class Meta:
        verbose_name = _("Netzwerk")
        verbose_name_plural = _("Netzwerke")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(meetings_per_year__isnull=True) | models.Q(meetings_per_year__lte=365),
                name="network_meetings_per_year_at_most_daily",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("networks:detail", kwargs={"slug": self.slug})
