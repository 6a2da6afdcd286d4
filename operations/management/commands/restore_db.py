from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from operations.backup import BackupError, database_restore, libpq_env


class Command(BaseCommand):
    help = (
        "Stellt eine mit backup_db erstellte Sicherung wieder her. Ersetzt alle Tabellen der Zieldatenbank "
        "in einer Transaktion: gelingt es nicht, bleibt die Datenbank unverändert."
    )

    def add_arguments(self, parser):
        parser.add_argument("backup", type=Path, help="die Sicherungsdatei")
        parser.add_argument(
            "--database-url", help="andere Zieldatenbank als die konfigurierte, z. B. eine frische zum Prüfen"
        )
        parser.add_argument("--no-input", action="store_true", help="nicht nachfragen")

    def handle(self, *args, backup: Path, database_url: str | None, no_input: bool, **options):
        target = libpq_env(url=database_url)["PGDATABASE"]
        if not no_input:
            answer = input(f"Alle Daten in der Datenbank „{target}“ werden ersetzt. Fortfahren? [ja/nein] ")
            if answer.strip().lower() not in {"ja", "j", "yes", "y"}:
                raise CommandError("Abgebrochen, nichts geändert.")
        try:
            database_restore(path=backup, url=database_url)
        except BackupError as error:
            raise CommandError(f"Wiederherstellung fehlgeschlagen, nichts geändert: {error}") from error
        self.stdout.write(f"Wiederhergestellt: {backup} → {target}")
