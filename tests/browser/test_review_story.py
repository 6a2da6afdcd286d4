"""In a real Chromium: review before publishing, in the back office under /verwaltung/.

Selm's coordinator creates a project and submits it; the Steuerungsgruppe returns it with a comment; Selm
fixes and resubmits; it is published and public. A later edit waits for review, the reviewer sees the
field-by-field diff and approves, and the history shows both versions.
"""

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from playwright.sync_api import expect

from accounts.models import Role

from ..factories import MunicipalityFactory, UserFactory, make_coordinator

PASSWORD = "geheim-1234"  # UserFactory's password
TITLE = "Kita-Lotsen Selm"
GOALS = "Jedes Kind hat zum 3. Geburtstag einen Kita-Platz."
GOALS_EDITED = "Jedes Kind hat zum 3. Geburtstag einen Kita-Platz, auch im Ortsteil Bork."


@pytest.fixture
def people():
    steering = UserFactory(username="steuerung", first_name="Sigrid", last_name="Steuer")
    steering.groups.add(Group.objects.get(name=Role.STEERING_GROUP))
    selm = make_coordinator(MunicipalityFactory(name="Selm"), username="koordination-selm", first_name="Selma")
    return {"selm": selm, "steering": steering}


def log_in(page, username):
    page.context.clear_cookies()
    page.goto("/verwaltung/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    expect(page.locator("#user-tools")).to_be_visible()


def open_from_dashboard(page):
    page.goto("/verwaltung/")
    page.locator("#dashboard").get_by_role("link", name=TITLE).click()


def open_review(page):
    open_from_dashboard(page)
    page.get_by_role("link", name="Prüfen", exact=True).click()


def message(page):
    return page.locator(".messagelist")


def test_review_story_project_is_returned_fixed_published_and_a_later_edit_approved(
    page, people, assert_no_axe_violations, run_tasks
):
    # Selm creates the project and submits it for review.
    log_in(page, "koordination-selm")
    page.goto("/verwaltung/projects/project/add/")
    page.fill("#id_title", TITLE)
    page.fill("#id_summary", "Lotsinnen begleiten Familien beim Übergang in die Kita.")
    page.fill("#id_situation", "Viele Familien finden keinen Kita-Platz.")
    page.click("input[name=_submit_for_review]")
    expect(message(page)).to_contain_text("zur Prüfung eingereicht")
    run_tasks()  # the worker sends the queued mails
    assert [message.to for message in mail.outbox] == [[people["steering"].email]]

    # The Steuerungsgruppe returns it with a comment.
    log_in(page, "steuerung")
    open_review(page)
    page.fill("#id_comment", "Bitte Ziele ergänzen.")
    page.click("input[name=_return]")
    expect(message(page)).to_contain_text("zurückgegeben")
    run_tasks()
    assert mail.outbox[-1].to == [people["selm"].email]

    # Selm sees the comment, fixes the goals and resubmits.
    log_in(page, "koordination-selm")
    open_from_dashboard(page)
    expect(page.locator(".review-comment")).to_contain_text("Bitte Ziele ergänzen.")
    page.fill("#id_goals", GOALS)
    page.click("input[name=_submit_for_review]")
    expect(message(page)).to_contain_text("zur Prüfung eingereicht")

    # The reviewer publishes; the project is public.
    log_in(page, "steuerung")
    open_review(page)
    expect(page.locator("#content")).to_contain_text(GOALS)
    page.click("input[name=_publish]")
    expect(message(page)).to_contain_text("veröffentlicht")
    page.context.clear_cookies()
    page.goto("/projekte/kita-lotsen-selm/")
    expect(page.locator("h1")).to_have_text(TITLE)
    expect(page.locator("main")).to_contain_text(GOALS)

    # Selm edits the published project; the change waits for review and is not public yet.
    log_in(page, "koordination-selm")
    page.goto("/verwaltung/projects/project/?q=Kita-Lotsen")
    page.locator("#result_list").get_by_role("link", name=TITLE).click()
    page.fill("#id_goals", GOALS_EDITED)
    page.click("input[name=_save]")
    expect(message(page)).to_contain_text("zur Prüfung eingereicht")
    page.goto("/projekte/kita-lotsen-selm/")
    expect(page.locator("main")).not_to_contain_text("Bork")

    # The reviewer sees the field-by-field diff and approves; the change is public.
    log_in(page, "steuerung")
    open_review(page)
    diff = page.locator(".review-diff")
    expect(diff).to_contain_text("Ziele")
    expect(diff).to_contain_text("Bork")
    assert_no_axe_violations(page)
    page.click("input[name=_approve]")
    expect(message(page)).to_contain_text("übernommen")
    page.goto("/projekte/kita-lotsen-selm/")
    expect(page.locator("main")).to_contain_text(GOALS_EDITED)

    # The history lists both published versions.
    page.goto("/verwaltung/projects/project/?q=Kita-Lotsen")
    page.locator("#result_list").get_by_role("link", name=TITLE).click()
    page.locator("a.historylink").click()
    rows = page.locator("#change-history tbody tr")
    published = rows.filter(has_text="Veröffentlicht").filter(has_text="Status: In Prüfung")
    expect(published).to_contain_text("Status: In Prüfung  →  Veröffentlicht")
    approved = rows.filter(has_text="Änderungen übernommen")
    expect(approved).to_contain_text(f"Ziele: {GOALS}  →  {GOALS_EDITED}")
    expect(approved).to_contain_text("Sigrid Steuer")
    expect(rows.filter(has_text="Mit Kommentar zurückgegeben")).to_contain_text("Bitte Ziele ergänzen.")
