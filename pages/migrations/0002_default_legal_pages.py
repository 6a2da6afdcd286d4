"""The three legal pages with starting texts, and the right to edit them for the Redaktion.

Square brackets mark what the operator has to fill in before going live.
"""

from django.db import migrations

IMPRINT = """## Anbieter
[Name der Behörde, z. B. Kreis Unna – Der Landrat]
[Straße Hausnummer]
[PLZ Ort]
Telefon: [Telefonnummer]
E-Mail: [E-Mail-Adresse]

Der Kreis ist eine Körperschaft des öffentlichen Rechts. Er wird vertreten durch [Name, Funktion].

## Umsatzsteuer-Identifikationsnummer
[Nummer nach § 27a Umsatzsteuergesetz, falls vorhanden]

## Inhaltlich verantwortlich
Verantwortlich nach § 18 Abs. 2 Medienstaatsvertrag: [Name, Anschrift wie oben]

## Inhalte der Kommunen
Für die Beschreibungen der Projekte, Netzwerke und Transfer-Angebote sind die jeweils genannten Kommunen verantwortlich. Sie pflegen ihre Einträge selbst.

## Offene Daten
Die veröffentlichten Inhalte stehen unter der Lizenz „Datenlizenz Deutschland – Namensnennung – Version 2.0“ (dl-de/by-2-0) zur Weiternutzung bereit; siehe die Seite „Offene Daten“."""

PRIVACY = """## Verantwortliche Stelle
[Name und Anschrift der Behörde wie im Impressum]

## Datenschutzbeauftragte/r
[Name oder Funktion, Anschrift, E-Mail-Adresse]

## Besuch der Seiten
Die Transferbörse setzt für Besucherinnen und Besucher keine Cookies, mit einer Ausnahme: Seiten mit einem Formular (zum Beispiel die Anmeldung) setzen ein technisch notwendiges Sicherheits-Cookie („csrftoken“), das gefälschte Formularübermittlungen verhindert. Wer sich anmeldet, erhält zusätzlich ein Sitzungs-Cookie („sessionid“), das mit der Abmeldung oder nach zwei Wochen ungültig wird.

Es gibt keine Analyse- oder Werbedienste, keine eingebundenen Schriften, Karten oder Videos anderer Anbieter: Ihr Browser lädt alle Inhalte ausschließlich von diesem Server.

Der Server speichert bei jedem Aufruf die IP-Adresse, Datum und Uhrzeit, die aufgerufene Adresse und den Browser-Typ in Protokolldateien, um den sicheren Betrieb zu gewährleisten (Art. 6 Abs. 1 Buchst. e DSGVO). Die Protokolle werden nach [Anzahl] Tagen gelöscht.

## Ansprechpersonen in Projekten und Transfer-Angeboten
Namen, Funktionen und Kontaktdaten von Ansprechpersonen werden nur veröffentlicht, wenn die Person zugestimmt hat. Die Kommunen pflegen diese Angaben selbst.

## Benutzerkonten
Für Koordinatorinnen und Koordinatoren speichern wir Benutzername, Name, E-Mail-Adresse, Rolle und zugeordnete Kommune sowie die Änderungen, die sie vornehmen.

## Ihre Rechte
Sie haben das Recht auf Auskunft (Art. 15 DSGVO), Berichtigung (Art. 16), Löschung (Art. 17), Einschränkung der Verarbeitung (Art. 18), Datenübertragbarkeit (Art. 20) und Widerspruch (Art. 21). Auf Anfrage stellen wir Ihnen alle zu Ihrer E-Mail-Adresse gespeicherten Angaben zusammen oder löschen sie.

Sie können sich bei der Aufsichtsbehörde beschweren: Landesbeauftragte für Datenschutz und Informationsfreiheit Nordrhein-Westfalen, https://www.ldi.nrw.de"""

ACCESSIBILITY = """Die [Name der Behörde] ist bemüht, die Transferbörse im Einklang mit der Barrierefreie-Informationstechnik-Verordnung (BITV 2.0) und der Barrierefreie-Informationstechnik-Verordnung Nordrhein-Westfalen (BITVNRW) barrierefrei zugänglich zu machen.

## Stand der Vereinbarkeit mit den Anforderungen
Diese Website ist [vollständig / teilweise] mit den Anforderungen vereinbar. Die Erklärung beruht auf einer Selbstbewertung vom [Datum].

## Nicht barrierefreie Inhalte
- [Inhalte, die noch nicht barrierefrei sind, und warum]

## Barrieren melden
Sind Ihnen Mängel beim barrierefreien Zugang aufgefallen? Oder benötigen Sie Informationen in einer barrierefreien Form? Schreiben Sie uns an die unten genannte Adresse; wir antworten innerhalb von [Anzahl] Wochen.

## Schlichtungsverfahren
Wenn Sie auf Ihre Rückmeldung keine zufriedenstellende Antwort erhalten, können Sie sich an die Ombudsstelle für barrierefreie Informationstechnik des Landes Nordrhein-Westfalen wenden: [Anschrift, E-Mail-Adresse]"""

PAGES = [
    ("impressum", "Impressum", IMPRINT, ""),
    ("datenschutz", "Datenschutzerklärung", PRIVACY, ""),
    ("barrierefreiheit", "Erklärung zur Barrierefreiheit", ACCESSIBILITY, "barrierefreiheit@example.org"),
]

EDITING_ROLES = ["Redaktion", "Steuerungsgruppe"]


def create_pages(apps, schema_editor):
    LegalPage = apps.get_model("pages", "LegalPage")
    for kind, title, body, contact_email in PAGES:
        LegalPage.objects.get_or_create(
            kind=kind, defaults={"title": title, "body": body, "contact_email": contact_email}
        )


def grant_editing(apps, schema_editor):
    # Permissions are normally created after all migrations ran; create the two we grant now.
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    content_type, _ = ContentType.objects.get_or_create(app_label="pages", model="legalpage")
    permissions = [
        Permission.objects.get_or_create(
            content_type=content_type,
            codename=f"{action}_legalpage",
            defaults={"name": f"Can {action} Rechtliche Seite"},
        )[0]
        for action in ("view", "change")
    ]
    for group in Group.objects.filter(name__in=EDITING_ROLES):
        group.permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("pages", "0001_legal_pages"),
        ("accounts", "0002_roles"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(create_pages, migrations.RunPython.noop),
        migrations.RunPython(grant_editing, migrations.RunPython.noop),
    ]
