from django.db import migrations


class Migration(migrations.Migration):
    """Handlungsfelder are ``action_fields``, after the model ``ActionField``."""

    dependencies = [("events", "0001_move_events_from_steering"), ("projects", "0020_action_fields_and_social_areas")]

    operations = [migrations.RenameField("event", "fields", "action_fields")]
