"""Benchmark of the public pages at N published projects.

    .venv/bin/python bench/run.py 100 10000 100000      # N values; data is kept and reused between runs

Creates a database ``transferboerse_bench_<N>`` per N on the embedded server, fills it with N synthetic
published projects (bulk SQL, realistic German text and relations), then requests each page ≥ 50
times with Django's test client and prints SQL queries per request and server time p50/p95 in ms.
While it measures, PostgreSQL's buffer cache is sized like that of a production server into which the
data fits (``SHARED_BUFFERS``, via ``ALTER SYSTEM``; reset afterwards, effective from the server's next start).
"""

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
os.environ.setdefault("BENCH_N", sys.argv[2] if sys.argv[1:2] == ["--one"] else "100")

REQUESTS = 50
WARMUP = 5
SHARED_BUFFERS = "1GB"  # PostgreSQL's buffer cache while measuring, see size_server_cache()

# Vocabulary: domain words; each project draws with a skew (some words common, most rare).
STEMS = [
    "Familien",
    "Kinder",
    "Eltern",
    "Jugendliche",
    "Kita",
    "Schule",
    "Beruf",
    "Ausbildung",
    "Sprache",
    "Gesundheit",
    "Bewegung",
    "Ernährung",
    "Lesen",
    "Musik",
    "Sport",
    "Beratung",
    "Begleitung",
    "Hilfe",
    "Förderung",
    "Bildung",
    "Netzwerk",
    "Quartier",
    "Stadtteil",
    "Zentrum",
    "Besuch",
    "Willkommen",
    "Lotsen",
    "Paten",
    "Mentoren",
    "Übergang",
    "Frühe",
    "Hilfen",
    "Prävention",
    "Integration",
    "Teilhabe",
    "Armut",
    "Alleinerziehende",
    "Zuwanderung",
    "Vielfalt",
    "Inklusion",
    "Elternschule",
    "Hebamme",
    "Kinderarzt",
    "Jugendamt",
    "Jobcenter",
    "Besuchs",  # last = rarest under the skewed draw
]
SUFFIXES = [
    "dienst",
    "projekt",
    "programm",
    "café",
    "treff",
    "werkstatt",
    "lotsen",
    "paten",
    "kurs",
    "gruppe",
    "tag",
    "woche",
    "büro",
    "zentrum",
    "netz",
    "kompass",
    "brücke",
    "start",
    "pass",
]
TEXT_WORDS = [
    "Angebot",
    "erreicht",
    "früh",
    "verlässlich",
    "gemeinsam",
    "Kooperation",
    "Träger",
    "Fachkräfte",
    "Koordination",
    "Ziel",
    "Erfolg",
    "regelmäßig",
    "wöchentlich",
    "monatlich",
    "Gespräch",
    "Hausbesuch",
    "Sprechstunde",
    "Vertrauen",
    "niedrigschwellig",
    "kostenlos",
    "Ehrenamt",
    "Hauptamt",
    "Finanzierung",
    "Förderprogramm",
    "Evaluation",
    "Wirkung",
    "Qualität",
    "Standards",
    "Datenschutz",
    "Zugang",
    "Kommune",
    "Verwaltung",
    "Politik",
    "Rat",
    "Ausschuss",
    "Steuerung",
    "Planung",
    "Bedarf",
    "Sozialraum",
    "Lebenslage",
    "Belastung",
    "Ressourcen",
    "Stärken",
    "Motivation",
    "Selbstwirksamkeit",
    "Entwicklung",
    "Sprachförderung",
    "Bewegungsförderung",
    "Elternarbeit",
    "Schulsozialarbeit",
    "Berufsorientierung",
    "Praktikum",
    "Betrieb",
    "Handwerk",
    "Pflege",
    "Kitaplatz",
    "Eingewöhnung",
    "Einschulung",
    "Zeugnis",
    "Abschluss",
    "Bewerbung",
    "Coaching",
    "Hospitation",
    "Präsentation",
    "Fachtag",
    "Arbeitskreis",
    "Runder",
    "Tisch",
    "Konferenz",
]
TOWNS = ["Bergkamen", "Bönen", "Fröndenberg", "Holzwickede", "Kamen", "Lünen", "Schwerte", "Selm", "Unna", "Werne"]
FIELDS = ["Jugendhilfe", "Bildung", "Gesundheit", "Soziale Sicherung/Arbeit", "Freizeit/Kultur/Sport"]
TARGET_GROUPS = [
    "Familien in prekären Lebenslagen",
    "Alleinerziehende",
    "junge Mütter",
    "Familien mit Zuwanderungsgeschichte",
    "Jugendliche am Übergang Schule–Beruf",
    "Familien mit Neugeborenen",
]


