"""Import children and young people per age band from a CSV keyed by the Amtlicher Regionalschlüssel."""

import csv
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from projects.services import POPULATION_COLUMNS, population_import


class Command(BaseCommand):
    help = (
        "Liest Bevölkerungszahlen nach Altersgruppe aus einer CSV-Datei (Semikolon, UTF-8) mit den Spalten "
        "Regionalschluessel;Jahr;Altersgruppe;Anzahl;Quelle, z. B. 059780036036;2023;0-2;1630;IT.NRW."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path)

    def handle(self, *args, path: Path, **options):
        try:
            with path.open(encoding="utf-8-sig", newline="") as file:
                reader = csv.DictReader(file, delimiter=";")
                header = [name.strip().lower().replace("ü", "ue") for name in reader.fieldnames or []]
                missing = [name for name in POPULATION_COLUMNS if name not in header]
                if missing:
                    raise CommandError(f"Es fehlen Spalten: {', '.join(missing)}")
                reader.fieldnames = header
                count = population_import(rows=reader)
        except OSError as error:
            raise CommandError(f"Die Datei lässt sich nicht lesen: {error}") from error
        except ValidationError as error:
            raise CommandError("\n".join(error.messages)) from error
        self.stdout.write(self.style.SUCCESS(f"{count} Bevölkerungszahlen gespeichert."))
