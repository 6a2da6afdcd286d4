"""Networks go through review like projects: public only once published, a Koordinator's edit of a
published network waits for a reviewer."""

import importlib

import pytest
from django.apps import apps
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from networks import services
from networks.models import Network

from ..admin.conftest import form_data
from ..factories import NetworkFactory, OrganisationFactory, ProjectFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def youth_office(bergkamen):
    return OrganisationFactory(name="Jugendamt Bergkamen", municipality=bergkamen)


@pytest.fixture
def draft(youth_office, coordinator_bergkamen):
    return NetworkFactory(name="AK Frühe Hilfen", coordinating_organisation=youth_office, status=Network.Status.DRAFT)


@pytest.fixture
def published(youth_office, coordinator_bergkamen):
    return NetworkFactory(
        name="Runder Tisch Kita", coordinating_organisation=youth_office, submitted_by=coordinator_bergkamen
    )


def test_network_factory_and_migration_make_networks_published(draft):
    migration = importlib.import_module("networks.migrations.0003_review")

    migration.publish_existing_networks(apps, None)

    assert list(Network.objects.values_list("status", flat=True)) == [Network.Status.PUBLISHED]
    assert NetworkFactory().status == Network.Status.PUBLISHED


def test_network_added_by_coordinator_is_a_draft_until_reviewed(client, coordinator_bergkamen, youth_office, bergkamen):
    client.force_login(coordinator_bergkamen)
    url = reverse("admin:networks_network_add")
    data = form_data(client.get(url).content.decode(), "network_form")
    data.update(
        name=["AK Übergang Kita–Schule"],
        kind=[Network.Kind.WORKING_GROUP],
        coordinating_organisation=[str(youth_office.pk)],
        municipalities=[str(bergkamen.pk)],
        _save=["Sichern"],
    )

    response = client.post(url, data)

    assert response.status_code == 302
    network = Network.objects.get(name="AK Übergang Kita–Schule")
    assert network.status == Network.Status.DRAFT
    assert client.get(reverse("networks:detail", kwargs={"slug": network.slug})).status_code == 404


