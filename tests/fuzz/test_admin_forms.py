"""hypothesis: bad input in every back-office form a Koordinator can submit never gives a 500.

Every POST is built from the real form: the page is fetched, what a browser would send is parsed from
it, and the form and inline formsets in the response context name the fields (and the management-form
values). Then a few fields get arbitrary text, very long strings, control characters (NUL, which
PostgreSQL rejects in text), unicode or numbers and dates beyond the columns' limits; now and then a new
inline row (Kennzahl, Link, Leistung …) is added with such values. Either the form comes back with errors
(200) and nothing in the database changed, or it was saved (302) and the saved values are exactly the
posted ones after the form's cleaning.

Also covered: the admin search box and changelist filters, the admin actions, the CSV/XLSX import (garbage
bytes and garbage rows) and its confirm step, the autocomplete and duplicate-search endpoints and the login.
"""

import csv
import io
import json
from functools import cache

import pytest
from django.apps import apps
from django.contrib import admin
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, models
from django.http import QueryDict
from django.urls import reverse
from django_tasks_db.models import DBTaskResult
from hypothesis import given
from hypothesis import strategies as st

from networks.models import Network
from projects import imports
from projects.models import ImportJob, Municipality, Project
from tests.admin.conftest import form_data
from transfers.models import TransferOffer

from .strategies import EDGE_VALUES, FUZZ, TEXT, VALUE

pytestmark = pytest.mark.django_db

FUZZ_FORMS = FUZZ.__class__(FUZZ, max_examples=20)
FUZZ_FAST = FUZZ.__class__(FUZZ, max_examples=15)
KOORDINATOR = "koordinator_bergkamen"

# What a Koordinator of one municipality may add and change in the back office. The first test compares
# this with what the admin site really offers, so a newly registered model that a Koordinator can edit
# makes it fail until it is listed (and thereby fuzzed) here.
EDITABLE = {
    "networks.network": ["add", "change"],
    "projects.socialarea": ["add", "change"],
    "projects.municipality": ["change"],
    "projects.organisation": ["add", "change"],
    "projects.project": ["add", "change"],
    "steering.goal": ["add", "change"],
    "steering.networkassessment": ["add", "change"],
    "steering.projectselfcheck": ["add", "change"],
    "transfers.transferoffer": ["add", "change"],
    "transfers.transferrequest": ["add", "change"],
}
FORM_CASES = [(label, action) for label, actions in sorted(EDITABLE.items()) for action in actions]
REGISTERED = sorted(model._meta.label_lower for model in admin.site._registry)
IMPORTABLE = ["networks.network", "projects.project"]


def _model(label: str):
    return apps.get_model(label)


def _url(model, action: str, *args) -> str:
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{action}", args=args or None)


# Database snapshots -----------------------------------------------------------------------------------


@cache
def _count_query() -> tuple[str, list[str]]:
    tables = sorted(
        {
            model._meta.db_table
            for model in apps.get_models(include_auto_created=True)
            if model._meta.managed and not model._meta.proxy
        }
        - {"django_session"}
    )
    quote = connection.ops.quote_name
    return "SELECT " + ", ".join(f"(SELECT count(*) FROM {quote(table)})" for table in tables), tables


def row_counts() -> dict[str, int]:
    """The number of rows of every table, in one query."""
    sql, tables = _count_query()
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return dict(zip(tables, cursor.fetchone(), strict=True))


def domain_row_counts() -> dict[str, int]:
    """Row counts without the import's own bookkeeping (an accepted upload becomes a job and a task)."""
    bookkeeping = {ImportJob._meta.db_table, DBTaskResult._meta.db_table}
    return {table: count for table, count in row_counts().items() if table not in bookkeeping}