def _server_connection():
    import psycopg
    from django.conf import settings

    db = settings.DATABASES["default"]
    conninfo = dict(host=db["HOST"], port=db["PORT"], user=db["USER"], password=db["PASSWORD"], dbname="postgres")
    return psycopg.connect(**{k: v for k, v in conninfo.items() if v}, autocommit=True)


def ensure_database():
    from django.conf import settings

    name = settings.DATABASES["default"]["NAME"]
    with _server_connection() as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')


def size_server_cache(shared_buffers: str | None) -> None:
    """Size PostgreSQL's buffer cache like a production server into which the data fits (``None``: reset).

    Postgres ships with 128 MB, far less than the 100 000-project database (≈ 800 MB), so every request
    would read its pages from the operating system again. ``ALTER SYSTEM`` takes effect when the embedded
    server starts next: it stops with the last process using it, i.e. before the next measurement process.
    """
    import django

    django.setup()
    with _server_connection() as conn:
        if shared_buffers:
            conn.execute(f"ALTER SYSTEM SET shared_buffers = '{shared_buffers}'")
        else:
            conn.execute("ALTER SYSTEM RESET shared_buffers")


def setup_taxonomies():
    from demo.loader import read
    from projects.models import ActionField, Municipality, Organisation, SocialArea, TargetGroup, Transition

    if Municipality.objects.exists():
        return
    kreis = Municipality.objects.create(name="Kreis Unna", kind="district", has_own_youth_office=True)
    for name in TOWNS:
        town = Municipality.objects.create(name=name, kind="town", parent=kreis, has_own_youth_office=True)
        for quarter in ("Mitte", "Nord", "Süd", "Ost", "West"):
            SocialArea.objects.create(municipality=town, name=f"{name}-{quarter}")
        for number in range(20):
            Organisation.objects.create(name=f"Träger {number} {name}", municipality=town)
    for number in range(40):  # other municipalities of NRW
        Municipality.objects.create(name=f"Modellstadt {number:02d}", kind="town", has_own_youth_office=True)
    for position, data in enumerate(read("taxonomies")["transitions"], start=1):
        Transition.objects.create(name=data["name"], short_name=data["short_name"], position=position)
    for position, name in enumerate(FIELDS, start=1):
        ActionField.objects.create(name=name, position=position)
    for position, name in enumerate(TARGET_GROUPS, start=1):
        TargetGroup.objects.create(name=name, position=position)


def setup_phases():
    """Life phases between the transitions and children per age band of every Kommune of the Kreis (kept
    apart from ``setup_taxonomies`` so that databases made before the phases get them too)."""
    from demo.loader import read
    from projects.models import LifePhase, Municipality, PopulationFigure, Transition

    if LifePhase.objects.exists():
        return
    phases = [
        LifePhase.objects.create(
            name=data["name"], short_name=data["short_name"], age_band=data["age_band"], position=position
        )
        for position, data in enumerate(read("taxonomies")["phases"], start=1)
    ]
    for transition, before, after in zip(Transition.objects.order_by("position"), phases, phases[1:], strict=False):
        transition.phase_before, transition.phase_after, transition.age_band = before, after, after.age_band
        transition.save()
    kreis = Municipality.objects.get(name="Kreis Unna")
    for number, municipality in enumerate(Municipality.objects.in_district(kreis).order_by("name")):
        PopulationFigure.objects.bulk_create(
            PopulationFigure(
                municipality=municipality, year=2023, age_band=band, count=800 + 40 * number, source="Bench"
            )
            for band in ("0-2", "3-5", "6-9", "10-15", "16-18")
        )


