import re

from django.db import models
from django.db.models import Q
from django.db.models.functions import Now
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.timezone import localtime
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
    response_weeks = models.PositiveSmallIntegerField(
        _("Antwortfrist in Wochen"),
        db_default=4,
        help_text=_(
            "Nur für die Erklärung zur Barrierefreiheit: so viele Wochen nach Eingang einer gemeldeten Barriere "
            "ist die Antwort fällig. Die Seite nennt die Frist beim Meldeformular."
        ),
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


class SignLanguageVideo(models.Model):
    """A video in Deutsche Gebärdensprache, supplied by the Redaktion and served from our own host.

    Format, size and duration are read from the file when it is uploaded (``pages/video.py``) and shown
    next to the download, as BITV 2.0 Anlage 2 asks.
    """

    class Topic(models.TextChoices):
        CONTENT = "inhalt", _("Was auf dieser Website steht")
        NAVIGATION = "navigation", _("Wie Sie sich auf der Website zurechtfinden")
        ACCESSIBILITY = "barrierefreiheit", _("Erklärung zur Barrierefreiheit")
        MORE = "weitere", _("Weitere Informationen in Gebärdensprache")

    topic = models.CharField(_("Thema"), max_length=20, choices=Topic, unique=True)
    file = models.FileField(_("Videodatei (MP4)"), upload_to="gebaerdensprache/")
    content_type = models.CharField(_("Format"), max_length=50, editable=False)
    size = models.PositiveBigIntegerField(_("Größe in Bytes"), editable=False)
    duration_seconds = models.PositiveIntegerField(_("Dauer in Sekunden"), editable=False)
    description = models.TextField(
        _("Inhalt in Textform"),
        help_text=_("Was im Video gesagt wird, kurz als Text – für alle, die das Video nicht sehen können."),
    )
    uploaded_at = models.DateTimeField(_("Hochgeladen am"), auto_now=True)

    class Meta:
        verbose_name = _("Video in Gebärdensprache")
        verbose_name_plural = _("Videos in Gebärdensprache")
        ordering = ["topic"]

    def __str__(self) -> str:
        return self.get_topic_display()

    def get_absolute_url(self) -> str:
        return reverse("pages:sign_language_video", kwargs={"topic": self.topic})

    @property
    def duration_display(self) -> str:
        minutes, seconds = divmod(self.duration_seconds, 60)
        return f"{minutes}:{seconds:02d}"


class BarrierReport(models.Model):
    """A barrier a visitor reported through the feedback form (BITV NRW's electronic contact form).

    ``answer_due_on`` is the day the answer is due: the day it came in plus the period the accessibility
    statement promises (``LegalPage.response_weeks``).
    """

    class Status(models.TextChoices):
        OPEN = "offen", _("Offen")
        ANSWERED = "beantwortet", _("Beantwortet")

    description = models.TextField(_("Was funktioniert nicht?"), max_length=5000)
    page_url = models.CharField(_("Auf welcher Seite?"), max_length=500, blank=True)
    name = models.CharField(_("Name"), max_length=200, blank=True)
    email = models.EmailField(_("E-Mail-Adresse"), blank=True)
    received_at = models.DateTimeField(_("Eingegangen am"), db_default=Now())
    answer_due_on = models.DateField(_("Antwort fällig am"))
    status = models.CharField(_("Stand"), max_length=20, choices=Status, default=Status.OPEN)
    note = models.TextField(_("Interne Notiz"), blank=True)

    class Meta:
        verbose_name = _("Gemeldete Barriere")
        verbose_name_plural = _("Gemeldete Barrieren")
        ordering = ["status", "answer_due_on", "pk"]

    def __str__(self) -> str:
        return _("Meldung vom {date}").format(date=date_format(localtime(self.received_at), "SHORT_DATE_FORMAT"))
