"""Relevance of the search on the demo content: a judged query set, recall@5 and the share of empty results.

    .venv/bin/python bench/relevance.py

Loads the demo into its own database (``transferboerse_bench_demo``) and index, runs every query as the
project list runs it (``search.query.matching_ids``) and compares the first five hits with the projects a
Fachkraft would expect. recall@5 of a query: the expected projects among the first five, divided by the
number expected (at most five). Target: mean recall@5 ≥ 0.9, and no judged query without a result.
"""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
os.environ["BENCH_N"] = "demo"

BABY = "Baby-Besuchsdienst Bergkamen"
COURSE = "Elternkompetenzkurs „Mein Baby verstehen“"
OFFICE = "Familienbüro Bergkamen"
TREFF = "Familientreff Bodelschwinghaus"
KEEP = "KEEP – Königsborner Ein-Eltern-Projekt"
LUENEN_PARENTS = "Stadtteileltern Lünen"
WERNE = "Familiennetz Werne"
SELM_GUIDE = "Familienberatungsführer Selm"
SELM_NETWORK = "AK Frühe Hilfen Selm"
KAMEN_SCHOOL = "Kontaktstelle für jugendliche Schul- und Ausbildungsabbrecher Kamen"
ZUKUNFT = "KinderZUKUNFT NRW"
CHANCES = "Chancen für Familien"
FOERDERVEREIN = "Förderverein Jugendhilfe Kamen"
KOENIGSBORN = "Netzwerk Königsborn"
LAW = "Arbeitskreis Familie und Recht/Kamener Praxis"
CENTRES = "Familienzentren im Kreis Unna"
HANDOVER = "Übergabeprotokoll Kita–Grundschule"
SCHUELER = "Schüler-Online"
JOBCENTER = "Netzwerke für Eltern in prekären Lebenslagen"
KITA = [OFFICE, TREFF, KEEP, LUENEN_PARENTS, WERNE, SELM_GUIDE, CHANCES, FOERDERVEREIN, KOENIGSBORN, LAW, CENTRES,
        JOBCENTER]  # fmt: skip
SINGLE_PARENTS = [OFFICE, TREFF, KEEP, WERNE, CHANCES, JOBCENTER]
SECONDARY = [KAMEN_SCHOOL, FOERDERVEREIN, KOENIGSBORN, SCHUELER]

# query → the published projects a Fachkraft expects (any five of a longer list will do). "Besser GesUND" (in
# review) and "Kontaktstelle Kindergesundheit Kamen" (draft) are not public and expected nowhere.
JUDGED = {
    "Kita Bergkamen": [OFFICE, TREFF],
    "Übergang Schule Beruf Kamen": [KAMEN_SCHOOL],
    "Schule Beruf Kamen": [KAMEN_SCHOOL],
    "Besuchsdienst": [BABY],
    "Besuchsdinst": [BABY],
    "Baby-Besuchsdienst": [BABY],
    "Familienzentrum": [CENTRES, KEEP],
    "Familienzentren": [CENTRES, KEEP],
    "Frühe Hilfen": [SELM_NETWORK],
    "Netzwerk Frühe Hilfen Selm": [SELM_NETWORK],
    "Hebamme Geburt": [ZUKUNFT],
    "Alleinerziehende": SINGLE_PARENTS,
    "Jobcenter": [CHANCES, JOBCENTER],
    "Schulmüde": [KAMEN_SCHOOL],
    "Übergabeprotokoll": [HANDOVER],
    "Schüler Online Anmeldung": [SCHUELER],
    "weiterführende Schule": SECONDARY,
    "Gesundheit Kita": [LUENEN_PARENTS, WERNE, SELM_GUIDE],
    "Stadtteileltern": [LUENEN_PARENTS],
    "Zuwanderung": [LUENEN_PARENTS],
    "Trennung Scheidung": [LAW],
    "Kamener Praxis": [LAW],
    "Baby": [BABY, COURSE],
    "Mein Baby verstehen": [COURSE],
    "Elternkurs": [COURSE],
    "Königsborn": [KEEP, KOENIGSBORN],
    "Unna Alleinerziehende": [KEEP],
    "Familienbüro": [OFFICE, BABY],
    "Wegweiser Beratung Selm": [SELM_GUIDE],
    "Elterncafé": [TREFF, WERNE],
    "Erziehungsberatung": [WERNE],
    "Ausbildungsabbrecher": [KAMEN_SCHOOL],
    "Förderverein": [FOERDERVEREIN],
    "Treff Eltern Kinder Bergkamen": [TREFF],
    "offener Treff": [TREFF],
    "Werne Familien": [WERNE],
    "Lünen": [LUENEN_PARENTS, CHANCES],
    "Kita": KITA,
    "Neugeborene Besuch": [BABY],
    "Geburt Unna": [ZUKUNFT, KEEP],
    "Sekundarstufe Kamen": [KAMEN_SCHOOL, FOERDERVEREIN],
    "KinderZukunft": [ZUKUNFT],
    "Jugendliche Beruf": [KAMEN_SCHOOL, JOBCENTER],
    "Familien mit Zuwanderungsgeschichte": [LUENEN_PARENTS],
}


def main() -> None:
    import django

    django.setup()
    from django.core.management import call_command

    from bench.run import ensure_database

    ensure_database()
    from projects.models import Project
    from search import index, query

    call_command("migrate", verbosity=0)
    call_command("load_demo", verbosity=0)
    index.rebuild()
    titles = dict(Project.objects.values_list("pk", "title"))
    recalls, empty = [], 0
    for text, expected in JUDGED.items():
        found = [titles[pk] for pk in query.matching_ids("project", text, limit=5)]
        if not found:
            empty += 1
        recall = len(set(found) & set(expected)) / min(len(expected), 5)
        recalls.append(recall)
        mark = "" if recall == 1 else "  ←"
        print(f"{recall:4.2f}  {text:<40} {', '.join(found)[:110]}{mark}")
    print()
    print(
        f"{len(JUDGED)} Anfragen · recall@5 {sum(recalls) / len(recalls):.3f} · ohne Treffer {empty / len(JUDGED):.1%}"
    )


if __name__ == "__main__":
    main()
