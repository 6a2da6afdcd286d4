"""A Fachkraft follows the Kreis down to a gap, in a real Chromium, on a desktop and on a phone.

From the home page's Kreis row to the Kreis page, on to a town's chain by life phase (children, projects
per 1 000 and the Kreis median, where the figures come from) and into the page of a gap in one life
phase: offers nearest first and a prefilled Gesuch. Screenshots go to ``SHOTS`` (``/work/shots-kreis/``
unless ``BROWSER_TEST_SHOTS`` says otherwise) for a person to look at.
"""

import os
import tempfile
from pathlib import Path

import pytest

from projects.models import Municipality, PopulationFigure

from ..factories import (
    DistrictMunicipalityFactory,
    MunicipalityFactory,
    NetworkFactory,
    ProjectFactory,
    TransferOfferFactory,
    make_phases,
    make_transitions,
)

DESKTOP = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}


def shots_dir() -> Path:
    default = "/work/shots-kreis" if Path("/work").is_dir() else str(Path(tempfile.gettempdir()) / "shots-kreis")
    directory = Path(os.environ.get("BROWSER_TEST_SHOTS", default))
    directory.mkdir(parents=True, exist_ok=True)
    return directory


@pytest.fixture
def kreis_unna():
    """Kreis Unna with Bergkamen, Kamen and Bönen (served by the Kreisjugendamt), Dortmund outside; projects
    described by life phase, an offer for primary school in Bergkamen and one in Dortmund, children in 2023."""
    transitions = make_transitions(age_bands=True)
    phases = make_phases(transitions)
    kreis = DistrictMunicipalityFactory(name="Kreis Unna")
    bergkamen = MunicipalityFactory(name="Bergkamen", parent=kreis)
    kamen = MunicipalityFactory(name="Kamen", parent=kreis)
    boenen = MunicipalityFactory(
        name="Bönen", kind=Municipality.Kind.COMMUNITY, parent=kreis, has_own_youth_office=False
    )
    dortmund = MunicipalityFactory(name="Dortmund", kind=Municipality.Kind.CITY)
    ProjectFactory(
        municipality=kreis, title="Familienzentren im Kreis Unna", phases=phases[1:3], transitions=transitions[:2]
    ).served_municipalities.set([boenen])
    ProjectFactory(municipality=kamen, title="Kita-Sprachhelfer Kamen", phases=[phases[2]])
    TransferOfferFactory(project=ProjectFactory(municipality=dortmund, title="Lernpaten Dortmund", phases=[phases[3]]))
    TransferOfferFactory(
        project=ProjectFactory(municipality=bergkamen, title="Schulstart-Lotsen Bergkamen", phases=[phases[3]])
    )
    NetworkFactory(name="Bildungsnetz Bergkamen", municipalities=[bergkamen]).transitions.add(transitions[2])
    for municipality, count in [(bergkamen, 1500), (kamen, 1200), (boenen, 500)]:
        PopulationFigure.objects.create(
            municipality=municipality, year=2023, age_band="3-5", count=count, source="IT.NRW"
        )
    return {"kreis": kreis, "boenen": boenen}


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1366", "390"])
def test_fachkraft_follows_the_kreis_to_a_phase_gap(page, kreis_unna, assert_no_axe_violations, viewport):
    width = viewport["width"]
    shots = shots_dir()
    page.set_viewport_size(viewport)

    def looks_right(name: str) -> None:
        assert page.evaluate("document.documentElement.scrollWidth") <= width, f"{name}: waagerecht gescrollt"
        page.screenshot(path=str(shots / f"{name}-{width}.png"), full_page=True)
        assert_no_axe_violations(page)

    # The home page sums the Kreis under its towns and leads to the Kreis page.
    page.goto("/")
    total = page.locator(".coverage-line.is-kreis-total")
    assert " ".join(total.inner_text().split()) == "Kreis Unna mit allen Städten und Gemeinden 2 von 5 Übergängen"
    looks_right("home")
    total.get_by_role("link").click()

    # The Kreis page lists its towns; the Fachkraft opens Bönen's chain.
    page.wait_for_url("**/kommunen/kreis-unna/")
    members = page.locator("table.kreis-members tbody th").all_inner_texts()
    assert members == ["Kreisebene", "Bergkamen", "Bönen", "Kamen", "zusammen"]
    looks_right("kreis")
    page.goto("/kommunen/boenen/kette/")

    # By life phase: the Kreis project reaches Bönen's Kita phase, with need, Kreis median and source.
    kita = page.locator("#phase-kita")
    assert kita.locator(".served-note li").inner_text() == "Familienzentren im Kreis Unna (über den Kreis)"
    need = " ".join(kita.locator(".need-note").inner_text().split())
    # Bönen 1 / 500, Kamen 1 / 1 200, Bergkamen 0 / 1 500 per 1 000 children: the median is Kamen's 0,8.
    assert need == "500 Kinder von 3–5 Jahre (2023) · 2,0 Projekte je 1 000 · Kreis-Median 0,8"
    assert page.locator(".chain-sources").inner_text().startswith("Kinderzahlen: IT.NRW (Jahr 2023).")
    school = page.locator("#phase-grundschule")
    assert "Lücke:" in school.inner_text()
    looks_right("kette-boenen")
    school.get_by_role("link", name="Was andere Kommunen anbieten (Grundschule)").click()

    # The gap in primary school: the offer in the same Kreis first, a Gesuch for Bönen ready to go.
    page.wait_for_url("**/luecken/boenen/lebensphase/grundschule/")
    assert page.get_by_role("heading", level=1).inner_text() == "Lücke: Grundschule in Bönen"
    offers = page.locator("#offers-heading + ul > li")
    assert [" ".join(text.split()[:3]) for text in offers.all_inner_texts()] == [
        "Schulstart-Lotsen Bergkamen –",
        "Lernpaten Dortmund –",
    ]
    assert "im selben Kreis" in offers.first.inner_text()
    assert page.locator("#networks-heading + ul").inner_text().startswith("Bildungsnetz Bergkamen")
    gesuch = page.locator("a.kern-btn--primary", has_text="Gesuch veröffentlichen")
    href = gesuch.get_attribute("href")
    assert href == (
        "/transfer/gesuche/neu/?kommune=boenen&uebergang=uebergang-in-die-grundschule"
        "&uebergang=uebergang-in-die-sekundarstufe"
    )
    looks_right("luecke-grundschule-boenen")
