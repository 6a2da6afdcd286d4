from django.db import migrations

# A CHECK constraint cannot look into another table, so a trigger keeps a municipality from
# registering interest in an offer on its own project. SQLSTATE 23514 (check_violation) makes
# psycopg raise an IntegrityError, like a violated CHECK constraint would.
CREATE = """
CREATE FUNCTION transfers_interest_not_for_own_offer() RETURNS trigger AS $$
BEGIN
    IF EXISTS (
        SELECT 1
        FROM transfers_transferoffer o
        JOIN projects_project p ON p.id = o.project_id
        WHERE o.id = NEW.offer_id AND p.municipality_id = NEW.municipality_id
    ) THEN
        RAISE EXCEPTION 'transferinterest_not_for_own_offer'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'transferinterest_not_for_own_offer';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER transferinterest_not_for_own_offer
BEFORE INSERT OR UPDATE OF offer_id, municipality_id ON transfers_transferinterest
FOR EACH ROW EXECUTE FUNCTION transfers_interest_not_for_own_offer();
"""

DROP = """
DROP TRIGGER IF EXISTS transferinterest_not_for_own_offer ON transfers_transferinterest;
DROP FUNCTION IF EXISTS transfers_interest_not_for_own_offer();
"""


class Migration(migrations.Migration):
    dependencies = [("transfers", "0001_initial")]

    operations = [migrations.RunSQL(CREATE, DROP)]
