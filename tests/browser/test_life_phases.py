"""The chain by life phase and the gap grid by phase in a real Chromium, on a desktop and on a phone.

The screenshots land in the system's temporary directory (``chain-phases-1366.png``, ``chain-phases-390.png``)
for a person to look at.
"""

import tempfile
from pathlib import Path

import pytest

from projects.models import LifePhase, Transition

from ..factories import (
    DistrictMunicipalityFactory,
    MunicipalityFactory,
    ProjectFactory,
    make_phases,
    make_transitions,
)

DESKTOP = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def kamen():
    """Kamen in the Kreis Unna, with projects described by life phase (source document 001, 3.5.6–3.5.7)."""
    transitions = make_transitions()
    phases = make_phases(transitions)
    kreis = DistrictMunicipalityFactory(name="Kreis Unna")
    kamen = MunicipalityFactory(name="Kamen", parent=kreis)
    ProjectFactory(
        municipality=kamen,
        title="Kontaktstelle Kindergesundheit Kamen",
        phases=phases[3:6],
        transitions=transitions[2:4],
    )
    ProjectFactory(
        municipality=kamen,
        title="Kontaktstelle für jugendliche Schul- und Ausbildungsabbrecher Kamen",
        phases=phases[4:6],
        transitions=transitions[3:5],
    )
    ProjectFactory(
        municipality=kreis, title="Familienzentren im Kreis Unna", phases=phases[1:3], transitions=transitions[:2]
    ).served_municipalities.set([kamen])
    return kamen


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1366", "390"])
def test_chain_draws_phases_with_transitions_between_them(page, kamen, assert_no_axe_violations, viewport):
    page.set_viewport_size(viewport)
    page.goto("/kommunen/kamen/kette/")

    steps = page.locator(".phase-step h2")
    assert [" ".join(text.split()) for text in steps.all_inner_texts()] == [
        f"{phase.position} {phase.name}" for phase in LifePhase.objects.order_by("position")
    ]
    assert [" ".join(text.split()) for text in page.locator(".phase-bridge h3").all_inner_texts()] == [
        transition.name for transition in Transition.objects.order_by("position")
    ]
    assert page.locator("#phase-kita .served-note li").inner_text() == "Familienzentren im Kreis Unna (über den Kreis)"
    assert page.locator(".phase-step.is-gap").count() == 1
    first, second = page.locator(".phase-step").nth(0).bounding_box(), page.locator(".phase-step").nth(1).bounding_box()
    bridge = page.locator(".phase-bridge").first.bounding_box()
    if viewport == DESKTOP:
        # Side by side; the first transition below, straddling the border of the two phases it bridges.
        assert first["y"] == second["y"] and first["x"] < second["x"]
        assert bridge["y"] > first["y"] + first["height"] - 1
        assert bridge["x"] < second["x"] < bridge["x"] + bridge["width"]
    else:
        # Stacked: phase, the transition out of it, the next phase.
        assert first["y"] < bridge["y"] < second["y"]
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
    page.screenshot(path=str(Path(tempfile.gettempdir()) / f"chain-phases-{viewport['width']}.png"), full_page=True)
    assert_no_axe_violations(page)


def test_gap_grid_by_phase_works_on_a_phone(page, kamen, assert_no_axe_violations):
    page.set_viewport_size(PHONE)
    page.goto("/luecken/?nach=phase")

    cells = page.locator("tr", has=page.get_by_role("rowheader", name="Kamen")).locator("td")
    assert cells.evaluate_all("cells => cells.map(cell => cell.dataset.label)") == [
        phase.short_name for phase in LifePhase.objects.order_by("position")
    ]
    assert (
        cells.nth(0).locator(".gap-link").get_attribute("href")
        == "/luecken/kamen/lebensphase/schwangerschaft-und-geburt/"
    )
    assert cells.nth(2).locator(".served-link").inner_text().startswith("1 über den Kreis")
    assert cells.nth(3).get_by_role("link").get_attribute("href") == "/kommunen/kamen/kette/#phase-grundschule"
    page.screenshot(path=str(Path(tempfile.gettempdir()) / "gaps-phases-390.png"), full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert_no_axe_violations(page)