TEXT_FUNCTION = """
CREATE OR REPLACE FUNCTION pg_temp.bench_text(words text[], extra text[], n int, skew float) RETURNS text AS $$
    SELECT string_agg(words[1 + floor(array_length(words, 1) * random() ^ skew)::int]
                      || CASE WHEN random() < 0.1 THEN ' ' || extra[1 + floor(array_length(extra, 1) * random())::int]
                              ELSE '' END, ' ')
    FROM generate_series(1, n) AS g(k)
$$ LANGUAGE sql VOLATILE;
"""

GENERATE = """
WITH params AS (
    SELECT %(stems)s::text[] AS stems, %(suffixes)s::text[] AS suffixes, %(words)s::text[] AS words,
           (SELECT array_agg(id ORDER BY id) FROM projects_municipality) AS municipalities
)
INSERT INTO projects_project (municipality_id, title, slug, summary, situation, goals, achievements,
    success_factors, pitfalls, start_year, contact_name, contact_role, contact_email, contact_phone,
    contact_is_public, status, confirmed_at, created_at, updated_at,
    transition_ids, action_field_ids, target_group_ids, social_area_ids, has_transfer_offer, review_comment,
    pending_changes)
SELECT municipalities[1 + (i * 7919) %% array_length(municipalities, 1)],
       CASE WHEN i %% 500 = 1 THEN 'Baby-Besuchsdienst ' || i
            ELSE stems[1 + floor(array_length(stems, 1) * random() ^ 2)::int]
                 || lower(suffixes[1 + (i %% array_length(suffixes, 1))]) || ' ' || i END,
       'bench-' || i,
       pg_temp.bench_text(words, stems, 25, 2),
       pg_temp.bench_text(words, stems, 60, 1),
       pg_temp.bench_text(words, stems, 40, 1),
       pg_temp.bench_text(words, stems, 40, 1),
       pg_temp.bench_text(words, stems, 30, 1),
       pg_temp.bench_text(words, stems, 30, 1),
       2005 + i %% 20, '', '', '', '', false, 'published', now(), now() - (i || ' minutes')::interval, now(),
       '{}', '{}', '{}', '{}', false, '', '{}'
FROM params, generate_series(%(start)s, %(stop)s) AS i
"""

