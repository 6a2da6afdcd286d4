from django.db import migrations


class Migration(migrations.Migration):
    """A Gesuch's Handlungsfelder are ``action_fields``, after the model ``ActionField``."""

    dependencies = [("transfers", "0008_offer_flag_on_projects"), ("projects", "0020_action_fields_and_social_areas")]

    operations = [migrations.RenameField("transferrequest", "fields", "action_fields")]
