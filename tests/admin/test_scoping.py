"""Scoping details beyond the matrix: choices, autocomplete, parties of a transfer, similar entries."""

import json

import pytest
from django.urls import reverse

from projects.access import organisation_choices_for, projects_for
from projects.models import Project
from transfers.access import transfer_interests_for

from ..factories import (
    DistrictMunicipalityFactory,
    MunicipalityFactory,
    OrganisationFactory,
    ProjectFactory,
    TransferInterestFactory,
    TransferOfferFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

# Session, user, permissions (2), roles, municipality filter, life phase, transition and field filters,
# counts (2), rows, session save … – the same for any number of projects.
QUERIES_PER_CHANGELIST = 15


def test_access_helpers_give_staff_without_role_nothing(bergkamen):
    ProjectFactory(municipality=bergkamen)
    assert list(projects_for(UserFactory(username="ohne-rolle"))) == []


def test_organisation_choices_include_own_kreis_and_supra_regional_but_not_other_towns(
    bergkamen, selm, coordinator_bergkamen
):
    kreis = DistrictMunicipalityFactory(name="Kreis Unna")
    bergkamen.parent = kreis
    bergkamen.save()
    own = OrganisationFactory(name="Familienbüro Bergkamen", municipality=bergkamen)
    of_kreis = OrganisationFactory(name="Jugendamt Kreis Unna", municipality=kreis)
    supra = OrganisationFactory(name="Landesjugendamt", municipality=None)
    OrganisationFactory(name="Familienbüro Selm", municipality=selm)

    assert sorted(o.name for o in organisation_choices_for(coordinator_bergkamen)) == sorted(
        [own.name, of_kreis.name, supra.name]
    )


def test_autocomplete_for_project_organisations_uses_the_projects_choices(
    client, bergkamen, selm, coordinator_bergkamen
):
    OrganisationFactory(name="Familienbüro Bergkamen", municipality=bergkamen)
    OrganisationFactory(name="Familienbüro Selm", municipality=selm)
    OrganisationFactory(name="Familienbüro Land", municipality=None)
    client.force_login(coordinator_bergkamen)

    response = client.get(
        reverse("admin:autocomplete"),
        {"app_label": "projects", "model_name": "project", "field_name": "organisations", "term": "Familienbüro"},
    )

    assert sorted(item["text"] for item in json.loads(response.content)["results"]) == [
        "Familienbüro Bergkamen",
        "Familienbüro Land",
    ]


def test_autocomplete_for_project_municipality_offers_only_own(client, bergkamen, selm, coordinator_bergkamen):
    client.force_login(coordinator_bergkamen)
    response = client.get(
        reverse("admin:autocomplete"),
        {"app_label": "projects", "model_name": "project", "field_name": "municipality", "term": ""},
    )
    assert [item["text"] for item in json.loads(response.content)["results"]] == ["Bergkamen"]


def test_transfer_interests_are_visible_to_both_parties_only(bergkamen, selm, coordinator_bergkamen, coordinator_selm):
    unna_project = ProjectFactory(title="Projekt Unna")
    bergkamen_offer = TransferOfferFactory(project=ProjectFactory(municipality=bergkamen))
    selm_in_bergkamen = TransferInterestFactory(offer=bergkamen_offer, municipality=selm)
    bergkamen_in_unna = TransferInterestFactory(
        offer=TransferOfferFactory(project=unna_project), municipality=bergkamen
    )
    fröndenberg = MunicipalityFactory(name="Fröndenberg")
    third_party = TransferInterestFactory(offer=TransferOfferFactory(project=unna_project), municipality=fröndenberg)

    assert set(transfer_interests_for(coordinator_bergkamen)) == {selm_in_bergkamen, bergkamen_in_unna}
    assert set(transfer_interests_for(coordinator_selm)) == {selm_in_bergkamen}
    assert third_party not in transfer_interests_for(coordinator_selm)


def test_similar_projects_finds_published_lookalikes_but_hides_other_towns_drafts(
    client, bergkamen, selm, coordinator_bergkamen
):
    ProjectFactory(municipality=selm, title="Willkommensbesuche für Neugeborene")
    ProjectFactory(municipality=selm, title="Willkommensbesuche Entwurf", status=Project.Status.DRAFT)
    ProjectFactory(municipality=selm, title="Sprachförderung in der Kita")
    client.force_login(coordinator_bergkamen)

    response = client.get(reverse("admin:projects_project_similar"), {"q": "Willkommensbesuche"})

    assert [item["title"] for item in response.json()["results"]] == ["Willkommensbesuche für Neugeborene"]


def test_similar_projects_needs_sign_in_and_some_text(client, coordinator_bergkamen):
    assert client.get(reverse("admin:projects_project_similar"), {"q": "Willkommen"}).status_code == 302
    client.force_login(coordinator_bergkamen)
    assert client.get(reverse("admin:projects_project_similar"), {"q": "Wi"}).json() == {"results": []}


@pytest.mark.parametrize("count", [1, 3])
def test_project_changelist_query_count_is_fixed(
    client, django_assert_num_queries, bergkamen, coordinator_bergkamen, count
):
    for _ in range(count):
        ProjectFactory(municipality=bergkamen)
    client.force_login(coordinator_bergkamen)
    client.get(reverse("admin:projects_project_changelist"))  # warm caches (content types …)

    with django_assert_num_queries(QUERIES_PER_CHANGELIST):
        response = client.get(reverse("admin:projects_project_changelist"))

    assert response.context["cl"].result_count == count


def test_network_keeps_existing_members_of_other_towns_but_offers_no_new_ones(
    client, bergkamen, selm, coordinator_bergkamen
):
    from networks.models import Network

    from ..factories import NetworkFactory
    from .conftest import form_data

    own = OrganisationFactory(name="Familienbüro Bergkamen", municipality=bergkamen)
    foreign_member = OrganisationFactory(name="Beratungsstelle Selm", municipality=selm)
    OrganisationFactory(name="Jugendtreff Selm", municipality=selm)
    network = NetworkFactory(name="Runder Tisch Bergkamen", coordinating_organisation=own)
    network.members.set([own, foreign_member])
    client.force_login(coordinator_bergkamen)
    url = reverse("admin:networks_network_change", args=[network.pk])

    response = client.get(url)
    assert sorted(o.name for o in response.context["adminform"].form.fields["members"].queryset) == [
        "Beratungsstelle Selm",
        "Familienbüro Bergkamen",
    ]
    data = form_data(response.content.decode(), "network_form")
    data["_save"] = ["Sichern"]
    assert client.post(url, data).status_code == 302
    assert set(Network.objects.get(pk=network.pk).members.all()) == {own, foreign_member}
