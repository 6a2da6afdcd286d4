"""Organisations named in 001 §1, §3.2–3.6 that the demo networks and projects refer to.

Names are unique across this list, so the other data modules refer to an organisation by its name.
``None`` as municipality marks a body that works beyond one municipality.
"""

YOUTH_OFFICE = "youth_office"
ADMINISTRATION = "administration"
JOBCENTER = "jobcenter"
HEALTH = "health"
CLINIC = "clinic"
SCHOOL = "school"
DAYCARE = "daycare"
WELFARE = "welfare"
ASSOCIATION = "association"
EDUCATION_OFFICE = "education_office"
POLICE_JUSTICE = "police_justice"
OTHER = "other"

KU = "Kreis Unna"

# (name, kind, municipality, department, website)
ORGANISATIONS: list[tuple[str, str, str | None, str, str]] = [
    # Kreis Unna
    ("Jugendamt Kreis Unna", YOUTH_OFFICE, KU, "Fachbereich Familie und Jugend", "https://www.kreis-unna.de"),
    ("Gesundheitsamt Kreis Unna", HEALTH, KU, "Fachbereich Gesundheit und Verbraucherschutz", ""),
    ("Regionales Bildungsbüro Kreis Unna", EDUCATION_OFFICE, KU, "Fachbereich Schulen und Bildung", ""),
    ("Kreis Unna – Planung und Mobilität", ADMINISTRATION, KU, "Fachbereich Planung und Mobilität", ""),
    ("Jobcenter Kreis Unna", JOBCENTER, KU, "", ""),
    (
        "RAA Kreis Unna",
        EDUCATION_OFFICE,
        KU,
        "Regionale Arbeitsstelle zur Förderung von Kindern und Jugendlichen aus Zuwandererfamilien",
        "",
    ),
    ("Frühförderstelle Kreis Unna", HEALTH, KU, "", ""),
    ("Psychologische Beratungsstelle Kreis Unna", OTHER, KU, "Erziehungs- und Familienberatung", ""),
    ("Schulpsychologische Beratungsstelle Kreis Unna", SCHOOL, KU, "", ""),
    ("Schulamt für den Kreis Unna", SCHOOL, KU, "Schulaufsicht", ""),
    ("Schwangerschaftskonfliktberatung Kreis Unna", WELFARE, KU, "", ""),
    ("Familienhebammen Kreis Unna", HEALTH, KU, "", ""),
    ("Sozialpsychiatrischer Dienst Kreis Unna", HEALTH, KU, "", ""),
    ("Betreuungsbehörde Kreis Unna", ADMINISTRATION, KU, "", ""),
    ("Gleichstellungsstelle Kreis Unna", ADMINISTRATION, KU, "", ""),
    ("Präventionsbeauftragte im Kreis Unna", HEALTH, KU, "Suchtprävention", ""),
    ("Kreispolizeibehörde Unna", POLICE_JUSTICE, KU, "Kommissariat Kriminalprävention/Opferschutz", ""),
    ("Notfallseelsorge im Kreis Unna", ASSOCIATION, KU, "", ""),
    ("Caritasverband für den Kreis Unna", WELFARE, KU, "", ""),
    ("Diakonie Ruhr-Hellweg", WELFARE, KU, "", ""),
    ("Evangelische Familienbildung im Kreis Unna", WELFARE, KU, "", ""),
    ("Verein für familiäre Kindertagesbetreuung e.V.", ASSOCIATION, KU, "", ""),
    ("Aids-Hilfe im Kreis Unna", ASSOCIATION, KU, "", ""),
    # Kreisstadt Unna
    ("Jugendamt Kreisstadt Unna", YOUTH_OFFICE, "Unna", "Bereich Jugend und Familie", "https://www.stadt-unna.de"),
    ("Kinder- und Jugendbüro Unna (KiJuB)", YOUTH_OFFICE, "Unna", "Bereich Jugend und Familie", ""),
    ("Ordnungsamt Kreisstadt Unna", ADMINISTRATION, "Unna", "", ""),
    ("Betreuungsbehörde Kreisstadt Unna", ADMINISTRATION, "Unna", "", ""),
    ("Kinderschutzbund Unna", ASSOCIATION, "Unna", "", ""),
    ("Frauenforum Unna", ASSOCIATION, "Unna", "Mädchenberatungsstelle", ""),
    (
        "Lebenszentrum Königsborn",
        CLINIC,
        "Unna",
        "Fachklinik für Kinderneurologie und Sozialpädiatrie (SPZ)",
        "",
    ),
    ("Katharinen-Hospital Unna", CLINIC, "Unna", "Gynäkologisch-Geburtshilfliche Abteilung und Elternschule", ""),
    ("Amtsgericht Unna", POLICE_JUSTICE, "Unna", "Familiengericht und Betreuungsgericht", ""),
    ("Verein für bürgernahe soziale Dienste e.V.", ASSOCIATION, "Unna", "", ""),
    ("Familienzentrum KEEP", DAYCARE, "Unna", "", ""),
    ("Werkstatt im Kreis Unna e.V.", WELFARE, "Unna", "", ""),
    ("INVIA Unna – katholische Jugendsozialarbeit e.V.", WELFARE, "Unna", "", ""),
    ("Sozialdienst katholischer Frauen Unna", WELFARE, "Unna", "", ""),
    ("Gemeinsam Leben e.V.", ASSOCIATION, "Unna", "", ""),
    ("Beratungsstelle für Wohnungslose Unna", WELFARE, "Unna", "", ""),
    # Bergkamen
    ("Jugendamt Bergkamen", YOUTH_OFFICE, "Bergkamen", "Jugendamt", "https://www.bergkamen.de"),
    ("Evangelisches Familienzentrum Bergkamen", DAYCARE, "Bergkamen", "", ""),
    ("Stadtbibliothek Bergkamen", OTHER, "Bergkamen", "", ""),
    ("Evangelische Kirchengemeinden Bergkamen", ASSOCIATION, "Bergkamen", "", ""),
    ("Die kleine Nana e.V.", ASSOCIATION, "Bergkamen", "", ""),
    ("Bergkamener Verein für Kinder- und Jugendhilfe e.V.", ASSOCIATION, "Bergkamen", "", ""),
    ("Lions Club BergKamen", ASSOCIATION, "Bergkamen", "", ""),
    ("Gleichstellungsstelle Bergkamen", ADMINISTRATION, "Bergkamen", "", ""),
    # Kamen
    ("Jugendamt Kamen", YOUTH_OFFICE, "Kamen", "Fachbereich Jugend, Schule und Sport", "https://www.stadt-kamen.de"),
    ("Jugendfreizeitstätte Kamen (JFZ)", OTHER, "Kamen", "Offene Kinder- und Jugendarbeit", ""),
    ("Förderverein für Jugendhilfe Kamen", ASSOCIATION, "Kamen", "", ""),
    ("Familienbande Kamen", WELFARE, "Kamen", "", ""),
    ("Amtsgericht Kamen", POLICE_JUSTICE, "Kamen", "Familiengericht", ""),
    ("Hellmig-Krankenhaus Kamen", CLINIC, "Kamen", "", ""),
    ("Stadt Kamen – Planung", ADMINISTRATION, "Kamen", "Planung, Bauen, Umwelt", ""),
    # Lünen
    (
        "Jugendamt Lünen",
        YOUTH_OFFICE,
        "Lünen",
        "Bereich Jugend, Bürgerservice und Soziales – Jugendhilfedienst",
        "https://www.luenen.de",
    ),
    ("Multikulturelles Forum", ASSOCIATION, "Lünen", "", ""),
    ("AWO – Bildung + Lernen gGmbH", WELFARE, "Lünen", "", ""),
    ("AWO Lünen", WELFARE, "Lünen", "Betreuungsverein", ""),
    ("Lebenshilfe Lünen", WELFARE, "Lünen", "Betreuungsverein", ""),
    ("Betreuungsbehörde Lünen", ADMINISTRATION, "Lünen", "", ""),
    # Selm
    (
        "Jugendamt Selm",
        YOUTH_OFFICE,
        "Selm",
        "Jugend, Schule, Familie und Soziales",
        "https://www.stadtselm.de",
    ),
    ("Familienbildungsstätte Selm", WELFARE, "Selm", "", ""),
    ("Ev. Kirchengemeinde Selm", ASSOCIATION, "Selm", "", ""),
    # Werne
    ("Jugendamt Werne", YOUTH_OFFICE, "Werne", "FD III, Abteilung Jugend und Familie", "https://www.werne.de"),
    ("Sozialdienst katholischer Frauen Werne", WELFARE, "Werne", "Betreuungsverein", ""),
    # Fröndenberg/Ruhr
    ("AWO Ortsverband Fröndenberg/Ruhr", WELFARE, "Fröndenberg/Ruhr", "", ""),
    ("Tafel Fröndenberg/Ruhr", ASSOCIATION, "Fröndenberg/Ruhr", "", ""),
    # Schwerte
    ("Jugendamt Schwerte", YOUTH_OFFICE, "Schwerte", "", ""),
    ("Ökumenische Zentrale Schwerte", WELFARE, "Schwerte", "Betreuungsverein", ""),
    ("Schwerter Netz", WELFARE, "Schwerte", "Ambulante Jugendhilfe", ""),
    # Outside Kreis Unna
    ("LWL-Klinik Dortmund", CLINIC, "Dortmund", "", ""),
    ("Elisabeth-Klinik Dortmund", CLINIC, "Dortmund", "Kinder- und Jugendpsychiatrie", ""),
    ("Polizeipräsidium Dortmund", POLICE_JUSTICE, "Dortmund", "", ""),
    ("LWL-Klinik Hamm", CLINIC, "Hamm", "Kinder- und Jugendpsychiatrie", ""),
    ("Heilpädagogisches Kinderheim Hamm", WELFARE, "Hamm", "", ""),
    ("Landschaftsverband Westfalen-Lippe (LWL)", ADMINISTRATION, None, "Landesjugendamt", "https://www.lwl.org"),
    ("Bundesagentur für Arbeit", JOBCENTER, None, "", ""),
    ("Weißer Ring", ASSOCIATION, None, "", ""),
    ("Gesunde Städte-Netzwerk", ASSOCIATION, None, "", ""),
    ("Techniker Krankenkasse", HEALTH, None, "", ""),
    ("Vernetzungsstelle Schulverpflegung NRW", OTHER, None, "", ""),
]
