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
restore      posting the history page of its newest version (simple-history's "revert") is accepted
autocomplete it is among the results of an autocomplete of any admin field that points to its model
shortcut     "view on site" (/verwaltung/r/<content type>/<id>/) redirects to its public page
"""

import csv
import io

import pytest
from django.apps import apps
from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.urls import NoReverseMatch, reverse

from .conftest import form_data

pytestmark = pytest.mark.django_db

ACTIONS = [
    "changelist",
    "view",
    "change",
    "add",
    "delete",
    "bulk_delete",
    "history",
    "export",
    "restore",
    "autocomplete",
    "shortcut",
]
ROLES = ["anonymous", "koordinator_bergkamen", "koordinator_selm", "steuerungsgruppe", "superuser"]


def parse(spec: str) -> dict[str, str]:
    cells = dict(cell.split(":") for cell in spec.split())
    assert sorted(cells) == sorted(ACTIONS), spec
    return cells


NOTHING = (
    "changelist:- view:- change:- add:- delete:- bulk_delete:- history:- export:- restore:- autocomplete:- shortcut:-"
)
ALL_BOTH = (
    "changelist:BS view:BS change:BS add:+ delete:BS bulk_delete:BS history:BS export:- "
    "restore:- autocomplete:- shortcut:-"
)
VIEW_BOTH = (
    "changelist:BS view:BS change:- add:- delete:- bulk_delete:- history:BS export:- "
    "restore:- autocomplete:- shortcut:-"
)
# The three legal pages exist from the start: edited, never added or deleted.
LEGAL_PAGE_EDITOR = (
    "changelist:BS view:BS change:BS add:- delete:- bulk_delete:- history:BS export:- "
    "restore:- autocomplete:- shortcut:BS"
)


def with_(spec: str, **cells: str) -> str:
    """``spec`` with some cells replaced."""
    return " ".join(f"{action}:{cells.get(action, value)}" for action, value in parse(spec).items())


def own(tag: str, *, delete: bool = True, **cells: str) -> str:
    """A Koordinator's full rights on the own record only."""
    deleting = f"delete:{tag} bulk_delete:{tag}" if delete else "delete:- bulk_delete:-"
    spec = (
        f"changelist:{tag} view:{tag} change:{tag} add:+ {deleting} history:{tag} export:- "
        "restore:- autocomplete:- shortcut:-"
    )
    return with_(spec, **cells)


def own_view(tag: str, **cells: str) -> str:
    """The own record, read-only."""
    spec = (
        f"changelist:{tag} view:{tag} change:- add:- delete:- bulk_delete:- history:{tag} export:- "
        "restore:- autocomplete:- shortcut:-"
    )
    return with_(spec, **cells)


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
        # Reported barriers may carry a visitor's name and address: the Redaktion's only.
        "pages.barrierreport": NOTHING,
        "pages.signlanguagevideo": NOTHING,
        # Sees the own municipality and picks it in forms; changes its profile (for review), nothing else;
        # names any Kommune as served by a project (a Kreis serves its towns, a town its neighbours).
        "projects.municipality": own_view(tag, change=tag, autocomplete="BS", shortcut=tag),
        "projects.organisation": own(tag, delete=False, autocomplete=tag),
        "projects.socialarea": own(tag, delete=False, autocomplete=tag),
        "projects.lifephase": VIEW_BOTH,
        "projects.transition": VIEW_BOTH,
        "projects.actionfield": VIEW_BOTH,
        "projects.targetgroup": VIEW_BOTH,
        # A published project is archived through review, never deleted by a Koordinator; restoring a
        # version of it becomes a change for review.
        "projects.project": own(tag, delete=False, export=tag, restore=tag, autocomplete=tag, shortcut=tag),
        # Deleting a network also deletes its self-assessments, which a Koordinator may not delete:
        # the confirmation opens, but Django refuses the bulk deletion.
        "networks.network": own(tag, export=tag, restore=tag, shortcut=tag).replace(
            f"bulk_delete:{tag}", "bulk_delete:-"
        ),
        "transfers.transferoffer": own(tag, restore=tag, shortcut=tag),
        "transfers.transferrequest": own(tag, restore=tag, shortcut=tag),
        # A transfer is registered and moved on only in the portal: read-only here, no
        # restore of old versions.
        "transfers.transferinterest": own_view(tag, shortcut=tag),
        # Steering: criteria and Fachtage are read-only; the own self-checks, network
        # self-assessments and goals are added and changed, not deleted; registrations (made on the
        # public Fachtag page) are visible for the own municipality.
        "steering.criterion": VIEW_BOTH,
        "steering.qualityindicator": VIEW_BOTH,
        "events.event": with_(VIEW_BOTH, shortcut="BS"),
        "steering.projectselfcheck": own(tag, delete=False),
        "steering.networkassessment": own(tag, delete=False),
        "steering.goal": own(tag, delete=False, shortcut=tag),
        "events.eventregistration": own_view(tag),
    }


