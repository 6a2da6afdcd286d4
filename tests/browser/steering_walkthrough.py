"""Done-when walkthrough of steering (issue 6), run by hand against a dev server with demo data:

    manage.py load_demo && manage.py runserver 127.0.0.1:8016
    BASE_URL=http://127.0.0.1:8016 SHOTS=/tmp python tests/browser/steering_walkthrough.py [year]

In Chromium: the Steuerungsgruppe opens /steuerung/, the goals raster, the network overview and saves
the PDF; the Koordinator of Selm completes a network self-assessment and a project self-check in the
back office and registers for a Fachtag. Not collected by pytest (no test_ prefix)."""

import os
import sys

from playwright.sync_api import expect, sync_playwright

BASE = os.environ.get("BASE_URL", "http://127.0.0.1:8016")
SHOTS = os.environ.get("SHOTS", "/tmp")
YEAR = sys.argv[1] if len(sys.argv) > 1 else "2026"


def login(page, user):
    page.context.clear_cookies()
    page.goto(f"{BASE}/verwaltung/login/")
    page.fill("#id_username", user)
    page.fill("#id_password", "transfer-demo")
    page.click("input[type=submit]")
    expect(page.locator("#user-tools")).to_be_visible()


with sync_playwright() as p:
    browser = p.chromium.launch(
        executable_path="/usr/bin/chromium",
        args=[
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ],
    )
    page = browser.new_page(viewport={"width": 1400, "height": 1000}, locale="de-DE", accept_downloads=True)
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))

    login(page, "steuerungsgruppe")
    page.goto(f"{BASE}/steuerung/")
    expect(page.locator("h1")).to_contain_text("Steuerung")
    page.wait_for_timeout(500)
    page.screenshot(path=f"{SHOTS}/s6-01-dashboard.png", full_page=True)
    page.goto(f"{BASE}/steuerung/ziele/bergkamen/")
    page.wait_for_timeout(500)
    page.screenshot(path=f"{SHOTS}/s6-02-goals-bergkamen.png", full_page=True)
    page.goto(f"{BASE}/steuerung/netzwerke/")
    page.screenshot(path=f"{SHOTS}/s6-03-network-quality.png", full_page=True)
    page.goto(f"{BASE}/steuerung/druck/")
    page.screenshot(path=f"{SHOTS}/s6-04-print.png", full_page=True)
    with page.expect_download() as download:
        page.evaluate(f"window.location.href = '{BASE}/steuerung/bericht.pdf'")
    download.value.save_as(f"{SHOTS}/s6-bericht.pdf")

    # Koordinator Selm: this year's network self-assessment …
    login(page, "koordination-selm")
    page.goto(f"{BASE}/verwaltung/steering/networkassessment/add/")
    page.select_option("#id_network", label="Mehrgenerationenhaus Selm")
    page.fill("#id_year", YEAR)
    for index in range(8):
        page.select_option(f"#id_ratings-{index}-level", str(2 + index % 3))
    page.fill("#id_ratings-4-justification", "Familien sitzen seit dem Frühjahr mit am Tisch.")
    page.screenshot(path=f"{SHOTS}/s6-05-assessment-form.png", full_page=True)
    page.click("input[name=_save]")
    expect(page.locator(".messagelist")).to_contain_text("erfolgreich")
    # … and a good-practice self-check of a Selm project.
    page.goto(f"{BASE}/verwaltung/steering/projectselfcheck/?q=Familienberatungsf%C3%BChrer")
    existing = page.locator("#result_list a", has_text="Familienberatungsführer Selm")
    if existing.count():  # a second run edits the self-check of the first
        existing.first.click()
    else:
        page.goto(f"{BASE}/verwaltung/steering/projectselfcheck/add/")
        page.select_option("#id_project", label="Familienberatungsführer Selm")
    for index in range(12):
        page.select_option(f"#id_ratings-{index}-level", str(1 + index % 4))
    page.fill("#id_ratings-4-justification", "Eltern haben die Texte des Beratungsführers mitgeschrieben.")
    page.click("input[name=_save]")
    expect(page.locator(".messagelist")).to_contain_text("erfolgreich")
    page.screenshot(path=f"{SHOTS}/s6-06-selfcheck-saved.png", full_page=True)
    # Registration for a Fachtag.
    page.goto(f"{BASE}/fachtage/")
    page.click("text=Fachtag Qualität in Netzwerken")
    if page.locator("button:has-text('Abmelden')").count():  # registered by an earlier run
        page.click("button:has-text('Abmelden')")
    page.click("button:has-text('Verbindlich anmelden')")
    expect(page.locator(".messages")).to_contain_text("angemeldet")
    page.screenshot(path=f"{SHOTS}/s6-07-event-registered.png", full_page=True)
    browser.close()
    print("console errors:", errors)
