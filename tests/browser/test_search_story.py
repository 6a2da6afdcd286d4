"""The search in a real Chromium: "Kita Bergkamen" understood as two filters, on a wide screen and a phone."""

import pytest

from ..factories import DistrictMunicipalityFactory, MunicipalityFactory, ProjectFactory, TransitionFactory

SCREENSHOTS = "test-artifacts"


@pytest.fixture
def kita_projects():
    kita = TransitionFactory(name="Übergang in die Kita", short_name="Kita", position=1)
    school = TransitionFactory(name="Übergang in die Grundschule", short_name="Grundschule", position=2)
    kreis = DistrictMunicipalityFactory(name="Kreis Unna")
    bergkamen = MunicipalityFactory(name="Bergkamen", parent=kreis)
    kamen = MunicipalityFactory(name="Kamen", parent=kreis)
    ProjectFactory(
        municipality=bergkamen, title="Familienbüro Bergkamen", summary="Beratung vor der Kita.", transitions=[kita]
    )
    ProjectFactory(
        municipality=bergkamen,
        title="Kita-Einstieg Bergkamen",
        summary="Eltern und Kinder lernen die Kita kennen.",
        transitions=[kita],
    )
    ProjectFactory(municipality=bergkamen, title="Schulstart Bergkamen", transitions=[school])
    ProjectFactory(municipality=kamen, title="Kita-Lotsen Kamen", transitions=[kita])


def search_kita_bergkamen(page) -> None:
    page.goto("/projekte/")
    page.get_by_label("Suchbegriff").fill("Kita Bergkamen")
    with page.expect_navigation():
        page.get_by_label("Suchbegriff").press("Enter")


def test_kita_bergkamen_shows_bergkamens_kita_projects_with_two_chips(page, kita_projects, assert_no_axe_violations):
    search_kita_bergkamen(page)

    assert page.locator(".project-result h3").all_inner_texts() == ["Familienbüro Bergkamen", "Kita-Einstieg Bergkamen"]
    chips = [
        text.replace("×", "").replace("entfernen", "").strip()
        for text in page.locator(".active-filters a").all_inner_texts()
    ]
    assert chips == ["Übergang: Kita", "Kommune: Bergkamen"]
    page.screenshot(path=f"{SCREENSHOTS}/search-kita-bergkamen.png", full_page=True)
    assert_no_axe_violations(page)

    with page.expect_navigation():
        page.locator(".active-filters a", has_text="Kommune: Bergkamen").click()
    assert page.locator(".project-result h3").all_inner_texts() == [
        "Familienbüro Bergkamen",
        "Kita-Einstieg Bergkamen",
        "Kita-Lotsen Kamen",
    ]
    assert_no_axe_violations(page)


def test_phone_shows_the_first_result_without_scrolling_past_filters(page, kita_projects, assert_no_axe_violations):
    page.set_viewport_size({"width": 390, "height": 844})
    search_kita_bergkamen(page)

    first = page.locator(".project-result").first.bounding_box()
    assert first["y"] < 844
    assert page.locator(".filter-fold summary").inner_text() == "Filter (2)"
    page.screenshot(path=f"{SCREENSHOTS}/search-phone.png")
    assert_no_axe_violations(page)

    page.locator(".filter-fold summary").click()
    page.mouse.move(0, 0)
    assert page.get_by_label("Bergkamen (2)", exact=True).is_visible()
    assert_no_axe_violations(page)


def test_offer_list_finds_the_baby_besuchsdienst_despite_a_typo(page, assert_no_axe_violations):
    from ..factories import TransferOfferFactory

    bergkamen = MunicipalityFactory(name="Bergkamen")
    TransferOfferFactory(project=ProjectFactory(municipality=bergkamen, title="Baby-Besuchsdienst Bergkamen"))
    TransferOfferFactory(project=ProjectFactory(municipality=bergkamen, title="Lesepaten"))

    page.goto("/transfer/angebote/?q=Besuchsdinst")

    assert "Baby-Besuchsdienst Bergkamen" in page.locator("main").inner_text()
    assert "Lesepaten" not in page.locator("main").inner_text()
    assert_no_axe_violations(page)


def test_results_page_groups_hits_by_kind(page, kita_projects, assert_no_axe_violations):
    page.goto("/")
    page.locator("#suche-start").fill("Kita")
    with page.expect_navigation():
        page.locator("#suche-start").press("Enter")

    assert page.get_by_role("heading", level=2, name="Projekte (3)").is_visible()
    assert_no_axe_violations(page)


@pytest.mark.parametrize("path", ["/netzwerke/", "/transfer/angebote/", "/transfer/gesuche/"])
def test_every_list_folds_its_filters_on_a_phone_and_applies_them_on_change(page, path, assert_no_axe_violations):
    from ..factories import NetworkFactory, TransferOfferFactory, TransferRequestFactory

    kita = TransitionFactory(name="Übergang in die Kita", short_name="Kita", position=1)
    bergkamen = MunicipalityFactory(name="Bergkamen")
    project = ProjectFactory(municipality=bergkamen, title="Kita-Einstieg Bergkamen", transitions=[kita])
    TransferOfferFactory(project=project)
    TransferRequestFactory(municipality=bergkamen, title="Gesuch Kita-Übergang").transitions.add(kita)
    NetworkFactory(name="Arbeitskreis Kita", municipalities=[bergkamen]).transitions.add(kita)
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(path)

    assert page.locator(".kern-card").first.bounding_box()["y"] < 844
    assert page.locator(".filter-fold summary").inner_text() == "Filter (0)"
    assert_no_axe_violations(page)

    page.locator(".filter-fold summary").click()
    with page.expect_navigation():
        page.get_by_label("Übergang").select_option(label="Übergang in die Kita")

    assert f"uebergang={kita.slug}" in page.url
    assert page.locator(".filter-fold summary").inner_text() == "Filter (1)"
    assert page.locator(".kern-card").count() == 1
    assert_no_axe_violations(page)
