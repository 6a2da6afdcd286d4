"""Every admin form, for every role that can open it: no workflow field is editable and no choice lists
users. The workflow fields are named once, in transferboerse/workflow.py."""

import pytest
from django.contrib import admin
from django.contrib.auth.models import Group
from django.db import models
from django.urls import reverse

from accounts.models import Role, User
from transferboerse.workflow import WORKFLOW_FIELDS, WORKFLOW_RECORDS, workflow_fields

from ..factories import UserFactory

pytestmark = pytest.mark.django_db

ROLES = ["koordinator_bergkamen", "steuerungsgruppe", "redaktion", "superuser"]
# User administration: only a superuser reaches it, and assigning a role means picking a user.
USER_ADMINISTRATION = {"accounts.user", "accounts.coordinator", "otp_totp.totpdevice"}


@pytest.fixture
def users(module_world):
    editor = UserFactory(username="redaktion-test")
    editor.groups.add(Group.objects.get(name=Role.EDITORIAL))
    return {**module_world.users, "redaktion": editor}


def _forms(response):
    """The main form and every inline form (with its model) of an admin add or change page."""
    yield response.context["adminform"].form._meta.model, response.context["adminform"].form
    for inline in response.context["inline_admin_formsets"]:
        for form in [*inline.formset.forms, inline.formset.empty_form]:
            yield inline.formset.model, form


def _problems(label: str, response) -> list[str]:
    problems = []
    for model, form in _forms(response):
        editable = sorted(set(form.fields) & set(workflow_fields(model)))
        if editable:
            problems.append(f"{label}: {model._meta.label_lower} edits workflow fields {editable}")
        for name, field in form.fields.items():
            queryset = getattr(field, "queryset", None)
            if queryset is not None and queryset.model is User and label not in USER_ADMINISTRATION:
                problems.append(f"{label}: {model._meta.label_lower}.{name} lists users")
    return problems


def _pages(client, model, obj):
    info = model._meta.app_label, model._meta.model_name
    yield "add", client.get(reverse("admin:{}_{}_add".format(*info)))
    yield "change", client.get(reverse("admin:{}_{}_change".format(*info), args=[obj.pk]))


@pytest.mark.parametrize("role", ROLES)
def test_admin_forms_never_edit_workflow_fields_or_list_users(client, module_world, users, role):
    client.force_login(users[role])
    problems, opened = [], 0
    for model, model_admin in admin.site._registry.items():
        label = model._meta.label_lower
        own = module_world.objects[label]["B"]
        for action, response in _pages(client, model, own):
            if response.status_code != 200 or "adminform" not in response.context:
                continue
            if action == "change" and not response.context["has_change_permission"]:
                continue  # a read-only page: no form field is editable
            opened += 1
            problems += [f"{action} {problem}" for problem in _problems(label, response)]
        listed = sorted(set(model_admin.list_editable) & set(workflow_fields(model)))
        if listed:
            problems.append(f"{label}: list_editable workflow fields {listed}")

    assert problems == []
    assert opened > 10  # the walk really opened forms


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("label", sorted(WORKFLOW_RECORDS & {m._meta.label_lower for m in admin.site._registry}))
def test_workflow_records_are_never_added_or_changed_in_the_admin(client, module_world, users, role, label):
    client.force_login(users[role])
    obj = module_world.objects[label]["B"]
    info = obj._meta.app_label, obj._meta.model_name

    add = client.get(reverse("admin:{}_{}_add".format(*info)))
    change = client.get(reverse("admin:{}_{}_change".format(*info), args=[obj.pk]))

    assert add.status_code == 403
    # Shown read-only to whoever may see it (the task queue: superusers only; the mail outbox: reviewers
    # and superusers), never editable.
    shown = change.status_code == 200
    assert (change.status_code, change.context["has_change_permission"] if shown else None) in {
        (200, False),
        (403, None),
    }
    seen_by = {
        "django_tasks_database.dbtaskresult": {"superuser"},
        "accounts.outgoingmail": {"steuerungsgruppe", "redaktion", "superuser"},
    }
    assert shown == (role in seen_by.get(label, set(ROLES)))


def test_workflow_registry_names_every_status_stage_and_user_link_of_admin_models():
    """A new model (or field) that records a workflow step must be listed in transferboerse/workflow.py."""
    missing = []
    for model in admin.site._registry:
        label = model._meta.label_lower
        if label in USER_ADMINISTRATION:
            continue
        for field in model._meta.get_fields():
            if not getattr(field, "concrete", False):
                continue
            is_user_link = isinstance(field, models.ForeignKey) and field.related_model is User
            if (field.name in {"status", "stage"} or is_user_link) and field.name not in WORKFLOW_FIELDS.get(label, ()):
                missing.append(f"{label}.{field.name}")
    assert missing == []
