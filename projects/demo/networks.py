"""Every network listed in 001 §3.2.1 (coordinated by youth services) and §3.2.2 (other bodies).

One entry per row of the two tables: 27 + 27 = 54. Rows that name several groups of one kind
("Arbeitskreise Kinderschutz jeweils in …", "Stadtteilkonferenzen in Lünen …") stay one network,
as the document lists them. Coordinators of §3.2.1 rows are the youth office named in the row or,
where the row names the "Jugendämter Kreisstadt und Kreis Unna", the Kreis youth office. Members
are the organisations of ``organisations.ORGANISATIONS`` that the row names; generic entries
("Kindertageseinrichtungen", "Bürger") are left to the description.
"""

WORKING_GROUP = "working_group"
ROUND_TABLE = "round_table"
DISTRICT_CONFERENCE = "district_conference"
NETWORK = "network"
QUALITY_CIRCLE = "quality_circle"
CONFERENCE = "conference"
ALLIANCE = "alliance"
OTHER = "other"

KU = "Kreis Unna"
KREIS_YOUTH_OFFICE_AREA = ["Bönen", "Fröndenberg/Ruhr", "Holzwickede"]
JA_KU = "Jugendamt Kreis Unna"
JA_UN = "Jugendamt Kreisstadt Unna"
PLANNING = "Kreis Unna – Planung und Mobilität"
HEALTH_OFFICE = "Gesundheitsamt Kreis Unna"
EDUCATION_OFFICE = "Regionales Bildungsbüro Kreis Unna"

