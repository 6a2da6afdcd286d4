from django.contrib.auth.management import create_permissions
from django.db import migrations

# What each role may do in the admin. Which *rows* a Koordinator sees is decided per model by
# the access helpers; these are only the model-level permissions.
ROLE_PERMISSIONS = {
    "Koordinator": {
        "projects": {
            "project": "avcd",
            "indicator": "avcd",
            "projectlink": "avcd",
            "organisation": "avc",
            "district": "avc",
            "municipality": "v",
            "transition": "v",
            "field": "v",
            "targetgroup": "v",
        },
        "networks": {"network": "avcd"},
        "transfers": {
            "transferoffer": "avcd",
            "transferservice": "avcd",
            "transferrequest": "avcd",
            "transferinterest": "avc",
        },
    },
    "Steuerungsgruppe": {
        "projects": {
            "project": "avcd",
            "indicator": "avcd",
            "projectlink": "avcd",
            "organisation": "avcd",
            "district": "avcd",
            "municipality": "avc",
            "transition": "avcd",
            "field": "avcd",
            "targetgroup": "avcd",
        },
        "networks": {"network": "avcd"},
        "transfers": {
            "transferoffer": "avcd",
            "transferservice": "avcd",
            "transferrequest": "avcd",
            "transferinterest": "avcd",
        },
    },
}
ROLE_PERMISSIONS["Redaktion"] = ROLE_PERMISSIONS["Steuerungsgruppe"]
ACTIONS = {"a": "add", "v": "view", "c": "change", "d": "delete"}


def create_roles(apps, schema_editor):
    # Permissions are normally created after all migrations ran; the groups need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0, apps=apps)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for role, apps_models in ROLE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=role)
        codenames = [
            f"{ACTIONS[letter]}_{model}"
            for models in apps_models.values()
            for model, letters in models.items()
            for letter in letters
        ]
        group.permissions.set(
            Permission.objects.filter(content_type__app_label__in=apps_models.keys(), codename__in=codenames)
        )


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLE_PERMISSIONS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
        ("projects", "0002_postgres_extensions"),
        ("networks", "0001_initial"),
        ("transfers", "0002_interest_not_for_own_offer"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
