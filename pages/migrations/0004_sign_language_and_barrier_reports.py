"""Sign-language videos, reported barriers and the answer period; the statement points to the form.

The Redaktion and the Steuerungsgruppe get the permissions to upload videos and to read and answer
reports. While the legal texts are still the defaults: the accessibility statement's "Barrieren melden"
paragraph names the form instead of the placeholder period (now a field the page shows next to the form
link), its checks say what is tested now, its list of what is not yet accessible names the missing DGS
videos, and the privacy statement says what the form stores.
"""

import importlib

import django.db.models.functions.datetime
from django.db import migrations, models
from django.utils import timezone

FILL = importlib.import_module("pages.migrations.0003_fill_legal_pages_from_seeds")
OLD_REPORTING = (
    "Schreiben Sie uns an die unten genannte Adresse; wir antworten innerhalb von [Zahl: Antwortfrist] Wochen."
)
NEW_REPORTING = (
    "Melden Sie die Barriere bitte über das Formular „Barriere melden“ (Verweis unten) oder schreiben Sie uns an "
    "die unten genannte Adresse. Wir antworten innerhalb der beim Formular genannten Frist."
)
OLD_ADMIN_ITEM = "- Die Verwaltung unter /verwaltung/"
DGS_ITEM = (
    "- Die Erklärungen in Deutscher Gebärdensprache (DGS) fehlen noch. Die Seite „Gebärdensprache“ nennt die "
    "vorgesehenen Videos; sie folgen, sobald sie aufgenommen sind. Die Erklärungen in Leichter Sprache stehen "
    "auf der Seite „Leichte Sprache“.\n"
)
OLD_CHECKS = next(line for line in FILL.ACCESSIBILITY.splitlines() if line.startswith("Grundlage sind"))
NEW_CHECKS = (
    "Grundlage sind automatisierte Prüfungen: Bei jeder Änderung der Software prüft die Testsuite alle öffentlichen "
    "Seiten (Startseite, Projektliste, Projektseiten, Kommunen und ihre Präventionsketten, Lückenraster, Netzwerke, "
    "Transfer-Angebote und -Gesuche, Fachtage, Offene Daten, die rechtlichen Seiten, Leichte Sprache, "
    "Gebärdensprache und das Formular „Barriere melden“) und die Seiten, die Koordinatorinnen und Koordinatoren "
    "außerhalb der Verwaltung nutzen (Meine Transfers, die Seite eines Transfers, Benachrichtigungen), mit dem Prüfwerkzeug "
    "axe-core im Browser Chromium nach den Regeln der WCAG 2.2 auf Stufe AA, in der Ansicht für den Desktop und für "
    "Smartphones. Dabei werden keine Verstöße gefunden. Auf Smartphones (390 und 320 Pixel breit) muss keine Seite "
    "seitlich verschoben werden, das Menü lässt sich über eine Schaltfläche öffnen, und jedes Bedienelement zeigt "
    "den Tastaturfokus deutlich an. Das Dashboard der Steuerungsgruppe wird mit axe-core in der Ansicht für den "
    "Desktop geprüft."
)
OLD_UNCHECKED = (
    "- Einige Seiten werden noch nicht automatisiert geprüft, unter anderem die Listen der Transfer-Angebote und "
    "-Gesuche, die Fachtage, die Seite „Offene Daten“ und diese rechtlichen Seiten.\n"
)
NEW_ACCESSIBILITY = (
    FILL.ACCESSIBILITY.replace(OLD_REPORTING, NEW_REPORTING)
    .replace(OLD_CHECKS, NEW_CHECKS)
    .replace(OLD_UNCHECKED, "")
    .replace(OLD_ADMIN_ITEM, DGS_ITEM + OLD_ADMIN_ITEM, 1)
)
PRIVACY_RIGHTS = "## Ihre Rechte"
PRIVACY_REPORTS = (
    "## Meldungen über das Formular „Barriere melden“\n"
    "Wer eine Barriere meldet, beschreibt sie und nennt die Adresse der Seite, freiwillig auch Name und "
    "E-Mail-Adresse. Wir speichern diese Angaben, um die Barriere zu beheben und zu antworten (Art. 6 Abs. 1 "
    "Buchst. e DSGVO); mit einer E-Mail-Adresse erhalten Sie eine Eingangsbestätigung. Die Meldungen sieht nur die "
    "Redaktion. Name und E-Mail-Adresse löschen wir auf Ihren Wunsch.\n\n"
)
NEW_PRIVACY = FILL.PRIVACY.replace(PRIVACY_RIGHTS, PRIVACY_REPORTS + PRIVACY_RIGHTS, 1)
EDITING_ROLES = ["Redaktion", "Steuerungsgruppe"]
GRANTS = {"signlanguagevideo": ("add", "view", "change", "delete"), "barrierreport": ("view", "change")}


