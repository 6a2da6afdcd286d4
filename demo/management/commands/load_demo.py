from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from demo.loader import LABELS, LoadReport, demo_password, load_demo, read


def _counts(counter, *, all_keys: bool) -> str:
    return ", ".join(f"{counter[key]} {label}" for key, label in LABELS.items() if all_keys or counter[key])


class Command(BaseCommand):
    help = (
        "Lädt Demo-Inhalte aus der Bewerbung des Kreises Unna (Kommunen, Organisationen, Netzwerke, "
        "Projekte, Transfers) und Demo-Konten. Mehrfaches Ausführen ändert nichts."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--allow-production",
            action="store_true",
            help="Auch mit Produktions-Einstellungen laden (legt Konten mit öffentlichem Passwort an).",
        )

    def handle(self, *args, allow_production: bool = False, **options):
        if settings.SETTINGS_MODULE.endswith(".production") and not allow_production:
            raise CommandError(
                "Die Demo-Inhalte enthalten Konten mit öffentlich bekanntem Passwort und werden in der "
                "Produktion nicht geladen. Mit --allow-production erzwingen."
            )
        report = load_demo()
        self._print_summary(report)

    def _print_summary(self, report: LoadReport) -> None:
        self.stdout.write(self.style.SUCCESS(f"Demo-Inhalte geladen: {_counts(report.total, all_keys=True)}."))
        if report.changed_anything:
            if +report.created:
                self.stdout.write(f"Neu angelegt: {_counts(report.created, all_keys=False)}.")
            if +report.updated:
                self.stdout.write(f"Aktualisiert: {_counts(report.updated, all_keys=False)}.")
        else:
            self.stdout.write("Keine Änderungen – die Demo-Inhalte waren schon aktuell.")
        self.stdout.write(f"Demo-Konten (Passwort für neu angelegte Konten: „{demo_password()}“, nur für die Demo):")
        for user in read("accounts")["users"]:
            self.stdout.write(f"  {user['username']} – {user['role_label']}")
