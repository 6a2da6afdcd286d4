"""Name the Ombudsstelle's contact in the accessibility statement instead of a placeholder.

BITV NRW asks the statement to point to the Ombudsstelle für barrierefreie Informationstechnik; its
address is public: the e-mail address IT.NRW gives every public body for the statement and the
Ombudsstelle's own page (with the application form for an Ombudsverfahren). Only the placeholder is
replaced, so whatever else the Redaktion edited stays.
"""

from django.db import migrations
from django.utils import timezone

PLACEHOLDER = (
    "[Anschrift und E-Mail-Adresse der Ombudsstelle, aktuell auf https://www.lbbp.nrw.de/ombudsstelle nachsehen]"
)
CONTACT = (
    "E-Mail ombudsstelle-barrierefreie-it@mags.nrw.de, Internet https://www.lbbp.nrw.de/ombudsstelle "
    "(dort finden Sie auch den Antrag auf ein Ombudsverfahren). Die Ombudsstelle gehört zur Beauftragten "
    "der Landesregierung für Menschen mit Behinderung und ist für Sie kostenlos."
)


def replace(apps, *, before: str, after: str) -> None:
    LegalPage = apps.get_model("pages", "LegalPage")
    for page in LegalPage.objects.filter(kind="barrierefreiheit", body__contains=before):
        page.body = page.body.replace(before, after)
        page.updated_at = timezone.now()
        page.save(update_fields=["body", "updated_at"])


def fill(apps, schema_editor):
    replace(apps, before=PLACEHOLDER, after=CONTACT)


def unfill(apps, schema_editor):
    replace(apps, before=CONTACT, after=PLACEHOLDER)


class Migration(migrations.Migration):
    dependencies = [("pages", "0004_sign_language_and_barrier_reports")]

    operations = [migrations.RunPython(fill, unfill)]
