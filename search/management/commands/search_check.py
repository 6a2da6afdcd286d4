from django.core.management.base import BaseCommand, CommandError

from search import index


class Command(BaseCommand):
    help = "Vergleicht den Suchindex mit der Datenbank; endet mit Fehler, wenn er abweicht."

    def handle(self, *args, **options):
        drifts = index.check()
        for drift in drifts:
            self.stdout.write(
                f"{drift.kind}: fehlt im Index {sorted(drift.missing)}, nicht mehr öffentlich {sorted(drift.extra)}"
            )
        if drifts:
            raise CommandError("Der Suchindex weicht von der Datenbank ab; bitte „manage.py search_rebuild“ ausführen.")
        self.stdout.write("Suchindex stimmt mit der Datenbank überein.")