NETWORKS_YOUTH_SERVICES: list[dict] = [
    {
        "name": "Arbeitskreise Kinderschutz in Bönen, Fröndenberg/Ruhr und Holzwickede",
        "kind": WORKING_GROUP,
        "coordinator": JA_KU,
        "members": [
            "Psychologische Beratungsstelle Kreis Unna",
            "Kinderschutzbund Unna",
            "Frühförderstelle Kreis Unna",
            "Schwangerschaftskonfliktberatung Kreis Unna",
        ],
        "municipalities": KREIS_YOUTH_OFFICE_AREA,
        "meetings_per_year": 2,
        "meeting_note": "je Kommune 2- bis 3-mal jährlich",
        "founded_year": 2008,
        "fields": ["Jugendhilfe", "Bildung"],
        "transitions": ["Kita", "Grundschule"],
        "description": (
            "In jeder der drei Kommunen ein eigener Arbeitskreis, entstanden 2008 aus "
            "Informationsveranstaltungen zu § 8a SGB VIII. ASD, Jugendhilfeplanung, Kitas und "
            "Familienzentren, Grund- und Förderschulen, OGS, Schulsozialarbeit, Kinder- und Jugendbüros "
            "und Beratungsstellen üben gemeinsam das Verfahren „Erkennen, Beurteilen, Handeln“, "
            "besprechen aktuelle Themen wie migrationssensiblen Kinderschutz und bilden sich zu "
            "Kinderschutzfachkräften weiter."
        ),
    },
    {
        "name": "Facharbeitskreis Kinderschutzfachkräfte Kreisstadt Unna",
        "kind": WORKING_GROUP,
        "coordinator": JA_UN,
        "members": ["Kinderschutzbund Unna", "Frühförderstelle Kreis Unna"],
        "municipalities": ["Unna"],
        "fields": ["Jugendhilfe", "Bildung"],
        "transitions": ["Kita", "Grundschule"],
        "description": (
            "Austausch der Kinderschutzfachkräfte in der Kreisstadt: ASD, Jugendhilfeplanung, Kitas, OGS, "
            "Frühförderung, Schulsozialarbeit und Kinderschutzbund sichern gemeinsam die Qualität der "
            "Gefährdungseinschätzung nach § 8a SGB VIII."
        ),
    },
    {
        "name": "Arbeitskreis zum Kinderschutz Jugend- und Gesundheitshilfe",
        "kind": WORKING_GROUP,
        "coordinator": JA_KU,
        "members": [
            JA_UN,
            "Lebenszentrum Königsborn",
            "Katharinen-Hospital Unna",
            "Schwangerschaftskonfliktberatung Kreis Unna",
            "Frühförderstelle Kreis Unna",
            "Kinderschutzbund Unna",
            HEALTH_OFFICE,
        ],
        "municipalities": ["Unna", *KREIS_YOUTH_OFFICE_AREA],
        "meetings_per_year": 5,
        "meeting_note": "Lenkungsgruppe alle 8–10 Wochen",
        "founded_year": 2009,
        "has_cooperation_agreement": True,
        "fields": ["Jugendhilfe", "Gesundheit"],
        "transitions": ["Geburt"],
        "projects": ["KinderZUKUNFT NRW"],
        "description": (
            "Seit den Kooperationsvereinbarungen zum Kinderschutz vom April 2009 arbeiten beide Jugendämter, "
            "Geburtsklinik, SPZ, Frühförderung und Kinderschutzbund verbindlich zusammen. Ergebnisse: ein "
            "gemeinsamer Ablaufplan bei Verdacht auf Kindeswohlgefährdung, gemeinsame Fortbildungen und seit "
            "2011 der Standort Unna des Landesprojekts KinderZUKUNFT NRW."
        ),
    },
    {
        "name": "Runder Tisch „Häusliche Gewalt“",
        "kind": ROUND_TABLE,
        "coordinator": JA_KU,
        "members": [
            "Kreispolizeibehörde Unna",
            JA_UN,
            "Gleichstellungsstelle Kreis Unna",
            "Weißer Ring",
            "Frauenforum Unna",
            "Kinderschutzbund Unna",
            "Amtsgericht Unna",
        ],
        "municipalities": [KU],
        "fields": ["Jugendhilfe", "Gesundheit"],
        "transitions": [],
        "description": (
            "Polizei, Jugendämter, Gleichstellungsbeauftragte, Opferhilfe, Frauenforum, Kinderschutzbund, "
            "Ärztinnen und Ärzte sowie Justiz stimmen ab, wie Frauen und Kinder bei häuslicher Gewalt "
            "schnell geschützt werden."
        ),
    },
    {
        "name": "Bergkamener Mädchen- und Frauennetzwerk",
        "kind": NETWORK,
        "coordinator": "Jugendamt Bergkamen",
        "members": [
            "Kreispolizeibehörde Unna",
            "Aids-Hilfe im Kreis Unna",
            "Bundesagentur für Arbeit",
            "RAA Kreis Unna",
            "Gleichstellungsstelle Bergkamen",
            "Schwangerschaftskonfliktberatung Kreis Unna",
            "Frauenforum Unna",
        ],
        "municipalities": ["Bergkamen"],
        "fields": ["Jugendhilfe", "Gesundheit", "Soziale Sicherung/Arbeit"],
        "transitions": ["Sekundarstufe", "Beruf"],
        "description": (
            "Ein Netz für die Belange von Mädchen und Frauen in Bergkamen: Polizei, Beratungsstellen, "
            "Arbeitsagentur, RAA, Schulsozialpädagogik und Migrationsdienste bündeln Beratung zu "
            "Gesundheit, Schutz, Ausbildung und Beruf."
        ),
    },
    {
        "name": "Runder Tisch gegen Kinderarmut",
        "kind": ROUND_TABLE,
        "coordinator": "Jugendamt Bergkamen",
        "members": [
            "Evangelische Kirchengemeinden Bergkamen",
            "Caritasverband für den Kreis Unna",
            "Diakonie Ruhr-Hellweg",
            "Verein für familiäre Kindertagesbetreuung e.V.",
            "Lions Club BergKamen",
            "Die kleine Nana e.V.",
            "Bergkamener Verein für Kinder- und Jugendhilfe e.V.",
        ],
        "municipalities": ["Bergkamen"],
        "fields": ["Jugendhilfe", "Soziale Sicherung/Arbeit"],
        "transitions": [],
        "description": (
            "Kirchengemeinden, Wohlfahrtsverbände, Vereine, ein Service-Club und das Jugendamt suchen in "
            "Bergkamen gemeinsam Wege, die Folgen von Armut für Kinder abzumildern."
        ),
    },
    {
        "name": "AG gegen sexuelle Misshandlung",
        "kind": WORKING_GROUP,
        "coordinator": JA_KU,
        "members": [
            JA_UN,
            "Frühförderstelle Kreis Unna",
            "RAA Kreis Unna",
            "Kinderschutzbund Unna",
            "Caritasverband für den Kreis Unna",
            "Frauenforum Unna",
            "Schulpsychologische Beratungsstelle Kreis Unna",
            "Elisabeth-Klinik Dortmund",
            "Kreispolizeibehörde Unna",
            "Psychologische Beratungsstelle Kreis Unna",
            HEALTH_OFFICE,
        ],
        "municipalities": [KU],
        "fields": ["Jugendhilfe", "Gesundheit", "Bildung"],
        "transitions": ["Kita", "Grundschule", "Sekundarstufe"],
        "description": (
            "Jugendämter, Beratungsstellen, Kinder- und Jugendpsychiatrie, Schulpsychologie, "
            "Schulsozialarbeit, Polizei und freie Träger entwickeln gemeinsam Prävention und abgestimmte "
            "Hilfe bei sexueller Gewalt gegen Kinder und Jugendliche."
        ),
    },
    {
        "name": "Kreis-Krisenteam",
        "kind": OTHER,
        "coordinator": JA_KU,
        "members": [
            "Kinderschutzbund Unna",
            "Kreispolizeibehörde Unna",
            "Polizeipräsidium Dortmund",
            "Notfallseelsorge im Kreis Unna",
            "Schulpsychologische Beratungsstelle Kreis Unna",
            "Schulamt für den Kreis Unna",
            JA_UN,
            "Psychologische Beratungsstelle Kreis Unna",
            "Sozialpsychiatrischer Dienst Kreis Unna",
            "LWL-Klinik Hamm",
            "Lebenszentrum Königsborn",
            HEALTH_OFFICE,
        ],
        "municipalities": [KU],
        "meeting_note": "bei Bedarf (Krisenfall) und zur Vorbereitung",
        "fields": ["Jugendhilfe", "Bildung", "Gesundheit"],
        "transitions": ["Grundschule", "Sekundarstufe"],
        "description": (
            "Steht Schulen bei schweren Krisen zur Seite – etwa nach Gewalttaten oder Todesfällen. Polizei "
            "aus Dortmund und Unna, Notfallseelsorge, Schulpsychologie, Schulamt, Jugendämter, "
            "Beratungsstellen und Kliniken sind gemeinsam erreichbar."
        ),
    },
    {
        "name": "AGOT/Wirksamkeitsdialog der Offenen Kinder- und Jugendarbeit",
        "kind": WORKING_GROUP,
        "coordinator": JA_KU,
        "members": [],
        "municipalities": KREIS_YOUTH_OFFICE_AREA,
        "fields": ["Freizeit/Kultur/Sport", "Jugendhilfe"],
        "transitions": ["Sekundarstufe"],
        "description": (
            "Öffentliche und freie Träger der Offenen Kinder- und Jugendarbeit reflektieren mit der "
            "Jugendhilfeplanung, was ihre Angebote bewirken, und entwickeln sie gemeinsam weiter."
        ),
    },
    {
        "name": "AK Ambulante Hilfen",
        "kind": WORKING_GROUP,
        "coordinator": JA_KU,
        "members": [
            JA_UN,
            "Caritasverband für den Kreis Unna",
            "Heilpädagogisches Kinderheim Hamm",
            "Schwerter Netz",
            "Kinderschutzbund Unna",
            "Frühförderstelle Kreis Unna",
            "Familienhebammen Kreis Unna",
            "Schwangerschaftskonfliktberatung Kreis Unna",
            "Frauenforum Unna",
            "Familienbande Kamen",
            "Psychologische Beratungsstelle Kreis Unna",
        ],
        "municipalities": ["Unna", *KREIS_YOUTH_OFFICE_AREA],
        "fields": ["Jugendhilfe"],
        "transitions": [],
        "description": (
            "Jugendämter und die Träger ambulanter Erziehungshilfen, Familienhebammen, Beratungsstellen und "
            "freiberuflich Tätige stimmen Qualität, Angebote und Zusammenarbeit bei ambulanten Hilfen ab."
        ),
    },
    {
        "name": "Stadtteilkonferenz Mühlenberg (Fröndenberg/Ruhr)",
        "kind": DISTRICT_CONFERENCE,
        "coordinator": JA_KU,
        "members": ["AWO Ortsverband Fröndenberg/Ruhr", "Tafel Fröndenberg/Ruhr"],
        "municipalities": ["Fröndenberg/Ruhr"],
        "fields": ["Jugendhilfe", "Bildung", "Freizeit/Kultur/Sport"],
        "transitions": ["Kita", "Grundschule"],
        "description": (
            "Kitas, Schulen, Jugendförderung, Kirchen, Parteien, Tafel, AWO, Seniorenkreis, Siedlerbund, "
            "VHS und Bürgerinnen und Bürger beraten über das Zusammenleben im Stadtteil Mühlenberg."
        ),
    },
    {
        "name": "Stadtteilkonferenz Fröndenberg/Ruhr-West",
        "kind": DISTRICT_CONFERENCE,
        "coordinator": JA_KU,
        "members": ["Kreispolizeibehörde Unna"],
        "municipalities": ["Fröndenberg/Ruhr"],
        "fields": ["Jugendhilfe", "Bildung", "Freizeit/Kultur/Sport"],
        "transitions": ["Kita", "Grundschule", "Sekundarstufe"],
        "description": (
            "Kitas, Schulen und Schulpflegschaften, Kirchen, Jugendarbeit, Sportvereine, ASD, Polizei, "
            "Parteien und Bürgerinitiativen gestalten gemeinsam den Westen Fröndenbergs."
        ),
    },
    {
        "name": "Netzwerk Königsborn",
        "kind": DISTRICT_CONFERENCE,
        "coordinator": JA_UN,
        "members": [
            "Familienzentrum KEEP",
            "Caritasverband für den Kreis Unna",
            "Werkstatt im Kreis Unna e.V.",
            "Jobcenter Kreis Unna",
            HEALTH_OFFICE,
            "Kreispolizeibehörde Unna",
        ],
        "municipalities": ["Unna"],
        "founded_year": 1996,
        "fields": ["Jugendhilfe", "Bildung", "Freizeit/Kultur/Sport"],
        "transitions": ["Kita", "Grundschule", "Sekundarstufe"],
        "projects": ["Netzwerk Königsborn", "KEEP – Königsborner Ein-Eltern-Projekt"],
        "description": (
            "Stadtteilgremium der sozialen Dienste und Einrichtungen in Unna-Königsborn: Schulen, Kitas, "
            "Kirchengemeinden, Jugendeinrichtungen, Polizei und Ortsheimatpfleger; Caritas, Werkstatt im "
            "Kreis Unna, Jobcenter und Gesundheitshilfe kommen auf Einladung dazu."
        ),
    },
    {
        "name": "Stadtteilkonferenzen in Lünen (Gahmen, Süd, Horstmar, In der Geist)",
        "kind": DISTRICT_CONFERENCE,
        "coordinator": "Jugendamt Lünen",
        "members": ["RAA Kreis Unna", "Multikulturelles Forum"],
        "municipalities": ["Lünen"],
        "fields": ["Jugendhilfe", "Bildung"],
        "transitions": ["Kita", "Grundschule"],
        "projects": ["Stadtteileltern Lünen"],
        "description": (
            "In vier Lüner Stadtteilen treffen sich Kitas, Grundschulen und OGS, Kirchen und Moschee, "
            "Jugendhilfedienst, Streetwork, Schulsozialarbeit, Wohlfahrtsverbände, RAA und "
            "Multikulturelles Forum, um die Lage der Familien vor Ort zu besprechen und Angebote "
            "abzustimmen."
        ),
    },
    {
        "name": "Sozialraumworkshops in Lünen (Gahmen, Brambauer-West, Brambauer-Ost, Süd, Nord)",
        "kind": CONFERENCE,
        "coordinator": "Jugendamt Lünen",
        "members": ["RAA Kreis Unna", "Multikulturelles Forum", "Frühförderstelle Kreis Unna"],
        "municipalities": ["Lünen"],
        "fields": ["Jugendhilfe", "Bildung", "Freizeit/Kultur/Sport"],
        "transitions": ["Kita", "Grundschule", "Sekundarstufe"],
        "projects": ["Chancen für Familien"],
        "description": (
            "Workshops in fünf Sozialräumen, in denen Kitas, Schulen aller Formen, Vereine, Kirchen und "
            "Moscheen, Jugendhilfedienst und Beratungsstellen Bedarfe erheben und Ressourcen im Quartier "
            "sichtbar machen."
        ),
    },
    {
        "name": "Runde Tische Kindertageseinrichtungen",
        "kind": ROUND_TABLE,
        "coordinator": JA_KU,
        "members": [],
        "municipalities": KREIS_YOUTH_OFFICE_AREA,
        "fields": ["Bildung", "Jugendhilfe"],
        "transitions": ["Kita"],
        "description": (
            "Kitas, die Fachberatung Kindertagesbetreuung und die Jugendhilfeplanung besprechen "
            "Platzbedarf, Qualität und neue Anforderungen in der Kindertagesbetreuung."
        ),
    },
    {
        "name": "AK Schule-Jugendhilfe Holzwickede",
        "kind": WORKING_GROUP,
        "coordinator": JA_KU,
        "members": ["Psychologische Beratungsstelle Kreis Unna"],
        "municipalities": ["Holzwickede"],
        "fields": ["Jugendhilfe", "Bildung"],
        "transitions": ["Grundschule", "Sekundarstufe"],
        "description": (
            "Schulsozialarbeit, ASD, Psychologische Beratungsstelle und Offene Kinder- und Jugendarbeit "
            "sorgen in Holzwickede für kurze Wege zwischen Schule und Jugendhilfe."
        ),
    },
    {
        "name": "AK Schulsozialarbeit Kreisstadt Unna und Lünen",
        "kind": WORKING_GROUP,
        "coordinator": JA_UN,
        "members": ["Kinder- und Jugendbüro Unna (KiJuB)", "Jugendamt Lünen"],
        "municipalities": ["Unna", "Lünen"],
        "fields": ["Bildung", "Jugendhilfe"],
        "transitions": ["Sekundarstufe", "Beruf"],
        "description": (
            "Die Schulsozialarbeiterinnen und -arbeiter der weiterführenden Schulen tauschen sich mit dem "
            "Kinder- und Jugendbüro über Fälle, Methoden und Kooperationen aus."
        ),
    },
    {
        "name": "AK Schulsozialarbeit an Grundschulen (Bildungs- und Teilhabepaket) Kreisstadt Unna",
        "kind": WORKING_GROUP,
        "coordinator": JA_UN,
        "members": ["Kinder- und Jugendbüro Unna (KiJuB)"],
        "municipalities": ["Unna"],
        "fields": ["Bildung", "Jugendhilfe", "Soziale Sicherung/Arbeit"],
        "transitions": ["Grundschule"],
        "description": (
            "Die über das Bildungs- und Teilhabepaket finanzierten Schulsozialarbeitskräfte an Grundschulen "
            "arbeiten mit ASD, Jugendhilfeplanung und KiJuB daran, dass Leistungen bei den Kindern ankommen."
        ),
    },
    {
        "name": "Regionale Arbeitskreise Familienzentren",
        "kind": WORKING_GROUP,
        "coordinator": JA_KU,
        "members": [],
        "municipalities": KREIS_YOUTH_OFFICE_AREA,
        "meetings_per_year": 2,
        "meeting_note": "2- bis 3-mal jährlich",
        "founded_year": 2007,
        "has_cooperation_agreement": True,
        "fields": ["Jugendhilfe", "Bildung"],
        "transitions": ["Geburt", "Kita"],
        "projects": ["Familienzentren im Kreis Unna"],
        "description": (
            "Die Familienzentren im Zuständigkeitsbereich des Kreisjugendamts stimmen mit der "
            "Jugendhilfeplanung Schwerpunkte und Angebote ab und erhalten fachliche Impulse, etwa zu "
            "Sozialraumanalyse, Kinderschutz und Kindertagespflege."
        ),
    },
    {
        "name": "AK Familie und Recht",
        "kind": WORKING_GROUP,
        "coordinator": JA_KU,
        "members": [JA_UN, "Amtsgericht Unna", "Psychologische Beratungsstelle Kreis Unna"],
        "municipalities": ["Unna", *KREIS_YOUTH_OFFICE_AREA],
        "meeting_note": "regelmäßig, mit bis zu 30 Teilnehmenden",
        "fields": ["Jugendhilfe"],
        "transitions": [],
        "projects": ["Arbeitskreis Familie und Recht/Kamener Praxis"],
        "description": (
            "Jugendämter, Familienrichterinnen und -richter, Beratungsstellen, Anwaltschaft und "
            "Verfahrenspflegschaft im Amtsgerichtsbezirk Unna entwickeln abgestimmte Verfahren, damit "
            "getrennte Eltern zu einer gemeinsamen Lösung für ihre Kinder finden."
        ),
    },
    {
        "name": "AK Soziale Dienste Kreisstadt Unna",
        "kind": WORKING_GROUP,
        "coordinator": JA_UN,
        "members": [
            "Bundesagentur für Arbeit",
            "Werkstatt im Kreis Unna e.V.",
            "Beratungsstelle für Wohnungslose Unna",
            "Gemeinsam Leben e.V.",
            "INVIA Unna – katholische Jugendsozialarbeit e.V.",
            "Caritasverband für den Kreis Unna",
        ],
        "municipalities": ["Unna"],
        "fields": ["Soziale Sicherung/Arbeit"],
        "transitions": [],
        "description": (
            "Arbeitsagentur, Beschäftigungsträger, Wohnungslosen-, Schuldner- und Migrationsberatung sowie "
            "Krankenhaussozialdienst stimmen ihre Hilfen für Menschen in sozialen Notlagen ab."
        ),
    },
    {
        "name": "Netzwerk Präventiver Jugendschutz",
        "kind": NETWORK,
        "coordinator": "Kinder- und Jugendbüro Unna (KiJuB)",
        "members": [
            "Kreispolizeibehörde Unna",
            "Ordnungsamt Kreisstadt Unna",
            JA_UN,
            "Diakonie Ruhr-Hellweg",
            "Katharinen-Hospital Unna",
        ],
        "municipalities": ["Unna"],
        "fields": ["Jugendhilfe", "Gesundheit", "Freizeit/Kultur/Sport"],
        "transitions": ["Sekundarstufe"],
        "description": (
            "KiJuB, Polizei, Jugendeinrichtungen, Beratungsstellen, Schulsozialarbeit, Ordnungsamt, ASD, "
            "Krankenhäuser und Diakonie stimmen in der Kreisstadt die Maßnahmen des vorbeugenden "
            "Jugendschutzes ab."
        ),
    },
    {
        "name": "AG der Betreuungsvereine und -behörden im Kreis Unna",
        "kind": WORKING_GROUP,
        "coordinator": "Betreuungsbehörde Kreis Unna",
        "members": [
            "Diakonie Ruhr-Hellweg",
            "Ökumenische Zentrale Schwerte",
            "Sozialdienst katholischer Frauen Unna",
            "Sozialdienst katholischer Frauen Werne",
            "Lebenshilfe Lünen",
            "AWO Lünen",
            "Betreuungsbehörde Kreisstadt Unna",
            "Betreuungsbehörde Lünen",
        ],
        "municipalities": [KU],
        "fields": ["Soziale Sicherung/Arbeit"],
        "transitions": [],
        "description": (
            "Betreuungsvereine und Betreuungsbehörden im Kreis tauschen sich über rechtliche Betreuung aus "
            "und gewinnen und begleiten gemeinsam ehrenamtliche Betreuerinnen und Betreuer."
        ),
    },
    {
        "name": "Kooperationskreis Betreuungsbehörden und Betreuungsgericht Unna",
        "kind": WORKING_GROUP,
        "coordinator": "Betreuungsbehörde Kreisstadt Unna",
        "members": ["Betreuungsbehörde Kreis Unna", "Amtsgericht Unna"],
        "municipalities": ["Unna", KU],
        "fields": ["Soziale Sicherung/Arbeit"],
        "transitions": [],
        "description": (
            "Betreuungsbehörden von Kreisstadt und Kreis sowie Richterinnen, Rechtspfleger und "
            "Geschäftsstelle des Betreuungsgerichts klären Abläufe in Betreuungsverfahren."
        ),
    },
    {
        "name": "Netzwerk öffentliche Sicherheit und Ordnung",
        "kind": NETWORK,
        "coordinator": "Ordnungsamt Kreisstadt Unna",
        "members": [JA_UN, "Kreispolizeibehörde Unna"],
        "municipalities": ["Unna"],
        "fields": ["Jugendhilfe"],
        "transitions": ["Sekundarstufe"],
        "description": (
            "Ordnungsamt, Jugendamt, Rechtsamt, Polizei und Sozialdezernat der Kreisstadt stimmen sich bei "
            "Fragen der öffentlichen Sicherheit ab, die Kinder und Jugendliche betreffen."
        ),
    },
    {
        "name": "KiJuRinge/Ortsjugendringe",
        "kind": ALLIANCE,
        "coordinator": None,
        "members": [],
        "municipalities": [KU],
        "fields": ["Freizeit/Kultur/Sport", "Jugendhilfe"],
        "transitions": ["Sekundarstufe"],
        "description": (
            "Zusammenschlüsse der freien Träger der Jugendverbandsarbeit vor Ort; sie vertreten die "
            "Interessen der Jugendverbände und organisieren gemeinsame Freizeit- und Bildungsangebote."
        ),
    },
]

