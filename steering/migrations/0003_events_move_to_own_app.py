"""Fachtage now live in the ``events`` app, which took over their tables (``events.0001``); here they
only leave the steering state, without SQL."""

from django.db import migrations


class Migration(migrations.Migration):
    # The old Fachtag state must be gone before projects renames the Handlungsfeld model it points to.
    run_before = [("projects", "0020_action_fields_and_social_areas")]
    dependencies = [
        ("steering", "0002_seed_criteria_indicators_roles"),
        ("events", "0001_move_events_from_steering"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="EventRegistration"),
                migrations.DeleteModel(name="Event"),
            ],
            database_operations=[],
        ),
    ]
