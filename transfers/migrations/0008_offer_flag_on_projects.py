from django.db import migrations

# The project's "has an active transfer offer" flag (lists, facets and the gap grid read it) is this
# app's rule, so its triggers live here: a row trigger on projects_project computes it, statement
# triggers on the offers touch the projects whose offers changed. Until now projects/0004 kept them,
# a lower app reaching into this one's table.
FORWARD = """
DROP TRIGGER IF EXISTS transferoffer_inserted ON transfers_transferoffer;
DROP TRIGGER IF EXISTS transferoffer_updated ON transfers_transferoffer;
DROP TRIGGER IF EXISTS transferoffer_deleted ON transfers_transferoffer;

CREATE FUNCTION transfers_project_has_offer() RETURNS trigger AS $$
BEGIN
    NEW.has_transfer_offer := EXISTS(SELECT 1 FROM transfers_transferoffer o
                                      WHERE o.project_id = NEW.id AND o.is_active);
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER project_has_transfer_offer BEFORE INSERT OR UPDATE ON projects_project
FOR EACH ROW EXECUTE FUNCTION transfers_project_has_offer();

-- Statement-level, so a bulk write touches each project once; an offer moved to another project
-- touches both.
CREATE FUNCTION transfers_touch_offered_projects() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        UPDATE projects_project SET id = id
         WHERE id IN (SELECT project_id FROM new_offers UNION SELECT project_id FROM old_offers);
    ELSIF TG_OP = 'INSERT' THEN
        UPDATE projects_project SET id = id WHERE id IN (SELECT project_id FROM new_offers);
    ELSE
        UPDATE projects_project SET id = id WHERE id IN (SELECT project_id FROM old_offers);
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER offer_inserted AFTER INSERT ON transfers_transferoffer
REFERENCING NEW TABLE AS new_offers FOR EACH STATEMENT EXECUTE FUNCTION transfers_touch_offered_projects();
CREATE TRIGGER offer_updated AFTER UPDATE ON transfers_transferoffer
REFERENCING OLD TABLE AS old_offers NEW TABLE AS new_offers
FOR EACH STATEMENT EXECUTE FUNCTION transfers_touch_offered_projects();
CREATE TRIGGER offer_deleted AFTER DELETE ON transfers_transferoffer
REFERENCING OLD TABLE AS old_offers FOR EACH STATEMENT EXECUTE FUNCTION transfers_touch_offered_projects();

UPDATE projects_project SET id = id;
"""

# Going back: projects/0004's triggers on the offers (projects/0018 going back restores the flag in
# the projects' own function).
BACKWARD = """
DROP TRIGGER IF EXISTS offer_inserted ON transfers_transferoffer;
DROP TRIGGER IF EXISTS offer_updated ON transfers_transferoffer;
DROP TRIGGER IF EXISTS offer_deleted ON transfers_transferoffer;
DROP FUNCTION IF EXISTS transfers_touch_offered_projects();
DROP TRIGGER IF EXISTS project_has_transfer_offer ON projects_project;
DROP FUNCTION IF EXISTS transfers_project_has_offer();

CREATE TRIGGER transferoffer_inserted AFTER INSERT ON transfers_transferoffer
REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION projects_touch_changed_projects();
CREATE TRIGGER transferoffer_updated AFTER UPDATE ON transfers_transferoffer
REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION projects_touch_changed_projects();
CREATE TRIGGER transferoffer_deleted AFTER DELETE ON transfers_transferoffer
REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION projects_touch_changed_projects();
"""


class Migration(migrations.Migration):
    dependencies = [
        ("transfers", "0007_notification_kinds"),
        ("projects", "0018_denormalise_within_projects"),
    ]

    operations = [migrations.RunSQL(FORWARD, reverse_sql=BACKWARD)]