def snapshot(model, pk, formsets=()) -> tuple:
    """Row counts, the record's columns and many-to-many links, and its inline rows."""
    if pk is None:
        return (row_counts(),)
    obj = model._base_manager.get(pk=pk)
    links = {
        field.name: sorted(getattr(obj, field.name).values_list("pk", flat=True)) for field in model._meta.many_to_many
    }
    children = [
        list(formset.model._base_manager.filter(**{formset.fk.name: pk}).order_by("pk").values())
        for formset in formsets
    ]
    return row_counts(), model._base_manager.filter(pk=pk).values().get(), links, children


# The form of a page ----------------------------------------------------------------------------------


class Page:
    """One admin add or change page: what a browser posts, the form and the inline formsets."""

    def __init__(self, response, model):
        assert response.status_code == 200, response.status_code
        self.data = form_data(response.content.decode(), f"{model._meta.model_name}_form")
        self.form = response.context["adminform"].form
        self.inlines = [inline for inline in response.context["inline_admin_formsets"]]
        self.formsets = [inline.formset for inline in self.inlines]


def _bound_value(field, data: QueryDict, name: str):
    return field.clean(field.widget.value_from_datadict(data, {}, name))


def _plain(value):
    """A value as stored: records as their pk, sets of records as sorted pks."""
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, models.QuerySet | list | tuple | set):
        return sorted(_plain(item) for item in value)
    return value


def _stored(obj, name: str):
    field = obj._meta.get_field(name)
    if field.many_to_many:
        return sorted(getattr(obj, name).values_list("pk", flat=True))
    if field.is_relation:
        return getattr(obj, field.attname)
    return getattr(obj, name)


def _saved_value(obj, name: str, koordinator_proposes: bool):
    """A Koordinator's edit of a published project or network, or a Kommune profile, waits in ``pending_changes``."""
    if koordinator_proposes and name in obj.pending_changes:
        return obj.pending_changes[name]
    return _stored(obj, name)


def _as_proposed(value):
    return json.loads(json.dumps(value, cls=DjangoJSONEncoder))


def _assert_saved_as_posted(page: Page, model, pk, data: QueryDict, fuzzed: dict, new_rows, before_children):
    obj = model._base_manager.get(pk=pk)
    # A Koordinator's edit of a published project or network, or of the Kommune profile, waits for review.
    proposes = isinstance(obj, Municipality) or (isinstance(obj, Project | Network) and obj.is_published)
    for name in fuzzed:
        if name in page.form.fields and name in {f.name for f in model._meta.get_fields()}:
            expected = _plain(_bound_value(page.form.fields[name], data, name))
            if proposes and name in obj.pending_changes:
                expected = _as_proposed(expected)
            assert _saved_value(obj, name, proposes) == expected, name
    for formset, prefix, row_fields in new_rows:
        if f"{formset.prefix}-TOTAL_FORMS" in fuzzed or f"{formset.prefix}-INITIAL_FORMS" in fuzzed:
            continue  # tampered management form: which rows count is Django's business
        children = formset.model._base_manager.filter(**{formset.fk.name: pk}).exclude(pk__in=before_children)
        row = formset.form(data=data, prefix=prefix, empty_permitted=True, use_required_attribute=False)
        row.fields.pop(formset.fk.name, None)
        if proposes and formset.model is not TransferOffer:
            # Kennzahlen and links of a published project are frozen for a Koordinator.
            assert children.count() == 0
            continue
        if not row.has_changed():
            assert children.count() == 0, prefix
            continue
        assert children.count() == 1, prefix
        child = children.get()
        for name in row_fields:
            expected = _plain(_bound_value(row.fields[name], data, f"{prefix}-{name}"))
            assert _stored(child, name) == expected, f"{prefix}-{name}"


@pytest.fixture
def pages() -> dict:
    """The pages fetched so far, shared by the examples of one test (a GET costs as much as a POST)."""
    return {}


@pytest.fixture
def field_names() -> dict:
    """Per URL, the names an example may fuzz, fixed at the first example of a test.

    A saved example can add an inline row, so the page's names grow; hypothesis requires the choices
    of every example to be drawn from the same list (else FlakyStrategyDefinition).
    """
    return {}


# Tests -----------------------------------------------------------------------------------------------


