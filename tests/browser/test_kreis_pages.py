"""The Kreis and its towns in a real Chromium: service areas, the Kreis page, a gap's page, on a phone too."""

import pytest
from playwright.sync_api import expect

from projects.models import Municipality, PopulationFigure

from ..factories import (
    DistrictMunicipalityFactory,
    MunicipalityFactory,
    NetworkFactory,
    ProjectFactory,
    TransferOfferFactory,
    make_coordinator,
    make_transitions,
)

PHONE = {"width": 390, "height": 844}
PASSWORD = "geheim-1234"  # UserFactory's password


@pytest.fixture
def kreis_unna():
    """Kreis Unna with Bergkamen, Kamen and Bönen (served by the Kreisjugendamt) and Dortmund outside."""
    transitions = make_transitions(age_bands=True)
    kreis = DistrictMunicipalityFactory(name="Kreis Unna")
    bergkamen = MunicipalityFactory(name="Bergkamen", parent=kreis)
    kamen = MunicipalityFactory(name="Kamen", parent=kreis)
    boenen = MunicipalityFactory(
        name="Bönen", kind=Municipality.Kind.COMMUNITY, parent=kreis, has_own_youth_office=False
    )
    dortmund = MunicipalityFactory(name="Dortmund", kind=Municipality.Kind.CITY)
    centres = ProjectFactory(municipality=kreis, title="Familienzentren im Kreis Unna", transitions=transitions[:2])
    centres.served_municipalities.set([boenen])
    TransferOfferFactory(
        project=ProjectFactory(municipality=kamen, title="Ausbildungslotsen Kamen", transitions=[transitions[4]])
    )
    ProjectFactory(municipality=dortmund, title="Berufsstart Dortmund", transitions=[transitions[4]])
    ProjectFactory(municipality=bergkamen, title="Kita-Einstieg", transitions=[transitions[1]])
    NetworkFactory(name="Übergangsnetz Kamen", municipalities=[kamen]).transitions.add(transitions[4])
    PopulationFigure.objects.create(municipality=bergkamen, year=2023, age_band="3-5", count=1500, source="IT.NRW")
    return {"kreis": kreis, "boenen": boenen, "transitions": transitions}


def test_boenen_chain_shows_the_kreis_project_over_the_kreis(page, kreis_unna, assert_no_axe_violations):
    page.goto("/kommunen/boenen/kette/")

    first = page.locator(".chain-column").first
    assert first.locator(".served-note li").inner_text() == "Familienzentren im Kreis Unna (über den Kreis)"
    assert page.locator(".chain-column.is-gap").count() == 3
    assert_no_axe_violations(page)


def test_kreis_page_lists_its_towns_with_coverage_and_children(page, kreis_unna, assert_no_axe_violations):
    page.goto("/kommunen/kreis-unna/")

    table = page.locator("table.kreis-members")
    assert table.locator("tbody th").all_inner_texts() == ["Kreisebene", "Bergkamen", "Bönen", "Kamen", "zusammen"]
    bergkamen_kita = table.locator("tr", has=page.get_by_role("rowheader", name="Bergkamen")).locator("td").nth(1)
    assert " ".join(bergkamen_kita.inner_text().split()) == "1 Projekte: Bergkamen, Kita 1.500 Kinder · 0,7 je 1 000"
    boenen_birth = table.locator("tr", has=page.get_by_role("rowheader", name="Bönen")).locator("td").first
    assert boenen_birth.inner_text().strip() == "1 über den Kreis"
    assert_no_axe_violations(page)


def test_a_gap_leads_to_offers_projects_and_a_prefilled_gesuch(page, kreis_unna, assert_no_axe_violations):
    page.goto("/luecken/")
    boenen_row = page.locator("tr", has=page.get_by_role("rowheader", name="Bönen"))
    boenen_row.locator("td").nth(4).get_by_role("link").click()

    assert page.get_by_role("heading", level=1).inner_text() == "Lücke: Beruf in Bönen"
    assert page.locator("#offers-heading + ul li > a:first-child").all_inner_texts() == ["Ausbildungslotsen Kamen"]
    assert page.locator("#projects-heading + ul li > a:first-child").all_inner_texts() == ["Berufsstart Dortmund"]
    assert page.locator("#networks-heading + ul a").all_inner_texts() == ["Übergangsnetz Kamen"]
    assert_no_axe_violations(page)

    make_coordinator(kreis_unna["boenen"], username="koordination-boenen-browser")
    page.goto("/verwaltung/login/")
    page.fill("#id_username", "koordination-boenen-browser")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    expect(page.locator("#user-tools")).to_be_visible()
    page.goto("/luecken/boenen/uebergang-schuleberuf/")
    page.get_by_role("link", name="Gesuch veröffentlichen").click()

    assert page.locator("input[name=municipality]").input_value() == str(kreis_unna["boenen"].pk)
    assert page.get_by_label("Übergang Schule–Beruf").is_checked()
    assert not page.get_by_label("Übergang in die Kita").is_checked()


@pytest.mark.parametrize(
    "path", ["/luecken/", "/kommunen/", "/kommunen/kreis-unna/", "/luecken/boenen/uebergang-in-die-grundschule/"]
)
def test_kreis_pages_work_on_a_phone(page, kreis_unna, assert_no_axe_violations, path):
    page.set_viewport_size(PHONE)
    response = page.goto(path)

    assert response.status == 200
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert_no_axe_violations(page)
