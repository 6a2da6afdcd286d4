"""WCAG 2.2 AA on every public page in a real Chromium, on a desktop and a phone.

axe-core runs with the tags wcag2a/aa, wcag21a/aa and wcag22aa (so ``target-size`` is checked); at 390
and 320 px no page may scroll sideways; on a phone the menu folds behind a button; keyboard focus is
a ring of at least 3 px with at least 3 : 1 against the page. Screenshots of the pages built here go
to test-artifacts/ for a person to look at.
"""

from pathlib import Path

import pytest

from ..factories import ActionFieldFactory, TransferInterestFactory, TransferRequestFactory, make_coordinator
from .test_public_pages import kreis_unna  # noqa: F401 – the fixture
from .test_transfer_story import log_in

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
DESKTOP = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}
SMALL_PHONE = {"width": 320, "height": 640}
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


def public_paths(data) -> list[str]:
    baby, network, bergkamen = data["baby"], data["network"], data["bergkamen"]
    request = TransferRequestFactory(municipality=bergkamen)
    return [
        "/",
        "/projekte/",
        baby.get_absolute_url(),
        bergkamen.get_absolute_url(),
        f"{bergkamen.get_absolute_url()}kette/",
        "/luecken/",
        "/netzwerke/",
        network.get_absolute_url(),
        "/transfer/angebote/",
        baby.transfer_offers.get().get_absolute_url(),
        "/transfer/gesuche/",
        request.get_absolute_url(),
        "/fachtage/",
        "/offene-daten/",
        "/impressum/",
        "/datenschutz/",
        "/barrierefreiheit/",
        "/leichte-sprache/",
        "/gebaerdensprache/",
        "/barriere-melden/",
    ]


def wcag_violations(page) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    violations = results.response["violations"]
    return [f"{page.url}: {violation['id']} ({len(violation['nodes'])}×)" for violation in violations]


def sideways_overflow(page) -> int:
    """How many pixels the page is wider than the window (0: no horizontal scrolling)."""
    return page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1366", "390"])
def test_every_public_page_has_no_wcag22_violations(page, kreis_unna, viewport):  # noqa: F811
    page.set_viewport_size(viewport)
    violations = []
    for path in public_paths(kreis_unna):
        page.goto(path)
        violations += wcag_violations(page)

    assert violations == []


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1366", "390"])
def test_pages_a_coordinator_uses_outside_the_admin_have_no_wcag22_violations(page, kreis_unna, viewport):  # noqa: F811
    bergkamen = kreis_unna["bergkamen"]
    make_coordinator(bergkamen, username="koordination-bergkamen")
    interest = TransferInterestFactory(offer=kreis_unna["baby"].transfer_offers.get())
    log_in(page, "koordination-bergkamen")
    page.set_viewport_size(viewport)
    violations, too_wide, statuses = [], {}, []
    for path in ["/transfer/meine/", interest.get_absolute_url(), "/transfer/benachrichtigungen/"]:
        statuses.append(page.goto(path).status)
        violations += wcag_violations(page)
        if viewport is PHONE and (overflow := sideways_overflow(page)):
            too_wide[path] = overflow

    assert (statuses, violations, too_wide) == ([200, 200, 200], [], {})


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE, SMALL_PHONE], ids=["1366", "390", "320"])
def test_no_public_page_scrolls_sideways(page, kreis_unna, viewport):  # noqa: F811
    # All five Handlungsfelder: the gap grid by field has 25 columns.
    for name in ["Bildung", "Gesundheit", "Soziale Sicherung/Arbeit", "Freizeit/Kultur/Sport"]:
        ActionFieldFactory(name=name)
    page.set_viewport_size(viewport)
    too_wide = {}
    for path in [*public_paths(kreis_unna), "/luecken/?aufteilung=handlungsfeld"]:
        page.goto(path)
        if overflow := sideways_overflow(page):
            too_wide[path] = overflow

    assert too_wide == {}


