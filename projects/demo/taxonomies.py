"""Transitions, fields and target groups. Lists are in display order; ``position`` follows it."""

# (name, short_name); the short name doubles as slug and as key in the other data modules.
TRANSITIONS: list[tuple[str, str]] = [
    ("Schwangerschaft & Geburt", "Geburt"),
    ("Übergang in die Kita", "Kita"),
    ("Übergang in die Grundschule", "Grundschule"),
    ("Übergang in die Sekundarstufe", "Sekundarstufe"),
    ("Übergang Schule–Beruf", "Beruf"),
]

FIELDS: list[str] = [
    "Jugendhilfe",
    "Bildung",
    "Gesundheit",
    "Soziale Sicherung/Arbeit",
    "Freizeit/Kultur/Sport",
]

TARGET_GROUPS: list[str] = [
    "Familien in prekären Lebenslagen",
    "Alleinerziehende",
    "Junge Mütter",
    "Schwangere und werdende Eltern",
    "Eltern von Neugeborenen",
    "Familien mit Zuwanderungsgeschichte",
    "Kinder mit Entwicklungsrisiken",
    "Kinder am Übergang in die weiterführende Schule",
    "Jugendliche am Übergang Schule–Beruf",
    "Schulmüde Jugendliche",
    "Eltern in Trennung und Scheidung",
    "Fachkräfte in Kita und Schule",
]
