"""Kreis Unna with its towns and communities, and the 18 model municipalities of "Kein Kind zurücklassen".

Sources: 001 §1 (offices, addresses, websites), 001 §5.2 (population on 31.12.2010), 001 §3.3.2 and
§3.6.2 (Schwerte has its own youth office), 003 (the 18 model municipalities). Where the documents
give no population (Bönen, Fröndenberg/Ruhr and Holzwickede appear only as a sum of 60.260; Schwerte
and the Kreis as a whole not at all), the field stays empty rather than guessed.
"""

KREIS_UNNA = "Kreis Unna"
POPULATION_YEAR = 2010  # "Stand 31.12.2010", 001 §5.2 footnote 2

DISTRICT = "district"
TOWN = "town"
COMMUNITY = "community"

# Parents come first so that the loader can resolve them by name.
MUNICIPALITIES: list[dict] = [
    {
        "name": KREIS_UNNA,
        "kind": DISTRICT,
        "has_own_youth_office": True,
        "is_model_municipality": True,
        "address": "Hansastraße 4\n59425 Unna",
        "website": "https://www.kreis-unna.de",
    },
    # Towns with their own youth office that took part in the application (001 §1).
    {
        "name": "Unna",
        "kind": TOWN,
        "parent": KREIS_UNNA,
        "has_own_youth_office": True,
        "population": 62995,
        "address": "Rathausplatz 1\n59423 Unna",
        "website": "https://www.stadt-unna.de",
    },
    {
        "name": "Bergkamen",
        "kind": TOWN,
        "parent": KREIS_UNNA,
        "has_own_youth_office": True,
        "population": 52768,
        "address": "Rathausplatz 1\n59192 Bergkamen",
        "website": "https://www.bergkamen.de",
    },
    {
        "name": "Kamen",
        "kind": TOWN,
        "parent": KREIS_UNNA,
        "has_own_youth_office": True,
        "population": 46564,
        "address": "Rathausplatz 1\n59172 Kamen",
        "website": "https://www.stadt-kamen.de",
    },
    {
        "name": "Lünen",
        "kind": TOWN,
        "parent": KREIS_UNNA,
        "has_own_youth_office": True,
        "population": 91226,
        "address": "Willy-Brandt-Platz 1\n44532 Lünen",
        "website": "https://www.luenen.de",
    },
    {
        "name": "Selm",
        "kind": TOWN,
        "parent": KREIS_UNNA,
        "has_own_youth_office": True,
        "population": 29207,
        "address": "Adenauerplatz 2\n59379 Selm",
        "website": "https://www.stadtselm.de",
    },
    {
        "name": "Werne",
        "kind": TOWN,
        "parent": KREIS_UNNA,
        "has_own_youth_office": True,
        "population": 31292,
        "address": "Bahnhofstraße 8\n59368 Werne",
        "website": "https://www.werne.de",
    },
    # Served by the Kreis youth office (001 §1: "Zuständig für Bönen, Fröndenberg/Ruhr und Holzwickede").
    {"name": "Bönen", "kind": COMMUNITY, "parent": KREIS_UNNA, "has_own_youth_office": False},
    {"name": "Fröndenberg/Ruhr", "kind": TOWN, "parent": KREIS_UNNA, "has_own_youth_office": False},
    {"name": "Holzwickede", "kind": COMMUNITY, "parent": KREIS_UNNA, "has_own_youth_office": False},
    # Not part of the application, but it has its own Jugendhilfeausschuss and Jugendamt (001 §3.3.2, §3.6.2).
    {"name": "Schwerte", "kind": TOWN, "parent": KREIS_UNNA, "has_own_youth_office": True},
]

# The other 17 model municipalities (003). Their Kreise are not loaded, so none has a parent.
OTHER_MODEL_MUNICIPALITIES: list[tuple[str, str]] = [
    ("Arnsberg", TOWN),
    ("Bielefeld", TOWN),
    ("Dormagen", TOWN),
    ("Dortmund", TOWN),
    ("Duisburg", TOWN),
    ("Düsseldorf", TOWN),
    ("Gelsenkirchen", TOWN),
    ("Gladbeck", TOWN),
    ("Hamm", TOWN),
    ("Kreis Düren", DISTRICT),
    ("Kreis Warendorf", DISTRICT),
    ("Moers", TOWN),
    ("Mönchengladbach", TOWN),
    ("Münster", TOWN),
    ("Oberhausen", TOWN),
    ("Witten", TOWN),
    ("Wuppertal", TOWN),
]

MUNICIPALITIES += [
    {"name": name, "kind": kind, "has_own_youth_office": True, "is_model_municipality": True}
    for name, kind in OTHER_MODEL_MUNICIPALITIES
]

# Sozialräume named in 001 §3.2.1 and §3.6.6: (municipality, district name).
DISTRICTS: list[tuple[str, str]] = [
    ("Unna", "Königsborn"),
    ("Lünen", "Gahmen"),
    ("Lünen", "Süd"),
    ("Lünen", "Nord"),
    ("Lünen", "Horstmar"),
    ("Lünen", "In der Geist"),
    ("Lünen", "Brambauer-West"),
    ("Lünen", "Brambauer-Ost"),
    ("Fröndenberg/Ruhr", "Mühlenberg"),
    ("Fröndenberg/Ruhr", "West"),
]
