from django.core.management.base import BaseCommand

from search import index


class Command(BaseCommand):
    help = "Baut den Suchindex dieses Servers neu aus der Datenbank auf."

    def handle(self, *args, **options):
        count = index.rebuild()
        self.stdout.write(f"Suchindex neu aufgebaut: {count} Einträge in {index.directory()}.")
