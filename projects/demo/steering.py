"""Demo data for steering (issue 6): good-practice self-checks, network self-assessments for two
years, goals along the Zielraute with measurements for Kreis Unna towns, and Fachtage.

Criteria and quality indicators are seeded by the migration ``steering.0002``; here they are named by
their slug (criteria) or name (indicators), in their seeded order.
"""

CRITERIA = [
    "konzeption",
    "zielgruppenbezug",
    "setting-ansatz",
    "empowerment",
    "partizipation",
    "niedrigschwelligkeit",
    "multiplikatorenkonzept",
    "nachhaltigkeit",
    "vernetzung",
    "qualitaetsmanagement",
    "dokumentation-evaluation",
    "wirkungen-kosten",
]

# project title → (levels in the order of CRITERIA, {criterion slug: justification})
SELF_CHECKS: dict[str, tuple[list[int], dict[str, str]]] = {
    "Baby-Besuchsdienst Bergkamen": (
        [4, 4, 3, 3, 2, 4, 2, 4, 4, 3, 4, 3],
        {
            "zielgruppenbezug": "Alle Familien mit Neugeborenen werden besucht; 86 % werden erreicht.",
            "niedrigschwelligkeit": "Aufsuchend, kostenfrei, Termin nach Wunsch der Familie.",
            "partizipation": "Rückmeldebogen nach dem Besuch; Eltern wirken an der Planung noch nicht mit.",
            "dokumentation-evaluation": "Jährliche Auswertung der Besuche mit Kennzahlen für den Jugendhilfeausschuss.",
        },
    ),
    "Stadtteileltern Lünen": (
        [3, 4, 4, 4, 4, 4, 4, 2, 3, 2, 3, 2],
        {
            "partizipation": "Stadtteileltern planen Treffen und Themen selbst, die Koordination begleitet.",
            "multiplikatorenkonzept": "20 Stadtteileltern sind qualifiziert und werden monatlich begleitet.",
            "nachhaltigkeit": "Finanzierung bis Ende 2027 gesichert, Verstetigung wird beraten.",
        },
    ),
    "KEEP – Königsborner Ein-Eltern-Projekt": (
        [4, 4, 4, 3, 3, 3, 2, 3, 4, 3, 3, 3],
        {
            "vernetzung": "Fester Baustein des Netzwerks Königsborn und der Präventionskette der Kreisstadt.",
            "empowerment": "Alleinerziehende stärken sich in Gruppen gegenseitig.",
        },
    ),
    "Familiennetz Werne": (
        [3, 3, 3, 2, 2, 3, 2, 3, 4, 2, 2, 1],
        {"wirkungen-kosten": "Wirkungen sind bisher nicht systematisch belegt."},
    ),
    "AK Frühe Hilfen Selm": (
        [3, 3, 2, 2, 1, 2, 3, 3, 4, 3, 2, 1],
        {
            "vernetzung": "17 Einrichtungen arbeiten mit einer schriftlichen Vereinbarung zusammen.",
            "partizipation": "Familien sind bisher nicht beteiligt.",
        },
    ),
    "Kontaktstelle Kindergesundheit Kamen": (
        [3, 4, 3, 3, 3, 4, 2, 2, 3, 2, 2, 2],
        {"niedrigschwelligkeit": "Offene Sprechstunde im Familienzentrum, ohne Termin."},
    ),
}

QUALITY_INDICATORS = [
    "Klare gemeinsame Ziele",
    "Geklärte Rollen",
    "Verbindliche Vereinbarungen",
    "Regelmäßige Treffen",
    "Beteiligung von Familien",
    "Dokumentation",
    "Evaluation",
    "Ressourcen",
]

# network name → {year: levels in the order of QUALITY_INDICATORS}
ASSESSMENTS: dict[str, dict[int, list[int]]] = {
    "Runder Tisch gegen Kinderarmut": {2025: [3, 2, 2, 3, 1, 2, 1, 2], 2026: [3, 3, 3, 3, 2, 3, 2, 2]},
    "Netzwerk Königsborn": {2025: [4, 3, 3, 4, 3, 3, 2, 3], 2026: [4, 4, 3, 4, 3, 4, 3, 3]},
    "Arbeitskreis zum Kinderschutz Jugend- und Gesundheitshilfe": {
        2025: [4, 4, 4, 4, 1, 3, 2, 3],
        2026: [4, 4, 4, 4, 2, 3, 3, 2],
    },
    "Stadtteilkonferenzen in Lünen (Gahmen, Süd, Horstmar, In der Geist)": {
        2025: [2, 2, 1, 3, 3, 2, 1, 2],
        2026: [3, 2, 2, 3, 3, 2, 2, 2],
    },
    # Selm has only last year's assessment: the demo Koordinator adds this year's.
    "Mehrgenerationenhaus Selm": {2025: [3, 2, 2, 3, 3, 2, 1, 2]},
}

