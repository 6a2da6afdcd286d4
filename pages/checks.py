"""``manage.py check --deploy --database default`` warns while a legal page still has placeholders.

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
