import re

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

# Starting texts mark what the operator must fill in with square brackets: „[Telefonnummer]“.
PLACEHOLDER = re.compile(r"\[[^\[\]\n]*\]")
PLACEHOLDER_EMAIL_DOMAINS = ("example.org", "example.com", "example.net")


class LegalPage(models.Model):
    """One of the legal pages every German public-sector website must have, edited in the admin.

    The three pages exist from the first migration on; the Redaktion edits them, nobody adds or
    deletes them (the footer links to exactly these three).
    """

    class Kind(models.TextChoices):
        IMPRINT = "impressum", _("Impressum")
        PRIVACY = "datenschutz", _("Datenschutzerklärung")
        ACCESSIBILITY = "barrierefreiheit", _("Erklärung zur Barrierefreiheit")

    kind = models.CharField(_("Seite"), max_length=20, choices=Kind, unique=True)
    title = models.CharField(_("Überschrift"), max_length=200)
    body = models.TextField(
        _("Text"),
        help_text=_(
            "Absätze durch eine Leerzeile trennen. Zeilen mit „## “ am Anfang werden Zwischenüberschriften, "
            "Zeilen mit „- “ am Anfang Aufzählungen. Web- und E-Mail-Adressen werden automatisch verlinkt."
        ),
    )
    contact_email = models.EmailField(
        _("E-Mail für Rückmeldungen"),
        blank=True,
        help_text=_("Pflicht für die Erklärung zur Barrierefreiheit (Feedback-Mechanismus nach BITV 2.0)."),
    )
    updated_at = models.DateTimeField(_("Stand"), auto_now=True)

    class Meta:
        verbose_name = _("Rechtliche Seite")
        verbose_name_plural = _("Rechtliche Seiten")
        ordering = ["kind"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(kind="barrierefreiheit") | ~Q(contact_email=""),
                name="legalpage_accessibility_has_feedback_contact",
                violation_error_message=_(
                    "Die Erklärung zur Barrierefreiheit braucht eine E-Mail-Adresse für Rückmeldungen."
                ),
            ),
        ]

    def __str__(self) -> str:
        return self.get_kind_display()

    def get_absolute_url(self) -> str:
        return reverse(f"pages:{self.Kind(self.kind).name.lower()}")

    def placeholders(self) -> list[str]:
        """What still has to be filled in: bracketed text in title or body, and an example.org address."""
        found = PLACEHOLDER.findall(f"{self.title}\n{self.body}")
        if self.contact_email.rpartition("@")[2].lower() in PLACEHOLDER_EMAIL_DOMAINS:
            found.append(self.contact_email)
        return found
