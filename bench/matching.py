"""Precision of the matching on a judged set of Gesuche, against the demo content.

    .venv/bin/python bench/matching.py

Loads the demo into its own database ``transferboerse_bench_matching`` on the embedded server (the
dev data stays untouched), then ranks the published projects for each judged Gesuch below with the
portal's own scoring (``transfers.matching.rank``) and prints a table and precision@3.

The Gesuche are written the way Kommunen write them in the Transferbörse: a short title, a need in
their own words and the transitions, fields and target groups a coordinator ticks. ``relevant`` names
the projects a coordinator of the Kreis would suggest. Precision@3 of one Gesuch is the share of its
first three suggestions that are relevant, out of at most three (min(3, number relevant)), so a Gesuch
with one right answer scores 1.0 when that answer is among the first three. The plain precision@3
(always out of three) is printed as well.
"""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
os.environ["BENCH_N"] = "matching"

TARGET = 0.8
KONTAKTSTELLE = "Kontaktstelle für jugendliche Schul- und Ausbildungsabbrecher Kamen"

JUDGED = [
    {
        "municipality": "Werne",
        "title": "Begleitung für Jugendliche mit Abbruchrisiko",
        "need": "In Werne geraten Jugendliche, die Schule oder Ausbildung abzubrechen drohen, zu oft aus dem "
        "Blick. Wir suchen ein Modell, das Jugendhilfe, Schulen und Betriebe verbindet und die einzelnen "
        "Jugendlichen begleitet.",
        "transitions": ["Sekundarstufe", "Beruf"],
        "fields": ["Jugendhilfe", "Bildung", "Soziale Sicherung/Arbeit"],
        "target_groups": ["Jugendliche am Übergang Schule–Beruf", "Schulmüde Jugendliche"],
        "relevant": [KONTAKTSTELLE],
    },
    {
        "municipality": "Unna",
        "title": "Azubis nicht verlieren",
        "need": "Bei uns werden viele Ausbildungsverträge im ersten Jahr gelöst. Wir suchen ein Angebot, das "
        "Auszubildende und Betriebe früh begleitet, bevor es zum Abbruch kommt.",
        "transitions": ["Beruf"],
        "fields": ["Bildung", "Soziale Sicherung/Arbeit"],
        "target_groups": ["Jugendliche am Übergang Schule–Beruf"],
        "relevant": [KONTAKTSTELLE],
    },
    {
        "municipality": "Selm",
        "title": "Brücken in die Kita für Familien mit Zuwanderungsgeschichte",
        "need": "Selm hat bisher kein Angebot, das Familien beim Übergang in die Kita begleitet. Gerade Familien "
        "mit Zuwanderungsgeschichte melden ihre Kinder spät oder gar nicht an. Gesucht wird ein erprobter, "
        "niedrigschwelliger Ansatz – etwa mit ehrenamtlichen Brückenbauerinnen und Brückenbauern.",
        "transitions": ["Kita"],
        "fields": ["Jugendhilfe", "Bildung"],
        "target_groups": ["Familien mit Zuwanderungsgeschichte", "Familien in prekären Lebenslagen"],
        "relevant": ["Stadtteileltern Lünen", "Familienzentren im Kreis Unna"],
    },
    {
        "municipality": "Schwerte",
        "title": "Eltern mit Zuwanderungsgeschichte in der Grundschule erreichen",
        "need": "Viele Eltern aus zugewanderten Familien kommen nicht zu Elternabenden und kennen die "
        "Beratungsangebote nicht. Wir suchen Menschen aus den Communities, die als Brücke zwischen "
        "Familien, Schule und Hilfen arbeiten.",
        "transitions": ["Grundschule"],
        "fields": ["Bildung", "Jugendhilfe"],
        "target_groups": ["Familien mit Zuwanderungsgeschichte"],
        "relevant": ["Stadtteileltern Lünen"],
    },
    {
        "municipality": "Lünen",
        "title": "Willkommensbesuche für Familien mit Neugeborenen",
        "need": "Lünen möchte alle Familien nach der Geburt eines Kindes persönlich erreichen und sucht ein "
        "erprobtes Besuchskonzept mit klarer Absprache zum ASD.",
        "transitions": ["Geburt"],
        "fields": ["Jugendhilfe"],
        "target_groups": ["Eltern von Neugeborenen"],
        "relevant": ["Baby-Besuchsdienst Bergkamen", "KinderZUKUNFT NRW", "Familienbüro Bergkamen"],
    },
    {
        "municipality": "Kamen",
        "title": "Netzwerk Frühe Hilfen aufbauen",
        "need": "Geburtskliniken, Hebammen, Frauenarztpraxen und Beratungsstellen arbeiten in Kamen noch "
        "nebeneinander. Wir wollen sie in einem Netzwerk Früher Hilfen zusammenbringen, das sich "
        "regelmäßig trifft und Schwangere und junge Eltern gemeinsam erreicht.",
        "transitions": ["Geburt"],
        "fields": ["Jugendhilfe", "Gesundheit"],
        "target_groups": ["Schwangere und werdende Eltern", "Eltern von Neugeborenen"],
        "relevant": ["AK Frühe Hilfen Selm", "KinderZUKUNFT NRW"],
    },
    {
        "municipality": "Kreis Unna",
        "title": "Lotsin in der Geburtsklinik",
        "need": "Wir möchten Eltern schon in der Geburtsklinik ansprechen, belastete Familien früh erkennen und "
        "an Familienhebammen oder das Jugendamt vermitteln.",
        "transitions": ["Geburt"],
        "fields": ["Gesundheit", "Jugendhilfe"],
        "target_groups": ["Eltern von Neugeborenen", "Familien in prekären Lebenslagen"],
        "relevant": ["KinderZUKUNFT NRW", "Baby-Besuchsdienst Bergkamen"],
    },
    {
        "municipality": "Holzwickede",
        "title": "Elternkurs im ersten Lebensjahr",
        "need": "Junge Mütter fühlen sich im ersten Jahr mit dem Baby oft unsicher. Wir suchen einen "
        "kostenlosen Kurs, der Eltern stärkt und zu dem wir alle Familien einladen können.",
        "transitions": ["Geburt"],
        "fields": ["Bildung", "Jugendhilfe"],
        "target_groups": ["Eltern von Neugeborenen", "Junge Mütter"],
        "relevant": ["Elternkompetenzkurs „Mein Baby verstehen“", "Familientreff Bodelschwinghaus"],
    },
    {
        "municipality": "Bönen",
        "title": "Kita und Beratung für Alleinerziehende",
        "need": "Alleinerziehende in Bönen finden kaum Betreuung für Kinder unter drei Jahren und nehmen "
        "Beratung selten in Anspruch. Gesucht: Betreuung und Beratung unter einem Dach.",
        "transitions": ["Geburt", "Kita"],
        "fields": ["Jugendhilfe", "Bildung"],
        "target_groups": ["Alleinerziehende"],
        "relevant": ["KEEP – Königsborner Ein-Eltern-Projekt", "Familientreff Bodelschwinghaus"],
    },
    {
        "municipality": "Fröndenberg/Ruhr",
        "title": "Eine Anlaufstelle für alle Familien",
        "need": "Unsere Beratungsangebote sind über die ganze Stadt verteilt; Familien laufen von Stelle zu "
        "Stelle. Wir wollen Sprechstunden und Beratung der Partner an einem Ort bündeln.",
        "transitions": ["Geburt", "Kita"],
        "fields": ["Jugendhilfe", "Bildung"],
        "target_groups": ["Familien in prekären Lebenslagen", "Eltern von Neugeborenen"],
        "relevant": ["Familiennetz Werne", "Familienbüro Bergkamen", "Familienzentren im Kreis Unna"],
    },
    {
        "municipality": "Unna",
        "title": "Wegweiser für Familien",
        "need": "Familien und Fachkräfte finden die Beratungsdienste und Sprechzeiten in der Stadt nicht. Wir "
        "möchten einen Familienwegweiser als Broschüre und im Internet.",
        "transitions": ["Geburt", "Kita", "Grundschule"],
        "fields": ["Jugendhilfe", "Soziale Sicherung/Arbeit"],
        "target_groups": ["Familien in prekären Lebenslagen"],
        "relevant": ["Familienberatungsführer Selm"],
    },
    {
        "municipality": "Schwerte",
        "title": "Jugendamt und Jobcenter an einen Tisch",
        "need": "Familien im SGB-II-Bezug haben Hilfen beim Jugendamt und beim Jobcenter, die nichts "
        "voneinander wissen. Wir suchen eine erprobte Zusammenarbeit mit gemeinsamem Casemanagement.",
        "transitions": ["Kita", "Grundschule"],
        "fields": ["Soziale Sicherung/Arbeit", "Jugendhilfe"],
        "target_groups": ["Familien in prekären Lebenslagen"],
        "relevant": ["Chancen für Familien", "Netzwerke für Eltern in prekären Lebenslagen"],
    },
    {
        "municipality": "Selm",
        "title": "Getrennte Eltern: weniger Streit um Sorge und Umgang",
        "need": "Trennungen enden bei uns oft in langen Verfahren um Sorgerecht und Umgang, unter denen die "
        "Kinder leiden. Wir suchen eine Zusammenarbeit von Familiengericht, Anwälten, Jugendamt und "
        "Beratungsstellen.",
        "transitions": ["Kita", "Grundschule"],
        "fields": ["Jugendhilfe"],
        "target_groups": ["Eltern in Trennung und Scheidung"],
        "relevant": ["Arbeitskreis Familie und Recht/Kamener Praxis"],
    },
    {
        "municipality": "Werne",
        "title": "Was die Kita weiß, soll die Grundschule erfahren",
        "need": "Beim Schulstart gehen die Beobachtungen und die Förderung aus der Kita verloren. Wir suchen "
        "ein abgestimmtes Verfahren für die Übergabe zwischen Kita und Grundschule.",
        "transitions": ["Grundschule"],
        "fields": ["Bildung"],
        "target_groups": ["Kinder mit Entwicklungsrisiken", "Fachkräfte in Kita und Schule"],
        "relevant": ["Übergabeprotokoll Kita–Grundschule"],
    },
    {
        "municipality": "Bergkamen",
        "title": "Anmeldung an den weiterführenden Schulen vereinfachen",
        "need": "Eltern melden ihre Kinder nach der Grundschule an mehreren Schulen an, die Schulen haben keinen "
        "Überblick. Wir suchen ein einfaches, gemeinsames Anmeldeverfahren.",
        "transitions": ["Sekundarstufe"],
        "fields": ["Bildung"],
        "target_groups": ["Kinder am Übergang in die weiterführende Schule"],
        "relevant": ["Schüler-Online"],
    },
    {
        "municipality": "Lünen",
        "title": "Schnelle Hilfe ohne langes Verfahren",
        "need": "Manche Familien brauchen kurzfristig für einige Wochen Unterstützung; bis ein Hilfeplan steht, "
        "vergeht zu viel Zeit. Wir suchen einen Weg zu niederschwelligen Hilfen unterhalb des "
        "Hilfeplanverfahrens.",
        "transitions": ["Kita", "Grundschule", "Sekundarstufe"],
        "fields": ["Jugendhilfe"],
        "target_groups": ["Familien in prekären Lebenslagen"],
        "relevant": ["Förderverein Jugendhilfe Kamen"],
    },
    {
        "municipality": "Kamen",
        "title": "Stadtteilgremium für Kinder und Jugendliche",
        "need": "In unserem Quartier arbeiten Schulen, Jugendtreff, Kitas und Kirchengemeinden nebeneinander "
        "her. Wir wollen ein Stadtteilgremium, das die Lage der Kinder und Jugendlichen im Stadtteil "
        "gemeinsam in den Blick nimmt.",
        "transitions": ["Kita", "Grundschule", "Sekundarstufe"],
        "fields": ["Jugendhilfe", "Bildung", "Freizeit/Kultur/Sport"],
        "target_groups": ["Familien in prekären Lebenslagen"],
        "relevant": ["Netzwerk Königsborn"],
    },
    {
        "municipality": "Bergkamen",
        "title": "Gesundheit und Sprache von Grundschulkindern im Stadtteil",
        "need": "Die Schuleingangsuntersuchungen zeigen in einigen Quartieren Auffälligkeiten bei Ernährung, "
        "Bewegung und Sprache. Gesucht wird ein Ansatz, der Grundschule, Eltern und Gesundheitsdienste "
        "zusammenbringt.",
        "transitions": ["Grundschule"],
        "fields": ["Gesundheit", "Bildung"],
        "target_groups": ["Kinder mit Entwicklungsrisiken", "Familien in prekären Lebenslagen"],
        "relevant": ["Stadtteileltern Lünen", "Übergabeprotokoll Kita–Grundschule"],
    },
]


