"""Nightly: choose the words so frequent that searching them needs precomputed counts and rankings."""

import time

from django.core.management.base import BaseCommand
from django.db import connection, transaction

# A search whose hits are counted per request costs about 10 µs per hit; from this many hits on,
# reading the precomputed counts and best hits is worth their upkeep on every project write.
MIN_PROJECTS = 1000
MAX_TERMS = 500


class Command(BaseCommand):
    help = (
        "Wählt die Suchbegriffe, die in so vielen veröffentlichten Projekten vorkommen, dass ihre "
        "Trefferzahlen und besten Treffer vorab gezählt werden, und baut diese neu auf."
    )

    def add_arguments(self, parser):
        parser.add_argument("--min-projects", type=int, default=MIN_PROJECTS)
        parser.add_argument("--max-terms", type=int, default=MAX_TERMS)

    def handle(self, *args, min_projects: int, max_terms: int, **options):
        started = time.perf_counter()
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SELECT projects_choose_search_terms(%s, %s)", [min_projects, max_terms])
            (terms,) = cursor.fetchone()
        self.stdout.write(
            f"{terms} häufige(r) Suchbegriff(e) gewählt (ab {min_projects} Projekten) "
            f"in {time.perf_counter() - started:.1f} s."
        )
