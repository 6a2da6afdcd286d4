from django.db import models
from django.db.models.functions import Now
from django.utils.translation import gettext_lazy as _


class SearchChange(models.Model):
    """One entry of the ordered change log that every server's index copy follows (see ``index.sync``).

    Written in the same transaction as the change it records, so it commits or rolls back with it.
    ``kind`` names what changed (``project``, ``offer``, …) and ``object_id`` which one; the index
    reads the object's current state from the database, so applying an entry twice does no harm.
    """

    kind = models.CharField(_("Art"), max_length=20)
    object_id = models.BigIntegerField(_("Datensatz"))
    created_at = models.DateTimeField(_("erfasst"), db_default=Now())

    class Meta:
        verbose_name = _("Änderung für die Suche")
        verbose_name_plural = _("Änderungen für die Suche")
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.pk}: {self.kind} {self.object_id}"