RELATIONS = """
INSERT INTO projects_project_transitions (project_id, transition_id)
SELECT p.id, t.id FROM projects_project p JOIN projects_transition t
  ON t.position = 1 + p.id %% 5 OR (p.id %% 3 = 0 AND t.position = 1 + (p.id + 1) %% 5)
WHERE p.id > %(after)s;
INSERT INTO projects_project_phases (project_id, lifephase_id)
SELECT p.id, l.id FROM projects_project p JOIN projects_lifephase l
  ON l.position = 1 + p.id %% 6 OR (p.id %% 4 = 0 AND l.position = 1 + (p.id + 1) %% 6)
WHERE p.id > %(after)s;
INSERT INTO projects_project_action_fields (project_id, actionfield_id)
SELECT p.id, f.id FROM projects_project p JOIN projects_actionfield f ON f.position = 1 + (p.id / 5) %% 5
WHERE p.id > %(after)s;
INSERT INTO projects_project_target_groups (project_id, targetgroup_id)
SELECT p.id, g.id FROM projects_project p JOIN projects_targetgroup g ON g.position = 1 + (p.id / 7) %% 6
WHERE p.id > %(after)s;
INSERT INTO projects_project_social_areas (project_id, socialarea_id)
SELECT p.id, (SELECT d.id FROM projects_socialarea d WHERE d.municipality_id = p.municipality_id
               ORDER BY d.id OFFSET p.id %% 5 LIMIT 1)
FROM projects_project p WHERE p.id > %(after)s AND p.id %% 2 = 0
  AND EXISTS (SELECT 1 FROM projects_socialarea d WHERE d.municipality_id = p.municipality_id);
INSERT INTO projects_project_organisations (project_id, organisation_id)
SELECT p.id, (SELECT o.id FROM projects_organisation o WHERE o.municipality_id = p.municipality_id
               ORDER BY o.id OFFSET p.id %% 20 LIMIT 1)
FROM projects_project p WHERE p.id > %(after)s
  AND EXISTS (SELECT 1 FROM projects_organisation o WHERE o.municipality_id = p.municipality_id);
INSERT INTO projects_project_served_municipalities (project_id, municipality_id)
SELECT p.id, m.id FROM projects_project p
  JOIN projects_municipality k ON k.id = p.municipality_id AND k.kind = 'district'
  JOIN projects_municipality m ON m.parent_id = k.id
WHERE p.id > %(after)s AND p.id %% 2 = 0;
INSERT INTO transfers_transferoffer (project_id, description, contact_name, contact_email, contact_phone,
                                     contact_is_public, success_criteria, ready_concept, ready_contact_time,
                                     ready_results, ready_material, ready_costs, adopter_effort, adopter_costs,
                                     difficulty, is_active, created_at, updated_at)
SELECT p.id, 'Präsentation und Hospitation', 'Koordination', 'bench@example.org', '', false,
       'Eine Koordinationsstelle und Räume im Stadtteil', true, true, p.id %% 40 = 0, false, false,
       'medium', '', 'medium', true, now(), now()
FROM projects_project p WHERE p.id > %(after)s AND p.id %% 20 = 0;
"""

TRIGGER_TABLES = [
    "projects_project",
    "projects_project_transitions",
    "projects_project_phases",
    "projects_project_action_fields",
    "projects_project_target_groups",
    "projects_project_social_areas",
    "projects_project_organisations",
    "transfers_transferoffer",
]


def fill(target: int) -> None:
    from django.db import connection

    from projects.models import Project

    have = Project.objects.count()
    if have >= target:
        return
    started = time.perf_counter()
    with connection.cursor() as cursor:
        after = cursor.execute("SELECT coalesce(max(id), 0) FROM projects_project").fetchone()[0]
        # Bulk load without row triggers, then one set-based pass through the same trigger function.
        for table in TRIGGER_TABLES:
            cursor.execute(f"ALTER TABLE {table} DISABLE TRIGGER USER")
        cursor.execute(TEXT_FUNCTION)
        step = 10_000
        for start in range(have + 1, target + 1, step):
            stop = min(start + step - 1, target)
            cursor.execute(
                GENERATE,
                {"stems": STEMS, "suffixes": SUFFIXES, "words": TEXT_WORDS, "start": start, "stop": stop},
            )
        cursor.execute(RELATIONS, {"after": after})
        for table in TRIGGER_TABLES:
            cursor.execute(f"ALTER TABLE {table} ENABLE TRIGGER USER")
        cursor.execute("ALTER TABLE projects_project DISABLE TRIGGER project_counts")
        cursor.execute("UPDATE projects_project SET id = id WHERE id > %s", [after])
        cursor.execute("ALTER TABLE projects_project ENABLE TRIGGER project_counts")
        cursor.execute("SELECT projects_rebuild_counts()")
    with connection.cursor() as cursor:
        connection.connection.autocommit = True
        cursor.execute("VACUUM ANALYZE")
    print(f"  {target - have} Projekte erzeugt in {time.perf_counter() - started:.1f} s", flush=True)