def test_fuzzed_forms_are_every_form_a_koordinator_can_submit(client, world):
    client.force_login(world.users[KOORDINATOR])
    offered = {}
    for label in REGISTERED:
        model = _model(label)
        actions = []
        if client.get(_url(model, "add")).status_code == 200:
            actions.append("add")
        response = client.get(_url(model, "change", world.objects[label]["B"].pk))
        if response.status_code == 200 and response.context["has_change_permission"]:
            actions.append("change")
        if actions:
            offered[label] = actions

    assert offered == EDITABLE


@pytest.mark.parametrize(("label", "action"), FORM_CASES)
@FUZZ_FORMS
@given(draw=st.data())
def test_admin_form_bad_input_never_fails_and_saves_only_what_was_posted(
    client, world, pages, field_names, label, action, draw
):
    client.force_login(world.users[KOORDINATOR])
    model = _model(label)
    obj = world.objects[label]["B"]
    url = _url(model, "add") if action == "add" else _url(model, "change", obj.pk)
    if url not in pages:
        pages[url] = Page(client.get(url), model)
        if action == "add":
            # Start from the values of an existing record, so that saving is within reach.
            complete = Page(client.get(_url(model, "change", obj.pk)), model).data
            pages[url].data.update({name: value for name, value in complete.items() if "-" not in name})
    page = pages[url]

    data = {name: list(values) for name, values in page.data.items()}
    new_rows = []
    for inline in page.inlines:
        formset = inline.formset
        if inline.has_add_permission and draw.draw(st.booleans(), label=f"add {formset.prefix}"):
            index = int(data[f"{formset.prefix}-TOTAL_FORMS"][0])
            data[f"{formset.prefix}-TOTAL_FORMS"] = [str(index + 1)]
            prefix = f"{formset.prefix}-{index}"
            row_fields = [name for name in formset.empty_form.fields if name not in {"id", "DELETE", formset.fk.name}]
            for name in row_fields:
                data[f"{prefix}-{name}"] = [draw.draw(VALUE, label=f"{prefix}-{name}")]
            new_rows.append((formset, prefix, row_fields))
    candidates = field_names.setdefault(
        url,
        sorted({*page.form.fields, *data} - {"csrfmiddlewaretoken"} - {name for name in data if name.startswith("_")}),
    )
    fuzzed = draw.draw(st.dictionaries(st.sampled_from(candidates), VALUE, min_size=1, max_size=4), label="fuzzed")
    for name, value in fuzzed.items():
        data[name] = [value]
    data["_save"] = ["Sichern"]

    pks_before = set(model._base_manager.values_list("pk", flat=True))
    pk = obj.pk if action == "change" else None
    before = snapshot(model, pk, page.formsets)
    children_before = [
        list(formset.model._base_manager.filter(**{formset.fk.name: pk}).values_list("pk", flat=True)) if pk else []
        for formset in page.formsets
    ]
    response = client.post(url, data)

    assert response.status_code in (200, 302)
    if response.status_code == 200:
        assert response.context["errors"], "the form came back without an error message"
        assert snapshot(model, pk, page.formsets) == before
        return
    assert reverse("admin:login") not in response["Location"]
    pages.pop(url)  # the record changed: the next example starts from its new state
    if pk is None:
        created = set(model._base_manager.values_list("pk", flat=True)) - pks_before
        assert len(created) == 1
        pk = created.pop()
    posted = QueryDict(mutable=True)
    for name, values in data.items():
        posted.setlist(name, values)
    all_before = [pk for pks in children_before for pk in pks]
    _assert_saved_as_posted(page, model, pk, posted, fuzzed, new_rows, all_before)


def _changelist(client, pages, model):
    url = _url(model, "changelist")
    if url not in pages:
        pages[url] = client.get(url)
    return url, pages[url]


