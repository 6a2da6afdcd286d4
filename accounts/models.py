from functools import cached_property

from django.contrib.auth.models import AbstractUser
from django.db import connections, models, router
from django.db.models.functions import Now
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    """The permission groups; created by a data migration, names are what the admin shows."""

    COORDINATOR = "Koordinator", _("Koordinator/in")
    STEERING_GROUP = "Steuerungsgruppe", _("Steuerungsgruppe")
    EDITORIAL = "Redaktion", _("Redaktion")


class User(AbstractUser):
    class Meta(AbstractUser.Meta):
        verbose_name = _("Benutzer/in")
        verbose_name_plural = _("Benutzer/innen")
        ordering = ["username"]

    def __str__(self) -> str:
        return self.get_full_name() or self.username

    @cached_property
    def role_names(self) -> frozenset[str]:
        """The user's group names, loaded once per user object (i.e. once per request)."""
        return frozenset(self.groups.values_list("name", flat=True))

    def has_role(self, role: Role) -> bool:
        return role.value in self.role_names

    @property
    def is_steering_group(self) -> bool:
        """Steuerungsgruppe, Redaktion and superusers see and review everything."""
        return self.is_active and (
            self.is_superuser or self.has_role(Role.STEERING_GROUP) or self.has_role(Role.EDITORIAL)
        )

    def coordinated_municipality_ids(self) -> set[int]:
        return set(self.coordinator_roles.values_list("municipality_id", flat=True))


class Coordinator(models.Model):
    """A user maintains the records of one municipality (a user may coordinate several)."""

    user = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="coordinator_roles", verbose_name=_("Benutzer/in")
    )
    municipality = models.ForeignKey(
        "projects.Municipality",
        on_delete=models.PROTECT,
        related_name="coordinators",
        verbose_name=_("Kommune"),
    )
    created_at = models.DateTimeField(_("seit"), auto_now_add=True)

    class Meta:
        verbose_name = _("Koordinator/in")
        verbose_name_plural = _("Koordinator/innen")
        ordering = ["municipality__name", "user__username"]
        constraints = [
            models.UniqueConstraint(fields=["user", "municipality"], name="coordinator_unique_user_municipality"),
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.municipality}"


class RateLimitCountQuerySet(models.QuerySet):
    def hit(self, key: str, *, stale_after_minutes: int = 2, purge_batch: int = 100) -> int:
        """Count one request for ``key`` in the current minute and return the minute's count so far.

        One statement on the shared database, so every gunicorn worker and app server counts together
        and concurrent requests never lose a count: ``INSERT … ON CONFLICT DO UPDATE`` increments the
        row of the current minute (the database's clock, the same for every app server). The same
        statement deletes up to ``purge_batch`` rows of minutes long past, found through the index of
        the unique constraint (no table scan); ``SKIP LOCKED`` lets concurrent requests share that
        work without waiting for or deadlocking on each other.
        """
        table = self.model._meta.db_table
        sql = f"""
            WITH stale AS (
                DELETE FROM {table} WHERE id IN (
                    SELECT id FROM {table}
                    WHERE window_start < date_trunc('minute', now()) - make_interval(mins => %s)
                    LIMIT %s FOR UPDATE SKIP LOCKED
                )
            )
            INSERT INTO {table} (key, window_start, count)
            VALUES (%s, date_trunc('minute', now()), 1)
            ON CONFLICT ON CONSTRAINT ratelimitcount_unique_window_key
            DO UPDATE SET count = {table}.count + 1
            RETURNING count
        """  # the table name is ours; every value is a query parameter
        with connections[router.db_for_write(self.model)].cursor() as cursor:
            cursor.execute(sql, [stale_after_minutes, purge_batch, key])
            return cursor.fetchone()[0]


class RateLimitCount(models.Model):
    """How many rate-limited requests one client made in one minute (see accounts/ratelimit.py).

    Technical, short-lived and not shown in the admin: rows older than two minutes are deleted by
    the next counted request. ``key`` names the limit and a keyed hash of the client, never its address.
    """

    key = models.CharField(_("Schlüssel"), max_length=100)
    window_start = models.DateTimeField(_("Minute"))
    count = models.PositiveIntegerField(_("Anfragen"), default=1)

    objects = RateLimitCountQuerySet.as_manager()

    class Meta:
        verbose_name = _("Zähler der Zugriffsbegrenzung")
        verbose_name_plural = _("Zähler der Zugriffsbegrenzung")
        ordering = ["window_start", "key"]
        constraints = [
            # window_start first: the same index serves the purge of past minutes (a range on window_start).
            models.UniqueConstraint(fields=["window_start", "key"], name="ratelimitcount_unique_window_key"),
        ]

    def __str__(self) -> str:
        return f"{self.key} @ {self.window_start:%Y-%m-%d %H:%M}: {self.count}"


class OutgoingMail(models.Model):
    """One e-mail to one recipient, written in the transaction of the step that causes it.

    The background worker sends it (``accounts.outbox``): a web request never talks to the mail server.
    A failed attempt is retried with growing pauses; after the last one the row stays ``failed`` and
    the Redaktion sees it in the admin, where it can be sent again.
    """

    class Status(models.TextChoices):
        QUEUED = "queued", _("wartet auf Versand")
        SENDING = "sending", _("wird versandt")
        SENT = "sent", _("versandt")
        FAILED = "failed", _("fehlgeschlagen")

    to = models.EmailField(_("an"))
    subject = models.CharField(_("Betreff"), max_length=300)
    body = models.TextField(_("Text"))
    template = models.CharField(_("Vorlage"), max_length=100, help_text=_("templates/mail/<Vorlage>.txt"))
    status = models.CharField(_("Stand"), max_length=10, choices=Status, default=Status.QUEUED)
    attempts = models.PositiveSmallIntegerField(_("Versuche"), default=0)
    next_attempt_at = models.DateTimeField(_("nächster Versuch"), db_default=Now())
    claimed_at = models.DateTimeField(_("Versand begonnen"), null=True, blank=True)
    sent_at = models.DateTimeField(_("versandt am"), null=True, blank=True)
    last_error = models.TextField(_("letzter Fehler"), blank=True)
    created_at = models.DateTimeField(_("erstellt"), auto_now_add=True)

    class Meta:
        verbose_name = _("ausgehende E-Mail")
        verbose_name_plural = _("ausgehende E-Mails")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(status="sent") | models.Q(sent_at__isnull=False),
                name="outgoingmail_sent_has_sent_at",
            ),
        ]
        indexes = [
            # The sweep looks only at unfinished mails; sent and failed ones stay out of the index.
            models.Index(
                fields=["status", "next_attempt_at"],
                condition=models.Q(status__in=["queued", "sending"]),
                name="outgoingmail_unfinished",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.to}: {self.subject}"
