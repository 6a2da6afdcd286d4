"""Projects (Präventionskettenglieder) from 001 §3.1, §3.4–3.6, described in our own words.

Success factors and pitfalls are derived from what the source reports (and from the programme's
general findings in 003); one per line. Indicators carry the figures the source gives; "year" is the
year the figure refers to or was reported in (the application dates from May 2012).
``confirmed_days_ago`` is applied once, when a project is created, so that the demo always has a few
entries whose last confirmation is older than 18 months.
"""

PUBLISHED = "published"
IN_REVIEW = "in_review"
DRAFT = "draft"

REPORTED = 2012  # figures stated in the application of May 2012

PROJECTS: list[dict] = [
    {
        "title": "Baby-Besuchsdienst Bergkamen",
        "municipality": "Bergkamen",
        "summary": (
            "Nach der Geburt eines Kindes besucht eine Fachkraft des Familienbüros die Familie zu Hause, "
            "bringt den Elternratgeber „Mein Baby verstehen“, ein Buchstartpaket und einen Familienausweis "
            "der Stadtbibliothek mit und stellt die Angebote in Bergkamen vor. Rund 86 % aller Familien mit "
            "Neugeborenen werden so erreicht. In Absprache mit dem ASD wirkt der Besuch zugleich als soziales "
            "Frühwarnsystem."
        ),
        "situation": (
            "Angebote für junge Familien erreichen gerade belastete Eltern selten von allein. Bergkamen hat "
            "deshalb 2007 im Jugendamt ein Familienbüro als zentrale Anlaufstelle geschaffen und koordiniert "
            "von dort seit 2008 einen Besuchsdienst, der allen Familien mit einem neugeborenen Kind gilt."
        ),
        "goals": (
            "Jede Familie bekommt kurz nach der Geburt einen persönlichen, freiwilligen Kontakt zum "
            "Jugendamt – ohne Anlass und ohne Stigma. Die Eltern sollen wissen, welche Kurse, Hilfen und "
            "Ansprechstellen es in der Stadt gibt. Anzeichen von Überforderung oder einer möglichen "
            "Gefährdung sollen früh auffallen, damit rechtzeitig Unterstützung angeboten werden kann."
        ),
        "achievements": (
            "Der Besuchsdienst erreicht inzwischen rund 86 % aller Familien mit Neugeborenen. Beim Besuch "
            "erhalten die Eltern den vom Jugendamt verfassten Ratgeber „Mein Baby verstehen“ mit Adressen "
            "und Tipps, das Buchstartpaket und einen kostenlosen Familienausweis der Stadtbibliothek. Alle "
            "besuchten Familien können ohne Kosten am gleichnamigen Elternkompetenzkurs teilnehmen. Ergeben "
            "sich Hinweise auf eine Kindeswohlgefährdung, wird das weitere Vorgehen mit dem Allgemeinen "
            "Sozialen Dienst abgestimmt."
        ),
        "success_factors": (
            "Der Besuch gilt allen Familien und nicht nur „Problemfällen“ – das senkt die Hemmschwelle.\n"
            "Die Besucherin bringt Erfahrung aus dem ASD mit, erkennt Belastungen und kennt die Wege ins "
            "Hilfesystem.\n"
            "Kleine Willkommensgaben (Elternratgeber, Buchstartpaket, Bibliotheksausweis) öffnen die Tür.\n"
            "Der Besuch führt direkt in ein kostenloses Kursangebot weiter."
        ),
        "pitfalls": (
            "Die Doppelrolle als Willkommensbesuch und Frühwarnsystem muss mit dem ASD klar geregelt und "
            "den Eltern gegenüber offen benannt sein, sonst leidet das Vertrauen.\n"
            "Der Dienst hängt stark an einzelnen Personen; Vertretung und Einarbeitung sollten früh "
            "geplant werden.\n"
            "Das Anschreiben nach der Geburt braucht einen geklärten, datenschutzkonformen Weg zu den "
            "Geburtsdaten."
        ),
        "transitions": ["Geburt"],
        "fields": ["Jugendhilfe", "Gesundheit", "Bildung"],
        "target_groups": ["Eltern von Neugeborenen", "Familien in prekären Lebenslagen"],
        "organisations": ["Jugendamt Bergkamen", "Stadtbibliothek Bergkamen"],
        "start_year": 2008,
        "contact_name": "Familienbüro Bergkamen",
        "contact_role": "Jugendamt der Stadt Bergkamen",
        "contact_email": "familienbuero-bergkamen@example.org",
        "contact_is_public": True,
        "status": PUBLISHED,
        "confirmed_days_ago": 21,
        "indicators": [
            ("Erreichte Familien mit Neugeborenen", "rund 86 %", REPORTED),
            ("Koordination durch das Familienbüro seit", "2008", None),
        ],
    },
    {
        "title": "Elternkompetenzkurs „Mein Baby verstehen“",
        "municipality": "Bergkamen",
        "summary": (
            "Ein kostenloser Kurs für Eltern im ersten Lebensjahr ihres Kindes, zu dem der Baby-Besuchsdienst "
            "alle besuchten Familien einlädt. Er läuft rund zehnmal im Jahr und wird von etwa 30 % aller "
            "Mütter mit Neugeborenen besucht. Für sehr junge Mütter gibt es seit 2011 eine eigene, "
            "wöchentliche offene Gruppe mit Abhol- und Bringdienst."
        ),
        "situation": (
            "Viele Fragen junger Eltern – Schlafen, Weinen, Füttern, Bindung – lassen sich in einer Gruppe "
            "gut besprechen. Sehr junge Mütter fühlen sich in Gruppen mit deutlich älteren Frauen allerdings "
            "oft fehl am Platz und bleiben weg."
        ),
        "goals": (
            "Eltern sollen die Signale ihres Babys besser verstehen und sicherer im Alltag werden. Der Kurs "
            "soll auch Familien erreichen, die sonst keine Familienbildung nutzen, und sehr junge Mütter mit "
            "einem passenden Format halten."
        ),
        "achievements": (
            "Der Kurs findet etwa zehnmal im Jahr statt, drei Durchgänge davon im Familientreff "
            "Bodelschwinghaus. Rund 30 % aller Mütter mit Neugeborenen nehmen teil. Seit 2011 gibt es für "
            "ganz junge Mütter einen wöchentlichen, fortlaufenden Kurs, zu dem die Teilnehmerinnen abgeholt "
            "und wieder nach Hause gebracht werden."
        ),
        "success_factors": (
            "Die persönliche Einladung beim Hausbesuch ist der wichtigste Zugangsweg.\n"
            "Der Kurs ist kostenlos und findet auch dort statt, wo die Familien ohnehin hinkommen.\n"
            "Ein eigenes, fortlaufendes Format für sehr junge Mütter, mit Fahrdienst, senkt die Hürden."
        ),
        "pitfalls": (
            "Ohne Fahrdienst bleiben gerade die jüngsten Mütter weg – das kostet Geld und Organisation.\n"
            "Ein Einstieg jederzeit („durchlaufender“ Kurs) braucht Kursleitungen, die mit wechselnden "
            "Gruppen umgehen können."
        ),
        "transitions": ["Geburt"],
        "fields": ["Jugendhilfe", "Bildung"],
        "target_groups": ["Eltern von Neugeborenen", "Junge Mütter"],
        "organisations": ["Jugendamt Bergkamen", "Evangelische Familienbildung im Kreis Unna"],
        "start_year": None,
        "contact_name": "Familienbüro Bergkamen",
        "contact_role": "Jugendamt der Stadt Bergkamen",
        "contact_email": "familienbuero-bergkamen@example.org",
        "contact_is_public": True,
        "status": PUBLISHED,
        "confirmed_days_ago": 75,
        "indicators": [
            ("Anteil der Mütter mit Neugeborenen, die den Kurs besuchen", "rund 30 %", REPORTED),
            ("Kursdurchgänge pro Jahr", "rund 10", REPORTED),
            ("Wöchentlicher Kurs für sehr junge Mütter seit", "2011", None),
        ],
    },
    {
        "title": "Familienbüro Bergkamen",
        "municipality": "Bergkamen",
        "summary": (
            "Die zentrale Informations- und Anlaufstelle des Jugendamts für alle Bergkamener Familien und "
            "Einrichtungen. Das Familienbüro steuert den Baby-Besuchsdienst, organisiert rund zehn "
            "Elternkompetenzkurse im Jahr, vernetzt die Familienbildung in der Stadt und vermittelt seit 2012 "
            "Familienpatinnen und -paten, vor allem für Alleinerziehende."
        ),
        "situation": (
            "Familien fanden sich im Angebot von Beratung, Kursen und Hilfen nur schwer zurecht, und die "
            "Anbieter der Familienbildung arbeiteten nebeneinander her. Das Jugendamt Bergkamen hat deshalb "
            "2007 ein Familienbüro eingerichtet."
        ),
        "goals": (
            "Eine Stelle, an die sich Familien mit allen Fragen rund um das Familienleben wenden können. "
            "Familienbildung soll abgestimmt und für alle erreichbar sein; Alleinerziehende sollen im Alltag "
            "praktische Unterstützung finden."
        ),
        "achievements": (
            "Das Familienbüro koordiniert seit 2008 den Baby-Besuchsdienst und die Zusammenarbeit der "
            "Akteure der Familienbildung. Die Mitarbeiterinnen begleiten die rund zehn Elternkompetenzkurse "
            "pro Jahr. Seit Anfang 2012 vermitteln sie ehrenamtliche Familienpatinnen und -paten, die "
            "insbesondere alleinerziehenden Müttern im Familienalltag zur Seite stehen."
        ),
        "success_factors": (
            "Eine feste, bekannte Anlaufstelle im Jugendamt, die nicht nur bei Problemen zuständig ist.\n"
            "Besuchsdienst, Kurse und Patenschaften liegen in einer Hand und greifen ineinander.\n"
            "Enge Zusammenarbeit mit der Evangelischen Familienbildung und dem Familientreff vor Ort."
        ),
        "pitfalls": (
            "Als Serviceangebot des Jugendamts muss das Familienbüro sich sichtbar vom Eingriffsauftrag des "
            "ASD abgrenzen.\n"
            "Ehrenamtliche Familienpatenschaften brauchen Schulung, Begleitung und verlässliche "
            "Ansprechpersonen."
        ),
        "transitions": ["Geburt", "Kita"],
        "fields": ["Jugendhilfe", "Bildung"],
        "target_groups": ["Eltern von Neugeborenen", "Alleinerziehende", "Familien in prekären Lebenslagen"],
        "organisations": ["Jugendamt Bergkamen", "Evangelische Familienbildung im Kreis Unna"],
        "start_year": 2007,
        "contact_name": "Familienbüro Bergkamen",
        "contact_role": "Jugendamt der Stadt Bergkamen",
        "contact_email": "familienbuero-bergkamen@example.org",
        "contact_is_public": True,
        "status": PUBLISHED,
        "confirmed_days_ago": 130,
        "indicators": [
            ("Elternkompetenzkurse pro Jahr", "10", REPORTED),
            ("Familienpatenschaften vermittelt seit", "2012", None),
        ],
    },
    {
        "title": "Familientreff Bodelschwinghaus",
        "municipality": "Bergkamen",
        "summary": (
            "Ein offener Treff für Eltern mit Kindern im größten Siedlungsbereich Bergkamens, betrieben vom "
            "Jugendamt zusammen mit der Evangelischen Familienbildung. Herzstück ist ein Elterncafé an vier "
            "Tagen pro Woche; dazu kommen ein wöchentliches Elternfrühstück mit Bildungsthema, "
            "Elterntrainings (FuN, FuN-Baby), Nachmittagsangebote für Kinder und Nachbarschaftshilfe."
        ),
        "situation": (
            "Im Umfeld des Bodelschwinghauses leben viele Alleinerziehende und Familien mit wenig Einkommen. "
            "Vor rund zehn Jahren hat das Jugendamt dort gemeinsam mit der Evangelischen Familienbildung "
            "eine Familienbildungseinrichtung im Stadtteil geschaffen."
        ),
        "goals": (
            "Eltern aus der Nachbarschaft in ihrer Erziehungskompetenz stärken, damit Kinder dauerhaft gut "
            "in ihren Familien aufwachsen können. Der Treff soll niedrigschwellig sein: Wer Rat sucht, kann "
            "einfach vorbeikommen."
        ),
        "achievements": (
            "Das Elterncafé ist an vier Tagen pro Woche geöffnet. Einmal wöchentlich gibt es beim "
            "Elternfrühstück ein Bildungsangebot zu Themen, die die Teilnehmerinnen selbst einbringen – von "
            "Erziehung über Haushalt bis Ausbildung. Mit dem Evangelischen Familienzentrum laufen die "
            "Elterntrainings FuN und FuN-Baby; drei der zehn Elternkompetenzkurse der Stadt finden hier "
            "statt. Ein Nähkurs für junge Frauen, Freizeitangebote für ältere Kinder und organisierte "
            "Nachbarschaftshilfe ergänzen das Programm."
        ),
        "success_factors": (
            "Lage mitten im Wohngebiet und offene Türen ohne Anmeldung.\n"
            "Themen kommen aus der Gruppe selbst – das hält die Teilnehmenden.\n"
            "Verlässliche Kooperation von öffentlichem und freiem Träger."
        ),
        "pitfalls": (
            "Ein offener Treff braucht dauerhaft Personal; Projektförderung allein trägt nicht.\n"
            "Feste Stammgruppen können neue Familien abschrecken – aktiv neue Eltern ansprechen."
        ),
        "transitions": ["Geburt", "Kita"],
        "fields": ["Jugendhilfe", "Bildung", "Freizeit/Kultur/Sport"],
        "target_groups": ["Alleinerziehende", "Familien in prekären Lebenslagen", "Junge Mütter"],
        "organisations": [
            "Jugendamt Bergkamen",
            "Evangelische Familienbildung im Kreis Unna",
            "Evangelisches Familienzentrum Bergkamen",
        ],
        "start_year": 2002,
        "contact_name": "",
        "contact_role": "Leitung Familientreff",
        "contact_email": "",
        "contact_is_public": False,
        "status": PUBLISHED,
        "confirmed_days_ago": 310,
        "indicators": [
            ("Öffnungstage des Elterncafés pro Woche", "4", REPORTED),
            ("Elternkompetenzkurse im Familientreff pro Jahr", "3", REPORTED),
        ],
    },
    {
        "title": "KEEP – Königsborner Ein-Eltern-Projekt",
        "municipality": "Unna",
        "summary": (
            "Eine Kindertageseinrichtung und ein Familienzentrum in Unna-Königsborn, das sich besonders an "
            "Alleinerziehende richtet: familienähnliche Betreuung für 60 Kinder ab vier Monaten mit voller "
            "Verpflegung, dazu Beratung, Gruppenangebote und gemeinsam mit den Eltern entwickelte "
            "Betreuungslösungen. Entstanden 1990 als Modell, seit 2007 Familienzentrum."
        ),
        "situation": (
            "1990 eröffnete der Verein für bürgernahe soziale Dienste in der alten Harkortschule ein Haus, in "
            "dem Ein-Eltern-Familien individuell begleitet wurden. Nach dem Ende der Modellphase 1993 wurde "
            "daraus eine Kindertagesstätte; die Beratung Alleinerziehender übernimmt seither eine "
            "Sozialpädagogin der Kreisstadt Unna. 2005 zog das KEEP in einen Neubau und wuchs um eine Gruppe."
        ),
        "goals": (
            "Alleinerziehenden und ihren Kindern einen verlässlichen Ort mit familienähnlicher Atmosphäre, "
            "klaren Werten und individueller Förderung bieten. Eltern finden Rat in Erziehungsfragen und "
            "Unterstützung beim Entwickeln einer Lebensperspektive; Betreuungszeiten werden – auch mit der "
            "Tagespflegevermittlung des Jugendamts – nach ihrem Bedarf geplant."
        ),
        "achievements": (
            "Das KEEP betreut 60 Kinder ab einem Alter von vier Monaten und ist seit August 2007 "
            "Familienzentrum. Bildung, Beratung und Betreuung bilden ein Gesamtkonzept, das im Stadtteil "
            "verankert ist und laufend weiterentwickelt wird. Das Team hat sich unter anderem in "
            "Heilpädagogik, Sprachförderung (BISC), Entwicklungsbeobachtung (DESK), naturwissenschaftlicher "
            "Früherziehung und familienunterstützender Elternarbeit (FuN) fortgebildet."
        ),
        "success_factors": (
            "Betreuung ab vier Monaten mit Vollverpflegung entlastet Alleinerziehende spürbar.\n"
            "Beratung und Kita unter einem Dach – die Eltern kennen die Ansprechpersonen aus dem Alltag.\n"
            "Kontinuierliche Fortbildung des Teams sichert die Qualität.\n"
            "Feste Verankerung im Sozialraum Königsborn."
        ),
        "pitfalls": (
            "Flexible, individuelle Betreuungszeiten sind personalintensiv und schwer zu refinanzieren.\n"
            "Die Beratung hängt an einer Stelle der Stadt – bei Stellenkürzungen bricht ein Kernstück weg."
        ),
        "transitions": ["Geburt", "Kita"],
        "fields": ["Jugendhilfe", "Bildung"],
        "target_groups": ["Alleinerziehende", "Familien in prekären Lebenslagen"],
        "organisations": [
            "Verein für bürgernahe soziale Dienste e.V.",
            "Familienzentrum KEEP",
            "Jugendamt Kreisstadt Unna",
        ],
        "districts": ["Königsborn"],
        "start_year": 1990,
        "contact_name": "Familienzentrum KEEP",
        "contact_role": "Leitung",
        "contact_email": "keep-unna@example.org",
        "contact_is_public": True,
        "status": PUBLISHED,
        "confirmed_days_ago": 55,
        "indicators": [
            ("Betreute Kinder", "60", 2005),
            ("Betreuung ab einem Alter von", "4 Monaten", None),
            ("Familienzentrum seit", "August 2007", None),
        ],
    },
    {
        "title": "Stadtteileltern Lünen",
        "municipality": "Lünen",
        "summary": (
            "Ehrenamtliche Stadtteileltern mit und ohne Zuwanderungsgeschichte bauen Brücken zwischen "
            "Familien und Hilfe-, Bildungs- und Gesundheitsangeboten. 20 qualifizierte Stadtteileltern sind "
            "an drei Familienzentren und eine Grundschule angebunden und öffnen Zugänge zu Familien, die "
            "vorher kaum erreicht wurden."
        ),
        "situation": (
            "Manche Milieus erreicht kaum ein Unterstützungsangebot: Es fehlen passende Formate, der "
            "kulturelle Zugang und das Wissen, wo man die Familien antrifft. Gute Erfahrungen mit den "
            "Rucksack-Programmen der RAA gaben den Anstoß, Familien mit Zuwanderungsgeschichte über "
            "Stadtteileltern anzusprechen."
        ),
        "goals": (
            "Menschen aus den Stadtteilen werden für die ehrenamtliche Arbeit als Stadtteileltern "
            "qualifiziert. Sie eröffnen Familien einen niedrigschwelligen Weg zu Bildungs-, Gesundheits- und "
            "Förderangeboten. Familienzentren begleiten die Stadtteileltern strukturell."
        ),
        "achievements": (
            "Lünen hat 20 Stadtteileltern, die gründlich auf ihre Aufgabe vorbereitet wurden und an drei "
            "Familienzentren sowie einer Grundschule mitarbeiten. Sie helfen im Einzelfall – etwa beim Weg "
            "zu Hilfen zur Erziehung –, bringen Ideen für Spielangebote ein und gestalten Angebote wie das "
            "Elterncafé mit. Der Zugang zu bisher verschlossenen Milieus ist deutlich leichter geworden; "
            "Familienzentren und Schule gewinnen eine interkulturelle Sicht auf ihre Arbeit."
        ),
        "success_factors": (
            "Gründliche Qualifizierung vor dem ersten Einsatz.\n"
            "Feste Anbindung an Familienzentren und Schule statt Einzelkämpfertum.\n"
            "Stadtteileltern sprechen die Sprache der Familien – im wörtlichen und im übertragenen Sinn.\n"
            "Aufbau auf bewährten Programmen (Rucksack der RAA)."
        ),
        "pitfalls": (
            "Ehrenamtliche brauchen Anerkennung, Begleitung und klare Grenzen ihrer Rolle – sie ersetzen "
            "keine Fachkräfte.\n"
            "Ohne feste Ansprechperson in der Einrichtung verlieren Stadtteileltern schnell den Anschluss.\n"
            "Fluktuation einplanen: regelmäßig neue Stadtteileltern gewinnen und schulen."
        ),
        "transitions": ["Kita", "Grundschule"],
        "fields": ["Jugendhilfe", "Bildung", "Gesundheit"],
        "target_groups": ["Familien mit Zuwanderungsgeschichte", "Familien in prekären Lebenslagen"],
        "organisations": ["Jugendamt Lünen", "RAA Kreis Unna"],
        "start_year": None,
        "contact_name": "Jugendhilfedienst Lünen",
        "contact_role": "Koordination Stadtteileltern",
        "contact_email": "stadtteileltern-luenen@example.org",
        "contact_is_public": True,
        "status": PUBLISHED,
        "confirmed_days_ago": 12,
        "indicators": [
            ("Aktive Stadtteileltern", "20", REPORTED),
            ("Angebundene Familienzentren", "3", REPORTED),
            ("Angebundene Grundschulen", "1", REPORTED),
        ],
    },
    {
        "title": "Familiennetz Werne",
        "municipality": "Werne",
        "summary": (
            "Eine gemeinsame Anlaufstelle der Stadt Werne und ihrer Kooperationspartner für alle Familien: "
            "tägliche offene Sprechstunden und 13 Beratungs- und Gruppenangebote unter einem Dach – von "
            "Schwangerenberatung über Erziehungsberatung bis zum Elterncafé und Baby-Second-Hand."
        ),
        "situation": (
            "Junge Familien sollten möglichst früh wissen, welche Angebote es in der Stadt gibt und wer "
            "ihnen praktisch hilft. Dafür mussten die Einrichtungen und Träger in Werne enger "
            "zusammenarbeiten. Politik und Verwaltung haben den Aufbau des Familiennetzes 2009 gemeinsam "
            "mit acht Kooperationspartnern auf den Weg gebracht."
        ),
        "goals": (
            "Eine gute Versorgung aller Familien in Werne – Kinder, Jugendliche und Eltern. Eine zentrale "
            "Anlaufstelle, die vorhandene Angebote bündelt, Bedarfe erkennt und neue Angebote anstößt. "
            "Maßgeblich ist der Nutzen für die Familien, nicht die Zuständigkeit der Anbieter."
        ),
        "achievements": (
            "Das Familiennetz hat sich als Anlaufstelle etabliert. Die täglichen offenen Sprechstunden und "
            "die Beratungsangebote der Partner werden gut angenommen. Unter einem Dach finden sich unter "
            "anderem Ehe-, Familien- und Lebensberatung, eine Jugendsprechstunde, Schwangeren- und "
            "Schwangerschaftskonfliktberatung, Erziehungsberatung, Fachberatung und Café für Tageseltern, "
            "Angebote für Alleinerziehende, Baby-Second-Hand, Krebsberatung und Beratung für Eltern "
            "behinderter Kinder. Einmal im Jahr lädt das Familiennetz zu einem großen Familienfest ein."
        ),
        "success_factors": (
            "Rückhalt aus Politik und Verwaltung von Anfang an.\n"
            "Ein Ort, viele Partner: Familien müssen nicht von Stelle zu Stelle laufen.\n"
            "Tägliche offene Sprechstunde ohne Termin.\n"
            "Ein jährliches Familienfest macht das Netz in der ganzen Stadt bekannt."
        ),
        "pitfalls": (
            "Viele Partner unter einem Dach brauchen klare Absprachen zu Räumen, Zeiten und "
            "Zuständigkeiten.\n"
            "Eine Anlaufstelle für alle darf belastete Familien nicht aus dem Blick verlieren – aktiv auf "
            "sie zugehen."
        ),
        "transitions": ["Geburt", "Kita"],
        "fields": ["Jugendhilfe", "Gesundheit", "Bildung"],
        "target_groups": [
            "Schwangere und werdende Eltern",
            "Eltern von Neugeborenen",
            "Alleinerziehende",
            "Familien in prekären Lebenslagen",
        ],
        "organisations": ["Jugendamt Werne"],
        "start_year": 2009,
        "contact_name": "Familiennetz Werne",
        "contact_role": "Abteilung Jugend und Familie der Stadt Werne",
        "contact_email": "familiennetz-werne@example.org",
        "contact_is_public": True,
        "status": PUBLISHED,
        "confirmed_days_ago": 95,
        "indicators": [
            ("Kooperationspartner beim Start", "8", 2009),
            ("Beratungs- und Gruppenangebote unter einem Dach", "13", REPORTED),
            ("Offene Sprechstunden", "täglich", REPORTED),
        ],
    },
    {
        "title": "Familienberatungsführer Selm",
        "municipality": "Selm",
        "summary": (
            "Ein Wegweiser der Stadt Selm, der alle sozialen Angebote, Beratungsdienste und Sprechzeiten "
            "für Familien zusammenstellt. Die Broschüre wird von Familien wie Einrichtungen stark genutzt "
            "und wird zu einer Website ausgebaut, die lokale Angebote mit regionalen und landesweiten "
            "Informationen verknüpft."
        ),
        "situation": (
            "In Selm gibt es viele Angebote für Familien, aber keinen Überblick. Die Stadt gibt deshalb "
            "einen Familienberatungsführer heraus, der bei Bürgerinnen und Bürgern ebenso gefragt ist wie "
            "bei den Fachdiensten."
        ),
        "goals": (
            "Aus der Broschüre entsteht eine Website, die Angebote, Bedarfe und Möglichkeiten für Familien "
            "in Selm bündelt. Sie richtet sich an Familien und zugleich an die Anbieter, die sich dort "
            "abstimmen können."
        ),
        "achievements": (
            "Die Neufassung der Broschüre und der Aufbau der Website bringen Nutzende und Anbieter besser "
            "zusammen. Die Anbieter erhalten ein gemeinsames Forum, um ihre Angebote schnell "
            "weiterzuentwickeln und Doppelstrukturen zu vermeiden."
        ),
        "success_factors": (
            "Ein Produkt, das Familien und Fachkräfte gleichermaßen nutzen.\n"
            "Geringe Kosten – auch für eine überschuldete Kommune machbar.\n"
            "Die Arbeit am Verzeichnis bringt die Anbieter miteinander ins Gespräch."
        ),
        "pitfalls": (
            "Ein Verzeichnis veraltet schnell; ohne feste Zuständigkeit für die Pflege verliert es seinen "
            "Wert.\n"
            "Familien, die wenig lesen oder kaum Deutsch sprechen, erreicht eine Broschüre allein nicht."
        ),
        "transitions": ["Geburt", "Kita", "Grundschule"],
        "fields": ["Jugendhilfe", "Soziale Sicherung/Arbeit", "Gesundheit"],
        "target_groups": ["Familien in prekären Lebenslagen", "Eltern von Neugeborenen"],
        "organisations": ["Jugendamt Selm"],
        "start_year": None,
        "contact_name": "",
        "contact_role": "Jugend, Schule, Familie und Soziales, Stadt Selm",
        "contact_email": "",
        "contact_is_public": False,
        "status": PUBLISHED,
        "confirmed_days_ago": 590,
        "indicators": [],
    },
    {
        "title": "AK Frühe Hilfen Selm",
        "municipality": "Selm",
        "summary": (
            "Ein von der Stadt Selm gesteuertes und finanziertes Netzwerk Früher Hilfen: 30 Fachleute aus "
            "17 Einrichtungen treffen sich viermal im Jahr, besuchen Geburtskliniken und Frauenarztpraxen "
            "und geben den gemeinsamen Flyer „Gemeinsam für Familien“ heraus. Ein Kooperationsvertrag nach "
            "§ 3 Bundeskinderschutzgesetz ist in Arbeit."
        ),
        "situation": (
            "In Selm ist seit 2006 aus ganz unterschiedlichen Einrichtungen ein Netzwerk rund um die Geburt "
            "gewachsen. Die Stadt steuert und finanziert es; der Kreis der Teilnehmenden ist stetig größer "
            "geworden."
        ),
        "goals": (
            "Die Einrichtungen lernen einander, ihre Arbeitsweisen und Instrumente kennen, damit Familien "
            "auf kurzem Weg die passende Hilfe finden. Zu vorher vereinbarten Themen wird gemeinsam "
            "gearbeitet – etwa „Kein Kind ohne Mahlzeit“, Ergebnisse der Einschulungsuntersuchungen oder "
            "die Projekte wellcome und Pusteblume."
        ),
        "achievements": (
            "Der Arbeitskreis umfasst 30 Teilnehmende aus 17 Einrichtungen und trifft sich viermal im Jahr. "
            "Kontaktbesuche in den umliegenden Geburtskliniken und bei niedergelassenen Frauenärztinnen und "
            "-ärzten finden regelmäßig statt. Der gemeinsame Flyer „Gemeinsam für Familien“ liegt in der "
            "fünften Auflage vor und wird flächendeckend verteilt. Mit fachlicher Unterstützung des LWL "
            "entsteht ein Kooperationsvertrag „Netzwerk Frühe Hilfen Selm“."
        ),
        "success_factors": (
            "Die Kommune übernimmt Steuerung und Finanzierung – das Netzwerk hat einen verlässlichen "
            "Kümmerer.\n"
            "Persönliches Kennenlernen schafft kurze Wege im Einzelfall.\n"
            "Aktive Kontakte zu Geburtskliniken und Frauenarztpraxen holen das Gesundheitswesen ins Boot.\n"
            "Ein gemeinsames, laufend aktualisiertes Produkt (Flyer) hält das Netzwerk zusammen."
        ),
        "pitfalls": (
            "Mit wachsender Größe droht das Netzwerk unverbindlich zu werden – ein schriftlicher "
            "Kooperationsvertrag schafft Klarheit.\n"
            "Die Kliniken liegen außerhalb der Stadt; die Kontakte müssen immer wieder neu gepflegt werden."
        ),
        "transitions": ["Geburt"],
        "fields": ["Jugendhilfe", "Gesundheit"],
        "target_groups": ["Schwangere und werdende Eltern", "Eltern von Neugeborenen"],
        "organisations": [
            "Jugendamt Selm",
            "Familienbildungsstätte Selm",
            "Gesundheitsamt Kreis Unna",
            "Kinderschutzbund Unna",
            "Landschaftsverband Westfalen-Lippe (LWL)",
        ],
        "start_year": 2006,
        "contact_name": "Netzwerkkoordination Frühe Hilfen",
        "contact_role": "Stadt Selm",
        "contact_email": "fruehe-hilfen-selm@example.org",
        "contact_is_public": True,
        "status": PUBLISHED,
        "confirmed_days_ago": 160,
        "indicators": [
            ("Teilnehmende", "30", REPORTED),
            ("Beteiligte Einrichtungen", "17", REPORTED),
            ("Treffen pro Jahr", "4", REPORTED),
            ("Auflage des Flyers „Gemeinsam für Familien“", "5.", REPORTED),
        ],
    },
    {
        "title": "Kontaktstelle für jugendliche Schul- und Ausbildungsabbrecher Kamen",
        "municipality": "Kamen",
        "summary": (
            "Eine Kontaktstelle in der Jugendfreizeitstätte Kamen für Jugendliche, die die Schule schwänzen "
            "oder ihre Ausbildung abzubrechen drohen. Vertraute Fachkräfte der Offenen Jugendarbeit "
            "entwickeln mit Schulen und Betrieben individuelle Wege zurück in Schule oder Ausbildung. "
            "Gestartet am 1. Januar 2012."
        ),
        "situation": (
            "Der Allgemeine Soziale Dienst und die Jugendzentren bemerken deutlich mehr Schulschwänzerinnen "
            "und Schulschwänzer. Die Gründe reichen von Leistungsdruck und Konflikten mit Lehrkräften bis zu "
            "familiären Belastungen. Zugleich werden zu viele Ausbildungsverträge vorzeitig gelöst – mit "
            "schlechten Chancen auf einen neuen Platz und Betrieben, die sich aus der Ausbildung "
            "zurückziehen."
        ),
        "goals": (
            "Jugendliche mit Schulproblemen erhalten eine Vertrauensperson – oft aus der Offenen Kinder- und "
            "Jugendarbeit, die sie seit Jahren kennt. Gemeinsam mit der Schule wird für jede und jeden ein "
            "Unterstützungsplan entwickelt, der in absehbarer Zeit zurück in den Unterricht führt. Bei "
            "drohendem Ausbildungsabbruch setzt die Kontaktstelle früh an, weil ein Abbruch meist eine "
            "längere Vorgeschichte hat."
        ),
        "achievements": ("Das Projekt ist am 1. Januar 2012 gestartet; belastbare Ergebnisse liegen noch nicht vor."),
        "success_factors": (
            "Anbindung an einen Ort, den die Jugendlichen schon kennen und mögen.\n"
            "Doppelter Ansatz: persönliche Begleitung und Aufbau eines Kooperationssystems mit Schulen "
            "und Betrieben."
        ),
        "pitfalls": (
            "Ohne verbindliche Zusammenarbeit mit den Schulen bleibt die Kontaktstelle wirkungslos.\n"
            "Ausbildungsbetriebe melden sich oft erst, wenn der Abbruch schon feststeht – früh Kontakt "
            "aufbauen.\n"
            "Wirkung lässt sich erst nach einiger Zeit messen; Kennzahlen von Anfang an erheben."
        ),
        "transitions": ["Sekundarstufe", "Beruf"],
        "fields": ["Jugendhilfe", "Bildung", "Soziale Sicherung/Arbeit"],
        "target_groups": ["Schulmüde Jugendliche", "Jugendliche am Übergang Schule–Beruf"],
        "organisations": ["Jugendamt Kamen", "Jugendfreizeitstätte Kamen (JFZ)"],
        "start_year": 2012,
        "contact_name": "",
        "contact_role": "Jugendfreizeitstätte Kamen",
        "contact_email": "",
        "contact_is_public": False,
        "status": PUBLISHED,
        "confirmed_days_ago": 30,
        "indicators": [],
    },
    {
        "title": "Kontaktstelle Kindergesundheit Kamen",
        "municipality": "Kamen",
        "summary": (
            "Geplant ist eine Erstkontaktstelle für die Gesundheit von Schulkindern und Jugendlichen in "
            "Kamen, vergleichbar einem Familienzentrum für das Kindergartenalter. Sie soll bei Sucht, "
            "Mobbing oder Überlastung informieren und in Jugendamt, Erziehungs-, Drogen-, psychologische "
            "oder medizinische Beratung weitervermitteln."
        ),
        "situation": (
            "Das Jugendamt Kamen trägt die Verantwortung für das kommunale Frühwarnsystem, doch der ASD "
            "erfährt nur von Familien, die jemand meldet. Manche belastete Familien öffnen sich eher im "
            "Jugendzentrum, im Bürgerhaus oder in der Sozialraumkonferenz. Bei Schulkindern und "
            "Jugendlichen kommen Alkohol und Drogen, Mobbing und Überlastung als Gefährdungen hinzu, "
            "denen rein medizinische Hilfe nicht gerecht wird."
        ),
        "goals": (
            "Für Schulkinder und Jugendliche fehlt bislang ein Netzwerk wie das der Familienzentren. Die "
            "Kontaktstelle soll diese Lücke schließen: erste Information, Stärkung von Selbstbewusstsein "
            "und Bildung, und die Vermittlung in die passenden Fachdienste. Einkommen und soziale Einbindung "
            "der Familien sollen bei der Gesundheitsförderung mitgedacht werden."
        ),
        "achievements": "",
        "success_factors": (
            "Anknüpfen an Orte, an denen Jugendliche und Familien schon Vertrauen gefasst haben.\n"
            "Gesundheitsförderung breit verstehen – Bildung und soziale Lage gehören dazu."
        ),
        "pitfalls": (
            "Viele Fachdienste, unklare Zuständigkeiten: Die Vermittlungswege müssen vorher verbindlich "
            "vereinbart sein.\n"
            "Für die Konzeptphase gibt es noch keine Finanzierung."
        ),
        "transitions": ["Grundschule", "Sekundarstufe"],
        "fields": ["Gesundheit", "Jugendhilfe"],
        "target_groups": ["Kinder mit Entwicklungsrisiken", "Familien in prekären Lebenslagen"],
        "organisations": ["Jugendamt Kamen"],
        "start_year": None,
        "contact_name": "",
        "contact_role": "Fachbereich Jugend, Schule und Sport, Stadt Kamen",
        "contact_email": "",
        "contact_is_public": False,
        "status": DRAFT,
        "confirmed_days_ago": None,
        "indicators": [],
    },
    {
        "title": "KinderZUKUNFT NRW",
        "municipality": "Unna",
        "summary": (
            "Am Katharinen-Hospital Unna spricht eine Hebamme als Koordinatorin alle Eltern direkt nach der "
            "Geburt an, bietet ein freiwilliges Beratungsgespräch an und vermittelt bei Bedarf "
            "Familienhebamme, Jugendamt oder andere Dienste. Ein Screening und ein TrustCenter helfen, "
            "Risiken früh zu erkennen. Standort des Landesprojekts seit März 2011."
        ),
        "situation": (
            "Das Multicenterprojekt KinderZUKUNFT NRW startete im September 2010 und wird von zwei "
            "Landesministerien gefördert. Es will Gefährdungen möglichst schon in der Schwangerschaft "
            "erkennen, die Säuglingssterblichkeit senken und die Gesundheit von Kindern aus psychosozial "
            "belasteten Familien nachhaltig verbessern. Unna ist mit dem Katharinen-Hospital (rund 800 "
            "Geburten im Jahr) einer von vier Standorten in NRW."
        ),
        "goals": (
            "Eltern in Unna, Bönen, Fröndenberg/Ruhr und Holzwickede bekommen von Anfang an die "
            "Unterstützung, die sie brauchen – oft genügt schon wenig, damit ein Kind gut ins Leben startet. "
            "Neugeborene mit gesundheitlichen oder psychosozialen Risiken werden erfasst; das TrustCenter "
            "bewertet die anonymisierten Daten, empfiehlt passende Hilfen und verfolgt die Entwicklung der "
            "Kinder im Abstand von drei Monaten."
        ),
        "achievements": (
            "Seit dem 1. März 2011 arbeitet eine Hebamme als Koordinatorin auf der Mutter-Kind-Station. Sie "
            "nimmt nach der Geburt Kontakt zu allen Eltern auf – gleich ob es ums Durchschlafen, ums Essen "
            "oder um soziale Probleme geht – und stellt Kontakte zu medizinischen, pflegerischen, "
            "therapeutischen und sozialen Diensten her, auch über den Klinikaufenthalt hinaus. Jugendhilfe "
            "und Gesundheitswesen sind dabei enger zusammengewachsen. Der Zwischenbericht wurde im Dezember "
            "2011 im Jugendhilfeausschuss der Kreisstadt vorgestellt."
        ),
        "success_factors": (
            "Der Zugang über die Geburtsklinik erreicht praktisch alle Familien.\n"
            "Eine Hebamme als Ansprechperson wirkt vertraut und nicht kontrollierend.\n"
            "Gemeinsame Trägerschaft von Klinik, SPZ und beiden Jugendämtern auf Grundlage einer "
            "Kooperationsvereinbarung zum Kinderschutz.\n"
            "Ein standardisiertes Screening macht den Hilfebedarf vergleichbar."
        ),
        "pitfalls": (
            "Datenschutz: Die Weitergabe an das TrustCenter braucht Anonymisierung und klare Einwilligungen.\n"
            "Die Balance zwischen Unterstützung und Kontrolle muss im Alltag immer wieder gehalten werden.\n"
            "Das Angebot steht und fällt mit der Finanzierung der Koordinatorinnenstelle."
        ),
        "transitions": ["Geburt"],
        "fields": ["Gesundheit", "Jugendhilfe"],
        "target_groups": [
            "Schwangere und werdende Eltern",
            "Eltern von Neugeborenen",
            "Familien in prekären Lebenslagen",
        ],
        "organisations": [
            "Katharinen-Hospital Unna",
            "Lebenszentrum Königsborn",
            "Jugendamt Kreisstadt Unna",
            "Jugendamt Kreis Unna",
            "Gesundheitsamt Kreis Unna",
            "Familienhebammen Kreis Unna",
        ],
        "start_year": 2011,
        "contact_name": "Projektkoordination KinderZUKUNFT NRW",
        "contact_role": "Katharinen-Hospital Unna, Mutter-Kind-Station",
        "contact_email": "kinderzukunft-unna@example.org",
        "contact_is_public": True,
        "status": PUBLISHED,
        "confirmed_days_ago": 200,
        "indicators": [
            ("Geburten pro Jahr am Katharinen-Hospital", "ca. 800", REPORTED),
            ("Standorte des Projekts in NRW", "4", REPORTED),
            ("Nachverfolgung durch das TrustCenter", "alle 3 Monate", None),
        ],
    },
    {
        "title": "Chancen für Familien",
        "municipality": "Lünen",
        "summary": (
            "Jugendhilfe und Jobcenter arbeiten mit denselben Familien – hier tun sie es gemeinsam: Mit "
            "schriftlichem Einverständnis der Familien werden Informationen geteilt, Hilfen im "
            "Casemanagement abgestimmt und aus einem Sozialraumbudget ergänzt. 18 Familien nehmen teil; die "
            "Wirkung wird nach einem Jahr geprüft, auch mit einer SROI-Analyse."
        ),
        "situation": (
            "Im Kreis Unna betreuen Jugendhilfe und Jobcenter oft dieselben Familien, jeweils aus dem Blick "
            "ihres eigenen Auftrags. Institutionen werden gegeneinander ausgespielt, gut gemeinte Hilfe kann "
            "zur „fürsorglichen Belagerung“ werden, und ohne Einverständnis der Familie dürfen die Stellen "
            "nichts austauschen. Manche Maßnahme läuft den Zielen der anderen Seite zuwider."
        ),
        "goals": (
            "Institutionelle Grenzen überwinden: Familie, Jugendhilfe und Jobcenter arbeiten strukturiert "
            "zusammen. Informationen fließen transparent und nur mit ausdrücklicher, schriftlicher "
            "Zustimmung der Familie. Die Wirksamkeit der Hilfen wird überprüft (Social Return on "
            "Investment)."
        ),
        "achievements": (
            "18 Familien arbeiten gemeinsam mit Jugendhilfe und Jobcenter. Im Vordergrund stehen Entwicklung "
            "und Unterstützung, nicht die Frage des Kostenträgers. Casemanagement ist die fachliche "
            "Grundlage; der Sozialraum liefert die Ressourcen. Ein fallunabhängiges Sozialraumbudget "
            "finanziert, was weder SGB II noch SGB VIII abdecken. Die Leistungen beider Seiten werden "
            "zusammengeführt und nach einem Jahr auf ihre Wirkung überprüft."
        ),
        "success_factors": (
            "Schriftliche Einwilligung der Familien schafft Vertrauen und eine saubere Rechtsgrundlage.\n"
            "Gemeinsames Casemanagement statt paralleler Hilfepläne.\n"
            "Ein flexibles Sozialraumbudget für Leistungen zwischen den Rechtskreisen.\n"
            "Wirkungsmessung von Anfang an eingeplant."
        ),
        "pitfalls": (
            "Unterschiedliche Gesetzeslogiken von SGB II und SGB VIII prallen im Alltag aufeinander – "
            "Leitungen beider Häuser müssen hinter dem Projekt stehen.\n"
            "Mit 18 Familien ist die Fallzahl klein; die Übertragung in die Fläche braucht zusätzliche "
            "Kapazität.\n"
            "Eine SROI-Analyse ist aufwendig und braucht fachliche Begleitung."
        ),
        "transitions": ["Kita", "Grundschule"],
        "fields": ["Jugendhilfe", "Soziale Sicherung/Arbeit"],
        "target_groups": ["Familien in prekären Lebenslagen", "Alleinerziehende"],
        "organisations": ["Jobcenter Kreis Unna", "Jugendamt Lünen"],
        "start_year": None,
        "contact_name": "Jugendhilfedienst Lünen",
        "contact_role": "Projektkoordination KOMM-IN „Chancen für Familien“",
        "contact_email": "chancen-fuer-familien@example.org",
        "contact_is_public": True,
        "status": PUBLISHED,
        "confirmed_days_ago": 260,
        "indicators": [
            ("Teilnehmende Familien", "18", REPORTED),
            ("Wirkungsprüfung der Hilfen nach", "1 Jahr", None),
        ],
    },
    {
        "title": "Förderverein Jugendhilfe Kamen",
        "municipality": "Kamen",
        "summary": (
            "Ein Förderverein, den ausschließlich der Fachbereich Jugend der Stadt Kamen beauftragt: Mit "
            "einem Pool qualifizierter Fachkräfte bietet er niederschwellige Hilfen unterhalb des "
            "Hilfeplanverfahrens an – schnell, flexibel und in Absprache mit den Sozialen Diensten."
        ),
        "situation": (
            "Viele Familien brauchen kurzfristig Unterstützung, für die ein förmliches Hilfeplanverfahren zu "
            "schwerfällig wäre. Der Kamener Förderverein für Jugendhilfe ist in verschiedenen Bereichen der "
            "Kinder-, Jugend- und Familienhilfe tätig und wird allein vom Fachbereich Jugend eingesetzt."
        ),
        "goals": (
            "Hilfe ohne Wartezeit: Der Verein soll mit qualifizierten Mitarbeitenden unverzüglich und "
            "flexibel dort einspringen, wo die Sozialen Dienste Bedarf sehen."
        ),
        "achievements": (
            "Der Verein bietet eine Reihe präventiver Jugendhilfeprojekte an, die die öffentliche "
            "Jugendhilfe selbst nicht leisten kann. Besonders wertvoll ist, dass Familien über den "
            "Familienservice der Stadt Kamen zeitlich befristete Hilfen erhalten können, wenn eine "
            "Unterstützung fortlaufend gebraucht wird."
        ),
        "success_factors": (
            "Kurze Wege: ein einziger Auftraggeber und feste Absprachen mit dem ASD.\n"
            "Ein Pool qualifizierter Kräfte, der kurzfristig eingesetzt werden kann."
        ),
        "pitfalls": (
            "Niederschwellige Hilfen ohne Hilfeplan brauchen trotzdem klare Qualitätsstandards und eine "
            "Dokumentation.\n"
            "Die Abhängigkeit von einem Auftraggeber macht den Verein bei Haushaltskürzungen verwundbar."
        ),
        "transitions": ["Kita", "Grundschule", "Sekundarstufe"],
        "fields": ["Jugendhilfe"],
        "target_groups": ["Familien in prekären Lebenslagen"],
        "organisations": ["Förderverein für Jugendhilfe Kamen", "Jugendamt Kamen"],
        "start_year": None,
        "contact_name": "",
        "contact_role": "Fachbereich Jugend, Schule und Sport, Stadt Kamen",
        "contact_email": "",
        "contact_is_public": False,
        "status": PUBLISHED,
        "confirmed_days_ago": 640,
        "indicators": [],
    },
    {
        "title": "Netzwerk Königsborn",
        "municipality": "Unna",
        "summary": (
            "Ein Stadtteilgremium der sozialen Dienste und Einrichtungen in Unna-Königsborn, das seit 1996 "
            "unter dem Motto „Leben lernen in Königsborn“ die Lage von Kindern und Jugendlichen im Stadtteil "
            "in den Mittelpunkt stellt – unabhängig von Trägern, Konfessionen und Weltanschauungen."
        ),
        "situation": (
            "Einzelne Einrichtungen und Träger können mit knappen Mitteln vieles im Stadtteil nicht allein "
            "stemmen. In Königsborn haben sich Schulen, Kitas, Kirchengemeinden, Jugendeinrichtungen, "
            "Polizei und städtische Dienste deshalb schon vor 16 Jahren zu einem Netzwerk zusammengetan."
        ),
        "goals": (
            "Ein tragendes Netz statt „hilflos hängender Fäden“: Die Mitglieder bringen eigene Ressourcen, "
            "Personal und Zeit verbindlich ein. Nur gemeinsam lassen sich Anliegen wie eine "
            "Streetwork-Stelle, die Beteiligung an städtischen Planungen oder größere Veranstaltungen für den "
            "Stadtteil durchsetzen, und der breite Austausch schützt davor, von neuen Entwicklungen "
            "überrollt zu werden."
        ),
        "achievements": (
            "Das Netzwerk hat die Entwicklung des Stadtteils aktiv mitgestaltet und unterstützt Maßnahmen, "
            "die sich am tatsächlichen Bedarf der Menschen in Königsborn orientieren. Trotz vieler "
            "personeller Wechsel ist es über die Jahre stabil geblieben und will weitere Einrichtungen und "
            "Mitglieder gezielt einbeziehen."
        ),
        "success_factors": (
            "Ein klarer Bezug auf einen Stadtteil und ein gemeinsames Motto.\n"
            "Verbindlichkeit: Mitglieder bringen Zeit und Ressourcen ein, nicht nur ihre Teilnahme.\n"
            "Spezielle Dienste (Jobcenter, Gesundheitshilfe, Polizei) werden gezielt eingeladen."
        ),
        "pitfalls": (
            "Personelle Wechsel kosten Wissen und Beziehungen – Übergaben bewusst gestalten.\n"
            "Ein offenes Gremium kann ohne Ziele zur reinen Informationsrunde werden."
        ),
        "transitions": ["Kita", "Grundschule", "Sekundarstufe"],
        "fields": ["Jugendhilfe", "Bildung", "Freizeit/Kultur/Sport"],
        "target_groups": ["Familien in prekären Lebenslagen"],
        "organisations": [
            "Jugendamt Kreisstadt Unna",
            "Familienzentrum KEEP",
            "Caritasverband für den Kreis Unna",
            "Werkstatt im Kreis Unna e.V.",
            "Kreispolizeibehörde Unna",
            "Jobcenter Kreis Unna",
            "Gesundheitsamt Kreis Unna",
        ],
        "districts": ["Königsborn"],
        "start_year": 1996,
        "contact_name": "",
        "contact_role": "Bereich Jugend und Familie, Kreisstadt Unna",
        "contact_email": "",
        "contact_is_public": False,
        "status": PUBLISHED,
        "confirmed_days_ago": 420,
        "indicators": [("Bestehen des Netzwerks", "16 Jahre", REPORTED)],
    },
    {
        "title": "Besser GesUND",
        "municipality": "Kreis Unna",
        "summary": (
            "Das Gesundheitskonzept des Kreises Unna seit 2007: ein Aktionsplan für Prävention und "
            "Gesundheitsförderung, vor allem für Kinder aus belasteten Familien. Dazu gehören das Projekt "
            "„Netzwerke Kindergerechtigkeit“ mit Fortbildungen für Kita und Grundschule und die "
            "kreisweite Kampagne „Besser Essen Macht Schule“ zur Schulverpflegung."
        ),
        "situation": (
            "Der Bericht zur gesundheitlichen Lage der Einschulungskinder 2006 zeigte: Kinder mit "
            "Migrationshintergrund, Kinder bildungsarmer Eltern und Kinder von Erwerbslosen sind "
            "gesundheitlich und sozial stärker gefährdet. Der Kreis antwortete Ende 2007 mit dem Konzept "
            "„Besser GesUND“."
        ),
        "goals": (
            "Der Fachbereich Gesundheit versteht sich als Koordinator von Netzwerken für mehr "
            "Kindergesundheit. Gesundheitsförderung wird zur Grundlage vorbeugenden Handelns, sozialer "
            "Ausgleich zum Ziel. Familien sollen ihre eigenen Stärken erkennen und nutzen; Kitas und "
            "Grundschulen sollen ein Klima schaffen, das Eltern und Kinder stärkt."
        ),
        "achievements": (
            "Von 2008 bis 2011 lief mit dem Gesunde Städte-Netzwerk und der Techniker Krankenkasse das "
            "Projekt „Netzwerke Kindergerechtigkeit“ mit kommunalen Konferenzen und umfangreichen "
            "Fortbildungen im Vorschul- und Primarbereich. Daraus entstanden in Selm das Projekt „Selm "
            "bildet“ und in Schwerte eine repräsentative Befragung zum Medienverhalten von Kindern. Die "
            "Kampagne „Besser Essen Macht Schule“ erstellt einen Gesundheitsbericht zur Schulverpflegung, "
            "begleitet von einem Qualitätsnetzwerk."
        ),
        "success_factors": (
            "Eine datengestützte Ausgangslage (Einschulungsuntersuchungen) begründet das Handeln.\n"
            "Das Gesundheitsamt übernimmt aktiv die Rolle des Netzwerkkoordinators.\n"
            "Externe Partner (Gesunde Städte-Netzwerk, Krankenkasse) bringen Mittel und Know-how ein."
        ),
        "pitfalls": (
            "Ein kreisweites Konzept muss in den Kommunen konkrete Projekte auslösen, sonst bleibt es Papier.\n"
            "Gesundheitsdaten kleinräumig auszuwerten stößt an Grenzen des Datenschutzes."
        ),
        "transitions": ["Kita", "Grundschule"],
        "fields": ["Gesundheit", "Bildung"],
        "target_groups": [
            "Kinder mit Entwicklungsrisiken",
            "Familien mit Zuwanderungsgeschichte",
            "Familien in prekären Lebenslagen",
            "Fachkräfte in Kita und Schule",
        ],
        "organisations": [
            "Gesundheitsamt Kreis Unna",
            "Gesunde Städte-Netzwerk",
            "Techniker Krankenkasse",
            "Vernetzungsstelle Schulverpflegung NRW",
        ],
        "start_year": 2007,
        "contact_name": "Gesundheitsamt Kreis Unna",
        "contact_role": "Sachgebiet Koordination und Planung",
        "contact_email": "gesundheit-kreis-unna@example.org",
        "contact_is_public": True,
        "status": IN_REVIEW,
        "confirmed_days_ago": 340,
        "indicators": [("Laufzeit „Netzwerke Kindergerechtigkeit“", "2008–2011", None)],
    },
    {
        "title": "Arbeitskreis Familie und Recht/Kamener Praxis",
        "municipality": "Kamen",
        "summary": (
            "Anwältinnen und Anwälte, Familienrichterinnen und -richter, Gutachter, Jugendämter und "
            "Beratungsstellen stimmen ihr Vorgehen in Sorge- und Umgangsverfahren ab, damit getrennte Eltern "
            "eine gemeinsam getragene Lösung im Sinne ihrer Kinder finden. Die „Kamener Praxis“ besteht seit "
            "2006; für den Amtsgerichtsbezirk Unna kam der Arbeitskreis Familie und Recht hinzu."
        ),
        "situation": (
            "2006 gründeten Anwälte, Richter des Amtsgerichts Kamen, Gutachter, die Jugendämter Kamen und "
            "Bergkamen sowie Erziehungs- und Familienberatungsstellen die „Kamener Praxis“. Mit der Reform "
            "des Familienverfahrensrechts (FamFG) riefen ASD und Erziehungsberatung von Kreisstadt und Kreis "
            "Unna mit einer Familienrichterin den Arbeitskreis Familie und Recht für den Bezirk Unna ins "
            "Leben. Die Berufsgruppen haben sehr verschiedene Rollen und Aufträge."
        ),
        "goals": (
            "Eltern einigen sich möglichst einvernehmlich über Sorgerecht und Umgang, und die Bedürfnisse "
            "der Kinder werden berücksichtigt. Dafür entwickeln alle Beteiligten – Jugendamt, "
            "Beratungsstellen, Anwaltschaft, Gutachter sowie Verfahrens- und Umgangspfleger – abgestimmte "
            "Verfahrensweisen, die die Elternverantwortung auch in schwierigen Trennungen stärken."
        ),
        "achievements": (
            "Die Beteiligten haben vereinbart, ein abgestimmtes Verfahren zu entwickeln; erste Absprachen "
            "liegen vor. Aufgaben und Rollen der Berufsgruppen sind untereinander bekannt, die Fachleute "
            "kennen sich persönlich. Die Arbeitskreise tagen regelmäßig mit bis zu 30 Teilnehmenden."
        ),
        "success_factors": (
            "Das Familiengericht sitzt mit am Tisch – ohne die Richterschaft gäbe es keine Verbindlichkeit.\n"
            "Persönliches Kennen der anderen Berufsgruppen baut Vorbehalte ab.\n"
            "Ein konkreter Anlass (FamFG-Reform) gab den Anstoß."
        ),
        "pitfalls": (
            "Die Arbeit hängt stark am Engagement Einzelner aus den verschiedenen Berufsgruppen.\n"
            "Unterschiedliche Rollen (Parteivertretung, Entscheidung, Beratung) machen gemeinsame "
            "Standards mühsam – Geduld einplanen."
        ),
        "transitions": ["Kita", "Grundschule"],
        "fields": ["Jugendhilfe"],
        "target_groups": ["Eltern in Trennung und Scheidung"],
        "organisations": [
            "Amtsgericht Kamen",
            "Jugendamt Kamen",
            "Jugendamt Bergkamen",
            "Amtsgericht Unna",
            "Jugendamt Kreisstadt Unna",
            "Jugendamt Kreis Unna",
            "Psychologische Beratungsstelle Kreis Unna",
        ],
        "start_year": 2006,
        "contact_name": "",
        "contact_role": "Fachbereich Jugend, Schule und Sport, Stadt Kamen",
        "contact_email": "",
        "contact_is_public": False,
        "status": PUBLISHED,
        "confirmed_days_ago": 480,
        "indicators": [("Teilnehmende je Sitzung", "bis zu 30", REPORTED)],
    },
    {
        "title": "Familienzentren im Kreis Unna",
        "municipality": "Kreis Unna",
        "summary": (
            "Kitas in Bönen, Fröndenberg/Ruhr und Holzwickede haben sich zu Familienzentren weiterentwickelt, "
            "die über Betreuung hinaus Familienbildung, Beratung, Kindertagespflege und Randzeitenbetreuung "
            "bündeln. Ein regionaler Arbeitskreis mit der Jugendhilfeplanung stimmt ihre Schwerpunkte ab; seit "
            "2008 regeln Kooperationsvereinbarungen die Zusammenarbeit mit dem Kreisjugendamt."
        ),
        "situation": (
            "2007 lud der Fachbereich Familie und Jugend des Kreises die Familienzentren in seinem "
            "Zuständigkeitsbereich zu einem ersten Koordinierungsgespräch ein. Die Einrichtungen beschlossen, "
            "in einem örtlichen Arbeitskreis gemeinsam an ihrer Weiterentwicklung zu arbeiten."
        ),
        "goals": (
            "Familienzentren sind im Stadtteil Mittelpunkt eines Netzwerks, das Familien umfassend berät und "
            "unterstützt. Sie verbinden Bildung, Erziehung und Betreuung mit Familienbildung, Beratung, "
            "Kindertagespflege und besserer Vereinbarkeit von Familie und Beruf."
        ),
        "achievements": (
            "Alle Familienzentren bieten abgestimmte, niedrigschwellige Angebote im Sozialraum an und sind "
            "ein fester Baustein der sozialen Infrastruktur. In den zwei bis drei Treffen pro Jahr erhalten "
            "sie Impulse etwa zu Sozialraumanalyse, Kinderschutz und Kindertagespflege; das Familienbüro ist "
            "laufend eingebunden. Aus dem Bedarf entstehen konkrete Angebote wie „Kindertagespflege trifft "
            "Kindertagespflege“."
        ),
        "success_factors": (
            "Fachliche Begleitung durch die Jugendhilfeplanung.\n"
            "Schriftliche Kooperationsvereinbarungen mit dem Jugendamt.\n"
            "Schwerpunkte werden vor Ort abgestimmt statt zentral vorgegeben."
        ),
        "pitfalls": (
            "Die Zertifizierung als Familienzentrum allein sagt noch nichts über die Erreichbarkeit "
            "belasteter Familien.\n"
            "Zusatzaufgaben konkurrieren mit dem Kita-Alltag um knappe Personalzeit."
        ),
        "transitions": ["Geburt", "Kita"],
        "fields": ["Jugendhilfe", "Bildung"],
        "target_groups": ["Familien in prekären Lebenslagen", "Eltern von Neugeborenen"],
        "organisations": ["Jugendamt Kreis Unna"],
        "start_year": 2007,
        "contact_name": "Jugendhilfeplanung Kreis Unna",
        "contact_role": "Fachbereich Familie und Jugend",
        "contact_email": "jugendamt-kreis-unna@example.org",
        "contact_is_public": True,
        "status": PUBLISHED,
        "confirmed_days_ago": 150,
        "indicators": [
            ("Treffen des Arbeitskreises pro Jahr", "2–3", REPORTED),
            ("Kooperationsvereinbarungen seit", "März 2008", None),
        ],
    },
    {
        "title": "Übergabeprotokoll Kita–Grundschule",
        "municipality": "Kreis Unna",
        "summary": (
            "Im Regionalen Bildungsnetzwerk Kreis Unna haben Kitas und Grundschulen ein gemeinsames "
            "Übergabeprotokoll entwickelt, damit Beobachtungen und Fördererfahrungen aus der Kita beim "
            "Schulstart nicht verloren gehen. Es ist Teil der Arbeit an den Übergängen, die das Bildungsbüro "
            "seit 2008 koordiniert."
        ),
        "situation": (
            "2008 schlossen der Landrat, die Bürgermeister der kreisangehörigen Kommunen und das "
            "Schulministerium einen unbefristeten Kooperationsvertrag über ein Regionales "
            "Bildungsnetzwerk. Beim Wechsel von der Kita in die Grundschule ging bis dahin viel Wissen über "
            "die Kinder verloren."
        ),
        "goals": (
            "Jedes Kind soll unabhängig von seiner Herkunft bestmöglich gefördert werden. Übergänge werden so "
            "gestaltet, dass die Grundschule an die Förderung in der Kita anknüpfen kann."
        ),
        "achievements": (
            "Ein trägerübergreifendes Netzwerk von Kitas und ein Kita-Grundschul-Netzwerk sind entstanden. "
            "Das Übergabeprotokoll von der Kita zur Grundschule liegt vor; ergänzend gibt es Bildungsprotokolle "
            "in den Kindertageseinrichtungen und die Initiative „Haus der kleinen Forscher“."
        ),
        "success_factors": (
            "Politische Rückendeckung durch einen Kooperationsvertrag von Kreis, Kommunen und Land.\n"
            "Kita- und Grundschulfachkräfte entwickeln das Instrument gemeinsam.\n"
            "Ein neutrales Bildungsbüro moderiert zwischen den Systemen."
        ),
        "pitfalls": (
            "Die Weitergabe von Beobachtungen braucht das Einverständnis der Eltern.\n"
            "Ein Protokoll wirkt nur, wenn die Grundschule es auch liest und nutzt – Rückmeldeschleifen "
            "einbauen."
        ),
        "transitions": ["Grundschule"],
        "fields": ["Bildung"],
        "target_groups": ["Kinder mit Entwicklungsrisiken", "Fachkräfte in Kita und Schule"],
        "organisations": ["Regionales Bildungsbüro Kreis Unna", "Schulamt für den Kreis Unna"],
        "start_year": 2008,
        "contact_name": "Regionales Bildungsbüro Kreis Unna",
        "contact_role": "Fachbereich Schulen und Bildung",
        "contact_email": "bildungsbuero-kreis-unna@example.org",
        "contact_is_public": True,
        "status": PUBLISHED,
        "confirmed_days_ago": 230,
        "indicators": [("Kooperationsvertrag Regionales Bildungsnetzwerk seit", "Juni 2008", None)],
    },
    {
        "title": "Schüler-Online",
        "municipality": "Kreis Unna",
        "summary": (
            "Ein kreisweites, webbasiertes Anmeldeverfahren für die weiterführenden Schulen, eingeführt "
            "vom Regionalen Bildungsbüro. Es vereinfacht Familien die Anmeldung nach der Grundschule und gibt "
            "Schulen und Schulaufsicht einen kreisweiten Überblick über die Anmeldungen."
        ),
        "situation": (
            "Beim Wechsel auf eine weiterführende Schule meldeten Familien ihre Kinder Schule für Schule an; "
            "einen kreisweiten Überblick über die Anmeldungen gab es nicht."
        ),
        "goals": (
            "Ein einheitliches Verfahren für den ganzen Kreis, das Anmeldungen transparent macht und den "
            "Übergang von der Primar- in die Sekundarstufe verlässlicher gestaltet."
        ),
        "achievements": (
            "Schüler-Online wurde kreisweit an den weiterführenden Schulen eingeführt. Es ist ein Baustein "
            "der Übergangsarbeit des Regionalen Bildungsnetzwerks neben den Arbeitskreisen zu den Übergängen."
        ),
        "success_factors": (
            "Ein Verfahren für alle Schulformen und Kommunen im Kreis.\n"
            "Das Bildungsbüro als neutrale Stelle betreibt und erklärt das System."
        ),
        "pitfalls": (
            "Familien ohne Internetzugang oder mit wenig Deutschkenntnissen brauchen Hilfe bei der "
            "Anmeldung – Grundschulen und Familienzentren einbinden.\n"
            "Datenschutz und Zugriffsrechte der Schulen müssen sauber geregelt sein."
        ),
        "transitions": ["Sekundarstufe"],
        "fields": ["Bildung"],
        "target_groups": ["Kinder am Übergang in die weiterführende Schule"],
        "organisations": ["Regionales Bildungsbüro Kreis Unna", "Schulamt für den Kreis Unna"],
        "start_year": None,
        "contact_name": "Regionales Bildungsbüro Kreis Unna",
        "contact_role": "Fachbereich Schulen und Bildung",
        "contact_email": "bildungsbuero-kreis-unna@example.org",
        "contact_is_public": True,
        "status": PUBLISHED,
        "confirmed_days_ago": 45,
        "indicators": [],
    },
    {
        "title": "Netzwerke für Eltern in prekären Lebenslagen",
        "municipality": "Kreis Unna",
        "summary": (
            "Das Jobcenter Kreis Unna knüpft mit Jugendhilfe und weiteren Partnern Dienstleistungsketten "
            "für Familien im SGB-II-Bezug: Ansprache von Eltern ab dem ersten Lebensjahr des Kindes, "
            "Kinderbetreuung als Eingliederungsleistung, Angebote für Alleinerziehende und eine "
            "Schülerbeauftragte für den Übergang Schule–Beruf."
        ),
        "situation": (
            "Das Jobcenter betreut rund 40.000 Menschen, darunter über 13.000 Kinder und Jugendliche unter "
            "20 Jahren. Oft müssen erst Kinderbetreuung, Schulden oder Sucht geklärt werden, bevor Arbeit "
            "möglich ist. Damit sich Armut nicht von einer Generation auf die nächste überträgt, muss die "
            "ganze Familie in den Blick."
        ),
        "goals": (
            "SGB II, SGB III und SGB VIII stimmen sich ab, um Familien in prekären Lebenslagen und Familien "
            "mit Migrationshintergrund ohne Doppelbetreuung und Lücken zu unterstützen. Eltern werden früh "
            "angesprochen und in Arbeit begleitet; die frühe Kontaktaufnahme dient Jugendhilfe und "
            "Jobcenter zugleich als Warnsystem."
        ),
        "achievements": (
            "Für Alleinerziehende gibt es Dienstleistungsketten im Kreis und in den Quartieren. Eine "
            "Vereinbarung mit Kreis und Städten regelt die Betreuung von Kindern von 0 bis 14 Jahren als "
            "kommunale Eingliederungsleistung nach § 16a SGB II. Das Bildungs- und Teilhabepaket wird "
            "umgesetzt, Erziehende werden ab dem ersten Lebensjahr des Kindes gezielt beraten, und eine "
            "Schülerbeauftragte sowie Ausbildungsstellenvermittlung verbessern den Übergang Schule–Beruf. "
            "Mit dem Bündnis für Familie sind trägerübergreifende Netzwerke entstanden."
        ),
        "success_factors": (
            "Schriftliche Vereinbarungen zwischen Jobcenter, Kreis und Städten.\n"
            "Die Bedarfsgemeinschaft als Ganzes in den Blick nehmen, nicht nur die arbeitsuchende Person.\n"
            "Fortbildung der Vermittlungsfachkräfte zu rechtlichen, pädagogischen und psychologischen Fragen."
        ),
        "pitfalls": (
            "Unterschiedliche Gesetzeslogiken führen zu Schnittstellenproblemen – sie müssen ausdrücklich "
            "bearbeitet werden.\n"
            "Der Datenschutz begrenzt den Austausch zwischen Jobcenter und Jugendhilfe ohne Einwilligung."
        ),
        "transitions": ["Kita", "Beruf"],
        "fields": ["Soziale Sicherung/Arbeit", "Jugendhilfe"],
        "target_groups": [
            "Alleinerziehende",
            "Familien in prekären Lebenslagen",
            "Jugendliche am Übergang Schule–Beruf",
        ],
        "organisations": ["Jobcenter Kreis Unna", "Jugendamt Kreis Unna"],
        "start_year": None,
        "contact_name": "Jobcenter Kreis Unna",
        "contact_role": "Netzwerkkoordination",
        "contact_email": "jobcenter-kreis-unna@example.org",
        "contact_is_public": True,
        "status": PUBLISHED,
        "confirmed_days_ago": 100,
        "indicators": [
            ("Vom Jobcenter betreute Menschen", "40.037", REPORTED),
            ("darunter Kinder unter 3 Jahren", "2.133", REPORTED),
            ("Kinder von 3 bis unter 7 Jahren", "2.922", REPORTED),
            ("Kinder von 7 bis 15 Jahren", "5.788", REPORTED),
            ("Jugendliche von 15 bis 20 Jahren", "3.132", REPORTED),
        ],
    },
]
