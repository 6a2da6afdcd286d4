from functools import cached_property

from django.contrib.auth.models import AbstractUser
from django.db import models
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
