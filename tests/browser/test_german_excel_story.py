"""In a real Chromium: a Koordinatorin imports projects from a CSV saved by German Excel.

She downloads the template, uploads a file with ``;``, Windows-1252 and one bad row, reads the German
message naming row and column, uploads the fixed file, confirms, submits the drafts in bulk; the
Steuerungsgruppe sees every field of a submission, the many-to-many ones included. Every page on the way
is German, the dual lists too.
"""

import io
import re
from pathlib import Path

import openpyxl
import pytest
from django.contrib.auth.models import Group
from playwright.sync_api import expect

from accounts.models import Role

from ..factories import MunicipalityFactory, TransitionFactory, UserFactory, make_coordinator

PASSWORD = "geheim-1234"  # UserFactory's password
SCREENSHOTS = Path("/tmp/excel-screenshots")
HEADER = "Kommune;Titel;Kurzbeschreibung;seit;Übergänge;Kontakt veröffentlichen;Ansprechperson\r\n"
ROWS = [
    "Selm;Väterfrühstück;Frühstück für Väter und Kinder.;2018;Übergang in die Kita;Ja;Herr Größe\r\n",
    "Selm;Elterncafé Bork;Treffpunkt für Eltern im Ortsteil Bork.;2.020;Übergang in die Kita;Nein;\r\n",
    "Selm;Lesepaten;Ehrenamtliche lesen in der Grundschule vor.;{year};Übergang in die Kita;Nein;\r\n",
]
ENGLISH = re.compile(r"\b(Choose|Remove|Select|Run|Delete|Save|Search|Are you sure|Summary|Title)\b")


@pytest.fixture
def people():
    TransitionFactory(name="Übergang in die Kita", short_name="Kita", position=1)
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


def shot(page, name: str) -> None:
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def assert_german(page) -> None:
    assert ENGLISH.findall(page.locator("body").inner_text()) == []


def upload(page, content: bytes, run_tasks) -> None:
    page.goto("/verwaltung/projects/project/import/")
    page.select_option("#id_format", label="csv")
    page.set_input_files("#id_import_file", {"name": "projekte.csv", "mimeType": "text/csv", "buffer": content})
    page.get_by_role("button", name="Absenden").click()
    expect(page.locator(".messagelist")).to_contain_text("im Hintergrund geprüft")
    run_tasks()  # the dry run, in the worker
    page.reload()


def test_projects_come_in_from_german_excel_and_go_to_review_in_bulk(page, people, run_tasks):
    log_in(page, "koordination-selm")
    page.goto("/verwaltung/projects/project/import/")
    expect(page.locator("#content")).to_contain_text("mit Semikolon (;)")
    assert_german(page)
    shot(page, "1-import-upload")
    with page.expect_download() as download:
        page.get_by_role("link", name="Excel-Datei mit Erläuterungen (.xlsx)").click()
    workbook = openpyxl.load_workbook(io.BytesIO(Path(download.value.path()).read_bytes()))
    assert workbook.sheetnames == ["Projekte", "Erläuterungen"]

    # A file as German Excel saves it, with an error in its third project.
    bad = (HEADER + "".join(ROWS).format(year="zwanzig")).encode("cp1252")
    upload(page, bad, run_tasks)
    expect(page.locator("#content")).to_contain_text("Zeile 4: Spalte „seit“: „zwanzig“ ist keine ganze Zahl.")
    expect(page.locator("input[name=confirm]")).to_have_count(0)
    assert_german(page)
    shot(page, "2-import-error")

    # Fixed after the German message: imported once confirmed.
    upload(page, (HEADER + "".join(ROWS).format(year="2021")).encode("cp1252"), run_tasks)
    page.click("input[name=confirm]")
    run_tasks()
    page.reload()
    expect(page.locator("#content")).to_contain_text("Väterfrühstück")
    shot(page, "3-import-done")

    # All three drafts to review at once.
    page.goto("/verwaltung/projects/project/")
    page.check("#action-toggle")
    page.select_option("select[name=action]", "submit_selected")
    expect(page.locator("button[name=index], input[name=index]").first).to_be_visible()
    page.locator("#changelist-form .actions button, #changelist-form .actions input[type=submit]").first.click()
    expect(page.locator(".messagelist")).to_contain_text("3 Projekt(e) zur Prüfung eingereicht.")
    assert_german(page)
    shot(page, "4-bulk-submitted")

    # The dual lists of the form speak German.
    page.locator("#result_list").get_by_role("link", name="Väterfrühstück").click()
    expect(page.locator("#id_transitions_add_all")).to_have_text("Alle Übergänge auswählen")
    assert_german(page)

    # The reviewer sees every field of the submission, the many-to-many ones and the contact too.
    log_in(page, "steuerung")
    page.goto("/verwaltung/projects/project/?q=Väterfrühstück")
    page.locator("#result_list").get_by_role("link", name="Väterfrühstück").click()
    page.get_by_role("link", name="Prüfen", exact=True).click()
    table = page.locator(".review-diff")
    for text in ["Übergänge", "Übergang in die Kita", "Kontakt veröffentlichen", "Herr Größe", "Träger und Partner"]:
        expect(table).to_contain_text(text)
    assert_german(page)
    shot(page, "5-review")
