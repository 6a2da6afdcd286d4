"""One concept, one name: ``Field`` → ``ActionField`` (Handlungsfeld), ``District`` → ``SocialArea`` (Sozialraum).

"district" now means only the Kreis (``Municipality.Kind.DISTRICT``, the API's ``district`` filter), and
``project.fields`` no longer reads like the form's fields. Tables, columns, indexes, constraints and
triggers follow the new names; the functions that read the renamed columns are replaced, and pending
changes awaiting review keep their values under the new keys.
"""

import importlib

import django.db.models.deletion
from django.contrib.postgres.indexes import GinIndex
from django.db import migrations, models

previous_denormalise = importlib.import_module("projects.migrations.0018_denormalise_within_projects").DENORMALISE

RENAMED_KEYS = {"fields": "action_fields", "districts": "social_areas"}

DENORMALISE = """
CREATE OR REPLACE FUNCTION projects_project_denormalise() RETURNS trigger AS $$
BEGIN
    NEW.transition_ids := ARRAY(SELECT transition_id FROM projects_project_transitions
                                 WHERE project_id = NEW.id ORDER BY 1);
    NEW.action_field_ids := ARRAY(SELECT actionfield_id FROM projects_project_action_fields
                                   WHERE project_id = NEW.id ORDER BY 1);
    NEW.target_group_ids := ARRAY(SELECT targetgroup_id FROM projects_project_target_groups
                                   WHERE project_id = NEW.id ORDER BY 1);
    NEW.social_area_ids := ARRAY(SELECT socialarea_id FROM projects_project_social_areas
                                  WHERE project_id = NEW.id ORDER BY 1);
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
"""

COUNTS = """
CREATE OR REPLACE FUNCTION projects_apply_counts(p projects_project, delta integer) RETURNS void AS $$
BEGIN
    INSERT INTO projects_chaincount (municipality_id, transition_id, field_id, count)
    SELECT p.municipality_id, t, f, delta FROM unnest(p.transition_ids) t,
           unnest(array_prepend(0::bigint, p.action_field_ids)) f
    ORDER BY 1, 2, 3
    ON CONFLICT (municipality_id, transition_id, field_id)
    DO UPDATE SET count = projects_chaincount.count + EXCLUDED.count;
END;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION projects_rebuild_counts() RETURNS void AS $$
BEGIN
    DELETE FROM projects_chaincount;
    INSERT INTO projects_chaincount (municipality_id, transition_id, field_id, count)
    SELECT p.municipality_id, t, f, count(*) FROM projects_project p, unnest(p.transition_ids) t,
           unnest(array_prepend(0::bigint, p.action_field_ids)) f
    WHERE p.status = 'published' GROUP BY 1, 2, 3;
END;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION projects_project_counts() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'UPDATE'
       AND OLD.status IS NOT DISTINCT FROM NEW.status
       AND OLD.municipality_id = NEW.municipality_id
       AND OLD.transition_ids = NEW.transition_ids AND OLD.action_field_ids = NEW.action_field_ids THEN
        RETURN NULL;
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.status = 'published' THEN
        PERFORM projects_apply_counts(OLD, -1);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.status = 'published' THEN
        PERFORM projects_apply_counts(NEW, 1);
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;
"""

RENAME_NAMES = """
ALTER TRIGGER project_fields_inserted ON projects_project_action_fields RENAME TO project_action_fields_inserted;
ALTER TRIGGER project_fields_deleted ON projects_project_action_fields RENAME TO project_action_fields_deleted;
ALTER TRIGGER project_districts_inserted ON projects_project_social_areas RENAME TO project_social_areas_inserted;
ALTER TRIGGER project_districts_deleted ON projects_project_social_areas RENAME TO project_social_areas_deleted;
ALTER TABLE projects_socialarea RENAME CONSTRAINT district_unique_name_per_municipality
    TO social_area_unique_name_per_municipality;
"""

