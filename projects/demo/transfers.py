"""Transfer offers, requests and interests between the Kreis Unna municipalities.

The Transferbörse is described in 001 §3.8: towns offer the presentation of results, success factors
and pitfalls, and coaching for the implementation; 000 adds site visits and Fachtage. The concrete
offers, requests and interests below are invented for the demo, built on the documented projects.
An offer's contact is public where the project's contact in the source documents is (not for Kamen).

Deliberately missing: an interest of Selm in Bergkamen's Baby-Besuchsdienst — that flow is shown live.
"""

PRESENTATION = "presentation"
SUCCESS_FACTORS = "success_factors"
COACHING = "coaching"
SITE_VISIT = "site_visit"

ON_SITE = "on_site"
ONLINE = "online"
HYBRID = "hybrid"

# services: (kind, format, effort_hours, capacity = for how many municipalities)
OFFERS: list[dict] = [
    {
        "project": "Baby-Besuchsdienst Bergkamen",
        "description": (
            "Wir zeigen, wie Bergkamen rund 86 % der Familien mit Neugeborenen erreicht: vom Anschreiben "
            "nach der Geburt über den Hausbesuch mit Elternratgeber und Buchstartpaket bis zur Absprache "
            "mit dem ASD. Auf Wunsch begleiten wir den Aufbau eines eigenen Besuchsdienstes und nehmen "
            "Fachkräfte zu einem Besuchstag mit."
        ),
        "contact_name": "Familienbüro Bergkamen",
        "contact_email": "familienbuero-bergkamen@example.org",
        "contact_is_public": True,
        "is_active": True,
        "services": [
            (PRESENTATION, HYBRID, "2", 6),
            (SUCCESS_FACTORS, ONLINE, "1.5", 6),
            (COACHING, HYBRID, "12", 2),
            (SITE_VISIT, ON_SITE, "4", 3),
        ],
    },
    {
        "project": "Stadtteileltern Lünen",
        "description": (
            "Lünen teilt seine Erfahrungen mit 20 Stadtteileltern: Gewinnung, Qualifizierung, Anbindung an "
            "Familienzentren und Grundschule. Wir beraten beim Aufbau und laden zu einem Treffen der "
            "Stadtteileltern ein."
        ),
        "contact_name": "Jugendhilfedienst Lünen",
        "contact_email": "stadtteileltern-luenen@example.org",
        "contact_is_public": True,
        "is_active": True,
        "services": [
            (PRESENTATION, ON_SITE, "2", 4),
            (COACHING, HYBRID, "16", 2),
            (SITE_VISIT, ON_SITE, "3", 4),
        ],
    },
    {
        "project": "Familiennetz Werne",
        "description": (
            "Wie bringt man eine Stadtverwaltung und acht Partner unter ein Dach? Werne stellt das "
            "Familiennetz vor und lädt zur Hospitation in die offene Sprechstunde ein."
        ),
        "contact_name": "Familiennetz Werne",
        "contact_email": "familiennetz-werne@example.org",
        "contact_is_public": True,
        "is_active": True,
        "services": [
            (PRESENTATION, HYBRID, "2", 5),
            (SUCCESS_FACTORS, ONLINE, "1.5", 5),
            (SITE_VISIT, ON_SITE, "4", 3),
        ],
    },
    {
        "project": "KEEP – Königsborner Ein-Eltern-Projekt",
        "description": (
            "Das KEEP zeigt, wie Kita, Familienzentrum und Beratung für Alleinerziehende "
            "zusammenwirken, und öffnet seine Türen für einen Hospitationstag."
        ),
        "contact_name": "Familienzentrum KEEP",
        "contact_email": "keep-unna@example.org",
        "contact_is_public": True,
        "is_active": True,
        "services": [
            (PRESENTATION, ON_SITE, "2", 3),
            (SUCCESS_FACTORS, ON_SITE, "2", 3),
            (SITE_VISIT, ON_SITE, "6", 2),
        ],
    },
    {
        "project": "Chancen für Familien",
        "description": (
            "Jugendhilfedienst und Jobcenter berichten gemeinsam, wie sie mit Einwilligung der Familien "
            "zusammenarbeiten, wie das Sozialraumbudget funktioniert und was die SROI-Analyse zeigt. "
            "Coaching für Kommunen, die eine solche Kooperation aufbauen wollen."
        ),
        "contact_name": "Jugendhilfedienst Lünen",
        "contact_email": "chancen-fuer-familien@example.org",
        "contact_is_public": True,
        "is_active": True,
        "services": [
            (PRESENTATION, HYBRID, "3", 5),
            (SUCCESS_FACTORS, HYBRID, "2", 5),
            (COACHING, HYBRID, "20", 1),
        ],
    },
    {
        "project": "AK Frühe Hilfen Selm",
        "description": (
            "Selm stellt vor, wie aus einem losen Kreis ein Netzwerk Frühe Hilfen mit 17 Einrichtungen, "
            "gemeinsamem Flyer und Kooperationsvertrag wurde – mit kleinem Budget."
        ),
        "contact_name": "Netzwerkkoordination Frühe Hilfen",
        "contact_email": "fruehe-hilfen-selm@example.org",
        "contact_is_public": True,
        "is_active": True,
        "services": [
            (PRESENTATION, ONLINE, "1.5", 8),
            (SUCCESS_FACTORS, ONLINE, "1.5", 8),
        ],
    },
    {
        "project": "KinderZUKUNFT NRW",
        "description": (
            "Katharinen-Hospital und Jugendämter zeigen, wie die Ansprache in der Geburtsklinik, das "
            "Screening und die Weitervermittlung zusammenspielen. Hospitation auf der Mutter-Kind-Station "
            "nach Absprache."
        ),
        "contact_name": "Projektkoordination KinderZUKUNFT NRW",
        "contact_email": "kinderzukunft-unna@example.org",
        "contact_is_public": True,
        "is_active": True,
        "services": [
            (PRESENTATION, HYBRID, "2", 6),
            (SUCCESS_FACTORS, HYBRID, "2", 6),
            (SITE_VISIT, ON_SITE, "3", 2),
        ],
    },
    {
        "project": "Förderverein Jugendhilfe Kamen",
        "description": (
            "Kamen erklärt, wie ein Förderverein schnelle, niederschwellige Hilfen unterhalb des "
            "Hilfeplanverfahrens möglich macht. Das Angebot ruht derzeit."
        ),
        "contact_name": "Fachbereich Jugend, Schule und Sport",
        "contact_email": "jugend-kamen@example.org",
        "contact_is_public": False,
        "is_active": False,
        "services": [
            (SUCCESS_FACTORS, ON_SITE, "2", 3),
            (COACHING, ON_SITE, "8", 1),
        ],
    },
]

