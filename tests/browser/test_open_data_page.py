"""The open-data page in a real browser: no axe violations, and its HSDS and DCAT links work."""

import pytest

pytestmark = pytest.mark.browser


def test_open_data_page_links_hsds_and_catalogue_without_axe_violations(page, assert_no_axe_violations):
    page.goto("/offene-daten/")
    page.screenshot(path="/tmp/opendata-page.png", full_page=True)

    assert page.locator("h1").inner_text() == "Offene Daten"
    assert_no_axe_violations(page)
    response = page.goto(page.get_by_role("link", name="/api/hsds/profile/").get_attribute("href"))
    assert response.json()["hsds_version"] == "3.0"