@FUZZ_FAST
@given(draw=st.data())
def test_changelist_search_and_filters_never_fail(client, world, pages, draw):
    role = draw.draw(st.sampled_from([KOORDINATOR, "superuser"]), label="role")
    client.force_login(world.users[role])
    pages.clear()  # each example may be another user
    model = _model(draw.draw(st.sampled_from(REGISTERED), label="model"))
    url, page = _changelist(client, pages, model)
    names = ["q", "o", "p", "all", "e", "_to_field", "_popup", "_changelist_filters"]
    if page.status_code == 200:
        names += [name for spec in page.context["cl"].filter_specs for name in spec.expected_parameters()]
    params = draw.draw(st.dictionaries(st.sampled_from(names), VALUE, min_size=1, max_size=3), label="params")
    before = row_counts()

    response = client.get(url, params)

    # A query string with NUL is refused (400) before anything else, also on pages the user may not see.
    allowed = {200, 302, 400} if page.status_code == 200 else {page.status_code, 400}
    assert response.status_code in allowed
    assert row_counts() == before


@FUZZ_FAST
@given(draw=st.data())
def test_admin_actions_with_bad_selection_never_fail_or_touch_other_towns(client, world, pages, draw):
    client.force_login(world.users[KOORDINATOR])
    label = draw.draw(st.sampled_from(sorted(EDITABLE)), label="model")
    model = _model(label)
    url, page = _changelist(client, pages, model)
    action_form = page.context["action_form"]
    actions = [name for name, _ in action_form.fields["action"].choices if name] if action_form else []
    own, other = world.objects[label]["B"], world.objects[label]["S"]
    selected = draw.draw(
        st.lists(st.one_of(TEXT, EDGE_VALUES, st.sampled_from([str(own.pk), str(other.pk)])), max_size=3),
        label="selected",
    )
    data = {
        "action": draw.draw(st.one_of(st.sampled_from(actions or ["delete_selected"]), TEXT), label="action"),
        "_selected_action": selected,
        "index": draw.draw(st.sampled_from(["0", "1"]) | TEXT, label="index"),
        "select_across": draw.draw(st.sampled_from(["0", "1"]) | TEXT, label="select_across"),
    }
    other_before = snapshot(model, other.pk)[1:]
    counts_before = row_counts()

    response = client.post(url, data)

    assert response.status_code in (200, 302)
    assert snapshot(model, other.pk)[1:] == other_before
    acts = data["action"] in actions and (str(own.pk) in selected or data["select_across"] in ("1", "True", "true"))
    if not acts:
        assert row_counts() == counts_before


def _import(client, label: str, content: bytes, name: str, file_format: str):
    upload = io.BytesIO(content)
    upload.name = name
    return client.post(_url(_model(label), "import"), {"resource": "0", "format": file_format, "import_file": upload})


@FUZZ_FAST
@given(
    label=st.sampled_from(IMPORTABLE),
    content=st.binary(max_size=2000) | st.sampled_from([b"\x00\x00", b"\xff\xfe\x00", b"PK\x03\x04garbage"]),
    file_format=st.sampled_from(["0", "1"]) | TEXT,
    name=st.sampled_from(["daten.csv", "daten.xlsx", "daten.exe"]) | TEXT,
)
def test_import_of_garbage_files_imports_nothing(client, world, label, content, file_format, name):
    client.force_login(world.users[KOORDINATOR])
    before = domain_row_counts()

    response = _import(client, label, content, name or "x", file_format)
    _run_import_jobs()

    assert response.status_code in (200, 302, 400)  # 400: Django's upload parser refuses overlong file names
    assert domain_row_counts() == before


@pytest.mark.parametrize(("content", "file_format"), [(b"\xff\xfe\x00\x00\x81", "0"), (b"PK\x03\x04garbage", "1")])
def test_import_of_a_garbage_file_shows_a_german_error(client, world, content, file_format):
    client.force_login(world.users[KOORDINATOR])
    before = row_counts()

    response = _import(client, "projects.project", content, "daten.csv", file_format)

    assert response.status_code == 200
    assert response.context["form"].errors == {
        "import_file": [
            "Die Datei konnte nicht gelesen werden. Bitte prüfen Sie, ob das gewählte Dateiformat passt: "
            "CSV (UTF-8 oder Windows-1252, getrennt durch Komma oder Semikolon) oder Excel (.xlsx)."
        ]
    }
    assert row_counts() == before