def test_menu_folds_behind_a_button_on_a_phone(page):
    page.set_viewport_size(PHONE)
    page.goto("/impressum/")
    button = page.get_by_role("button", name="Menü")
    projects = page.locator("#hauptmenue").get_by_role("link", name="Projekte", exact=True)

    assert (button.is_visible(), button.get_attribute("aria-expanded"), projects.is_visible()) == (True, "false", False)
    button.click()
    assert (button.get_attribute("aria-expanded"), projects.is_visible()) == ("true", True)
    page.keyboard.press("Escape")
    assert (button.get_attribute("aria-expanded"), projects.is_visible()) == ("false", False)


def test_menu_shows_all_links_and_no_button_on_a_desktop(page):
    page.set_viewport_size(DESKTOP)
    page.goto("/impressum/")

    assert page.get_by_role("button", name="Menü").is_visible() is False
    assert page.locator("#hauptmenue").get_by_role("link", name="Projekte", exact=True).is_visible()


FOCUS_STYLE = """() => {
  const style = getComputedStyle(document.activeElement);
  return [style.outlineStyle, parseFloat(style.outlineWidth), style.outlineColor];
}"""


def relative_luminance(rgb: str) -> float:
    values = [int(part) / 255 for part in rgb[rgb.index("(") + 1 : rgb.index(")")].split(",")[:3]]
    linear = [v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4 for v in values]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_on_white(rgb: str) -> float:
    return (1.0 + 0.05) / (relative_luminance(rgb) + 0.05)


@pytest.mark.parametrize(
    "control",
    ["#hauptmenue a", ".site-languages a", "#id_description", "#id_email", "button[type=submit]"],
)
def test_keyboard_focus_is_a_ring_of_3px_with_3_to_1_contrast(page, control):
    page.set_viewport_size(DESKTOP)
    page.goto("/barriere-melden/")
    page.locator(control).first.focus()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")  # focus by keyboard, so :focus-visible applies

    style, width, colour = page.evaluate(FOCUS_STYLE)
    assert (style, width >= 3, contrast_on_white(colour) >= 3) == ("solid", True, True)


def test_printout_shows_the_source_address_and_date(page):
    page.goto("/impressum/")
    page.emulate_media(media="print")

    line = page.locator(".print-source")
    assert line.is_visible()
    assert line.inner_text().startswith("Quelle: http://127.0.0.1:8000/impressum/ · Gedruckt am ")


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1366", "390"])
def test_screenshots_of_home_easy_language_and_feedback_form(page, kreis_unna, viewport):  # noqa: F811
    page.set_viewport_size(viewport)
    ARTIFACTS.mkdir(exist_ok=True)
    for name in ["home", "leichte-sprache", "barriere-melden"]:
        path = "/" if name == "home" else f"/{name}/"
        page.goto(path)
        page.screenshot(path=ARTIFACTS / f"{name}-{viewport['width']}.png", full_page=True)
        assert (ARTIFACTS / f"{name}-{viewport['width']}.png").stat().st_size > 0


def test_kern_stylesheets_and_fonts_come_from_our_host(page):
    """KERN UX with its Fira Sans: every stylesheet and font file is loaded from /static/ of the portal."""
    loaded = []
    page.on("response", lambda response: loaded.append((response.request.resource_type, response.url)))
    page.goto("/barriere-melden/")
    page.evaluate("document.fonts.ready.then(() => true)")

    styles = [url for kind, url in loaded if kind == "stylesheet"]
    fonts = [url for kind, url in loaded if kind == "font"]
    body_font = page.evaluate("getComputedStyle(document.body).fontFamily")
    assert any(url.endswith("/static/vendor/kern/kern.min.css") for url in styles)
    assert fonts and all("/static/vendor/kern/fonts/fira-sans/" in url for url in fonts)
    assert all(url.startswith("http://127.0.0.1:") for url in styles + fonts)
    assert "Fira Sans" in body_font
    assert page.evaluate("document.fonts.check('16px \"Fira Sans\"')") is True
