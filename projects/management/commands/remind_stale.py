"""Daily: remind Koordinatoren by mail of projects not confirmed as current for 12 months."""

from django.core.management.base import BaseCommand

from projects.services import projects_remind_stale


class Command(BaseCommand):
    help = "Erinnert Koordinator/innen per E-Mail an Projekte, die seit 12 Monaten nicht bestätigt wurden."

    def handle(self, *args, **options):
        mails = projects_remind_stale()
        self.stdout.write(f"{mails} Erinnerung(en) in den Postausgang gestellt.")