REVIEWER_ROW = {
    **dict.fromkeys(coordinator_row("B"), ALL_BOTH),
    "projects.municipality": with_(ALL_BOTH, autocomplete="BS", shortcut="BS"),
    "projects.organisation": with_(ALL_BOTH, autocomplete="BS"),
    "projects.socialarea": with_(ALL_BOTH, autocomplete="BS"),
    "projects.project": with_(ALL_BOTH, export="BS", restore="BS", autocomplete="BS", shortcut="BS"),
    "networks.network": with_(ALL_BOTH, export="BS", restore="BS", shortcut="BS"),
    "transfers.transferoffer": with_(ALL_BOTH, restore="BS", shortcut="BS"),
    "transfers.transferrequest": with_(ALL_BOTH, restore="BS", shortcut="BS"),
    "transfers.transferinterest": with_(ALL_BOTH, change="-", add="-", shortcut="BS"),
    "events.event": with_(ALL_BOTH, shortcut="BS"),
    "steering.goal": with_(ALL_BOTH, shortcut="BS"),
    "events.eventregistration": with_(ALL_BOTH, change="-", add="-"),
    "pages.legalpage": LEGAL_PAGE_EDITOR,
    "pages.signlanguagevideo": with_(ALL_BOTH, shortcut="BS"),
    # Reports come only through the public form; the Redaktion sets their status and note.
    "pages.barrierreport": with_(ALL_BOTH, add="-", delete="-", bulk_delete="-"),
}

EXPECTED: dict[str, dict[str, str]] = {
    "anonymous": dict.fromkeys(coordinator_row("B"), NOTHING),
    "koordinator_bergkamen": coordinator_row("B"),
    "koordinator_selm": coordinator_row("S"),
    "steuerungsgruppe": {
        **REVIEWER_ROW,
        "accounts.user": NOTHING,
        "accounts.coordinator": NOTHING,
        "auth.group": NOTHING,
        "otp_totp.totpdevice": NOTHING,
        "django_tasks_database.dbtaskresult": NOTHING,
        "axes.accessattempt": NOTHING,
        "axes.accesslog": NOTHING,
        "axes.accessfailurelog": NOTHING,
        "projects.municipality": with_(REVIEWER_ROW["projects.municipality"], delete="-", bulk_delete="-"),
        # Published projects are archived; only a superuser deletes them.
        "projects.project": with_(REVIEWER_ROW["projects.project"], delete="-", bulk_delete="-"),
        "accounts.outgoingmail": VIEW_BOTH,
    },
    "superuser": {
        **REVIEWER_ROW,
        "accounts.outgoingmail": VIEW_BOTH,
        # Picks the user of a Koordinator assignment (user administration, superusers only).
        "accounts.user": with_(ALL_BOTH, autocomplete="BS"),
        # Only a superuser deletes a report (spam, or test entries before the start).
        "pages.barrierreport": with_(ALL_BOTH, add="-"),
        # django-axes shows its records with every field read-only (saving changes nothing) and
        # cannot add any; deleting an attempt unlocks a user.
        "axes.accessattempt": with_(ALL_BOTH, add="-"),
        "axes.accesslog": with_(ALL_BOTH, add="-"),
        "axes.accessfailurelog": with_(ALL_BOTH, add="-"),
        "django_tasks_database.dbtaskresult": VIEW_BOTH,
    },
}


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
    if offered is not None and response.context.get("perms_lacking"):
        offered = None  # shown, but Django refuses the deletion
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
                rows = csv.reader(io.StringIO(text, newline=""), delimiter=";")  # as German Excel reads it
                cells = {cell for row in rows for cell in row}
                exported = "".join(tag for tag, obj in sorted(objects.items()) if str(obj) in cells) or "-"
    result["export"] = exported
    result["restore"] = _restored(client, model, objects)
    result["autocomplete"] = _autocompleted(client, model, objects)
    result["shortcut"] = _shortcut(client, model, objects)
    return result


def _restored(client, model, objects: dict) -> str:
    """Post the history page of each record's newest version, as a browser would (with the "revert"
    button, whether the page offers it or not)."""
    if not hasattr(model, "history"):
        return "-"
    restored = []
    for obj in objects.values():
        version = model.history.filter(**{model._meta.pk.attname: obj.pk}).order_by("history_id").last()
        url = reverse(
            f"admin:{model._meta.app_label}_{model._meta.model_name}_simple_history", args=[obj.pk, version.history_id]
        )
        response = client.get(url)
        data = (
            form_data(response.content.decode(), f"historical{model._meta.model_name}_form")
            if response.status_code == 200
            else {}
        )
        data["_save"] = ["Wiederherstellen"]
        posted = client.post(url, data)
        if posted.status_code == 302 and posted["Location"].startswith(_url(model, "changelist")):
            restored.append(obj.pk)
    return _tags(objects, restored)


def _autocomplete_sources(model):
    for source_model, source_admin in admin.site._registry.items():
        for name in source_admin.autocomplete_fields:
            if source_model._meta.get_field(name).related_model is model:
                yield source_model, name


