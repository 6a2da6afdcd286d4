"""Done-when walkthrough of the back office (issue 5), run by hand against a dev server with demo data:

    manage.py load_demo && manage.py runserver 127.0.0.1:8015
    BASE_URL=http://127.0.0.1:8015 SHOTS=/tmp python tests/browser/back_office_walkthrough.py <suffix>

Not collected by pytest (no test_ prefix) until the shared browser fixture (tests/browser/conftest.py)
lands; then it becomes a test with a live server.

 in a real browser (Chromium): Selm creates, submits, is returned, fixes,
resubmits; Steuerungsgruppe publishes; public page; later edit → diff → approve; history."""

import os
import sys

from playwright.sync_api import expect, sync_playwright

BASE = os.environ.get("BASE_URL", "http://127.0.0.1:8015")
SHOTS = os.environ.get("SHOTS", "/tmp")
TITLE = "Kita-Lotsen Selm " + sys.argv[1] if len(sys.argv) > 1 else "Kita-Lotsen Selm"


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
    page = browser.new_page(viewport={"width": 1280, "height": 1000}, locale="de-DE")

    login(page, "koordination-selm")
    page.screenshot(path=f"{SHOTS}/01-dashboard-selm.png", full_page=True)
    page.goto(f"{BASE}/verwaltung/projects/project/add/")
    page.fill("#id_title", TITLE)
    page.wait_for_timeout(800)
    page.screenshot(path=f"{SHOTS}/02-add-similar.png", full_page=False)
    page.fill("#id_summary", "Lotsinnen begleiten Familien beim Übergang in die Kita.")
    page.fill("#id_situation", "Viele Familien finden keinen Kita-Platz.")
    page.click("input[name=_submit_for_review]")
    expect(page.locator(".messagelist")).to_contain_text("zur Prüfung eingereicht")
    page.screenshot(path=f"{SHOTS}/03-submitted.png", full_page=True)

    login(page, "steuerungsgruppe")
    page.goto(f"{BASE}/verwaltung/")
    page.screenshot(path=f"{SHOTS}/04-dashboard-steering.png", full_page=True)
    page.click(f"#dashboard a:has-text('{TITLE}')")
    page.click("text=Prüfen")
    page.fill("#id_comment", "Bitte Ziele ergänzen.")
    page.click("input[name=_return]")
    expect(page.locator(".messagelist")).to_contain_text("zurückgegeben")

    login(page, "koordination-selm")
    page.click(f"#dashboard a:has-text('{TITLE}')")
    expect(page.locator(".review-comment")).to_contain_text("Bitte Ziele ergänzen.")
    page.screenshot(path=f"{SHOTS}/05-returned.png", full_page=False)
    page.fill("#id_goals", "Jedes Kind hat zum 3. Geburtstag einen Kita-Platz.")
    page.click("input[name=_submit_for_review]")
    expect(page.locator(".messagelist")).to_contain_text("zur Prüfung eingereicht")

    login(page, "steuerungsgruppe")
    page.click(f"#dashboard a:has-text('{TITLE}')")
    page.click("text=Prüfen")
    page.screenshot(path=f"{SHOTS}/06-review-new.png", full_page=True)
    page.click("input[name=_publish]")
    expect(page.locator(".messagelist")).to_contain_text("veröffentlicht")

    login(page, "koordination-selm")
    page.goto(f"{BASE}/verwaltung/projects/project/?q=" + TITLE.replace(" ", "+"))
    page.click(f"#result_list a:has-text('{TITLE}')")
    page.click("a.viewsitelink")
    expect(page.locator("h1")).to_contain_text(TITLE)
    public_url = page.url
    page.screenshot(path=f"{SHOTS}/07-public.png", full_page=True)
    page.go_back()
    page.fill("#id_goals", "Jedes Kind hat zum 3. Geburtstag einen Kita-Platz, auch im Ortsteil Bork.")
    page.click("input[name=_save]")
    expect(page.locator(".messagelist")).to_contain_text("zur Prüfung eingereicht")
    page.goto(public_url)
    assert "Bork" not in page.content(), "pending change leaked to the public page"

    login(page, "steuerungsgruppe")
    page.click(f"#dashboard a:has-text('{TITLE}')")
    page.click("text=Prüfen")
    expect(page.locator(".review-diff")).to_contain_text("Bork")
    page.screenshot(path=f"{SHOTS}/08-review-diff.png", full_page=True)
    page.click("input[name=_approve]")
    expect(page.locator(".messagelist")).to_contain_text("übernommen")
    page.goto(public_url)
    assert "Bork" in page.content()
    page.go_back()
    page.go_back()
    page.goto(f"{BASE}/verwaltung/projects/project/?q=" + TITLE.replace(" ", "+"))
    page.click(f"#result_list a:has-text('{TITLE}')")
    page.click("a.historylink")
    page.screenshot(path=f"{SHOTS}/09-history.png", full_page=True)
    rows = page.locator("#change-history tbody tr").count()
    print("history rows", rows)
    browser.close()
print("WALKTHROUGH OK")
