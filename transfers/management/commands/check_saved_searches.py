from django.core.management.base import BaseCommand

from transfers.models import SavedSearch
from transfers.services import saved_searches_check


class Command(BaseCommand):
    help = (
        "Prüft die Suchaufträge eines Rhythmus auf neue Treffer und benachrichtigt ihre Besitzer/innen "
        "(„instant“ per Cron alle paar Minuten; „daily“ und „weekly“ erledigt auch send_digests)."
    )

    def add_arguments(self, parser):
        parser.add_argument("frequency", choices=SavedSearch.Frequency.values)

    def handle(self, *args, frequency, **options):
        found = saved_searches_check(frequency=frequency)
        self.stdout.write(f"{found} Suchauftrag/-aufträge mit neuen Treffern.")