NETWORKS_OTHER_RESPONSIBILITIES: list[dict] = [
    {
        "name": "AK Wirtschaft und Arbeit",
        "kind": WORKING_GROUP,
        "coordinator": PLANNING,
        "municipalities": [KU],
        "fields": ["Soziale Sicherung/Arbeit"],
        "transitions": ["Beruf"],
        "description": "Arbeitskreis der Kreisplanung zu Wirtschaft und Arbeitsmarkt im Kreis.",
    },
    {
        "name": "AK Wissen und Bildung",
        "kind": WORKING_GROUP,
        "coordinator": PLANNING,
        "municipalities": [KU],
        "fields": ["Bildung"],
        "transitions": [],
        "description": "Arbeitskreis der Kreisplanung zur Entwicklung der Bildungslandschaft im Kreis Unna.",
    },
    {
        "name": "AK Wohnen",
        "kind": WORKING_GROUP,
        "coordinator": PLANNING,
        "municipalities": [KU],
        "fields": ["Soziale Sicherung/Arbeit"],
        "transitions": [],
        "description": "Arbeitskreis der Kreisplanung zum Thema Wohnen.",
    },
    {
        "name": "AK Inklusion",
        "kind": WORKING_GROUP,
        "coordinator": PLANNING,
        "municipalities": [KU],
        "fields": ["Bildung", "Jugendhilfe", "Gesundheit"],
        "transitions": [],
        "description": (
            "Arbeitskreis der Kreisplanung zur Teilhabe von Menschen mit Behinderung in allen Lebensbereichen."
        ),
    },
    {
        "name": "Bündnis für Familie Kreis Unna",
        "kind": ALLIANCE,
        "coordinator": PLANNING,
        "members": ["Jobcenter Kreis Unna", HEALTH_OFFICE],
        "municipalities": [KU],
        "fields": ["Soziale Sicherung/Arbeit", "Jugendhilfe"],
        "transitions": [],
        "projects": ["Netzwerke für Eltern in prekären Lebenslagen"],
        "description": (
            "Kreisweites Bündnis für familienfreundliche Strukturen. Das Jobcenter moderiert das "
            "Handlungsfeld „Vereinbarkeit von Familie und Beruf“; Themen sind unter anderem Familie und "
            "Migration, Familie und Schwerbehinderung sowie Kinderbetreuung."
        ),
    },
    {
        "name": "Arbeitsgruppen der psychosozialen Arbeitsgemeinschaft (PSAG)",
        "kind": WORKING_GROUP,
        "coordinator": PLANNING,
        "members": [HEALTH_OFFICE, "Sozialpsychiatrischer Dienst Kreis Unna"],
        "municipalities": [KU],
        "fields": ["Gesundheit"],
        "transitions": [],
        "description": (
            "Fachgruppen der PSAG, unter anderem für Kinder und Jugendliche und für Menschen mit "
            "Behinderung, stimmen die psychosoziale Versorgung im Kreis ab."
        ),
    },
    {
        "name": "Qualitätszirkel Schulverpflegung",
        "kind": QUALITY_CIRCLE,
        "coordinator": HEALTH_OFFICE,
        "members": ["Vernetzungsstelle Schulverpflegung NRW"],
        "municipalities": [KU],
        "fields": ["Gesundheit", "Bildung"],
        "transitions": ["Grundschule", "Sekundarstufe"],
        "projects": ["Besser GesUND"],
        "description": (
            "Begleitet die Kampagne „Besser Essen Macht Schule“ und den Gesundheitsbericht zur "
            "Schulverpflegung; erarbeitet Empfehlungen für ein besseres Mittagessen an Schulen."
        ),
    },
    {
        "name": "AK Zahngesundheit",
        "kind": WORKING_GROUP,
        "coordinator": HEALTH_OFFICE,
        "municipalities": [KU],
        "fields": ["Gesundheit"],
        "transitions": ["Kita", "Grundschule"],
        "description": (
            "Arbeitskreis Zahngesundheit Westfalen-Lippe auf Kreisebene: Gruppenprophylaxe in Kitas und "
            "Schulen, gemeinsam mit der Deutschen Arbeitsgemeinschaft für Jugendzahnpflege."
        ),
    },
    {
        "name": "Kommunale Gesundheitskonferenz",
        "kind": CONFERENCE,
        "coordinator": HEALTH_OFFICE,
        "municipalities": [KU],
        "fields": ["Gesundheit"],
        "transitions": [],
        "projects": ["Besser GesUND"],
        "description": (
            "Die Kreisgesundheitskonferenz bringt die Akteure des Gesundheitswesens im Kreis zusammen; das "
            "Gesundheitsamt führt die Geschäfte."
        ),
    },
    {
        "name": "Netzwerke des Kinder- und Jugendgesundheitsdienstes",
        "kind": NETWORK,
        "coordinator": HEALTH_OFFICE,
        "municipalities": [KU],
        "fields": ["Gesundheit"],
        "transitions": ["Geburt", "Kita", "Grundschule"],
        "projects": ["Besser GesUND", "KinderZUKUNFT NRW", "AK Frühe Hilfen Selm", "Netzwerk Königsborn"],
        "description": (
            "Der Kinder- und Jugendgesundheitsdienst wirkt in zahlreichen Gremien mit: als beratendes "
            "Mitglied der Jugendhilfeausschüsse, im Qualitätszirkel der Kinder- und Jugendärzte, im "
            "Pädiatrienetzwerk Unna, im AK Frühe Hilfen Selm und im Projekt KinderZUKUNFT NRW."
        ),
    },
    {
        "name": "Netzwerk Prävention (Sucht)",
        "kind": NETWORK,
        "coordinator": "Präventionsbeauftragte im Kreis Unna",
        "municipalities": [KU],
        "fields": ["Gesundheit", "Jugendhilfe"],
        "transitions": ["Sekundarstufe"],
        "description": (
            "Die Präventionsbeauftragten im Kreis stimmen Angebote der Suchtvorbeugung für Schulen und Jugendarbeit ab."
        ),
    },
    {
        "name": "Netzwerk Psychiatrie",
        "kind": NETWORK,
        "coordinator": "LWL-Klinik Dortmund",
        "municipalities": [KU],
        "fields": ["Gesundheit"],
        "transitions": [],
        "description": "Netzwerk der psychiatrischen Versorgung, koordiniert von der LWL-Klinik Dortmund.",
    },
    {
        "name": "Kooperation Kinder- und Jugendpsychiatrie",
        "kind": NETWORK,
        "coordinator": "LWL-Klinik Hamm",
        "municipalities": [KU],
        "fields": ["Gesundheit", "Jugendhilfe"],
        "transitions": [],
        "description": (
            "Zusammenarbeit von Jugendhilfe und Kinder- und Jugendpsychiatrie, koordiniert von der LWL-Klinik Hamm."
        ),
    },
    {
        "name": "Facharbeitskreis Kinderschutzfachkräfte Kreis Unna",
        "kind": WORKING_GROUP,
        "coordinator": "Kinderschutzbund Unna",
        "municipalities": [KU],
        "fields": ["Jugendhilfe"],
        "transitions": [],
        "description": (
            "Vom Kinderschutzbund koordinierter Qualitätszirkel der zertifizierten Kinderschutzfachkräfte "
            "aus Jugendhilfe, Gesundheitshilfe und Schule, entstanden im Modellprojekt „Kooperativer "
            "Kinderschutz“."
        ),
    },
    {
        "name": "RAA Verbindungslehrer/innen",
        "kind": NETWORK,
        "coordinator": "RAA Kreis Unna",
        "municipalities": [KU],
        "fields": ["Bildung"],
        "transitions": ["Grundschule", "Sekundarstufe"],
        "description": (
            "Lehrkräfte an Schulen im Kreis, die als Ansprechpersonen der RAA die Förderung von Kindern und "
            "Jugendlichen aus Zuwandererfamilien in ihre Schulen tragen."
        ),
    },
    {
        "name": "Wellcome – Ehrenamtlicher Helferdienst für junge Familien",
        "kind": NETWORK,
        "coordinator": "Familienbildungsstätte Selm",
        "municipalities": ["Selm"],
        "fields": ["Jugendhilfe"],
        "transitions": ["Geburt"],
        "projects": ["AK Frühe Hilfen Selm"],
        "description": (
            "Ehrenamtliche entlasten Familien im ersten Jahr nach der Geburt praktisch im Alltag; die "
            "Familienbildungsstätte Selm vermittelt und begleitet sie."
        ),
    },
    {
        "name": "Kompetenzagentur Lünen Selm",
        "kind": NETWORK,
        "coordinator": "AWO – Bildung + Lernen gGmbH",
        "municipalities": ["Lünen", "Selm"],
        "fields": ["Soziale Sicherung/Arbeit", "Bildung", "Jugendhilfe"],
        "transitions": ["Beruf"],
        "description": (
            "Begleitet besonders benachteiligte junge Menschen in Lünen und Selm auf dem Weg in Ausbildung "
            "und Arbeit und vernetzt die Hilfen am Übergang Schule–Beruf."
        ),
    },
    {
        "name": "Kompetenzagentur Kreis Unna",
        "kind": NETWORK,
        "coordinator": "INVIA Unna – katholische Jugendsozialarbeit e.V.",
        "municipalities": [KU],
        "fields": ["Soziale Sicherung/Arbeit", "Bildung", "Jugendhilfe"],
        "transitions": ["Beruf"],
        "description": (
            "Kreisweite Anlaufstelle von INVIA für junge Menschen, die den Übergang in Ausbildung und "
            "Beruf ohne Unterstützung nicht schaffen."
        ),
    },
    {
        "name": "Mehrgenerationenhaus Selm",
        "kind": NETWORK,
        "coordinator": "Familienbildungsstätte Selm",
        "municipalities": ["Selm"],
        "fields": ["Freizeit/Kultur/Sport", "Jugendhilfe"],
        "transitions": [],
        "description": "Mehrgenerationenhaus in Trägerschaft der Familienbildungsstätte Selm.",
    },
    {
        "name": "Sozialfrühstück Selm",
        "kind": OTHER,
        "coordinator": "Ev. Kirchengemeinde Selm",
        "municipalities": ["Selm"],
        "fields": ["Soziale Sicherung/Arbeit"],
        "transitions": [],
        "description": "Sozialfrühstück der Evangelischen Kirchengemeinde Selm als offener Treffpunkt.",
    },
    {
        "name": "AK Übergang Elementar-/Primarbereich",
        "kind": WORKING_GROUP,
        "coordinator": EDUCATION_OFFICE,
        "members": [HEALTH_OFFICE, "Schulamt für den Kreis Unna"],
        "municipalities": [KU],
        "fields": ["Bildung", "Jugendhilfe"],
        "transitions": ["Grundschule"],
        "projects": ["Übergabeprotokoll Kita–Grundschule"],
        "description": (
            "Kitas, Grundschulen, Schulaufsicht und Gesundheitsamt gestalten gemeinsam den Übergang von der "
            "Kita in die Grundschule, unter anderem mit dem Übergabeprotokoll."
        ),
    },
    {
        "name": "AK Übergang Primarbereich/Sekundarstufe I",
        "kind": WORKING_GROUP,
        "coordinator": EDUCATION_OFFICE,
        "members": ["Schulamt für den Kreis Unna"],
        "municipalities": [KU],
        "fields": ["Bildung"],
        "transitions": ["Sekundarstufe"],
        "projects": ["Schüler-Online"],
        "description": "Grund- und weiterführende Schulen stimmen den Wechsel in die Sekundarstufe I ab.",
    },
    {
        "name": "AK Übergang Schule/Beruf-Studium",
        "kind": WORKING_GROUP,
        "coordinator": EDUCATION_OFFICE,
        "municipalities": [KU],
        "fields": ["Bildung", "Soziale Sicherung/Arbeit"],
        "transitions": ["Beruf"],
        "description": (
            "Schulen, Berufskollegs und Partner der Berufsorientierung gestalten den Übergang in "
            "Ausbildung, Beruf und Studium."
        ),
    },
    {
        "name": "6 Netzwerkgruppen mit thematischen Schwerpunkten",
        "kind": NETWORK,
        "coordinator": EDUCATION_OFFICE,
        "municipalities": [KU],
        "fields": ["Bildung"],
        "transitions": [],
        "description": (
            "Schulformübergreifende Lehrer- und Schulleitungsnetzwerke des Regionalen Bildungsnetzwerks zu "
            "wechselnden Themen, mit gemeinsamen Fortbildungen."
        ),
    },
    {
        "name": "Netzwerk Kindertageseinrichtungen „Haus der kleinen Forscher“",
        "kind": NETWORK,
        "coordinator": EDUCATION_OFFICE,
        "municipalities": [KU],
        "fields": ["Bildung"],
        "transitions": ["Kita"],
        "description": (
            "Kitas im Kreis, die mit der Initiative „Haus der kleinen Forscher“ naturwissenschaftliche "
            "Bildung anbieten."
        ),
    },
    {
        "name": "AK Ganztag",
        "kind": WORKING_GROUP,
        "coordinator": EDUCATION_OFFICE,
        "municipalities": [KU],
        "fields": ["Bildung", "Jugendhilfe", "Freizeit/Kultur/Sport"],
        "transitions": ["Grundschule"],
        "description": (
            "Schulen und Träger des Ganztags haben unter anderem eine Handreichung für bessere "
            "Kooperationsverträge im Ganztag erarbeitet."
        ),
    },
    {
        "name": "Handlungskonzept Wohnen",
        "kind": OTHER,
        "coordinator": "Stadt Kamen – Planung",
        "municipalities": ["Kamen"],
        "fields": ["Soziale Sicherung/Arbeit"],
        "transitions": [],
        "description": "Planungsgremium der Stadt Kamen zum Handlungskonzept Wohnen.",
    },
]

NETWORKS: list[dict] = NETWORKS_YOUTH_SERVICES + NETWORKS_OTHER_RESPONSIBILITIES
