"""Run before each worker start (and whenever in doubt): no queued mail stays without a task."""

from django.core.management.base import BaseCommand

from accounts.outbox import outbox_sweep, outbox_sweep_schedule


class Command(BaseCommand):
    help = (
        "Stellt unversandte E-Mails des Postausgangs erneut in die Warteschlange (auch solche, deren "
        "Worker beim Versand beendet wurde) und plant die regelmäßige Prüfung ein."
    )

    def handle(self, *args, **options):
        requeued = outbox_sweep()
        outbox_sweep_schedule()
        self.stdout.write(f"{requeued} E-Mail(s) erneut in die Warteschlange gestellt.")
