from django.db import migrations

RENAMED_KEYS = {"fields": "action_fields"}


def _rename_pending_keys(apps, renamed: dict[str, str]) -> None:
    Network = apps.get_model("networks", "Network")
    for network in Network.objects.exclude(pending_changes={}).only("pk", "pending_changes"):
        changes = {renamed.get(key, key): value for key, value in network.pending_changes.items()}
        if changes != network.pending_changes:
            Network.objects.filter(pk=network.pk).update(pending_changes=changes)


def rename_pending_keys(apps, schema_editor):
    _rename_pending_keys(apps, RENAMED_KEYS)


def rename_pending_keys_back(apps, schema_editor):
    _rename_pending_keys(apps, {new: old for old, new in RENAMED_KEYS.items()})


class Migration(migrations.Migration):
    """Handlungsfelder are ``action_fields``, after the model ``ActionField``; pending changes follow."""

    dependencies = [("networks", "0003_review"), ("projects", "0020_action_fields_and_social_areas")]

    operations = [
        migrations.RenameField("network", "fields", "action_fields"),
        migrations.RunPython(rename_pending_keys, rename_pending_keys_back, elidable=True),
    ]