REQUESTS: list[dict] = [
    {
        "municipality": "Selm",
        "title": "Brücken in die Kita für Familien mit Zuwanderungsgeschichte",
        "need": (
            "Selm hat bisher kein Angebot, das Familien beim Übergang in die Kita begleitet. Gerade "
            "Familien mit Zuwanderungsgeschichte melden ihre Kinder spät oder gar nicht an. Gesucht wird "
            "ein erprobter, niedrigschwelliger Ansatz – etwa mit ehrenamtlichen Brückenbauerinnen und "
            "Brückenbauern –, der mit wenig Geld umsetzbar ist."
        ),
        "transitions": ["Kita"],
        "fields": ["Jugendhilfe", "Bildung"],
        "target_groups": ["Familien mit Zuwanderungsgeschichte", "Familien in prekären Lebenslagen"],
        "status": "open",
        "created_by": "koordination-selm",
    },
    {
        "municipality": "Werne",
        "title": "Begleitung für Jugendliche mit Abbruchrisiko",
        "need": (
            "In Werne geraten Jugendliche, die Schule oder Ausbildung abzubrechen drohen, zu oft aus dem "
            "Blick. Wir suchen ein Modell, das Jugendhilfe, Schulen und Betriebe verbindet und die "
            "einzelnen Jugendlichen begleitet."
        ),
        "transitions": ["Sekundarstufe", "Beruf"],
        "fields": ["Jugendhilfe", "Bildung", "Soziale Sicherung/Arbeit"],
        "target_groups": ["Jugendliche am Übergang Schule–Beruf", "Schulmüde Jugendliche"],
        "status": "open",
        "created_by": None,
    },
    {
        "municipality": "Bergkamen",
        "title": "Gesundheitsförderung für Grundschulkinder im Stadtteil",
        "need": (
            "Die Schuleingangsuntersuchungen zeigen in einigen Bergkamener Quartieren Auffälligkeiten bei "
            "Ernährung, Bewegung und Sprache. Gesucht wird ein Ansatz, der Grundschule, Eltern und "
            "Gesundheitsdienste zusammenbringt."
        ),
        "transitions": ["Grundschule"],
        "fields": ["Gesundheit", "Bildung"],
        "target_groups": ["Kinder mit Entwicklungsrisiken", "Familien in prekären Lebenslagen"],
        "status": "open",
        "created_by": "koordination-bergkamen",
    },
    {
        "municipality": "Lünen",
        "title": "Willkommensbesuche für Familien mit Neugeborenen",
        "need": (
            "Lünen möchte alle Familien nach der Geburt eines Kindes persönlich erreichen und sucht ein "
            "erprobtes Besuchskonzept mit klarer Absprache zum ASD."
        ),
        "transitions": ["Geburt"],
        "fields": ["Jugendhilfe"],
        "target_groups": ["Eltern von Neugeborenen"],
        "status": "matched",
        "created_by": None,
    },
]

