from django.core.management.base import BaseCommand

from transfers.models import NotificationPreference
from transfers.services import digests_send, saved_searches_check


class Command(BaseCommand):
    help = (
        "Stellt die täglichen oder wöchentlichen Zusammenfassungen der Transferbörse in den Postausgang "
        "(per Cron aufrufen); versandt werden sie vom Hintergrund-Worker."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "frequency",
            choices=[NotificationPreference.Frequency.DAILY, NotificationPreference.Frequency.WEEKLY],
            help="daily: täglich per Cron, weekly: einmal pro Woche",
        )

    def handle(self, *args, frequency, **options):
        # saved searches of the same rhythm first, so their news are in this digest
        found = saved_searches_check(frequency=frequency)
        if found:
            self.stdout.write(f"{found} Suchauftrag/-aufträge mit neuen Treffern.")
        sent = digests_send(frequency=frequency)
        self.stdout.write(f"{sent} Zusammenfassung(en) in den Postausgang gestellt.")