def _resource_headers(client, label) -> list[str]:
    response = client.post(_url(_model(label), "export"), {"format": "0", "resource": "0"})
    return next(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


@FUZZ_FAST
@given(
    label=st.sampled_from(IMPORTABLE),
    rows=st.lists(
        st.lists(st.one_of(TEXT, EDGE_VALUES, st.sampled_from(["Bergkamen", ""])), min_size=1, max_size=25),
        min_size=1,
        max_size=3,
    ),
)
def test_import_of_garbage_rows_never_fails_and_imports_nothing_before_confirmation(client, world, label, rows):
    client.force_login(world.users[KOORDINATOR])
    headers = _resource_headers(client, label)
    text = io.StringIO()
    writer = csv.writer(text)
    writer.writerow(headers)
    writer.writerows([row[: len(headers)] for row in rows])
    before = domain_row_counts()

    response = _import(client, label, text.getvalue().encode(), "daten.csv", "0")
    _run_import_jobs()  # the dry run, as the worker runs it

    assert response.status_code in (200, 302)  # 302: accepted, on to the job's page
    assert domain_row_counts() == before
    assert not ImportJob.objects.exclude(status__in=[ImportJob.Status.CHECKED, ImportJob.Status.FAILED]).exists()


@FUZZ_FAST
@given(label=st.sampled_from(IMPORTABLE), job_id=st.integers(min_value=0, max_value=2**31 - 1), fields=VALUE)
def test_import_confirmation_of_a_foreign_or_unknown_job_is_not_found(client, world, label, job_id, fields):
    client.force_login(world.users[KOORDINATOR])
    before = row_counts()

    response = client.post(_url(_model(label), "import_confirm", job_id), {"confirm": fields})

    assert response.status_code == 404
    assert row_counts() == before


def _run_import_jobs() -> None:
    for job in ImportJob.objects.filter(status=ImportJob.Status.QUEUED):
        imports.import_job_run(job_id=job.pk)


AUTOCOMPLETE_SOURCES = sorted(
    (model._meta.app_label, model._meta.model_name, name)
    for model, model_admin in admin.site._registry.items()
    for name in model_admin.autocomplete_fields
)


@FUZZ_FAST
@given(
    source=st.sampled_from(AUTOCOMPLETE_SOURCES),
    params=st.dictionaries(st.sampled_from(["term", "page", "app_label", "model_name", "field_name"]), VALUE),
)
def test_autocomplete_with_garbage_never_fails(client, world, source, params):
    client.force_login(world.users[KOORDINATOR])
    query = {"app_label": source[0], "model_name": source[1], "field_name": source[2], **params}

    response = client.get(reverse("admin:autocomplete"), query)

    assert response.status_code in (200, 400, 403, 404)


@FUZZ_FAST
@given(params=st.dictionaries(st.sampled_from(["q", "ausser"]), VALUE))
def test_duplicate_search_with_garbage_never_fails(client, world, params):
    client.force_login(world.users[KOORDINATOR])

    response = client.get(reverse("admin:projects_project_similar"), params)

    assert response.status_code in (200, 400)
    if response.status_code == 200:
        assert set(response.json()) == {"results"}


@FUZZ_FAST
@given(
    fields=st.dictionaries(
        st.sampled_from(["username", "password", "otp_token", "otp_device", "otp_challenge", "next"]), VALUE
    ),
    known_user=st.booleans(),
)
def test_login_with_garbage_never_fails_and_logs_nobody_in(client, world, fields, known_user):
    if known_user:
        fields = {"username": world.users[KOORDINATOR].username, **fields}

    response = client.post(reverse("admin:login"), fields)

    assert response.status_code in (200, 429)
    assert "_auth_user_id" not in client.session