def _autocompleted(client, model, objects: dict) -> str:
    found = set()
    for source_model, name in _autocomplete_sources(model):
        response = client.get(
            reverse("admin:autocomplete"),
            {
                "app_label": source_model._meta.app_label,
                "model_name": source_model._meta.model_name,
                "field_name": name,
                "term": "",
            },
        )
        if response.status_code == 200:
            found |= {int(result["id"]) for result in response.json()["results"]}
    return _tags(objects, found)


def _shortcut(client, model, objects: dict) -> str:
    content_type = ContentType.objects.get_for_model(model)
    redirected = []
    for obj in objects.values():
        response = client.get(reverse("admin:view_on_site", args=[content_type.pk, obj.pk]))
        if response.status_code == 302 and not response["Location"].startswith(reverse("admin:login")):
            redirected.append(obj.pk)
    return _tags(objects, redirected)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("label", sorted(EXPECTED["superuser"]))
def test_permission_matrix(client, module_world, role, label):
    user = module_world.users[role]
    if user is not None:
        client.force_login(user)
    objects = module_world.objects[label]
    model = next(iter(objects.values()))._meta.model

    actual = _actual(client, model, objects)

    expected = parse(EXPECTED[role][label])
    differences = {
        action: (expected[action], actual[action]) for action in ACTIONS if expected[action] != actual[action]
    }
    assert differences == {}, f"{role} × {label}: (expected, actual) per action"


# Another Kommune's draft -----------------------------------------------------------------------------
# Bergkamen's unpublished project with a transfer offer: who can open it, its history, restore a version,
# find it through any autocomplete (also by a word of its description, through the interest's offer field
# that once listed every offer), and follow "view on site" to its address.

DRAFT_ACTIONS = ["view", "history", "restore", "autocomplete", "shortcut"]
DRAFT_HIDDEN = "view:- history:- restore:- autocomplete:- shortcut:-"
DRAFT_EDITOR = {
    "projects.project": "view:B history:B restore:B autocomplete:B shortcut:-",
    "transfers.transferoffer": "view:B history:B restore:B autocomplete:- shortcut:-",
}
DRAFT_EXPECTED = {
    "anonymous": dict.fromkeys(DRAFT_EDITOR, DRAFT_HIDDEN),
    "koordinator_bergkamen": DRAFT_EDITOR,
    "koordinator_selm": dict.fromkeys(DRAFT_EDITOR, DRAFT_HIDDEN),
    "steuerungsgruppe": DRAFT_EDITOR,
    "superuser": DRAFT_EDITOR,
}
DRAFT_WORD = "Vertraulichkeitsvermerk"


@pytest.fixture
def bergkamen_draft(module_world):
    from projects.models import Project

    from ..factories import ProjectFactory, TransferOfferFactory

    project = ProjectFactory(
        municipality=module_world.objects["projects.municipality"]["B"],
        title="Entwurf Bergkamen",
        status=Project.Status.DRAFT,
        confirmed_at=None,
    )
    offer = TransferOfferFactory(project=project, description=f"Noch nicht öffentlich. {DRAFT_WORD}")
    return {"projects.project": project, "transfers.transferoffer": offer}


def _draft_autocompleted(client, model, obj) -> str:
    sources = [*_autocomplete_sources(model)]
    if model._meta.label_lower == "transfers.transferoffer":
        sources.append((apps.get_model("transfers.transferinterest"), "offer"))
    found = set()
    for source_model, name in sources:
        for term in ["", DRAFT_WORD, "Entwurf"]:
            response = client.get(
                reverse("admin:autocomplete"),
                {
                    "app_label": source_model._meta.app_label,
                    "model_name": source_model._meta.model_name,
                    "field_name": name,
                    "term": term,
                },
            )
            if response.status_code == 200:
                found |= {int(result["id"]) for result in response.json()["results"]}
    return "B" if obj.pk in found else "-"


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("label", sorted(DRAFT_EDITOR))
def test_permission_matrix_for_another_towns_draft(client, module_world, bergkamen_draft, role, label):
    user = module_world.users[role]
    if user is not None:
        client.force_login(user)
    obj = bergkamen_draft[label]
    model = obj._meta.model

    page = client.get(_url(model, "change", obj))
    history = client.get(_url(model, "history", obj))
    actual = {
        "view": "B" if page.status_code == 200 and page.context.get("original") == obj else "-",
        "history": "B" if history.status_code == 200 and history.context.get("object") == obj else "-",
        "restore": _restored(client, model, {"B": obj}),
        "autocomplete": _draft_autocompleted(client, model, obj),
        "shortcut": _shortcut(client, model, {"B": obj}),
    }

    expected = dict(cell.split(":") for cell in DRAFT_EXPECTED[role][label].split())
    assert sorted(expected) == sorted(DRAFT_ACTIONS)
    assert actual == expected, f"{role} × draft {label}"
    obj.refresh_from_db()
    if label == "projects.project":
        assert obj.status == "draft"  # restoring a draft's version leaves a draft