# Goals along the Zielraute (1, 2a, 2b, 3) with SMART fields and dated measurements.
GOALS: list[dict] = [
    {
        "municipality": "Bergkamen",
        "dimension": "2a",
        "title": "Alle Familien mit Neugeborenen erhalten einen Willkommensbesuch",
        "indicator": "Anteil der besuchten Familien mit Neugeborenen",
        "unit": "%",
        "baseline": "72",
        "baseline_date": "2023-12-31",
        "target_value": "95",
        "deadline": "2027-12-31",
        "responsible": "Jugendamt Bergkamen, Baby-Besuchsdienst",
        "measurements": [("2024-12-31", "80"), ("2025-12-31", "86"), ("2026-06-30", "88")],
    },
    {
        "municipality": "Bergkamen",
        "dimension": "1",
        "title": "Präventionskette über alle fünf Übergänge",
        "indicator": "Übergänge mit mindestens einem abgestimmten Angebot",
        "unit": "Übergänge",
        "baseline": "2",
        "baseline_date": "2023-12-31",
        "target_value": "5",
        "deadline": "2026-12-31",
        "responsible": "Koordination Präventionskette Bergkamen",
        "measurements": [("2024-12-31", "3"), ("2025-12-31", "4")],
    },
    {
        "municipality": "Bergkamen",
        "dimension": "2b",
        "title": "Weniger Kinder mit Sprachförderbedarf bei der Schuleingangsuntersuchung",
        "indicator": "Anteil der Kinder mit Sprachförderbedarf",
        "unit": "%",
        "baseline": "31",
        "baseline_date": "2023-09-30",
        "target_value": "22",
        "deadline": "2027-09-30",
        "responsible": "Kinder- und Jugendgesundheitsdienst, Kitas",
        "measurements": [("2024-09-30", "29"), ("2025-09-30", "30")],
    },
    {
        "municipality": "Unna",
        "dimension": "2a",
        "title": "Alleinerziehende in Königsborn erreichen",
        "indicator": "Alleinerziehende Familien im Projekt KEEP",
        "unit": "Familien",
        "baseline": "25",
        "baseline_date": "2023-12-31",
        "target_value": "60",
        "deadline": "2026-12-31",
        "responsible": "Jugendamt Kreisstadt Unna",
        "measurements": [("2024-12-31", "41"), ("2025-12-31", "55"), ("2026-09-30", "62")],
    },
    {
        "municipality": "Unna",
        "dimension": "3",
        "title": "Sozialräumliche Steuerung mit Daten",
        "indicator": "Sozialräume mit jährlichem Monitoring-Bericht",
        "unit": "Sozialräume",
        "baseline": "0",
        "baseline_date": "2024-01-01",
        "target_value": "6",
        "deadline": "2027-12-31",
        "responsible": "Jugendhilfeplanung Kreisstadt Unna",
        "measurements": [("2024-12-31", "2"), ("2025-12-31", "3")],
    },
    {
        "municipality": "Lünen",
        "dimension": "2a",
        "title": "Stadtteileltern in allen Programmstadtteilen",
        "indicator": "Aktive Stadtteileltern",
        "unit": "Personen",
        "baseline": "8",
        "baseline_date": "2023-12-31",
        "target_value": "30",
        "deadline": "2027-06-30",
        "responsible": "Stadt Lünen, Kommunales Integrationszentrum",
        "measurements": [("2024-12-31", "14"), ("2025-12-31", "20")],
    },
    {
        "municipality": "Lünen",
        "dimension": "2b",
        "title": "Übergang Schule–Beruf ohne Abbruch",
        "indicator": "Anteil der Schulabgänger/innen ohne Anschluss",
        "unit": "%",
        "baseline": "9.5",
        "baseline_date": "2023-08-31",
        "target_value": "5",
        "deadline": "2027-08-31",
        "responsible": "Kompetenzagentur Lünen Selm, Jobcenter",
        "measurements": [("2024-08-31", "8.8"), ("2025-08-31", "9.1")],
    },
    {
        "municipality": "Kamen",
        "dimension": "2b",
        "title": "Kita-Besuch ab drei Jahren für alle Kinder",
        "indicator": "Betreuungsquote der Drei- bis Sechsjährigen",
        "unit": "%",
        "baseline": "88",
        "baseline_date": "2023-03-01",
        "target_value": "97",
        "deadline": "2026-08-01",
        "responsible": "Jugendamt Kamen, Kita-Bedarfsplanung",
        "measurements": [("2024-03-01", "91"), ("2025-03-01", "94"), ("2026-03-01", "97")],
    },
    {
        "municipality": "Kamen",
        "dimension": "2a",
        "title": "Kindergesundheit: Vorsorgeuntersuchungen wahrnehmen",
        "indicator": "Teilnahme an der U8",
        "unit": "%",
        "baseline": "83",
        "baseline_date": "2023-12-31",
        "target_value": "93",
        "deadline": "2027-12-31",
        "responsible": "Kontaktstelle Kindergesundheit Kamen",
        "measurements": [],
    },
    {
        "municipality": "Selm",
        "dimension": "1",
        "title": "Frühe Hilfen verbindlich vernetzen",
        "indicator": "Einrichtungen mit unterschriebener Kooperationsvereinbarung",
        "unit": "Einrichtungen",
        "baseline": "6",
        "baseline_date": "2023-12-31",
        "target_value": "20",
        "deadline": "2026-12-31",
        "responsible": "AK Frühe Hilfen Selm",
        "measurements": [("2024-12-31", "11"), ("2025-12-31", "17")],
    },
    {
        "municipality": "Werne",
        "dimension": "3",
        "title": "Familiennetz als gemeinsame Anlaufstelle",
        "indicator": "Beratungskontakte im Familiennetz pro Jahr",
        "unit": "Kontakte",
        "baseline": "320",
        "baseline_date": "2023-12-31",
        "target_value": "600",
        "deadline": "2027-12-31",
        "responsible": "Stadt Werne, Familiennetz",
        "measurements": [("2024-12-31", "410"), ("2025-12-31", "395")],
    },
    {
        "municipality": "Kreis Unna",
        "dimension": "3",
        "title": "Präventionsketten in allen kreisangehörigen Kommunen",
        "indicator": "Kommunen mit beschlossenem Handlungskonzept Präventionskette",
        "unit": "Kommunen",
        "baseline": "3",
        "baseline_date": "2023-12-31",
        "target_value": "10",
        "deadline": "2027-12-31",
        "responsible": "Kreis Unna, Koordinierungsstelle Kein Kind zurücklassen",
        "measurements": [("2024-12-31", "5"), ("2025-12-31", "7"), ("2026-09-30", "8")],
    },
]

