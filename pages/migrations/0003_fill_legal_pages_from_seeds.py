"""Fill the legal pages' placeholders from what the project's source documents say; keep the rest marked.

The publisher (Kreis Unna – Der Landrat, Fachbereich Familie und Jugend, Hansastraße 4, 59425 Unna,
https://www.kreis-unna.de) and the responsible person (Norbert Hahn, Dezernent) come from the application
"Brücken für Familien" (seed 001, Impressum and section 1). What the portal itself does with personal
data and how accessible it is was checked against the code (settings, gunicorn, django-axes, rate limit,
browser tests). Telephone, e-mail addresses, the Landrat's name, the tax number, log retention at the
server and the Ombudsstelle's contact are the operator's to give: they stay in square brackets, and
``manage.py check --deploy --database default`` lists them (pages/checks.py).

A page is only updated while its text still equals the old default: what the Redaktion edited stays.
"""

import importlib

from django.db import migrations
from django.utils import timezone

OLD = importlib.import_module("pages.migrations.0002_default_legal_pages")

IMPRINT = """## Anbieter
Kreis Unna – Der Landrat
Fachbereich Familie und Jugend
Hansastraße 4
59425 Unna
Telefon: [Telefonnummer]
E-Mail: [E-Mail-Adresse]
Internet: https://www.kreis-unna.de

Der Kreis Unna ist eine Körperschaft des öffentlichen Rechts. Er wird vertreten durch den Landrat [Name des Landrats oder der Landrätin].

## Umsatzsteuer-Identifikationsnummer
[Nummer nach § 27a Umsatzsteuergesetz, falls vorhanden – sonst diesen Abschnitt löschen]

## Inhaltlich verantwortlich
Verantwortlich nach § 18 Abs. 2 Medienstaatsvertrag: Norbert Hahn, Dezernent, Kreis Unna, Hansastraße 4, 59425 Unna

## Inhalte der Kommunen
Für die Beschreibungen der Projekte, Netzwerke und Transfer-Angebote sind die jeweils genannten Kommunen verantwortlich. Sie pflegen ihre Einträge selbst.

## Offene Daten
Die veröffentlichten Inhalte stehen unter der Lizenz „Datenlizenz Deutschland – Namensnennung – Version 2.0“ (dl-de/by-2-0) zur Weiternutzung bereit; siehe die Seite „Offene Daten“."""

PRIVACY = """## Verantwortliche Stelle
Kreis Unna – Der Landrat
Fachbereich Familie und Jugend
Hansastraße 4
59425 Unna
Telefon und E-Mail: siehe Impressum

## Datenschutzbeauftragte/r
Behördliche/r Datenschutzbeauftragte/r des Kreises Unna, Hansastraße 4, 59425 Unna
E-Mail: [E-Mail-Adresse der/des Datenschutzbeauftragten]

## Besuch der Seiten
Die Transferbörse setzt für Besucherinnen und Besucher keine Cookies, mit einer Ausnahme: Seiten mit einem Formular (zum Beispiel die Anmeldung) setzen ein technisch notwendiges Sicherheits-Cookie („csrftoken“), das gefälschte Formularübermittlungen verhindert. Wer sich anmeldet, erhält zusätzlich ein Sitzungs-Cookie („sessionid“), das mit der Abmeldung, mit dem Schließen des Browsers oder nach zwei Stunden ohne Aktivität ungültig wird, und nach dem Speichern kurzzeitig ein Cookie („messages“), das die Bestätigungsmeldung bis zur nächsten Seite trägt.

Es gibt keine Analyse- oder Werbedienste, keine eingebundenen Schriften, Karten oder Videos anderer Anbieter: Ihr Browser lädt alle Inhalte ausschließlich von diesem Server.

Der Anwendungsserver protokolliert jeden Aufruf mit Datum und Uhrzeit, aufgerufener Adresse, Antwortcode, Größe der Antwort, zuvor besuchter Seite (Referrer) und Browser-Typ; die IP-Adresse Ihres Geräts steht in diesem Protokoll nicht, dort erscheint nur die Adresse des vorgeschalteten Webservers. Der vorgeschaltete Webserver protokolliert dieselben Angaben zusammen mit der IP-Adresse. Zweck ist der sichere Betrieb und die Fehlersuche (Art. 6 Abs. 1 Buchst. e DSGVO). Beide Protokolle werden nach [Zahl: Server-Protokolle] Tagen gelöscht.

Zum Schutz vor massenhaft abgeschickten Formularen zählt die Transferbörse Formularübermittlungen je Gerät (IP-Adresse) oder Benutzerkonto und Minute. Gespeichert wird dafür nicht die Adresse, sondern nur ein mit einem geheimen Schlüssel gebildeter Prüfwert (Hash); Zählerstände, die älter als zwei Minuten sind, werden mit der nächsten gezählten Übermittlung gelöscht.

## Ansprechpersonen in Projekten und Transfer-Angeboten
Namen, Funktionen und Kontaktdaten von Ansprechpersonen werden nur veröffentlicht, wenn die Person zugestimmt hat. Die Kommunen pflegen diese Angaben selbst.

## Benutzerkonten
Für Koordinatorinnen und Koordinatoren speichern wir Benutzername, Name, E-Mail-Adresse, Rolle und zugeordnete Kommune sowie die Änderungen, die sie vornehmen.

Zum Schutz der Konten speichern wir zu jeder Anmeldung in der Verwaltung Zeitpunkt, IP-Adresse und Browser-Typ; dieses Anmeldeprotokoll wird nach [Zahl: Anmeldeprotokoll] Tagen gelöscht. Fehlgeschlagene Anmeldeversuche (Benutzername, IP-Adresse, Browser-Typ, Zeitpunkt) führen nach mehreren Fehlversuchen zu einer vorübergehenden Sperre; sie werden gelöscht, sobald nach dem letzten Fehlversuch 15 Minuten vergangen sind und die nächste Anmeldung erfolgt.

## Ihre Rechte
Sie haben das Recht auf Auskunft (Art. 15 DSGVO), Berichtigung (Art. 16), Löschung (Art. 17), Einschränkung der Verarbeitung (Art. 18), Datenübertragbarkeit (Art. 20) und Widerspruch (Art. 21). Auf Anfrage stellen wir Ihnen alle zu Ihrer E-Mail-Adresse gespeicherten Angaben zusammen oder löschen sie.

Sie können sich bei der Aufsichtsbehörde beschweren: Landesbeauftragte für Datenschutz und Informationsfreiheit Nordrhein-Westfalen, https://www.ldi.nrw.de"""