def test_network_submit_moves_draft_into_review_and_mails_reviewers(
    draft, coordinator_bergkamen, steering_member, django_capture_on_commit_callbacks, run_tasks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.network_submit(network=draft, by=coordinator_bergkamen)
    run_tasks()

    draft.refresh_from_db()
    assert (draft.status, draft.submitted_by) == (Network.Status.IN_REVIEW, coordinator_bergkamen)
    assert [message.to for message in mail.outbox] == [[steering_member.email]]
    assert mail.outbox[0].subject == "Zur Prüfung eingereicht: AK Frühe Hilfen"
    assert reverse("admin:networks_network_review", args=[draft.pk]) in mail.outbox[0].body


def test_network_submit_by_coordinator_of_another_town_is_denied(draft, coordinator_selm):
    with pytest.raises(PermissionDenied):
        services.network_submit(network=draft, by=coordinator_selm)

    draft.refresh_from_db()
    assert draft.status == Network.Status.DRAFT


@pytest.mark.parametrize("step", ["network_publish", "network_approve_changes"])
def test_network_review_steps_are_for_reviewers_only(draft, coordinator_bergkamen, step):
    with pytest.raises(PermissionDenied):
        getattr(services, step)(network=draft, by=coordinator_bergkamen)


def test_network_review_page_is_for_reviewers_only(client, draft, coordinator_bergkamen):
    client.force_login(coordinator_bergkamen)

    response = client.get(reverse("admin:networks_network_review", args=[draft.pk]))

    assert response.status_code == 403


def test_network_review_page_shows_every_field_and_publishes(
    client, draft, steering_member, coordinator_bergkamen, youth_office
):
    draft.members.set([youth_office, OrganisationFactory(name="Hebammenpraxis Sonne")])
    services.network_submit(network=draft, by=coordinator_bergkamen)
    client.force_login(steering_member)
    url = reverse("admin:networks_network_review", args=[draft.pk])

    page = client.get(url)
    rows = {row["name"]: row["new"] for row in page.context["fields"]}
    response = client.post(url, {"_publish": "Veröffentlichen", "comment": ""})

    assert rows["members"] == "Hebammenpraxis Sonne, Jugendamt Bergkamen"
    assert rows["coordinating_organisation"] == "Jugendamt Bergkamen"
    assert set(rows) == set(Network.REVIEWED_FIELDS)
    assert response.status_code == 302
    draft.refresh_from_db()
    assert (draft.status, draft.reviewed_by) == (Network.Status.PUBLISHED, steering_member)
    assert client.get(reverse("networks:detail", kwargs={"slug": draft.slug})).status_code == 200


def test_network_return_needs_a_comment_and_makes_a_draft(draft, coordinator_bergkamen, steering_member):
    services.network_submit(network=draft, by=coordinator_bergkamen)

    with pytest.raises(ValidationError) as error:
        services.network_return(network=draft, by=steering_member, comment="  ")
    services.network_return(network=draft, by=steering_member, comment="Bitte den Turnus ergänzen.")

    assert error.value.message_dict == {"comment": ["Bitte schreiben Sie, was noch geändert werden soll."]}
    draft.refresh_from_db()
    assert (draft.status, draft.review_comment) == (Network.Status.DRAFT, "Bitte den Turnus ergänzen.")


def test_network_edit_of_coordinator_waits_for_review_then_goes_public(
    client, published, coordinator_bergkamen, steering_member
):
    client.force_login(coordinator_bergkamen)
    url = reverse("admin:networks_network_change", args=[published.pk])
    data = form_data(client.get(url).content.decode(), "network_form")
    data.update(name=["Runder Tisch Kita und Schule"], description=["Neu:\r\nauch Grundschulen"], _save=["Sichern"])

    assert client.post(url, data).status_code == 302
    published.refresh_from_db()
    public_name = client.get(reverse("networks:detail", kwargs={"slug": published.slug})).context["object"].name
    pending = published.pending_changes

    services.network_approve_changes(network=published, by=steering_member)

    published.refresh_from_db()
    assert public_name == "Runder Tisch Kita"
    assert pending == {"name": "Runder Tisch Kita und Schule", "description": "Neu:\nauch Grundschulen"}
    assert (published.name, published.description, published.pending_changes) == (
        "Runder Tisch Kita und Schule",
        "Neu:\nauch Grundschulen",
        {},
    )


def test_network_edit_of_coordinator_cannot_hand_it_to_another_town(published, coordinator_bergkamen, selm):
    foreign = OrganisationFactory(name="Jugendamt Selm", municipality=selm)

    with pytest.raises(PermissionDenied):
        services.network_save(
            network=published, cleaned_data={"coordinating_organisation": foreign}, by=coordinator_bergkamen
        )

    published.refresh_from_db()
    assert published.pending_changes == {}


def test_network_edit_of_reviewer_is_direct(published, steering_member):
    services.network_save(network=published, cleaned_data={"name": "Runder Tisch Kitas"}, by=steering_member)

    published.refresh_from_db()
    assert (published.name, published.pending_changes) == ("Runder Tisch Kitas", {})


@pytest.fixture
def public_and_hidden(bergkamen, transitions):
    project = ProjectFactory(municipality=bergkamen, title="Babylotsen")
    project.transitions.add(transitions[0])
    shown = NetworkFactory(name="AK Öffentlich", municipalities=[bergkamen])
    hidden = NetworkFactory(name="AK Entwurf", municipalities=[bergkamen], status=Network.Status.IN_REVIEW)
    for network in (shown, hidden):
        network.projects.add(project)
        network.transitions.add(transitions[0])
    return project, shown, hidden


def test_network_list_detail_and_project_page_show_only_published_networks(client, public_and_hidden):
    project, _, hidden = public_and_hidden

    listed = [network.name for network in client.get(reverse("networks:list")).context["object_list"]]
    detail = client.get(reverse("networks:detail", kwargs={"slug": hidden.slug}))
    on_project = client.get(reverse("projects:detail", kwargs={"slug": project.slug})).context["object"]

    assert listed == ["AK Öffentlich"]
    assert detail.status_code == 404
    assert [network.name for network in on_project.networks.all()] == ["AK Öffentlich"]


def test_network_chain_of_a_kommune_names_only_published_networks(public_and_hidden, bergkamen):
    from portal.chains import chain_links

    links = chain_links(bergkamen)

    assert sorted({network.name for link in links for network in link.networks}) == ["AK Öffentlich"]


def test_network_api_sitemap_and_search_show_only_published_networks(client, public_and_hidden):
    from pages.sitemaps import NetworkSitemap
    from search.documents import build, public_ids

    _, shown, hidden = public_and_hidden

    api_names = [item["name"] for item in client.get("/api/v1/networks/").json()["contents"]]

    assert api_names == ["AK Öffentlich"]
    assert list(NetworkSitemap().items()) == [shown]
    assert public_ids("network") == {shown.pk}
    assert [document.pk for document in build("network", [shown.pk, hidden.pk])] == [shown.pk]


def test_network_home_search_and_open_data_know_only_published_networks(public_and_hidden, bergkamen):
    from api.hsds.records import public_organisations
    from search.views import KINDS

    _, shown, hidden = public_and_hidden
    shown.members.add(OrganisationFactory(name="Hebammenpraxis Sonne", municipality=bergkamen))
    hidden.members.add(OrganisationFactory(name="Kinderarztpraxis Mond", municipality=bergkamen))

    organisations = {organisation.name for organisation in public_organisations()}

    assert list(KINDS["network"][2]) == [shown]
    assert "Hebammenpraxis Sonne" in organisations
    assert "Kinderarztpraxis Mond" not in organisations


def test_network_review_queue_lists_submissions_and_submitted_changes(
    client, draft, published, coordinator_bergkamen, steering_member, youth_office
):
    untouched = NetworkFactory(name="AK Unverändert", coordinating_organisation=youth_office)
    services.network_submit(network=draft, by=coordinator_bergkamen)
    services.network_save(network=published, cleaned_data={"name": "Runder Tisch Kitas"}, by=coordinator_bergkamen)
    client.force_login(steering_member)

    response = client.get(reverse("admin:networks_network_changelist"), {"pruefung": "in-pruefung"})

    listed = [network.name for network in response.context["cl"].result_list]
    assert listed == ["AK Frühe Hilfen", "Runder Tisch Kita"]
    assert untouched.name not in listed


def test_review_rows_name_a_choice_by_its_label(published):
    published.pending_changes = {"kind": Network.Kind.ROUND_TABLE}

    kind = next(row for row in published.review_rows() if row["name"] == "kind")

    assert (kind["old"], kind["new"], kind["changed"]) == ("Arbeitskreis", "Runder Tisch", True)