# Fachtage: dates relative to the day of the first load (kept afterwards, like workflow state).
EVENTS: list[dict] = [
    {
        "title": "Fachtag Präventionsketten 2026: Übergänge gestalten",
        "days_from_today": -60,
        "start": "09:30",
        "end": "16:00",
        "place": "Kreishaus Unna, Großer Sitzungssaal",
        "address": "Friedrich-Ebert-Straße 17\n59425 Unna",
        "description": "Kommunen des Kreises stellen vor, wie sie die Übergänge Kita–Grundschule und "
        "Grundschule–Sekundarstufe gemeinsam mit Schulen gestalten.",
        "programme": "09:30 Ankommen und Begrüßung\n10:00 Impuls: Übergänge als Bruchstellen der Präventionskette\n"
        "11:00 Werkstätten: Übergabeprotokoll, Schulsozialarbeit, Elternarbeit\n14:00 Markt der Möglichkeiten\n"
        "15:30 Ausblick",
        "transitions": ["Grundschule", "Sekundarstufe"],
        "fields": ["Bildung", "Jugendhilfe"],
        "capacity": 80,
    },
    {
        "title": "Transfertag: Frühe Hilfen von Kommune zu Kommune",
        "days_from_today": 45,
        "start": "10:00",
        "end": "15:30",
        "place": "Familienbüro Bergkamen",
        "address": "Rathausplatz 1\n59192 Bergkamen",
        "description": "Hospitation beim Baby-Besuchsdienst und Austausch zu Erfolgsfaktoren und Stolpersteinen "
        "der Willkommensbesuche. Für Koordinatorinnen und Koordinatoren, die den Transfer planen.",
        "programme": "10:00 Begrüßung durch die Stadt Bergkamen\n10:30 Der Baby-Besuchsdienst in der Praxis\n"
        "12:00 Mittagspause\n13:00 Transfergespräche in Kleingruppen\n15:00 Verabredungen und Abschluss",
        "transitions": ["Geburt"],
        "fields": ["Jugendhilfe", "Gesundheit"],
        "capacity": 12,
    },
    {
        "title": "Fachtag Qualität in Netzwerken",
        "days_from_today": 120,
        "start": "09:00",
        "end": "13:00",
        "place": "Stadthalle Kamen",
        "address": "Rathausplatz 2\n59174 Kamen",
        "description": "Wie wirksam arbeiten unsere Netzwerke? Ergebnisse der Selbstbewertungen und "
        "gute Beispiele für verbindliche Zusammenarbeit.",
        "programme": "09:00 Ergebnisse der Netzwerk-Selbstbewertungen im Kreis\n"
        "10:00 Gute Beispiele aus drei Kommunen\n"
        "11:30 Arbeitsgruppen: Ziele, Rollen, Vereinbarungen\n12:45 Zusammenfassung",
        "transitions": [],
        "fields": ["Jugendhilfe", "Bildung", "Gesundheit"],
        "capacity": 60,
    },
]

# Registrations made when the demo is first loaded: (event title, username).
REGISTRATIONS = [
    ("Transfertag: Frühe Hilfen von Kommune zu Kommune", "koordination-selm"),
]
