import importlib

from django.db import migrations

# The project's own arrays only: the "has a transfer offer" flag is kept by the transfers app's trigger
# (transfers/migrations/0008), so no function of this app reads a table of an app above it.
DENORMALISE = """
CREATE OR REPLACE FUNCTION projects_project_denormalise() RETURNS trigger AS $$
BEGIN
    NEW.transition_ids := ARRAY(SELECT transition_id FROM projects_project_transitions
                                 WHERE project_id = NEW.id ORDER BY 1);
    NEW.field_ids := ARRAY(SELECT field_id FROM projects_project_fields WHERE project_id = NEW.id ORDER BY 1);
    NEW.target_group_ids := ARRAY(SELECT targetgroup_id FROM projects_project_target_groups
                                   WHERE project_id = NEW.id ORDER BY 1);
    NEW.district_ids := ARRAY(SELECT district_id FROM projects_project_districts WHERE project_id = NEW.id ORDER BY 1);
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
"""

previous = importlib.import_module("projects.migrations.0017_drop_search_vector")


class Migration(migrations.Migration):
    dependencies = [("projects", "0017_drop_search_vector")]

    operations = [migrations.RunSQL(DENORMALISE, reverse_sql=previous.DENORMALISE)]
