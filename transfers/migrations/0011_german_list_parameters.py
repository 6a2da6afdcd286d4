"""The offer and Gesuch lists name their URL parameters in German; saved searches follow."""

from urllib.parse import parse_qsl, urlencode

from django.db import migrations

RENAMED = {
    "transition": "uebergang",
    "field": "handlungsfeld",
    "target_group": "zielgruppe",
    "municipality": "kommune",
    "service": "leistung",
    "mode": "transferform",
    "effort": "aufwand",
    "difficulty": "schwierigkeit",
}
LISTS = ["angebote", "gesuche"]


def _renamed(query: str, names: dict[str, str]) -> str:
    return urlencode([(names.get(key, key), value) for key, value in parse_qsl(query, keep_blank_values=True)])


def rename(apps, names: dict[str, str]) -> None:
    SavedSearch = apps.get_model("transfers", "SavedSearch")
    for saved in SavedSearch.objects.filter(list_name__in=LISTS).exclude(query=""):
        query = _renamed(saved.query, names)
        if query != saved.query:
            SavedSearch.objects.filter(pk=saved.pk).update(query=query)


class Migration(migrations.Migration):
    dependencies = [("transfers", "0010_offer_announced_at")]

    operations = [
        migrations.RunPython(
            lambda apps, schema_editor: rename(apps, RENAMED),
            lambda apps, schema_editor: rename(apps, {german: english for english, german in RENAMED.items()}),
        )
    ]