def measure(client, url: str) -> tuple[int, float, float]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for _ in range(WARMUP):
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
    timings, query_counts = [], set()
    for _ in range(REQUESTS):
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            client.get(url)
            timings.append((time.perf_counter() - started) * 1000)
        query_counts.add(len(queries.captured_queries))
    assert len(query_counts) == 1, (url, query_counts)
    timings.sort()
    return query_counts.pop(), statistics.median(timings), timings[int(len(timings) * 0.95) - 1]


def measure_search(text: str, url_params: dict) -> tuple[float, float]:
    """p50/p95 in ms of the search engine alone, as the project list calls it (top 20 and every facet)."""
    from portal.filters import FACETS
    from search import index, query

    understood = query.understand(text)
    filters = {name: values for name, values in url_params.items()}
    for term in understood.terms:
        filters.setdefault(term.facet, []).append(str(term.pk))
    searcher = index.searcher()

    def once() -> None:
        query.run(
            "project",
            words=understood.words,
            phrases=understood.phrases,
            filters=filters,
            facets=[*FACETS, "transfer"],
            limit=20,
            searcher=searcher,
        )

    for _ in range(WARMUP):
        once()
    timings = []
    for _ in range(REQUESTS):
        started = time.perf_counter()
        once()
        timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    return statistics.median(timings), timings[int(len(timings) * 0.95) - 1]


def ensure_index(size: int) -> None:
    """The search index of this database, rebuilt (and timed) when it does not hold every published project."""
    from projects.models import Project
    from search import index

    published = Project.objects.published().count()
    held = -1
    if (index.directory() / "index" / "meta.json").exists():
        import tantivy

        searcher = index.searcher(follow=False)
        held = searcher.search(tantivy.Query.term_query(index.SCHEMA, "kind", "project"), 1).count
    if held != published:
        started = time.perf_counter()
        count = index.rebuild()
        print(f"  Suchindex neu aufgebaut: {count} Einträge in {time.perf_counter() - started:.1f} s", flush=True)


def measure_size(size: int) -> list[tuple[int, str, int, float, float]]:
    import django

    django.setup()
    ensure_database()
    from django.core.management import call_command
    from django.test import Client

    from projects.models import Project

    call_command("migrate", verbosity=0)
    setup_taxonomies()
    setup_phases()
    client = Client()
    rows = []
    with _server_connection() as conn:
        shared_buffers = conn.execute("SHOW shared_buffers").fetchone()[0]
    print(f"N = {size} (PostgreSQL shared_buffers {shared_buffers})", flush=True)
    fill(size)
    ensure_index(size)
    project = Project.objects.published().filter(municipality__name="Bergkamen").order_by("id").first()
    pages = {
        "Liste": "/projekte/",
        "Liste gefiltert": (
            # three filters; project 60 (and every 300th after it) matches, so no N gives an empty page
            "/projekte/?uebergang=uebergang-in-die-kita&handlungsfeld=gesundheit&transfer=on"
        ),
        "Liste 1 Facette": "/projekte/?uebergang=uebergang-in-die-kita",
        "Liste 2 Facetten": "/projekte/?uebergang=uebergang-in-die-kita&handlungsfeld=gesundheit",
        "Liste 3 Facetten": (
            "/projekte/?uebergang=uebergang-in-die-kita&handlungsfeld=gesundheit&zielgruppe=alleinerziehende"
        ),
        "Liste 2 Werte": "/projekte/?uebergang=uebergang-in-die-kita&uebergang=uebergang-in-die-grundschule",
        "Suche": "/projekte/?q=Besuchsdienst",
        # a word in about every second project
        "Suche breit": "/projekte/?q=Familie",
        "Suche breit gefiltert": "/projekte/?q=Familie&uebergang=uebergang-in-die-kita",
        "Suche zwei Wörter": "/projekte/?q=Familie+Eltern",
        "Suche drei Wörter": "/projekte/?q=Familie+Eltern+Kinder",
        "Suche mit Tippfehler": "/projekte/?q=Besuchsdinst",
        # a topic and a Kommune: the Kommune becomes a filter
        "Thema und Kommune": "/projekte/?q=Familie+Bergkamen",
        "Suche über alles": "/suche/?q=Familie",
        "Projektseite": project.get_absolute_url(),
        "Präventionskette": "/kommunen/bergkamen/kette/",
        "Lückenraster": "/luecken/",
        "Lückenraster Phasen": "/luecken/?nach=phase",
        "Kommunen": "/kommunen/",
        "Kommunenseite": "/kommunen/bergkamen/",
        "Kreisseite": "/kommunen/kreis-unna/",
        "Lücke": "/luecken/bergkamen/uebergang-in-die-kita/",
        "Lücke Lebensphase": "/luecken/bergkamen/lebensphase/kita/",
    }
    searches = {
        "Suche": ("Besuchsdienst", {}),
        "Suche breit": ("Familie", {}),
        "Suche breit gefiltert": ("Familie", {"uebergang": [str(kita_id())]}),
        "Suche zwei Wörter": ("Familie Eltern", {}),
        "Suche drei Wörter": ("Familie Eltern Kinder", {}),
        "Suche mit Tippfehler": ("Besuchsdinst", {}),
        "Thema und Kommune": ("Familie Bergkamen", {}),
    }
    for name, url in pages.items():
        queries, p50, p95 = measure(client, url)
        engine = measure_search(*searches[name])[1] if name in searches else None
        rows.append((size, name, queries, p50, p95, engine))
        engine_text = f"  Suchmaschine p95 {engine:6.1f} ms" if engine is not None else ""
        print(f"  {name:<22} {queries:>3} Abfragen  p50 {p50:7.1f} ms  p95 {p95:7.1f} ms{engine_text}", flush=True)
    return rows


