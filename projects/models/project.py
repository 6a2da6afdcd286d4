"""Projects, their query set, Kennzahlen and links."""

from datetime import timedelta

from django.contrib.postgres.expressions import ArraySubquery
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import TrigramSimilarity, TrigramWordSimilarity
from django.core.exceptions import ValidationError
from django.db import connection, models
from django.db.models import Count, F, OuterRef, Q, Window
from django.db.models.functions import Greatest, JSONObject, RowNumber
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.history_records import TrackedHistoricalRecords

from .municipalities import Municipality, Organisation, SocialArea
from .review import ReviewedModel, ReviewQuerySet
from .taxonomy import YEAR_VALIDATORS, ActionField, LifePhase, SluggedModel, TargetGroup, Transition

# A project should be confirmed as current once a year; after 18 months public pages flag it as old.
CONFIRMATION_INTERVAL = timedelta(days=365)
STALE_AFTER = timedelta(days=548)


# Columns of Project maintained by database triggers (migrations 0004 and 0006), never written by Django code.
DERIVED_FIELDS = [
    "transition_ids",
    "action_field_ids",
    "target_group_ids",
    "social_area_ids",
    "phase_ids",
    "has_transfer_offer",
]


class ProjectQuerySet(ReviewQuerySet):
    def similar_to(self, text: str, *, limit: int = 5):
        """The projects whose title or summary resembles ``text`` most (trigram similarity), best first."""
        return (
            self.annotate(
                title_similarity=TrigramSimilarity("title", text),
                summary_similarity=TrigramWordSimilarity(text, "summary"),
            )
            # A similar title counts more than a few shared words in the summary.
            .filter(Q(title_similarity__gte=0.4) | Q(summary_similarity__gte=0.7))
            .select_related("municipality")
            .order_by(Greatest("title_similarity", "summary_similarity").desc(), "title")[:limit]
        )

    def for_transition(self, transition: Transition):
        return self.filter(transitions=transition)

    def of_municipality(self, municipality: Municipality):
        return self.filter(municipality=municipality)

    def serving(self, municipalities):
        """Projects of these municipalities or naming one of them as served (for filters "… mit allen Städten")."""
        served = Project.served_municipalities.through.objects.filter(
            project_id=OuterRef("pk"), municipality__in=municipalities
        )
        return self.filter(Q(municipality__in=municipalities) | models.Exists(served))

    def served_in(self, municipality: Municipality):
        """Projects of other municipalities that name ``municipality`` as served."""
        return self.filter(served_municipalities=municipality).exclude(municipality=municipality)

    def served_counts(
        self, *, by_field: bool = False, by: str = "transitions"
    ) -> dict[tuple[int, int, int | None], tuple[int, list[int]]]:
        """``{(served municipality id, transition id, field id or None): (projects, [their municipality ids])}``
        for the projects of this queryset that name other municipalities as served; one query. With
        ``by="phases"`` keyed on life phases instead of transitions.

        Read from the projects' id arrays, each serving project once with the municipalities it serves: a
        join of the served rows with the relation tables probed the project table once per served
        municipality and counted distinct projects (60 ms at 100 000 projects)."""
        column = {"transitions": "transition_ids", "phases": "phase_ids"}[by]
        columns = ["id", "municipality_id", column, *(["action_field_ids"] if by_field else [])]
        projects, params = self.order_by().values(*columns).query.sql_with_params()
        field, unnest_field = (", f", ", unnest(p.action_field_ids) f") if by_field else ("", "")
        through = Project.served_municipalities.through._meta.db_table
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT m, t{field}, sum(n)::int, array_agg(provider ORDER BY provider) FROM ("
                f" SELECT m, t{field}, p.municipality_id AS provider, count(*) AS n"
                f" FROM (SELECT project_id, array_agg(municipality_id) AS served FROM {through} GROUP BY 1) s"
                f" JOIN ({projects}) p ON p.id = s.project_id, unnest(s.served) m, unnest(p.{column}) t{unnest_field}"
                f" WHERE m <> p.municipality_id GROUP BY 1, 2{', 3, 4' if by_field else ', 3'}"
                f") cells GROUP BY 1, 2{', 3' if by_field else ''}",
                params,
            )
            rows = cursor.fetchall()
        if by_field:
            return {(m, t, f): (n, providers) for m, t, f, n, providers in rows}
        return {(m, t, None): (n, providers) for m, t, n, providers in rows}

    def first_per_phase(self, limit: int) -> tuple[dict[int, int], dict[int, list["Project"]]]:
        """``({phase_id: count}, {phase_id: [first projects by title, only title and slug]})`` in one query."""
        rows = (
            Project.phases.through.objects.filter(project__in=self)
            .annotate(
                count=Window(Count("pk"), partition_by=[F("lifephase_id")]),
                rank=Window(
                    RowNumber(), partition_by=[F("lifephase_id")], order_by=[F("project__title"), F("project_id")]
                ),
            )
            .filter(rank__lte=limit)
            .values_list("lifephase_id", "project_id", "project__title", "project__slug", "count")
            .order_by("lifephase_id", "rank")
        )
        counts: dict[int, int] = {}
        shown: dict[int, list[Project]] = {}
        for phase_id, project_id, title, slug, count in rows:
            counts[phase_id] = count
            shown.setdefault(phase_id, []).append(Project(pk=project_id, title=title, slug=slug))
        return counts, shown

    def with_transfer_offer(self):
        return self.filter(has_transfer_offer=True)

    def first_per_transition(self, limit: int) -> tuple[dict[int, int], dict[int, list[int]]]:
        """``({transition_id: count}, {transition_id: [first project ids by title]})`` in one query."""
        sql, params = self.values("id", "title", "transition_ids").query.sql_with_params()
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT t, id, n FROM (SELECT t, sub.id, count(*) OVER (PARTITION BY t) AS n, "
                "row_number() OVER (PARTITION BY t ORDER BY sub.title, sub.id) AS r "
                "FROM (" + sql + ") sub, unnest(sub.transition_ids) t) ranked WHERE r <= %s ORDER BY t, r",
                [*params, limit],
            )
            counts: dict[int, int] = {}
            shown: dict[int, list[int]] = {}
            for transition_id, project_id, count in cursor.fetchall():
                counts[transition_id] = count
                shown.setdefault(transition_id, []).append(project_id)
        return counts, shown

    def with_page_lists(self):
        """The short lists of the project page as arrays in the project's own row, not a query each.

        ``phase_names``, ``field_names``, ``target_group_names``, ``organisation_names``, ``served_municipality_names``
        (strings) and ``indicator_rows``,
        ``link_rows`` (dicts), each in display order.
        """
        project = OuterRef("pk")

        def names(model, *order):
            return ArraySubquery(model.objects.filter(projects=project).order_by(*order).values("name"))

        return self.annotate(
            phase_names=names(LifePhase, "position", "name"),
            field_names=names(ActionField, "position", "name"),
            target_group_names=names(TargetGroup, "position", "name"),
            organisation_names=names(Organisation, "name"),
            served_municipality_names=ArraySubquery(
                Municipality.objects.filter(served_projects=project).order_by("name").values("name")
            ),
            indicator_rows=ArraySubquery(
                Indicator.objects.filter(project=project)
                .order_by("position", "pk")
                .values(row=JSONObject(label="label", value="value", year="year"))
            ),
            link_rows=ArraySubquery(
                ProjectLink.objects.filter(project=project)
                .order_by("label")
                .values(row=JSONObject(label="label", url="url"))
            ),
        )

    def needs_confirmation(self, now=None):
        """Published projects nobody confirmed as current for a year."""
        limit = (now or timezone.now()) - CONFIRMATION_INTERVAL
        return self.published().filter(Q(confirmed_at__isnull=True) | Q(confirmed_at__lt=limit))

    def currently_confirmed(self, now=None):
        """Published projects confirmed as current within the last 18 months: no "möglicherweise veraltet"
        note on their page (``Project.is_stale`` is the same rule for one project)."""
        limit = (now or timezone.now()) - STALE_AFTER
        return self.published().filter(confirmed_at__gte=limit)

    def counts_by_municipality_and_transition(self) -> dict[tuple[int, int], int]:
        """``{(municipality_id, transition_id): number of projects}`` in one query."""
        rows = (
            self.filter(transitions__isnull=False)
            .values_list("municipality_id", "transitions")
            .annotate(count=models.Count("pk", distinct=True))
            .order_by()
        )
        return {(municipality_id, transition_id): count for municipality_id, transition_id, count in rows}


