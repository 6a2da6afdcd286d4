"""The back office speaks German on every page each role can open, in its JavaScript too, and
addresses people with "Sie"."""

import gettext as gettext_module
import json
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import import_export
import pytest
from django.conf import settings
from django.contrib import admin
from django.urls import NoReverseMatch, reverse
from django.utils import translation

pytestmark = pytest.mark.django_db

# Words of Django's and the libraries' English UI that German text never contains.
ENGLISH = re.compile(
    r"\b(Add|Change|Delete|Save|Search|History|Home|View|Run|Go|Yes|No|Cancel|Close|Submit|Select|Choose|"
    r"Remove|Show|Hide|Today|Now|Clear|Actions?|Are you sure|Summary|Objects|Title|Municipality|Date|Time|"
    r"Resource|File|This field|Please|Log ?out|Welcome|Password|results|selected|of|and|the|with|for|your|you|"
    r"Field|Preview|Confirm|errors?|Error|Download|Upload|entries|rows|by|all|None|True|False|Unknown|"
    r"Filter by|Show all|Enabled|Disabled|Failed|Attempted|Access)\b"
)
ACTIONS = ["changelist", "add", "change", "delete", "history", "import", "export"]
# The technical records of other projects' apps, which only superusers open.
THIRD_PARTY = {
    "axes.accessattempt",
    "axes.accesslog",
    "axes.accessfailurelog",
    "otp_totp.totpdevice",
    "django_tasks_database.dbtaskresult",
}


class VisibleText(HTMLParser):
    """Text a person sees or hears: text nodes, button labels, titles, placeholders, alternative and
    ARIA texts; not scripts, styles, or the content of text areas (user data)."""

    HIDDEN = {"script", "style", "svg", "textarea"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag, attrs):
        if tag in self.HIDDEN:
            self.hidden += 1
        attrs = dict(attrs)
        self.parts += [attrs[name] for name in ("title", "placeholder", "aria-label", "alt") if attrs.get(name)]
        if tag == "input" and attrs.get("type") in {"submit", "button"} and attrs.get("value"):
            self.parts.append(attrs["value"])

    def handle_endtag(self, tag):
        if tag in self.HIDDEN:
            self.hidden -= 1

    def handle_data(self, data):
        if not self.hidden and data.strip():
            self.parts.append(data.strip())


def english_on(html: str) -> list[str]:
    parser = VisibleText()
    parser.feed(html)
    return [part for part in parser.parts if ENGLISH.search(part)]


def admin_pages(world) -> list[tuple[str, str]]:
    pages = [("index", reverse("admin:index"))]
    for model in admin.site._registry:
        label = model._meta.label_lower
        obj = world.objects.get(label, {}).get("B")
        for action in ACTIONS:
            needs_object = action in {"change", "delete", "history"}
            if needs_object and obj is None:
                continue
            name = f"admin:{model._meta.app_label}_{model._meta.model_name}_{action}"
            try:
                url = reverse(name, args=[obj.pk] if needs_object else None)
            except NoReverseMatch:
                continue
            pages.append((f"{label}:{action}", url))
    return pages


@pytest.mark.parametrize("role", ["koordinator_bergkamen", "steuerungsgruppe", "superuser"])
def test_every_admin_page_a_role_can_open_is_german(client, world, role):
    client.force_login(world.users[role])

    opened, english = [], {}
    for page, url in admin_pages(world):
        response = client.get(url)
        if response.status_code != 200 or "text/html" not in response["Content-Type"]:
            continue
        opened.append(page)
        found = english_on(response.content.decode())
        if found:
            english[page] = found

    assert english == {}
    # The crawl reached the pages named in the finding, for every role.
    assert {"projects.project:changelist", "projects.project:add", "projects.project:change"} <= set(opened)
    assert {"projects.project:import", "projects.project:export", "projects.project:history"} <= set(opened)
    if role != "steuerungsgruppe":  # only a superuser deletes projects; a Koordinator her drafts
        assert "networks.network:delete" in opened
    if role == "superuser":
        assert {f"{label}:{action}" for label in THIRD_PARTY for action in ("changelist", "change")} <= set(opened)


def test_admin_index_names_the_apps_of_other_projects_in_german(client, world):
    client.force_login(world.users["superuser"])

    apps = {
        app["app_label"]: (app["name"], [m["name"] for m in app["models"]])
        for app in client.get(reverse("admin:index")).context["app_list"]
    }

    assert apps["axes"] == ("Anmeldeschutz", ["Fehlgeschlagene Zugriffe", "Zugriffslogs", "Zugriffsversuche"])
    assert apps["otp_totp"] == ("Zweiter Faktor (Authenticator-App)", ["Authenticator-Apps"])
    assert apps["django_tasks_database"] == ("Hintergrundaufgaben", ["Aufgaben"])


def test_admin_javascript_catalogue_has_german_for_the_dual_lists_and_calendar(client, coordinator_bergkamen):
    client.force_login(coordinator_bergkamen)

    catalogue = client.get(reverse("admin:jsi18n")).content.decode()

    for english, german in [
        ("Choose all %s", "Alle %s auswählen"),
        ("Remove all %s", "Alle %s entfernen"),
        ("Choose selected %s", "Markierte %s auswählen"),
        ("Today (%(date)s)", "Heute (%(date)s)"),
        ("Available %s", "Verfügbare %s"),
    ]:
        assert f"{json.dumps(english)}: {json.dumps(german)}" in catalogue


def test_import_and_export_texts_of_the_library_say_sie():
    path = Path(import_export.__file__).parent / "locale" / "de" / "LC_MESSAGES" / "django.mo"
    with path.open("rb") as catalogue:
        msgids = [key for key in gettext_module.GNUTranslations(catalogue)._catalog if isinstance(key, str) and key]

    with translation.override("de"):
        texts = {msgid: translation.gettext(msgid) for msgid in msgids}

    informal = re.compile(r"\b(du|dein\w*|dich|dir)\b|\b(Wähle|wähle|korrigiere|Stelle sicher|führe)\b")
    assert {msgid: text for msgid, text in texts.items() if informal.search(text)} == {}
    with translation.override("de"):
        assert [translation.gettext("Select all"), translation.gettext("Format")] == ["Alle auswählen", "Format"]


def test_empty_choice_of_every_select_is_german():
    from django.db.models.fields import BLANK_CHOICE_LABEL

    with translation.override("de"):
        assert str(BLANK_CHOICE_LABEL) == "– Bitte auswählen –"


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="needs GNU gettext")
@pytest.mark.parametrize("domain", ["django", "djangojs"])
def test_compiled_catalogues_match_their_sources(tmp_path, domain):
    folder = Path(settings.BASE_DIR) / "locale" / "de" / "LC_MESSAGES"

    subprocess.run(["msgfmt", "-o", str(tmp_path / "fresh.mo"), str(folder / f"{domain}.po")], check=True)

    assert (tmp_path / "fresh.mo").read_bytes() == (folder / f"{domain}.mo").read_bytes()