# Undone before the tables get their old names back.
RENAME_NAMES_BACK = """
ALTER TRIGGER project_action_fields_inserted ON projects_project_action_fields RENAME TO project_fields_inserted;
ALTER TRIGGER project_action_fields_deleted ON projects_project_action_fields RENAME TO project_fields_deleted;
ALTER TRIGGER project_social_areas_inserted ON projects_project_social_areas RENAME TO project_districts_inserted;
ALTER TRIGGER project_social_areas_deleted ON projects_project_social_areas RENAME TO project_districts_deleted;
ALTER TABLE projects_socialarea RENAME CONSTRAINT social_area_unique_name_per_municipality
    TO district_unique_name_per_municipality;
"""


def _rename_pending_keys(apps, renamed: dict[str, str]) -> None:
    Project = apps.get_model("projects", "Project")
    for project in Project.objects.exclude(pending_changes={}).only("pk", "pending_changes"):
        changes = {renamed.get(key, key): value for key, value in project.pending_changes.items()}
        if changes != project.pending_changes:
            Project.objects.filter(pk=project.pk).update(pending_changes=changes)


def rename_pending_keys(apps, schema_editor):
    _rename_pending_keys(apps, RENAMED_KEYS)


def rename_pending_keys_back(apps, schema_editor):
    _rename_pending_keys(apps, {new: old for old, new in RENAMED_KEYS.items()})


class Migration(migrations.Migration):
    dependencies = [("projects", "0019_review_fields_shared")]

    operations = [
        migrations.RemoveIndex(model_name="project", name="project_transfer_facets"),
        migrations.RenameModel("Field", "ActionField"),
        migrations.RenameModel("District", "SocialArea"),
        migrations.RenameModel("HistoricalProject_fields", "HistoricalProject_action_fields"),
        migrations.RenameModel("HistoricalProject_districts", "HistoricalProject_social_areas"),
        migrations.RenameField("historicalproject_action_fields", "field", "actionfield"),
        migrations.RenameField("historicalproject_social_areas", "district", "socialarea"),
        migrations.RenameField("project", "fields", "action_fields"),
        migrations.RenameField("project", "districts", "social_areas"),
        migrations.RenameField("project", "field_ids", "action_field_ids"),
        migrations.RenameField("project", "district_ids", "social_area_ids"),
        # The index keeps its columns when they are renamed; only its name and Django's record of it change.
        *(
            migrations.SeparateDatabaseAndState(
                state_operations=[
                    migrations.RemoveIndex(model_name="project", name=old),
                    migrations.AddIndex(model_name="project", index=GinIndex(fields=[column], name=new)),
                ],
                database_operations=[
                    migrations.RunSQL(f"ALTER INDEX {old} RENAME TO {new}", f"ALTER INDEX {new} RENAME TO {old}")
                ],
            )
            for old, new, column in [
                ("project_field_ids_gin", "project_action_field_ids_gin", "action_field_ids"),
                ("project_district_ids_gin", "project_social_area_ids_gin", "social_area_ids"),
            ]
        ),
        migrations.AlterModelOptions(
            name="historicalproject_action_fields", options={"verbose_name": "HistoricalProject_action_fields"}
        ),
        migrations.AlterModelOptions(
            name="historicalproject_social_areas", options={"verbose_name": "HistoricalProject_social_areas"}
        ),
        migrations.AlterField(
            model_name="socialarea",
            name="municipality",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="social_areas",
                to="projects.municipality",
                verbose_name="Kommune",
            ),
        ),
        migrations.AddIndex(
            model_name="project",
            index=models.Index(
                fields=["municipality"],
                include=["transition_ids", "action_field_ids", "target_group_ids", "social_area_ids"],
                name="project_transfer_facets",
                condition=models.Q(status="published", has_transfer_offer=True),
            ),
        ),
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveConstraint(model_name="socialarea", name="district_unique_name_per_municipality"),
                migrations.AddConstraint(
                    model_name="socialarea",
                    constraint=models.UniqueConstraint(
                        fields=["municipality", "name"], name="social_area_unique_name_per_municipality"
                    ),
                ),
            ],
            database_operations=[migrations.RunSQL(RENAME_NAMES, reverse_sql=RENAME_NAMES_BACK)],
        ),
        migrations.RunSQL(
            DENORMALISE + COUNTS, reverse_sql=previous_denormalise + COUNTS.replace("action_field_ids", "field_ids")
        ),
        migrations.RunPython(rename_pending_keys, rename_pending_keys_back, elidable=True),
    ]