ACCESSIBILITY = """Der Kreis Unna ist bemüht, die Transferbörse im Einklang mit der Barrierefreie-Informationstechnik-Verordnung (BITV 2.0) und der Barrierefreie-Informationstechnik-Verordnung Nordrhein-Westfalen (BITVNRW) barrierefrei zugänglich zu machen.

## Stand der Vereinbarkeit mit den Anforderungen
Diese Website ist teilweise mit den Anforderungen vereinbar. Die Erklärung beruht auf einer Selbstbewertung vom 24. November 2026.

Grundlage sind automatisierte Prüfungen: Bei jeder Änderung der Software prüft die Testsuite die wichtigsten öffentlichen Seiten (Startseite, Projektliste mit Suche und Filtern, Projektseiten, Kommunen und ihre Präventionsketten, Lückenraster, Netzwerke) sowie die Transfer-Übersichten der Kommunen und das Dashboard der Steuerungsgruppe mit dem Prüfwerkzeug axe-core im Browser Chromium, das Lückenraster auch in der Ansicht für Smartphones. Dabei werden keine Verstöße gefunden.

## Nicht barrierefreie Inhalte
- Automatisierte Prüfungen erkennen nur einen Teil möglicher Barrieren. Eine Prüfung nach dem BITV-Prüfverfahren durch Fachleute, eine Prüfung der Bedienung nur mit der Tastatur und Tests mit Screenreadern stehen noch aus.
- Einige Seiten werden noch nicht automatisiert geprüft, unter anderem die Listen der Transfer-Angebote und -Gesuche, die Fachtage, die Seite „Offene Daten“ und diese rechtlichen Seiten.
- Die Verwaltung unter /verwaltung/ (Eingabemasken für Koordinatorinnen, Koordinatoren, Redaktion und Steuerungsgruppe) beruht auf der Verwaltungsoberfläche des Frameworks Django und wurde bisher nicht auf Barrierefreiheit geprüft.
- Im Dashboard der Steuerungsgruppe stehen die Kennzahlen je Kommune als Diagramm und als Tabelle. Die Verläufe über die Zeit (Zielerreichung je Jahr, Transferinteressen je Quartal) gibt es bisher nur als Diagramm; dessen Textbeschreibung nennt nicht die einzelnen Werte.
- Die Downloads auf der Seite „Offene Daten“ (CSV und JSON) sind maschinenlesbare Datendateien und wurden nicht gesondert geprüft.

## Barrieren melden
Sind Ihnen Mängel beim barrierefreien Zugang aufgefallen? Oder benötigen Sie Informationen in einer barrierefreien Form? Schreiben Sie uns an die unten genannte Adresse; wir antworten innerhalb von [Zahl: Antwortfrist] Wochen.

## Schlichtungsverfahren
Wenn Sie auf Ihre Rückmeldung keine zufriedenstellende Antwort erhalten, können Sie sich an die Ombudsstelle für barrierefreie Informationstechnik des Landes Nordrhein-Westfalen wenden: [Anschrift und E-Mail-Adresse der Ombudsstelle, aktuell auf https://www.lbbp.nrw.de/ombudsstelle nachsehen]"""

# kind: (old default, new default)
TEXTS = {
    "impressum": (OLD.IMPRINT, IMPRINT),
    "datenschutz": (OLD.PRIVACY, PRIVACY),
    "barrierefreiheit": (OLD.ACCESSIBILITY, ACCESSIBILITY),
}


def replace_unedited(apps, *, forward: bool) -> None:
    LegalPage = apps.get_model("pages", "LegalPage")
    for kind, (old, new) in TEXTS.items():
        before, after = (old, new) if forward else (new, old)
        # Only while the text is exactly the default: an edited page is the Redaktion's and stays as it is.
        LegalPage.objects.filter(kind=kind, body=before).update(body=after, updated_at=timezone.now())


def fill(apps, schema_editor):
    replace_unedited(apps, forward=True)


def unfill(apps, schema_editor):
    replace_unedited(apps, forward=False)


class Migration(migrations.Migration):
    dependencies = [("pages", "0002_default_legal_pages")]

    operations = [migrations.RunPython(fill, unfill)]