class Project(ReviewedModel, SluggedModel):
    """A working offer or project: one link in a municipality's prevention chain."""

    slug_source = "title"
    # What a Koordinator's edit of a published project may change, subject to review.
    REVIEWED_FIELDS = [
        "title",
        "summary",
        "situation",
        "goals",
        "achievements",
        "success_factors",
        "pitfalls",
        "start_year",
        "phases",
        "transitions",
        "action_fields",
        "target_groups",
        "organisations",
        "social_areas",
        "served_municipalities",
        "contact_name",
        "contact_role",
        "contact_email",
        "contact_phone",
        "contact_is_public",
    ]
    MANY_TO_MANY_REVIEWED_FIELDS = [
        "phases",
        "transitions",
        "action_fields",
        "target_groups",
        "organisations",
        "social_areas",
        "served_municipalities",
    ]
    # Kennzahlen and links of a published project are reviewed too: in ``pending_changes`` as the whole
    # new list, each row with these fields.
    RELATED_REVIEWED = {"indicators": ("label", "value", "year", "position"), "links": ("label", "url")}

    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="projects", verbose_name=_("Kommune")
    )
    title = models.CharField(_("Titel"), max_length=200)
    slug = models.SlugField(_("Kurzname (URL)"), max_length=80, unique=True, blank=True)
    summary = models.TextField(_("Kurzbeschreibung"), max_length=600)
    situation = models.TextField(_("Ausgangslage"), blank=True)
    goals = models.TextField(_("Ziele"), blank=True)
    achievements = models.TextField(_("Erreichtes"), blank=True)
    success_factors = models.TextField(_("Erfolgsfaktoren"), blank=True)
    pitfalls = models.TextField(_("Stolpersteine"), blank=True)

    organisations = models.ManyToManyField(
        Organisation, blank=True, related_name="projects", verbose_name=_("Träger und Partner")
    )
    phases = models.ManyToManyField(
        LifePhase,
        blank=True,
        related_name="projects",
        verbose_name=_("Lebensphasen"),
        help_text=_("Die Lebensphasen, in denen das Projekt mit Kindern und Familien arbeitet."),
    )
    transitions = models.ManyToManyField(
        Transition,
        blank=True,
        related_name="projects",
        verbose_name=_("Übergänge"),
        help_text=_("Die Übergänge zwischen zwei Lebensphasen, die das Projekt begleitet."),
    )
    action_fields = models.ManyToManyField(
        ActionField, blank=True, related_name="projects", verbose_name=_("Handlungsfelder")
    )
    target_groups = models.ManyToManyField(
        TargetGroup, blank=True, related_name="projects", verbose_name=_("Zielgruppen")
    )
    social_areas = models.ManyToManyField(
        SocialArea, blank=True, related_name="projects", verbose_name=_("Sozialräume")
    )
    # A Kreis project for the towns its Jugendamt serves, or a town's project open to its neighbours:
    # their chains and gap cells count it, marked "über den Kreis" / "über Kommune X".
    served_municipalities = models.ManyToManyField(
        Municipality,
        blank=True,
        related_name="served_projects",
        verbose_name=_("wirkt auch in"),
        help_text=_("Weitere Kommunen, für die das Projekt arbeitet, z. B. die Gemeinden des Kreisjugendamts."),
    )

    start_year = models.PositiveSmallIntegerField(_("seit"), null=True, blank=True, validators=YEAR_VALIDATORS)
    contact_name = models.CharField(_("Ansprechperson"), max_length=120, blank=True)
    contact_role = models.CharField(_("Funktion"), max_length=120, blank=True)
    contact_email = models.EmailField(_("E-Mail"), blank=True)
    contact_phone = models.CharField(_("Telefon"), max_length=40, blank=True)
    contact_is_public = models.BooleanField(
        _("Kontakt veröffentlichen"),
        default=False,
        help_text=_("Nur mit Einverständnis der Ansprechperson ankreuzen."),
    )

    confirmed_at = models.DateTimeField(_("zuletzt als aktuell bestätigt"), null=True, blank=True)
    created_at = models.DateTimeField(_("angelegt"), auto_now_add=True)
    updated_at = models.DateTimeField(_("geändert"), auto_now=True)

    # Maintained by database triggers (migration 0004) on every write to the project, its M2M
    # relations, its organisations' and municipality's names and its transfer offers: the search
    # never computes a vector per request, and facets count one table instead of joining five.
    transition_ids = ArrayField(models.BigIntegerField(), default=list, blank=True, editable=False)
    action_field_ids = ArrayField(models.BigIntegerField(), default=list, blank=True, editable=False)
    target_group_ids = ArrayField(models.BigIntegerField(), default=list, blank=True, editable=False)
    social_area_ids = ArrayField(models.BigIntegerField(), default=list, blank=True, editable=False)
    # The life phases, for the phase counters (migration 0022) as the other arrays are for ChainCount.
    phase_ids = ArrayField(models.BigIntegerField(), default=list, blank=True, editable=False)
    has_transfer_offer = models.BooleanField(_("hat Transfer-Angebot"), default=False, editable=False)
    # Review workflow (projects/services.py, fields from ReviewedModel): draft → in review → published
    # (→ archived, also on a Koordinator's request); a reviewer may return a submission with a comment.
    confirmation_reminder_sent_at = models.DateTimeField(_("zuletzt erinnert"), null=True, blank=True)

    objects = ProjectQuerySet.as_manager()
    history = TrackedHistoricalRecords(
        verbose_name=_("Version des Projekts"),
        verbose_name_plural=_("Versionen der Projekte"),
        # The trigger-maintained search and facet columns are derived from fields and relations that are kept.
        excluded_fields=["pending_changes", "updated_at", "confirmation_reminder_sent_at", *DERIVED_FIELDS],
        m2m_fields=[
            phases,
            transitions,
            action_fields,
            target_groups,
            organisations,
            social_areas,
            served_municipalities,
        ],
    )

    class Meta:
        verbose_name = _("Projekt")
        verbose_name_plural = _("Projekte")
        ordering = ["title"]
        indexes = [
            # The public list, facets and gap grid only ever read published projects.
            models.Index(
                fields=["status", "municipality"],
                name="project_published_municipality",
                condition=Q(status="published"),
            ),
            # Sorting the public list by name or age without sorting the table.
            models.Index(fields=["title", "id"], name="project_published_title", condition=Q(status="published")),
            models.Index(
                fields=["-created_at", "id"], name="project_published_newest", condition=Q(status="published")
            ),
            # Filters on the id arrays (&&) of the project list.
            GinIndex(fields=["transition_ids"], name="project_transition_ids_gin"),
            GinIndex(fields=["action_field_ids"], name="project_action_field_ids_gin"),
            GinIndex(fields=["target_group_ids"], name="project_target_group_ids_gin"),
            GinIndex(fields=["social_area_ids"], name="project_social_area_ids_gin"),
            # Facet counts that the counters cannot answer read only these columns. Only for the
            # projects with a transfer offer: for the rest, the id-array indexes find the few rows
            # that match two facets faster than a scan of a whole-table index would.
            models.Index(
                fields=["municipality"],
                include=["transition_ids", "action_field_ids", "target_group_ids", "social_area_ids"],
                name="project_transfer_facets",
                condition=Q(status="published", has_transfer_offer=True),
            ),
        ]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "title"], name="project_unique_title_per_municipality"),
            models.CheckConstraint(
                condition=Q(contact_is_public=False) | ~Q(contact_name=""),
                name="project_public_contact_has_name",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("projects:detail", kwargs={"slug": self.slug})

    def clean(self):
        if self.contact_is_public and not self.contact_name:
            raise ValidationError(
                {"contact_name": _("Ein veröffentlichter Kontakt braucht den Namen der Ansprechperson.")}
            )

    @property
    def confirmation_age(self) -> timedelta | None:
        """How long ago the project was last confirmed as current (None: never)."""
        return timezone.now() - self.confirmed_at if self.confirmed_at else None

    @property
    def needs_confirmation(self) -> bool:
        """Not confirmed for a year: the coordinator is reminded."""
        age = self.confirmation_age
        return age is None or age > CONFIRMATION_INTERVAL

    @property
    def is_stale(self) -> bool:
        """Not confirmed for 18 months: public pages mark the entry as possibly outdated."""
        age = self.confirmation_age
        return age is None or age > STALE_AFTER

    def _related_lines(self, name: str, rows: list[dict]) -> str:
        """Kennzahlen ("label: value (year)") or links ("label: url"), one a line."""
        if name == "indicators":
            return "\n".join(
                f"{row['label']}: {row['value']}" + (f" ({row['year']})" if row.get("year") else "") for row in rows
            )
        return "\n".join(f"{row['label']}: {row['url']}" for row in rows)

    def sections(self) -> list[tuple[str, str]]:
        """The descriptive sections in the order the source documents use."""
        return [
            (_("Ausgangslage"), self.situation),
            (_("Ziele"), self.goals),
            (_("Erreichtes"), self.achievements),
            (_("Erfolgsfaktoren"), self.success_factors),
            (_("Stolpersteine"), self.pitfalls),
        ]


class Indicator(models.Model):
    """A Kennzahl: a measured figure, e.g. "86 % of families with newborns reached" (2011)."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="indicators", verbose_name=_("Projekt"))
    label = models.CharField(_("Kennzahl"), max_length=200)
    value = models.CharField(_("Wert"), max_length=60)
    year = models.PositiveSmallIntegerField(_("Jahr"), null=True, blank=True, validators=YEAR_VALIDATORS)
    position = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)

    class Meta:
        verbose_name = _("Kennzahl")
        verbose_name_plural = _("Kennzahlen")
        ordering = ["project", "position", "pk"]

    def __str__(self) -> str:
        return f"{self.label}: {self.value}"


class ProjectLink(models.Model):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="links", verbose_name=_("Projekt"))
    label = models.CharField(_("Bezeichnung"), max_length=120)
    url = models.URLField(_("Adresse"))

    class Meta:
        verbose_name = _("Link")
        verbose_name_plural = _("Links")
        ordering = ["project", "label"]

    def __str__(self) -> str:
        return self.label
