"""Permission matrix: role × admin model × action over real admin URLs, against an explicit table.

Every model has one record of Bergkamen ("B") and one of Selm ("S"); for taxonomies and technical
models the two are simply two records. Each cell of the table says on which of the two records the
action succeeded ("B", "S", "BS" or "-"); for "add" it says whether the add form opened ("+").
Any difference fails – an unexpected allow as much as an unexpected deny.

What "succeeded" means per action:
changelist   the record is listed
view         its change page opens (read-only or editable)
change       posting its change form, as a browser would, saves it
add          the add form opens
delete       its delete confirmation opens
bulk_delete  "delete selected" on both records offers it for deletion
history      its history opens
export       its title appears in the CSV export
"""

import csv
import io

import pytest
from django.contrib import admin
from django.urls import NoReverseMatch, reverse

from .conftest import form_data

pytestmark = pytest.mark.django_db

ACTIONS = ["changelist", "view", "change", "add", "delete", "bulk_delete", "history", "export"]
ROLES = ["anonymous", "koordinator_bergkamen", "koordinator_selm", "steuerungsgruppe", "superuser"]

NOTHING = "changelist:- view:- change:- add:- delete:- bulk_delete:- history:- export:-"
ALL_BOTH = "changelist:BS view:BS change:BS add:+ delete:BS bulk_delete:BS history:BS export:-"
VIEW_BOTH = "changelist:BS view:BS change:- add:- delete:- bulk_delete:- history:BS export:-"
# The three legal pages exist from the start: edited, never added or deleted.
LEGAL_PAGE_EDITOR = "changelist:BS view:BS change:BS add:- delete:- bulk_delete:- history:BS export:-"


def own(tag: str, *, delete: bool = True, export: bool = False) -> str:
    """A Koordinator's full rights on the own record only."""
    deleting = f"delete:{tag} bulk_delete:{tag}" if delete else "delete:- bulk_delete:-"
    return f"changelist:{tag} view:{tag} change:{tag} add:+ {deleting} history:{tag} export:{tag if export else '-'}"


def coordinator_row(tag: str) -> dict[str, str]:
    return {
        "accounts.user": NOTHING,
        "accounts.coordinator": NOTHING,
        # The mail outbox shows every recipient's mail: only for reviewers, and read-only for everyone.
        "accounts.outgoingmail": NOTHING,
        "auth.group": NOTHING,
        "otp_totp.totpdevice": NOTHING,
        "django_tasks_database.dbtaskresult": NOTHING,
        "axes.accessattempt": NOTHING,
        "axes.accesslog": NOTHING,
        "axes.accessfailurelog": NOTHING,
        "pages.legalpage": NOTHING,
        # Sees the own municipality, read-only.
        "projects.municipality": f"changelist:{tag} view:{tag} change:- add:- delete:- bulk_delete:- "
        f"history:{tag} export:-",
        "projects.organisation": own(tag, delete=False),
        "projects.district": own(tag, delete=False),
        "projects.transition": VIEW_BOTH,
        "projects.field": VIEW_BOTH,
        "projects.targetgroup": VIEW_BOTH,
        "projects.project": own(tag, export=True),
        "networks.network": own(tag, export=True),
        "transfers.transferoffer": own(tag),
        "transfers.transferrequest": own(tag),
        "transfers.transferinterest": own(tag, delete=False),
        # Steering (issue 6): criteria and Fachtage are read-only; the own self-checks, network
        # self-assessments and goals are added and changed, not deleted; registrations (made on the
        # public Fachtag page) are visible for the own municipality.
        "steering.criterion": VIEW_BOTH,
        "steering.qualityindicator": VIEW_BOTH,
        "steering.event": VIEW_BOTH,
        "steering.projectselfcheck": own(tag, delete=False),
        "steering.networkassessment": own(tag, delete=False),
        "steering.goal": own(tag, delete=False),
        "steering.eventregistration": f"changelist:{tag} view:{tag} change:- add:- delete:- bulk_delete:- "
        f"history:{tag} export:-",
    }