def update_statement(apps, *, forward: bool) -> None:
    LegalPage = apps.get_model("pages", "LegalPage")
    before, after = (FILL.ACCESSIBILITY, NEW_ACCESSIBILITY) if forward else (NEW_ACCESSIBILITY, FILL.ACCESSIBILITY)
    LegalPage.objects.filter(kind="barrierefreiheit", body=before).update(body=after, updated_at=timezone.now())
    before, after = (FILL.PRIVACY, NEW_PRIVACY) if forward else (NEW_PRIVACY, FILL.PRIVACY)
    LegalPage.objects.filter(kind="datenschutz", body=before).update(body=after, updated_at=timezone.now())


def forwards(apps, schema_editor):
    update_statement(apps, forward=True)
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    permissions = []
    for model, actions in GRANTS.items():
        content_type, _ = ContentType.objects.get_or_create(app_label="pages", model=model)
        for action in actions:
            permission, _ = Permission.objects.get_or_create(
                content_type=content_type, codename=f"{action}_{model}", defaults={"name": f"Can {action} {model}"}
            )
            permissions.append(permission)
    for group in Group.objects.filter(name__in=EDITING_ROLES):
        group.permissions.add(*permissions)


def backwards(apps, schema_editor):
    update_statement(apps, forward=False)


class Migration(migrations.Migration):
    dependencies = [
        ("pages", "0003_fill_legal_pages_from_seeds"),
        ("accounts", "0002_roles"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.CreateModel(
            name="BarrierReport",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("description", models.TextField(max_length=5000, verbose_name="Was funktioniert nicht?")),
                ("page_url", models.CharField(blank=True, max_length=500, verbose_name="Auf welcher Seite?")),
                ("name", models.CharField(blank=True, max_length=200, verbose_name="Name")),
                ("email", models.EmailField(blank=True, max_length=254, verbose_name="E-Mail-Adresse")),
                (
                    "received_at",
                    models.DateTimeField(
                        db_default=django.db.models.functions.datetime.Now(), verbose_name="Eingegangen am"
                    ),
                ),
                ("answer_due_on", models.DateField(verbose_name="Antwort fällig am")),
                (
                    "status",
                    models.CharField(
                        choices=[("offen", "Offen"), ("beantwortet", "Beantwortet")],
                        default="offen",
                        max_length=20,
                        verbose_name="Stand",
                    ),
                ),
                ("note", models.TextField(blank=True, verbose_name="Interne Notiz")),
            ],
            options={
                "verbose_name": "Gemeldete Barriere",
                "verbose_name_plural": "Gemeldete Barrieren",
                "ordering": ["status", "answer_due_on", "pk"],
            },
        ),
        migrations.CreateModel(
            name="SignLanguageVideo",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "topic",
                    models.CharField(
                        choices=[
                            ("inhalt", "Was auf dieser Website steht"),
                            ("navigation", "Wie Sie sich auf der Website zurechtfinden"),
                            ("barrierefreiheit", "Erklärung zur Barrierefreiheit"),
                            ("weitere", "Weitere Informationen in Gebärdensprache"),
                        ],
                        max_length=20,
                        unique=True,
                        verbose_name="Thema",
                    ),
                ),
                ("file", models.FileField(upload_to="gebaerdensprache/", verbose_name="Videodatei (MP4)")),
                ("content_type", models.CharField(editable=False, max_length=50, verbose_name="Format")),
                ("size", models.PositiveBigIntegerField(editable=False, verbose_name="Größe in Bytes")),
                ("duration_seconds", models.PositiveIntegerField(editable=False, verbose_name="Dauer in Sekunden")),
                (
                    "description",
                    models.TextField(
                        help_text="Was im Video gesagt wird, kurz als Text – für alle, die das Video nicht sehen können.",
                        verbose_name="Inhalt in Textform",
                    ),
                ),
                ("uploaded_at", models.DateTimeField(auto_now=True, verbose_name="Hochgeladen am")),
            ],
            options={
                "verbose_name": "Video in Gebärdensprache",
                "verbose_name_plural": "Videos in Gebärdensprache",
                "ordering": ["topic"],
            },
        ),
        migrations.AddField(
            model_name="legalpage",
            name="response_weeks",
            field=models.PositiveSmallIntegerField(
                db_default=4,
                help_text="Nur für die Erklärung zur Barrierefreiheit: so viele Wochen nach Eingang einer gemeldeten Barriere ist die Antwort fällig. Die Seite nennt die Frist beim Meldeformular.",
                verbose_name="Antwortfrist in Wochen",
            ),
        ),
        migrations.RunPython(forwards, backwards),
    ]
