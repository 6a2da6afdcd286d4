"""The public pages in a real Chromium: what a Fachkraft does, with 0 axe violations and no outside requests."""

import pytest
from django.utils import timezone

from ..factories import (
    ActionFieldFactory,
    DistrictMunicipalityFactory,
    IndicatorFactory,
    MunicipalityFactory,
    NetworkFactory,
    OrganisationFactory,
    ProjectFactory,
    SocialAreaFactory,
    TargetGroupFactory,
    TransferOfferFactory,
    TransferServiceFactory,
    make_transitions,
)


@pytest.fixture
def kreis_unna():
    """A small Kreis Unna: Bergkamen's Baby-Besuchsdienst, Kamen's school-to-work project, Selm without Kita offer."""
    transitions = make_transitions()
    youth_welfare = ActionFieldFactory(name="Jugendhilfe")
    families = TargetGroupFactory(name="Familien mit Neugeborenen")
    kreis = DistrictMunicipalityFactory(name="Kreis Unna")
    bergkamen = MunicipalityFactory(name="Bergkamen", parent=kreis)
    kamen = MunicipalityFactory(name="Kamen", parent=kreis)
    MunicipalityFactory(name="Selm", parent=kreis)
    mitte = SocialAreaFactory(name="Bergkamen-Mitte", municipality=bergkamen)
    youth_office = OrganisationFactory(name="Jugendamt Bergkamen", municipality=bergkamen)
    baby = ProjectFactory(
        municipality=bergkamen,
        title="Baby-Besuchsdienst",
        summary="Ein Besuchsdienst begrüßt alle Familien mit Neugeborenen und informiert über Angebote.",
        transitions=[transitions[0]],
        action_fields=[youth_welfare],
        target_groups=[families],
        confirmed_at=timezone.now(),
    )
    baby.organisations.add(youth_office)
    baby.social_areas.add(mitte)
    IndicatorFactory(project=baby, label="Erreichte Familien mit Neugeborenen", value="86 %", year=2011)
    TransferServiceFactory(offer=TransferOfferFactory(project=baby))
    ProjectFactory(municipality=bergkamen, title="Kita-Einstieg", transitions=[transitions[1]])
    ProjectFactory(
        municipality=kamen,
        title="Ausbildungslotsen Kamen",
        summary="Lotsen begleiten Jugendliche beim Übergang von der Schule in die Ausbildung.",
        transitions=[transitions[4]],
        action_fields=[youth_welfare],
    )
    ProjectFactory(municipality=kamen, title="Stadtteileltern", transitions=[transitions[1]])
    network = NetworkFactory(name="AK Frühe Hilfen Bergkamen", coordinating_organisation=youth_office)
    network.projects.add(baby)
    network.members.add(youth_office)
    return {"baby": baby, "network": network, "bergkamen": bergkamen}


def test_fachkraft_finds_school_to_work_projects_in_kamen(page, kreis_unna, assert_no_axe_violations):
    page.goto("/projekte/")
    # Filters apply on change: each click loads the list anew, with the counts under the new filter.
    with page.expect_navigation():
        page.get_by_label("Übergang Schule–Beruf (1)", exact=True).check()
    with page.expect_navigation():
        page.get_by_label("Kamen (1)", exact=True).check()

    assert page.locator(".project-result h3").all_inner_texts() == ["Ausbildungslotsen Kamen"]
    assert "kommune=kamen" in page.url
    assert_no_axe_violations(page)


def test_fachkraft_finds_baby_besuchsdienst_despite_typo(page, kreis_unna, assert_no_axe_violations):
    page.goto("/projekte/")
    page.get_by_label("Suchbegriff").fill("Besuchsdinst")
    page.get_by_label("Suchbegriff").press("Enter")

    assert page.locator(".suggestion").inner_text().count("besuchsdienst") == 1
    page.get_by_role("link", name="Baby-Besuchsdienst").click()

    assert page.get_by_role("heading", level=1).inner_text() == "Baby-Besuchsdienst"
    assert page.locator(".chain-step.is-covered").all_inner_texts()[0].startswith("✓")
    assert page.get_by_role("link", name="Transferinteresse anmelden").get_attribute("href") == (
        f"/transfer/angebote/{kreis_unna['baby'].transfer_offers.get().pk}/interesse/"
    )
    assert_no_axe_violations(page)


def test_gap_grid_shows_selm_lacks_a_kita_offer(page, kreis_unna, assert_no_axe_violations):
    page.goto("/luecken/")

    selm_kita = page.locator("tr", has=page.get_by_role("rowheader", name="Selm")).locator("td").nth(1)
    assert selm_kita.text_content().strip() == "○ Lücke: Selm, Kita – Angebote und Projekte anderer Kommunen ansehen"
    assert selm_kita.locator("a").get_attribute("href") == "/luecken/selm/uebergang-in-die-kita/"
    assert_no_axe_violations(page)


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/projekte/",
        "/projekte/?q=Kinder&uebergang=schwangerschaft-geburt&sortierung=neueste",
        "/projekte/?q=gibtesnicht",
        "/projekte/?q=Besuchsdinst",
        "/projekte/baby-besuchsdienst/",
        "/kommunen/bergkamen/",
        "/kommunen/bergkamen/kette/",
        "/luecken/",
        "/luecken/?aufteilung=handlungsfeld",
        "/netzwerke/",
        "/netzwerke/?q=Hilfen&kommune=bergkamen",
        "/netzwerke/ak-fruehe-hilfen-bergkamen/",
    ],
)
def test_public_page_has_no_axe_violations(page, kreis_unna, assert_no_axe_violations, path):
    response = page.goto(path)

    assert response.status == 200
    assert page.locator("h1").count() == 1
    assert_no_axe_violations(page)


def test_gap_grid_stacks_on_a_phone(page, kreis_unna, assert_no_axe_violations):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto("/luecken/")

    assert page.locator("table.gap-grid thead").bounding_box()["height"] <= 1
    assert_no_axe_violations(page)
