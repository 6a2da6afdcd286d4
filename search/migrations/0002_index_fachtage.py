from django.db import migrations


def log_published_events(apps, schema_editor):
    """Fachtage became documents of the index: logging each published one lets every server's index copy
    add them at its next sync, without a rebuild."""
    Event = apps.get_model("events", "Event")
    SearchChange = apps.get_model("search", "SearchChange")
    ids = Event.objects.filter(is_published=True).values_list("pk", flat=True)
    SearchChange.objects.bulk_create([SearchChange(kind="event", object_id=pk) for pk in ids])


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0001_change_log"),
        ("events", "0001_move_events_from_steering"),
    ]

    operations = [migrations.RunPython(log_published_events, migrations.RunPython.noop)]
