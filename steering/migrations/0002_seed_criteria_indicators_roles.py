"""Seeds the 12 good-practice criteria, the network quality indicators and the roles' permissions."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

# The good-practice criteria of the Kooperationsverbund Gesundheitliche Chancengleichheit, each on four
# implementation levels (1 = not yet, 4 = fully and verifiably).
CRITERIA = [
    (
        "konzeption",
        "Konzeption",
        "Ein schriftliches Konzept beschreibt Bedarf, Ziele, Zielgruppe, Vorgehen und Ressourcen.",
        [
            "Kein schriftliches Konzept",
            "Ziele und Vorgehen grob beschrieben",
            "Konzept mit Bedarfsanalyse und Zielen liegt vor",
            "Konzept wird regelmäßig überprüft und fortgeschrieben",
        ],
    ),
    (
        "zielgruppenbezug",
        "Zielgruppenbezug",
        "Das Angebot richtet sich klar an sozial benachteiligte Familien, Kinder und Jugendliche.",
        [
            "Zielgruppe nicht benannt",
            "Zielgruppe allgemein benannt",
            "Zielgruppe konkret beschrieben und erreicht",
            "Erreichung der Zielgruppe wird gemessen und gesteuert",
        ],
    ),
    (
        "setting-ansatz",
        "Setting-Ansatz",
        "Das Angebot setzt in den Lebenswelten an (Kita, Schule, Quartier) und verändert dort Strukturen.",
        [
            "Einzelangebot ohne Lebensweltbezug",
            "Angebot findet in einer Lebenswelt statt",
            "Angebot bezieht die Strukturen der Lebenswelt ein",
            "Lebenswelt wird dauerhaft gesundheitsförderlich gestaltet",
        ],
    ),
    (
        "empowerment",
        "Empowerment",
        "Das Angebot stärkt die Fähigkeiten und die Selbstbestimmung der Zielgruppe.",
        [
            "Zielgruppe wird nur versorgt",
            "Einzelne Elemente zur Stärkung",
            "Stärkung der Ressourcen ist Kern des Angebots",
            "Zielgruppe gestaltet und trägt Angebote selbst",
        ],
    ),
    (
        "partizipation",
        "Partizipation",
        "Die Zielgruppe wirkt an Planung, Umsetzung und Bewertung mit.",
        [
            "Keine Beteiligung",
            "Information und Anhörung der Zielgruppe",
            "Mitbestimmung bei wesentlichen Entscheidungen",
            "Entscheidungsmacht liegt (teilweise) bei der Zielgruppe",
        ],
    ),
    (
        "niedrigschwelligkeit",
        "Niedrigschwellige Arbeitsweise",
        "Zugangshürden (Kosten, Wege, Sprache, Termine) werden gezielt abgebaut.",
        [
            "Zugang nur mit Anmeldung, Kosten oder Komm-Struktur",
            "Einzelne Hürden abgebaut",
            "Kostenfrei, wohnortnah, aufsuchend oder mehrsprachig",
            "Zugang wird mit der Zielgruppe laufend überprüft",
        ],
    ),
    (
        "multiplikatorenkonzept",
        "Multiplikatorenkonzept",
        "Multiplikatorinnen und Multiplikatoren werden gezielt qualifiziert und eingebunden.",
        [
            "Keine Multiplikatoren",
            "Multiplikatoren informell eingebunden",
            "Multiplikatoren werden geschult und begleitet",
            "Multiplikatorennetz ist dauerhaft verankert",
        ],
    ),
    (
        "nachhaltigkeit",
        "Nachhaltigkeit",
        "Wirkung und Strukturen bleiben über die Projektlaufzeit hinaus erhalten.",
        [
            "Befristet ohne Anschlussperspektive",
            "Anschlussfinanzierung wird gesucht",
            "Verstetigung ist beschlossen",
            "Angebot ist Regelstruktur der Kommune",
        ],
    ),
    (
        "vernetzung",
        "Integriertes Handlungskonzept/Vernetzung",
        "Das Angebot ist Teil der kommunalen Präventionskette und mit anderen Akteuren abgestimmt.",
        [
            "Keine Abstimmung mit anderen Angeboten",
            "Austausch mit einzelnen Partnern",
            "Verbindliche Kooperation im Netzwerk",
            "Fester Baustein eines integrierten kommunalen Handlungskonzepts",
        ],
    ),
    (
        "qualitaetsmanagement",
        "Qualitätsmanagement",
        "Qualität wird systematisch geplant, gesichert und weiterentwickelt.",
        [
            "Kein Qualitätsmanagement",
            "Einzelne Qualitätsstandards",
            "Regelmäßige Reflexion und Qualitätszirkel",
            "Systematisches Qualitätsmanagement mit Verbesserungszyklen",
        ],
    ),
    (
        "dokumentation-evaluation",
        "Dokumentation und Evaluation",
        "Umsetzung und Ergebnisse werden dokumentiert und ausgewertet.",
        [
            "Keine Dokumentation",
            "Teilnahmezahlen werden erfasst",
            "Regelmäßige Auswertung mit Kennzahlen",
            "Externe oder wissenschaftlich begleitete Evaluation",
        ],
    ),
    (
        "wirkungen-kosten",
        "Belege für Wirkungen und Kosten",
        "Wirkungen und Kosten des Angebots sind belegt.",
        [
            "Keine Belege",
            "Erfahrungsberichte und Rückmeldungen",
            "Wirkungen mit Kennzahlen belegt, Kosten bekannt",
            "Wirkungen und Kosten-Nutzen-Verhältnis nachgewiesen",
        ],
    ),
]

# Indicators for effective cooperation in networks (checklist, 001 §3.11.1).
INDICATORS = [
    (
        "Klare gemeinsame Ziele",
        "Das Netzwerk hat schriftlich vereinbarte, von allen getragene Ziele.",
        [
            "Keine gemeinsamen Ziele",
            "Ziele mündlich besprochen",
            "Ziele schriftlich vereinbart",
            "Ziele werden jährlich überprüft und angepasst",
        ],
    ),
    (
        "Geklärte Rollen",
        "Aufgaben, Zuständigkeiten und Koordination sind geklärt.",
        [
            "Rollen ungeklärt",
            "Koordination benannt",
            "Rollen aller Partner beschrieben",
            "Rollen werden regelmäßig reflektiert",
        ],
    ),
    (
        "Verbindliche Vereinbarungen",
        "Zusammenarbeit ist durch Kooperationsvereinbarungen abgesichert.",
        [
            "Keine Vereinbarungen",
            "Absprachen im Einzelfall",
            "Schriftliche Kooperationsvereinbarung",
            "Vereinbarung wird gelebt und fortgeschrieben",
        ],
    ),
    (
        "Regelmäßige Treffen",
        "Das Netzwerk trifft sich in festem Turnus mit Tagesordnung und Protokoll.",
        [
            "Treffen nur bei Bedarf",
            "Unregelmäßige Treffen",
            "Fester Turnus mit Tagesordnung",
            "Fester Turnus, Protokoll und Nachverfolgung der Beschlüsse",
        ],
    ),
    (
        "Beteiligung von Familien",
        "Familien und Fachkräfte der Basis bringen ihre Sicht ein.",
        [
            "Keine Beteiligung",
            "Sicht der Familien über Dritte",
            "Familien werden regelmäßig befragt",
            "Familien wirken im Netzwerk mit",
        ],
    ),
    (
        "Dokumentation",
        "Arbeit und Ergebnisse des Netzwerks sind dokumentiert und zugänglich.",
        [
            "Keine Dokumentation",
            "Protokolle bei Einzelnen",
            "Protokolle und Ergebnisse für alle zugänglich",
            "Jährlicher Bericht an Politik und Öffentlichkeit",
        ],
    ),
    (
        "Evaluation",
        "Das Netzwerk überprüft seine Wirksamkeit.",
        [
            "Keine Überprüfung",
            "Gelegentliche Rückschau",
            "Jährliche Selbstbewertung",
            "Selbstbewertung mit Maßnahmenplan und Wirkungsindikatoren",
        ],
    ),
    (
        "Ressourcen",
        "Für Koordination und gemeinsame Vorhaben stehen Zeit und Mittel bereit.",
        [
            "Keine Ressourcen",
            "Koordination im Ehrenamt oder nebenbei",
            "Feste Stundenanteile für die Koordination",
            "Gesichertes Budget und Koordinationsstelle",
        ],
    ),
]

PERMISSIONS = {
    "Koordinator": {
        "criterion": "v",
        "projectselfcheck": "avc",
        "criterionrating": "avcd",
        "qualityindicator": "v",
        "networkassessment": "avc",
        "indicatorrating": "avcd",
        "goal": "avc",
        "measurement": "avcd",
        "event": "v",
        "eventregistration": "v",
    },
    "Steuerungsgruppe": dict.fromkeys(
        [
            "criterion",
            "projectselfcheck",
            "criterionrating",
            "qualityindicator",
            "networkassessment",
            "indicatorrating",
            "goal",
            "measurement",
            "event",
            "eventregistration",
        ],
        "avcd",
    ),
}
PERMISSIONS["Redaktion"] = PERMISSIONS["Steuerungsgruppe"]
ACTIONS = {"a": "add", "v": "view", "c": "change", "d": "delete"}


def seed(apps, schema_editor):
    Criterion = apps.get_model("steering", "Criterion")
    QualityIndicator = apps.get_model("steering", "QualityIndicator")
    for position, (slug, name, description, levels) in enumerate(CRITERIA, start=1):
        Criterion.objects.get_or_create(
            slug=slug,
            defaults={
                "name": name,
                "description": description,
                "position": position,
                **{f"level_{n}": text for n, text in enumerate(levels, start=1)},
            },
        )
    for position, (name, description, levels) in enumerate(INDICATORS, start=1):
        QualityIndicator.objects.get_or_create(
            name=name,
            defaults={
                "description": description,
                "position": position,
                **{f"level_{n}": text for n, text in enumerate(levels, start=1)},
            },
        )

    app_config = apps.get_app_config("steering")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0, apps=apps)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for role, models in PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=role)
        codenames = [f"{ACTIONS[letter]}_{model}" for model, letters in models.items() for letter in letters]
        group.permissions.add(*Permission.objects.filter(content_type__app_label="steering", codename__in=codenames))


def unseed(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    for group in apps.get_model("auth", "Group").objects.filter(name__in=PERMISSIONS):
        group.permissions.remove(*Permission.objects.filter(content_type__app_label="steering"))


class Migration(migrations.Migration):
    dependencies = [
        ("steering", "0001_initial"),
        ("accounts", "0002_roles"),
    ]

    operations = [migrations.RunPython(seed, unseed)]
