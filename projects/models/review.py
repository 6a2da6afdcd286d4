"""What every reviewed record shares: draft → in review → published (→ archived), the review fields and
edits of a published record that wait in ``pending_changes`` until a reviewer approves them.

Projects use it, and so do the networks (which sit above projects and import it from here).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class ReviewStatus(models.TextChoices):
    DRAFT = "draft", _("Entwurf")
    IN_REVIEW = "in_review", _("In Prüfung")
    PUBLISHED = "published", _("Veröffentlicht")
    ARCHIVED = "archived", _("Archiviert")


class ReviewQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=ReviewStatus.PUBLISHED)

    def drafts(self):
        """Drafts not (yet) returned by a reviewer."""
        return self.filter(status=ReviewStatus.DRAFT, review_comment="")

    @staticmethod
    def awaiting_review_condition() -> Q:
        """Submitted records, published records with submitted changes (not returned), and requests to
        archive a published record."""
        return (
            Q(status=ReviewStatus.IN_REVIEW)
            | Q(status=ReviewStatus.PUBLISHED, review_comment="") & ~Q(pending_changes={})
            | Q(status=ReviewStatus.PUBLISHED, archive_requested_at__isnull=False)
        )

    def awaiting_review(self):
        return self.filter(self.awaiting_review_condition())

    def returned(self):
        """Returned by a reviewer with a comment: a draft, or pending changes of a published record."""
        return self.exclude(review_comment="").filter(status__in=[ReviewStatus.DRAFT, ReviewStatus.PUBLISHED])


class ReviewedModel(models.Model):
    """Abstract: the status and review fields, and the reviewer's view of what will be published.

    A subclass names its reviewed fields in ``REVIEWED_FIELDS`` (the many-to-many ones also in
    ``MANY_TO_MANY_REVIEWED_FIELDS``; foreign keys are stored as ids) and may review lists of child rows
    (``RELATED_REVIEWED``, shown by ``_related_lines``).
    """

    Status = ReviewStatus

    REVIEWED_FIELDS: list[str] = []
    MANY_TO_MANY_REVIEWED_FIELDS: list[str] = []
    RELATED_REVIEWED: dict[str, tuple[str, ...]] = {}

    status = models.CharField(_("Status"), max_length=12, choices=ReviewStatus, default=ReviewStatus.DRAFT)
    # Edits of a published record wait in ``pending_changes`` ({field name: new value}, many-to-many
    # fields as lists of ids, foreign keys as ids) until a reviewer approves them.
    submitted_at = models.DateTimeField(_("eingereicht am"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="submitted_%(class)ss",
        verbose_name=_("eingereicht von"),
    )
    reviewed_at = models.DateTimeField(_("geprüft am"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="reviewed_%(class)ss",
        verbose_name=_("geprüft von"),
    )
    review_comment = models.TextField(_("Kommentar der Prüfung"), blank=True)
    pending_changes = models.JSONField(_("ausstehende Änderungen"), default=dict, blank=True)
    # A Koordinator asked to take a published record off the portal; a reviewer archives it or returns
    # the request (``projects.reviewing.request_archiving``).
    archive_requested_at = models.DateTimeField(_("Archivierung beantragt am"), null=True, blank=True)

    class Meta:
        abstract = True

    @property
    def is_published(self) -> bool:
        return self.status == ReviewStatus.PUBLISHED

    @property
    def has_pending_changes(self) -> bool:
        return bool(self.pending_changes)

    @property
    def has_archive_request(self) -> bool:
        return self.archive_requested_at is not None

    @property
    def is_returned(self) -> bool:
        return bool(self.review_comment) and self.status in {ReviewStatus.DRAFT, ReviewStatus.PUBLISHED}

    def is_foreign_key(self, name: str) -> bool:
        return self._meta.get_field(name).many_to_one

    def reviewed_values(self) -> dict:
        """The live values of the reviewed fields, as stored in ``pending_changes``."""
        values = {}
        for name in self.REVIEWED_FIELDS:
            if name in self.MANY_TO_MANY_REVIEWED_FIELDS:
                values[name] = sorted(getattr(self, name).values_list("pk", flat=True)) if self.pk else []
            elif self.is_foreign_key(name):
                values[name] = getattr(self, f"{name}_id")
            else:
                values[name] = getattr(self, name)
        return values

    def related_values(self) -> dict[str, list[dict]]:
        """The live child rows reviewed with the record (``RELATED_REVIEWED``), as stored in ``pending_changes``."""
        if not self.pk:
            return {name: [] for name in self.RELATED_REVIEWED}
        return {
            name: [dict(zip(columns, row, strict=True)) for row in getattr(self, name).values_list(*columns)]
            for name, columns in self.RELATED_REVIEWED.items()
        }

    def pending_changes_diff(self) -> list[dict]:
        """Field by field: what the pending changes would change in the published version."""
        return [row for row in self.review_rows() if row["changed"]]

    def review_rows(self) -> list[dict]:
        """Every reviewed field as the reviewer sees it: the published value (``old``, empty for a
        submission that was never published), the value that will be published (``new``) and whether it
        changes. Many-to-many fields and foreign keys as the names of their records."""
        current = self.reviewed_values()
        published = current if self.is_published else dict.fromkeys(current)
        pending = self.pending_changes if self.is_published else {}
        names = self._related_names([current, pending])
        rows = []
        for name in self.REVIEWED_FIELDS:
            old, new = published[name], pending.get(name, current[name])
            rows.append(
                {
                    "name": name,
                    "label": self._meta.get_field(name).verbose_name,
                    "old": self._shown(name, old, names),
                    "new": self._shown(name, new, names),
                    "changed": self.is_published and name in pending and new != old,
                }
            )
        live_related = self.related_values()
        for name in self.RELATED_REVIEWED:
            old = live_related[name] if self.is_published else None
            new = pending.get(name, live_related[name])
            rows.append(
                {
                    "name": name,
                    "label": self._meta.get_field(name).related_model._meta.verbose_name_plural,
                    "old": "" if old is None else self._related_lines(name, old),
                    "new": self._related_lines(name, new),
                    "changed": self.is_published and name in pending and new != old,
                }
            )
        return rows

    def _related_lines(self, name: str, rows: list[dict]) -> str:
        """Child rows of ``RELATED_REVIEWED`` as text, one a line."""
        return "\n".join(", ".join(str(value) for value in row.values()) for row in rows)

    def _related_names(self, versions: list[dict]) -> dict[str, dict[int, str]]:
        """The names of the records that the many-to-many fields and foreign keys of ``versions`` refer to."""
        names = {}
        for name in self.REVIEWED_FIELDS:
            if name not in self.MANY_TO_MANY_REVIEWED_FIELDS and not self.is_foreign_key(name):
                continue
            pks = set()
            for version in versions:
                value = version.get(name)
                pks.update(value if isinstance(value, list) else [] if value is None else [value])
            model = self._meta.get_field(name).related_model
            label = "title" if any(field.name == "title" for field in model._meta.fields) else "name"
            names[name] = dict(model.objects.filter(pk__in=pks).values_list("pk", label))
        return names

    def _shown(self, name: str, value, names: dict) -> str:
        if value is None:
            return ""
        if name in self.MANY_TO_MANY_REVIEWED_FIELDS:
            return ", ".join(sorted(names[name].get(pk, "?") for pk in value))
        if name in names:
            return names[name].get(value, "?")
        choices = dict(self._meta.get_field(name).flatchoices)
        if choices:
            return str(choices.get(value, value))  # "Arbeitskreis", not "network"
        return _display(value)


def _display(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(_("Ja") if value else _("Nein"))
    return str(value)