# Stages as in TransferInterest.Stage. Never for a municipality's own offer; one per offer × municipality.
INTERESTS: list[dict] = [
    {
        "offer": "Baby-Besuchsdienst Bergkamen",
        "municipality": "Lünen",
        "stage": "rated",
        "services": [PRESENTATION, SUCCESS_FACTORS, COACHING],
        "message": "Wir möchten einen Besuchsdienst für Neugeborene aufbauen und von Ihren Erfahrungen lernen.",
        "preferred_period": "Frühjahr",
        "contact_name": "Jugendhilfedienst Lünen",
        "contact_email": "jugendhilfedienst-luenen@example.org",
        "registered_by": None,
        "experience": {
            "rating": 4,
            "experience_worked": (
                "Das Anschreiben aller Familien nach der Geburt und der Willkommensordner mit Adressen haben "
                "sich sofort bewährt; die Hospitation in Bergkamen hat unseren Fachkräften die Scheu vor dem "
                "ersten Hausbesuch genommen."
            ),
            "experience_adapted": (
                "Lünen besucht in den Stadtteilen mit Familienzentrum gemeinsam mit den Stadtteileltern und "
                "bietet die Besuche auch auf Türkisch und Arabisch an."
            ),
            "experience_warnings": (
                "Die Absprache mit dem ASD für Hinweise auf eine Gefährdung muss vor dem ersten Besuch stehen; "
                "ohne Vertretungsregelung fallen Besuche in der Urlaubszeit aus."
            ),
        },
    },
    {
        "offer": "Baby-Besuchsdienst Bergkamen",
        "municipality": "Werne",
        "stage": "first_meeting",
        "services": [PRESENTATION, SITE_VISIT],
        "message": "Uns interessiert vor allem die Abstimmung mit dem ASD.",
        "preferred_period": "nach den Sommerferien",
        "contact_name": "Abteilung Jugend und Familie",
        "contact_email": "jugend-werne@example.org",
        "registered_by": None,
    },
    {
        "offer": "Stadtteileltern Lünen",
        "municipality": "Kamen",
        "stage": "coaching",
        "services": [PRESENTATION, COACHING],
        "message": "Wir planen Stadtteileltern an zwei Familienzentren.",
        "preferred_period": "laufendes Jahr",
        "contact_name": "Fachbereich Jugend, Schule und Sport",
        "contact_email": "jugend-kamen@example.org",
        "registered_by": None,
    },
    {
        "offer": "Stadtteileltern Lünen",
        "municipality": "Selm",
        "stage": "registered",
        "services": [PRESENTATION],
        "message": "Passt zu unserem Gesuch „Brücken in die Kita“ – gern ein erstes Gespräch.",
        "preferred_period": "so bald wie möglich",
        "contact_name": "Koordination Präventionskette Selm",
        "contact_email": "koordination-selm@example.org",
        "registered_by": "koordination-selm",
    },
    {
        "offer": "Stadtteileltern Lünen",
        "municipality": "Kreis Unna",
        "stage": "withdrawn",
        "services": [PRESENTATION],
        "message": "Für Bönen, Fröndenberg/Ruhr und Holzwickede angefragt; vorerst zurückgestellt.",
        "preferred_period": "",
        "contact_name": "Jugendhilfeplanung Kreis Unna",
        "contact_email": "jugendamt-kreis-unna@example.org",
        "registered_by": None,
    },
    {
        "offer": "Familiennetz Werne",
        "municipality": "Bergkamen",
        "stage": "implemented",
        "services": [PRESENTATION, SITE_VISIT],
        "message": "Wir wollen Angebote im Familienbüro bündeln.",
        "preferred_period": "",
        "contact_name": "Familienbüro Bergkamen",
        "contact_email": "familienbuero-bergkamen@example.org",
        "registered_by": "koordination-bergkamen",
    },
    {
        "offer": "Familiennetz Werne",
        "municipality": "Unna",
        "stage": "registered",
        "services": [PRESENTATION],
        "message": "",
        "preferred_period": "",
        "contact_name": "Bereich Jugend und Familie",
        "contact_email": "jugend-unna@example.org",
        "registered_by": None,
    },
    {
        "offer": "KEEP – Königsborner Ein-Eltern-Projekt",
        "municipality": "Lünen",
        "stage": "declined",
        "services": [SITE_VISIT],
        "message": "Hospitation für zwei Kita-Leitungen angefragt.",
        "preferred_period": "Herbst",
        "contact_name": "Jugendhilfedienst Lünen",
        "contact_email": "jugendhilfedienst-luenen@example.org",
        "registered_by": None,
    },
    {
        "offer": "Chancen für Familien",
        "municipality": "Werne",
        "stage": "presentation",
        "services": [PRESENTATION, SUCCESS_FACTORS],
        "message": "Wie lässt sich das mit dem Jobcenter-Standort Werne umsetzen?",
        "preferred_period": "",
        "contact_name": "Abteilung Jugend und Familie",
        "contact_email": "jugend-werne@example.org",
        "registered_by": None,
    },
    {
        "offer": "AK Frühe Hilfen Selm",
        "municipality": "Bergkamen",
        "stage": "decision",
        "services": [PRESENTATION, SUCCESS_FACTORS],
        "message": "Wir möchten unser Netzwerk Frühe Hilfen mit einem Kooperationsvertrag absichern.",
        "preferred_period": "",
        "contact_name": "Familienbüro Bergkamen",
        "contact_email": "familienbuero-bergkamen@example.org",
        "registered_by": "koordination-bergkamen",
    },
]