EXPECTED: dict[str, dict[str, str]] = {
    "anonymous": dict.fromkeys(coordinator_row("B"), NOTHING),
    "koordinator_bergkamen": coordinator_row("B"),
    "koordinator_selm": coordinator_row("S"),
    "steuerungsgruppe": {
        **dict.fromkeys(coordinator_row("B"), ALL_BOTH),
        "accounts.user": NOTHING,
        "accounts.coordinator": NOTHING,
        "auth.group": NOTHING,
        "otp_totp.totpdevice": NOTHING,
        "django_tasks_database.dbtaskresult": NOTHING,
        "axes.accessattempt": NOTHING,
        "axes.accesslog": NOTHING,
        "axes.accessfailurelog": NOTHING,
        "accounts.outgoingmail": VIEW_BOTH,
        "projects.municipality": "changelist:BS view:BS change:BS add:+ delete:- bulk_delete:- history:BS export:-",
        "projects.project": ALL_BOTH.replace("export:-", "export:BS"),
        "networks.network": ALL_BOTH.replace("export:-", "export:BS"),
        "pages.legalpage": LEGAL_PAGE_EDITOR,
    },
    "superuser": {
        **dict.fromkeys(coordinator_row("B"), ALL_BOTH),
        "accounts.outgoingmail": VIEW_BOTH,
        "projects.project": ALL_BOTH.replace("export:-", "export:BS"),
        "networks.network": ALL_BOTH.replace("export:-", "export:BS"),
        # django-axes shows its records with every field read-only (saving changes nothing) and
        # cannot add any; deleting an attempt unlocks a user.
        "axes.accessattempt": "changelist:BS view:BS change:BS add:- delete:BS bulk_delete:BS history:BS export:-",
        "axes.accesslog": "changelist:BS view:BS change:BS add:- delete:BS bulk_delete:BS history:BS export:-",
        "axes.accessfailurelog": "changelist:BS view:BS change:BS add:- delete:BS bulk_delete:BS history:BS export:-",
        "pages.legalpage": LEGAL_PAGE_EDITOR,
        "django_tasks_database.dbtaskresult": VIEW_BOTH,
    },
}


def parse(spec: str) -> dict[str, str]:
    cells = dict(cell.split(":") for cell in spec.split())
    assert sorted(cells) == sorted(ACTIONS), spec
    return cells


def test_matrix_covers_every_admin_model_and_role():
    registered = {model._meta.label_lower for model in admin.site._registry}
    assert sorted(EXPECTED) == sorted(ROLES)
    for role in ROLES:
        assert sorted(EXPECTED[role]) == sorted(registered), role


def _url(model, action: str, obj=None) -> str | None:
    name = f"admin:{model._meta.app_label}_{model._meta.model_name}_{action}"
    try:
        return reverse(name, args=[obj.pk] if obj is not None else None)
    except NoReverseMatch:
        return None


def _tags(objects: dict, pks) -> str:
    found = "".join(tag for tag, obj in sorted(objects.items()) if obj.pk in set(pks))
    return found or "-"


def _actual(client, model, objects: dict) -> dict[str, str]:
    result = {}
    changelist = _url(model, "changelist")

    response = client.get(changelist)
    listed = [obj.pk for obj in response.context["cl"].result_list] if response.status_code == 200 else []
    result["changelist"] = _tags(objects, listed)

    viewed, changed, deletable, historic = [], [], [], []
    for obj in objects.values():
        change_url = _url(model, "change", obj)
        response = client.get(change_url)
        if response.status_code == 200 and response.context.get("original") == obj:
            viewed.append(obj.pk)
            data = form_data(response.content.decode(), f"{model._meta.model_name}_form")
            if data:
                data["_save"] = ["Sichern"]
                posted = client.post(change_url, data)
                if posted.status_code == 302 and posted["Location"].startswith(changelist):
                    changed.append(obj.pk)
        response = client.get(_url(model, "delete", obj))
        if response.status_code == 200 and response.context.get("object") == obj:
            deletable.append(obj.pk)
        response = client.get(_url(model, "history", obj))
        if response.status_code == 200 and response.context.get("object") == obj:
            historic.append(obj.pk)
    result["view"] = _tags(objects, viewed)
    result["change"] = _tags(objects, changed)
    result["delete"] = _tags(objects, deletable)
    result["history"] = _tags(objects, historic)

    response = client.get(_url(model, "add"))
    result["add"] = "+" if response.status_code == 200 and response.context.get("add") else "-"

    response = client.post(
        changelist,
        {"action": "delete_selected", "_selected_action": [obj.pk for obj in objects.values()], "index": 0},
    )
    offered = response.context.get("queryset") if response.status_code == 200 and response.context else None
    result["bulk_delete"] = _tags(objects, [obj.pk for obj in offered] if offered is not None else [])

    export_url = _url(model, "export")
    exported = "-"
    if export_url:
        response = client.get(export_url)
        if response.status_code == 200:
            data = form_data(response.content.decode())
            data["format"] = ["0"]  # CSV
            response = client.post(export_url, data)
            if response.status_code == 200 and response.get("Content-Disposition", "").startswith("attachment"):
                text = response.content.decode("utf-8-sig")
                cells = {cell for row in csv.reader(io.StringIO(text)) for cell in row}
                exported = "".join(tag for tag, obj in sorted(objects.items()) if str(obj) in cells) or "-"
    result["export"] = exported
    return result


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("label", sorted(EXPECTED["superuser"]))
def test_permission_matrix(client, world, role, label):
    user = world.users[role]
    if user is not None:
        client.force_login(user)
    objects = world.objects[label]
    model = next(iter(objects.values()))._meta.model

    actual = _actual(client, model, objects)

    expected = parse(EXPECTED[role][label])
    differences = {
        action: (expected[action], actual[action]) for action in ACTIONS if expected[action] != actual[action]
    }
    assert differences == {}, f"{role} × {label}: (expected, actual) per action"