def ensure_database() -> None:
    import psycopg
    from django.conf import settings

    db = settings.DATABASES["default"]
    conninfo = dict(host=db["HOST"], port=db["PORT"], user=db["USER"], password=db["PASSWORD"], dbname="postgres")
    with psycopg.connect(**{k: v for k, v in conninfo.items() if v}, autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [db["NAME"]]).fetchone():
            conn.execute(f'CREATE DATABASE "{db["NAME"]}"')


def need_of(judged: dict):
    from projects.models import ActionField, Municipality, TargetGroup, Transition
    from transfers.matching import Need

    return Need(
        municipality_id=Municipality.objects.get(name=judged["municipality"]).pk,
        text=f"{judged['title']} {judged['need']}",
        transition_ids=frozenset(
            Transition.objects.filter(short_name__in=judged["transitions"]).values_list("pk", flat=True)
        ),
        action_field_ids=frozenset(ActionField.objects.filter(name__in=judged["fields"]).values_list("pk", flat=True)),
        target_group_ids=frozenset(
            TargetGroup.objects.filter(name__in=judged["target_groups"]).values_list("pk", flat=True)
        ),
    )


def main() -> float:
    import django

    django.setup()
    ensure_database()
    from django.core.management import call_command

    from transfers import matching

    call_command("migrate", verbosity=0)
    call_command("load_demo", verbosity=0, stdout=open(os.devnull, "w"))  # noqa: SIM115
    projects = list(matching.candidates())
    known = {project.title for project in projects}
    scores, plain = [], []
    print(f"{'Gesuch':58} {'Erste drei Vorschläge (✓ = relevant)':80} P@3")
    for judged in JUDGED:
        missing = set(judged["relevant"]) - known
        assert not missing, f"not a published demo project: {missing}"
        top = matching.rank(need_of(judged), projects)[:3]
        hits = [s.project.title in judged["relevant"] for s in top]
        precision = sum(hits) / min(3, len(judged["relevant"]))
        scores.append(precision)
        plain.append(sum(hits) / 3)
        shown = "; ".join(("✓ " if hit else "✗ ") + s.project.title[:24] for s, hit in zip(top, hits, strict=True))
        print(f"{judged['title'][:58]:58} {shown:80} {precision:.2f}")
    mean = sum(scores) / len(scores)
    print(
        f"\n{len(JUDGED)} Gesuche · precision@3 = {mean:.2f} (Ziel ≥ {TARGET})"
        f" · plain P@3 = {sum(plain) / len(plain):.2f}"
    )
    first = matching.rank(need_of(JUDGED[0]), projects)[0]
    print(f"Werne, „{JUDGED[0]['title']}“ → 1. {first.project.title}: {first.level}; {first.reasons_text}")
    return mean


if __name__ == "__main__":
    sys.exit(0 if main() >= TARGET else 1)
