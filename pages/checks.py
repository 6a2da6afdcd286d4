"""``manage.py check --deploy --database default`` warns while a legal page still has placeholders
and while a topic of the sign-language page has no video yet.

Registered as a database check: Django runs those only when asked for with ``--database`` (or
``--tag database``), so ``check --deploy`` alone (as in CI, without a reachable database) stays silent,
while the operator sees with ``--database default`` which pages must be completed before going live.
"""

from django.core.checks import Tags, Warning, register
from django.db import DatabaseError


@register(Tags.database, deploy=True)
def legal_pages_complete(app_configs=None, databases=None, **kwargs) -> list[Warning]:
    if not databases:
        return []
    from .models import LegalPage

    warnings = []
    for alias in databases:
        try:
            pages = list(LegalPage.objects.using(alias).order_by("kind"))
        except DatabaseError:  # not migrated yet: migrate's own checks say so
            continue
        for page in pages:
            if placeholders := page.placeholders():
                warnings.append(
                    Warning(
                        "„{page}“ enthält noch {count} Platzhalter: {items}".format(
                            page=page, count=len(placeholders), items=" · ".join(placeholders)
                        ),
                        hint="In der Verwaltung unter „Seiten und Betrieb → Rechtliche Seiten“ ersetzen.",
                        obj=page,
                        id="pages.W001",
                    )
                )
    return warnings


@register(Tags.database, deploy=True)
def sign_language_videos_present(app_configs=None, databases=None, **kwargs) -> list[Warning]:
    """BITV 2.0 § 4 asks for the explanations in DGS; until the Redaktion uploads them the page says so."""
    if not databases:
        return []
    from .models import SignLanguageVideo

    warnings = []
    for alias in databases:
        try:
            present = set(SignLanguageVideo.objects.using(alias).values_list("topic", flat=True))
        except DatabaseError:
            continue
        missing = [str(topic.label) for topic in SignLanguageVideo.Topic if topic.value not in present]
        if missing:
            warnings.append(
                Warning(
                    "Es fehlen noch {count} Videos in Deutscher Gebärdensprache: {items}".format(
                        count=len(missing), items=" · ".join(missing)
                    ),
                    hint="In der Verwaltung unter „Seiten und Betrieb → Videos in Gebärdensprache“ hochladen (MP4).",
                    id="pages.W002",
                )
            )
    return warnings