def kita_id() -> int:
    from projects.models import Transition

    return Transition.objects.get(slug="uebergang-in-die-kita").pk


def main(sizes: list[int]) -> None:
    """Each N runs in its own process (own database, settings are fixed per process)."""
    import subprocess

    size_cache = [sys.executable, __file__, "--server-cache"]
    subprocess.run([*size_cache, SHARED_BUFFERS], check=True)
    try:
        rows = _measure_in_processes(sizes)
    finally:
        subprocess.run(size_cache, check=True)  # back to the default at the server's next start
    print()
    print(f"| {'N':>7} | {'Seite':<22} | SQL | p50 ms | p95 ms | Suche p95 ms |")
    print(f"|{'-' * 9}|{'-' * 24}|-----|--------|--------|--------------|")
    for size, name, queries, p50, p95, engine in rows:
        engine_text = f"{engine:12.1f}" if engine is not None else " " * 12
        print(f"| {size:>7} | {name:<22} | {queries:>3} | {p50:6.1f} | {p95:6.1f} | {engine_text} |")


def _measure_in_processes(sizes: list[int]) -> list[tuple]:
    import json
    import subprocess

    rows = []
    for size in sorted(sizes):
        result = subprocess.run(
            [sys.executable, __file__, "--one", str(size)],
            env={**os.environ, "BENCH_N": str(size)},
            check=True,
            stdout=subprocess.PIPE,
            text=True,
        )
        lines = result.stdout.splitlines()
        print("\n".join(lines[:-1]), flush=True)
        rows += [tuple(row) for row in json.loads(lines[-1])]
    return rows


if __name__ == "__main__":
    if sys.argv[1:2] == ["--one"]:
        import json

        print(json.dumps(measure_size(int(sys.argv[2]))))
    elif sys.argv[1:2] == ["--server-cache"]:
        size_server_cache(sys.argv[2] if len(sys.argv) > 2 else None)
    else:
        main([int(arg) for arg in sys.argv[1:]] or [100, 10_000, 100_000])
